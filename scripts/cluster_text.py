#!/usr/bin/env python3
"""Unlabelled, openly licensed text for `sitrep train clusters`: one sentence a
line, tokens separated by spaces.

    python3 scripts/cluster_text.py OUT.txt [SHARED_DATA_DIR]

- SemEval-2015 Task 4 Wikinews articles (CC BY 3.0; ../shared/data/semeval2015-timeline,
  CAT XML, already tokenized; each document once).
- WordNet 3.0 glosses and their example sentences (Debian `wordnet-base`,
  /usr/share/wordnet/data.*; WordNet licence: use, copy, modify and distribute for
  any purpose), tokenized here by a small rule (words, n't/'s, punctuation).
The UD EWT and GUM training files are read by the trainer itself (`--conllu`).
"""
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

TOKEN = re.compile(r"[A-Za-z]+(?=n't)|n't|'[a-z]+|\d+(?:[.,]\d+)*|[A-Za-z]+(?:[-.][A-Za-z]+)*|\S")


def semeval(root, out):
    seen = set()
    n = 0
    for path in sorted(glob.glob(os.path.join(root, "semeval2015-timeline", "**", "*.xml"), recursive=True)):
        try:
            doc = ET.parse(path).getroot()
        except ET.ParseError:
            continue
        if doc.tag != "Document" or doc.get("doc_id") in seen:
            continue
        seen.add(doc.get("doc_id"))
        sents = {}
        for t in doc.iter("token"):
            sents.setdefault(int(t.get("sentence")), []).append((t.text or "").strip())
        for k in sorted(sents):
            words = [w for w in sents[k] if w]
            if words:
                out.write(" ".join(words) + "\n")
                n += 1
    return len(seen), n


def wordnet(out, folder="/usr/share/wordnet"):
    n = 0
    for part in ("noun", "verb", "adj", "adv"):
        path = os.path.join(folder, "data." + part)
        if not os.path.exists(path):
            continue
        with open(path, encoding="latin-1") as f:
            for line in f:
                if line.startswith("  ") or "|" not in line:
                    continue
                gloss = line.split("|", 1)[1].strip()
                for piece in gloss.split(";"):
                    piece = piece.strip().strip('"').strip()
                    if not piece:
                        continue
                    out.write(" ".join(TOKEN.findall(piece)) + "\n")
                    n += 1
    return n


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    root = sys.argv[2] if len(sys.argv) == 3 else os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data")
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        docs, sents = semeval(root, out)
        glosses = wordnet(out)
    print(f"semeval2015-timeline: {docs} documents, {sents} sentences; WordNet: {glosses} glosses and examples",
          file=sys.stderr)


if __name__ == "__main__":
    main()
