#!/usr/bin/env python3
"""Builds data/cameo/ontology.tsv from GDELT's published CAMEO tables.

usage: python3 scripts/cameo_ontology.py [../shared/data/cameo] > data/cameo/ontology.tsv

Reads eventcodes.tsv (code, name; CRLF and LF line ends, stray spaces) and
goldstein.tsv (code, score). Keeps the event codes (2 to 4 digits); the four
quad-class rows ("1".."4") become the quad column instead. Every event code has
a published score; the script fails if one does not, rather than invent it.
"""
import os
import re
import sys

def default_src():
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    for rel in ("../shared", "../../shared", "shared"):  # main checkout, worktree, copy inside
        d = os.path.join(root, rel, "data", "cameo")
        if os.path.isdir(d):
            return d
    sys.exit("no shared/data/cameo beside the repository; pass its path")


src = sys.argv[1] if len(sys.argv) > 1 else default_src()


def rows(name):
    with open(os.path.join(src, name), encoding="ascii", newline="") as f:
        lines = f.read().replace("\r\n", "\n").split("\n")
    for line in lines[1:]:  # header
        if line.strip():
            code, value = line.split("\t")
            yield code.strip(), value


# GDELT's root -> quad mapping (CAMEO quad classes).
def quad(root):
    r = int(root)
    return 1 if r <= 5 else 2 if r <= 9 else 3 if r <= 14 else 4


# One typo in the published names ("radiologicalweapons"); spacing normalised.
FIXES = {"radiologicalweapons": "radiological weapons"}

scores = {code: float(v) for code, v in rows("goldstein.tsv")}
print("code\tname\troot\tlevel\tgoldstein\tquad")
for code, name in rows("eventcodes.tsv"):
    if not re.fullmatch(r"\d{2,4}", code):
        continue  # the quad-class rows
    name = re.sub(r"\s+", " ", name).strip()
    for bad, good in FIXES.items():
        name = name.replace(bad, good)
    if code not in scores:
        sys.exit(f"no Goldstein score for {code}")
    # Level: 1 root (01), 2 three digits (010), 3 four digits (0211).
    level = len(code) - 1
    print(f"{code}\t{name}\t{code[:2]}\t{level}\t{scores[code]:.1f}\t{quad(code[:2])}")
