"""Times `sitrep events PATH...` against the Python package over the same articles, and
checks that both give the same events (docs/python.md).

    /usr/bin/python3 bench/python_bench.py [--build build] [--threads N] [--repeat R] PATH...

Prints, for each, the best wall time of R runs: the CLI process as a whole (models loaded
and events written), and in Python the Pipeline() load and the p.events() pass apart.
"""
import argparse
import json
import os
import subprocess
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--build", default=str(ROOT / "build"))
    ap.add_argument("--threads", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    os.environ["SITREP_BUILD_DIR"] = a.build
    sys.path.insert(0, str(ROOT))
    import sitrep

    cli_times, load_times, py_times = [], [], []
    for _ in range(a.repeat):
        t = time.perf_counter()
        out = subprocess.run([str(Path(a.build) / "sitrep"), "events", "--threads", str(a.threads), *a.paths],
                             check=True, capture_output=True, text=True).stdout
        cli_times.append(time.perf_counter() - t)
        expected = [json.loads(line) for line in out.split("\n") if line]

        t = time.perf_counter()
        p = sitrep.Pipeline()
        load_times.append(time.perf_counter() - t)
        t = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", sitrep.SitrepWarning)
            got = list(p.events(a.paths, threads=a.threads))
        py_times.append(time.perf_counter() - t)
        if got != expected:
            sys.exit(f"python_bench: the package's events differ from the CLI's ({len(got)} vs {len(expected)})")
    print(f"{len(expected)} events, identical; threads {a.threads or 'all'}; best of {a.repeat}")
    print(f"  sitrep events (whole process)      {min(cli_times):7.3f} s")
    print(f"  python: Pipeline() + p.events()    {min(l + e for l, e in zip(load_times, py_times)):7.3f} s"
          f"  (load {min(load_times):.3f} s, events {min(py_times):.3f} s)")


if __name__ == "__main__":
    main()
