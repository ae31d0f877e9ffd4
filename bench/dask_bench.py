#!/usr/bin/env python3
"""Events per second of `python3 -m sitrep.dask events` on 1 and 2 local workers against
the single-process CLI (`sitrep events --threads 1` and all cores), on news-te3-silver.

    PYTHONPATH=. /usr/bin/python3 bench/dask_bench.py [--data ../shared/data] [--docs N]

The articles (tags stripped, with their creation dates, as scripts/realnews.py reads them)
are written to a temporary folder as N/50 JSONL files of 50 articles, so that partitions
are whole files. Each run's output is checked to be the CLI's, line for line.
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sys.path.insert(0, os.path.join(ROOT, "scripts"))
from realnews import te3_article  # noqa: E402  (one reader of the corpus)


def run(cmd, env=None):
    t = time.monotonic()
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, env=env).stdout
    return time.monotonic() - t, out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data"))
    ap.add_argument("--docs", type=int, default=600)
    ap.add_argument("--sitrep", default=os.path.join(ROOT, "build", "sitrep"))
    args = ap.parse_args()
    files = sorted(glob.glob(os.path.join(args.data, "news-te3-silver", "**", "*.tml"), recursive=True))[: args.docs]
    tmp = tempfile.mkdtemp(prefix="sitrep-dask-bench-")
    for k in range(0, len(files), 50):
        with open(os.path.join(tmp, f"te3-{k // 50:04d}.jsonl"), "w", encoding="utf-8") as out:
            for f in files[k : k + 50]:
                text, date = te3_article(f)
                d = f"{date[:4]}-{date[4:6]}-{date[6:]}" if date else None
                out.write(json.dumps({"id": os.path.basename(f), "text": text, "date": d}) + "\n")
    env = dict(os.environ, PYTHONPATH=ROOT)
    rows = []
    t1, ref = run([args.sitrep, "events", "--threads", "1", tmp])
    events = ref.count("\n")
    rows.append(("sitrep events --threads 1", t1))
    t, out = run([args.sitrep, "events", tmp])
    assert out == ref
    rows.append(("sitrep events (all cores)", t))
    for workers in (1, 2):
        t, out = run([sys.executable, "-m", "sitrep.dask", "events", tmp, "--workers", str(workers), "-q"], env)
        assert out == ref, f"{workers} workers: output differs from the CLI's"
        rows.append((f"sitrep.dask, {workers} local worker{'s' if workers > 1 else ''}", t))
    print(f"{len(files)} articles, {events} events; machine: {os.cpu_count()} cores")
    for name, t in rows:
        print(f"{name:34s} {t:7.1f} s  {events / t:8.1f} events/s  {t1 / t:5.2f}x")
    one = dict(rows)["sitrep.dask, 1 local worker"]
    two = dict(rows)["sitrep.dask, 2 local workers"]
    print(f"2 workers / 1 worker: {one / two:.2f}x")


if __name__ == "__main__":
    main()
