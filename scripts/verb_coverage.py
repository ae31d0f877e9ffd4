#!/usr/bin/env python3
"""Prints the coverage table of docs/verb-dictionary.md from data/verbs/ and data/cameo/.

usage: python3 scripts/verb_coverage.py
"""
import csv
import glob
import os

root_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
onto = {r["code"]: r for r in csv.DictReader(open(os.path.join(root_dir, "data/cameo/ontology.tsv")), delimiter="\t")}
print("| root | name | file | verb patterns | noun patterns | all | codes covered |")
print("|---|---|---|---|---|---|---|")
total = [0, 0, 0, 0]
for path in sorted(glob.glob(os.path.join(root_dir, "data/verbs/*.txt"))):
    name = os.path.basename(path)
    root = name[:2]
    codes, verbs, nouns = set(), 0, 0
    for line in open(path):
        fields = line.split("#")[0].split()
        if not fields:
            continue
        codes.add(fields[0])
        if fields[1].startswith("n:"):
            nouns += 1
        else:
            verbs += 1
    below = [c for c, r in onto.items() if r["root"] == root and len(c) > 2]
    covered = sum(c in codes for c in below)
    print(f"| {root} | {onto[root]['name'].capitalize()} | `{name}` | {verbs} | {nouns} | {verbs + nouns} | {covered} / {len(below)} |")
    total = [total[0] + verbs, total[1] + nouns, total[2] + covered, total[3] + len(below)]
print(f"| | **all** | | **{total[0]}** | **{total[1]}** | **{total[0] + total[1]}** | {total[2]} / {total[3]} |")
