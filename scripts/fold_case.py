#!/usr/bin/env python3
"""Case-folded copies of CoNLL-U or UNER IOB2 files, for scoring case robustness.

    python3 scripts/fold_case.py lower|upper IN OUT

Folds the word forms (second column) and the `# text` lines; lemmas, tags, heads
and entity labels stay as they were (gold). Python's own str.lower/str.upper.
"""
import sys


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("lower", "upper"):
        sys.exit(__doc__)
    fold = str.lower if sys.argv[1] == "lower" else str.upper
    with open(sys.argv[2], encoding="utf-8") as src, open(sys.argv[3], "w", encoding="utf-8") as out:
        for line in src:
            if line.startswith("# text = "):
                line = "# text = " + fold(line[9:])
            elif line and not line.startswith("#") and "\t" in line:
                cols = line.split("\t")
                cols[1] = fold(cols[1])
                line = "\t".join(cols)
            out.write(line)


if __name__ == "__main__":
    main()
