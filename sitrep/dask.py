"""sitrep on a Dask cluster: code a corpus on several processes or machines (docs/python.md).

    python3 -m sitrep.dask events CORPUS... [--scheduler ADDRESS|local] [--workers N]
                                           [--partitions K] [--out DIR] [--date D]
    python3 -m sitrep.dask ingest CORPUS... --db postgresql://... [--scheduler ...] [--workers N]
                                           [--partitions K] [--date D]

The corpus is listed as `sitrep events CORPUS...` lists it (files and directories,
recursively, sorted by path, hidden names skipped), cut into K contiguous partitions, and
each partition is coded on a Dask worker by the same C++ pipeline (`sitrep.Pipeline`,
loaded once per worker process). The output is DIR/part-00000.jsonl ... in corpus order:
concatenated, the partitions are line for line what `sitrep events CORPUS...` writes.
Without --out the events go to standard output, in order.

`ingest` stores the partitions into one shared store instead, each worker as
`sitrep ingest PARTITION --db URL` would (the same C++ Ingester, through
`sitrep.Pipeline.ingest`): idempotent, every article once, several workers writing at once
(docs/store.md, "Several writers"). The store is a PostgreSQL URL; an SQLite file works
too, its writers taking turns.

`--scheduler local` (the default) starts a LocalCluster of N single-threaded worker
processes on this machine; an address (tcp://host:8786) uses a running cluster whose
workers can import this package (the repository on their PYTHONPATH, the module built).
A progress line goes to standard error. Parquet is not written: Debian 12 packages no
Parquet engine for pandas (pyarrow, fastparquet); `sitrep.events_frame` reads the JSONL.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from pathlib import Path
from typing import List, Optional, Sequence

_pipeline = None  # one per worker process


def _worker_pipeline():
    global _pipeline
    if _pipeline is None:
        import sitrep

        _pipeline = sitrep.Pipeline()
    return _pipeline


def code_partition(files: Sequence[str], date: Optional[str], input_format: str) -> str:
    """The events of `files` (one partition), as the JSONL lines `sitrep events` writes."""
    from sitrep import _ext  # noqa: F401  (the extension: fails early on a worker without it)

    p = _worker_pipeline()
    out = []
    # Path objects: always read as paths, never as an article's text (a missing file with a
    # space in its name is an error, not an article).
    for records in p._stream([Path(f) for f in files], 1, date, input_format, _ext.EVENTS):
        out.append(records[1])
    return "".join(out)


def ingest_partition(files: Sequence[str], db: str, date: Optional[str], input_format: str,
                     commit_every: int) -> dict:
    """Stores `files` (one partition) into the store `db`; the tally (Pipeline.ingest)."""
    return _worker_pipeline().ingest(list(files), db, 1, date, input_format, commit_every)


def list_corpus(paths: Sequence[str]) -> List[str]:
    """The files `sitrep events PATHS...` reads, in its order: each path as given; a
    directory's regular files recursively, sorted by path, hidden names and links to
    directories skipped (src/io/inputs.cc)."""
    out: List[str] = []
    for given in paths:
        p = Path(given)
        if not p.is_dir():
            out.append(given)
            continue
        found: List[Path] = []
        stack = [p]
        while stack:
            d = stack.pop()
            try:
                entries = list(os.scandir(d))
            except OSError as e:
                raise SystemExit(f"sitrep.dask: {d}: cannot read directory: {e.strerror}")
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if entry.is_dir(follow_symlinks=False):
                    stack.append(Path(entry.path))
                elif entry.is_file():
                    found.append(Path(entry.path))
        # std::filesystem::path's order: component by component, bytes compared.
        found.sort(key=lambda f: tuple(os.fsencode(part) for part in f.parts))
        out.extend(str(f) for f in found)
    return out


def partitions(files: Sequence[str], k: int) -> List[List[str]]:
    """`files` cut into at most k contiguous runs of near-equal size."""
    k = max(1, min(k, len(files)))
    size, extra = divmod(len(files), k)
    out, start = [], 0
    for i in range(k):
        end = start + size + (1 if i < extra else 0)
        out.append(list(files[start:end]))
        start = end
    return [p for p in out if p]


@contextlib.contextmanager
def _client(args):
    """A Dask client: of a LocalCluster of --workers single-threaded processes, or of the
    cluster at --scheduler."""
    from distributed import Client, LocalCluster

    cluster = None
    if args.scheduler == "local":
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    else:
        client = Client(args.scheduler)
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run_ingest(args) -> int:
    from distributed import as_completed

    files = list_corpus(args.corpus)
    if not files:
        print("sitrep.dask: no input files", file=sys.stderr)
        return 2
    total = {k: 0 for k in ("read", "added", "replaced", "unchanged", "duplicates", "failed", "events", "analysed")}
    problems = 0
    with _client(args) as client:
        workers = len(client.scheduler_info()["workers"]) or args.workers
        parts = partitions(files, args.partitions or 8 * workers)
        started = time.monotonic()
        futures = [client.submit(ingest_partition, part, args.db, args.date, args.input_format, args.commit_every,
                                 pure=False) for part in parts]
        for done, future in enumerate(as_completed(futures), 1):
            try:
                tally = future.result()
            except Exception as e:  # the store could not be opened, or failed while writing
                print(f"\nsitrep.dask: error: {e}", file=sys.stderr)
                return 1
            for k in total:
                total[k] += tally[k]
            for message in tally["warnings"] + tally["errors"]:
                print(f"\nsitrep.dask: {message}", file=sys.stderr)
                problems += 1
            if not args.quiet:
                print(f"\rsitrep.dask: {done}/{len(parts)} partitions, {total['read']} documents, "
                      f"{time.monotonic() - started:.1f} s", end="", file=sys.stderr, flush=True)
        if not args.quiet:
            secs = time.monotonic() - started
            print(f"\nsitrep.dask: ingest: {total['read']} documents on {workers} workers in {secs:.1f} s "
                  f"({total['read'] / max(secs, 1e-9):.0f} docs/s): {total['added']} added, {total['replaced']} "
                  f"replaced, {total['unchanged']} unchanged, {total['duplicates']} near-duplicates, "
                  f"{total['failed']} failed; {total['analysed']} analysed; {total['events']} event mentions",
                  file=sys.stderr)
    # As `sitrep ingest`: 1 when a document could not be stored, 2 when an input could not be read.
    if total["failed"]:
        return 1
    return 2 if problems else 0


def run_events(args) -> int:
    from distributed import as_completed

    files = list_corpus(args.corpus)
    if not files:
        print("sitrep.dask: no input files", file=sys.stderr)
        return 2
    with _client(args) as client:
        workers = len(client.scheduler_info()["workers"]) or args.workers
        parts = partitions(files, args.partitions or 8 * workers)
        started = time.monotonic()
        futures = [client.submit(code_partition, part, args.date, args.input_format, pure=False) for part in parts]
        index = {f.key: i for i, f in enumerate(futures)}
        results: List[Optional[str]] = [None] * len(parts)
        if args.out:
            Path(args.out).mkdir(parents=True, exist_ok=True)
        next_out, done = 0, 0
        for future in as_completed(futures):
            i = index[future.key]
            results[i] = future.result()
            done += 1
            if args.out:
                Path(args.out, f"part-{i:05d}.jsonl").write_text(results[i], encoding="utf-8")
                results[i] = ""
            else:  # standard output keeps corpus order: write each partition when its turn comes
                while next_out < len(parts) and results[next_out] is not None:
                    sys.stdout.write(results[next_out])
                    results[next_out] = ""
                    next_out += 1
            if not args.quiet:
                print(f"\rsitrep.dask: {done}/{len(parts)} partitions, {time.monotonic() - started:.1f} s",
                      end="", file=sys.stderr, flush=True)
        if not args.quiet:
            print(f"\nsitrep.dask: {len(files)} files on {workers} workers in {time.monotonic() - started:.1f} s",
                  file=sys.stderr)
        sys.stdout.flush()
    return 0


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(prog="python3 -m sitrep.dask", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    ev = sub.add_parser("events", help="code a corpus's events on Dask workers")
    ing = sub.add_parser("ingest", help="store a corpus into one shared store from Dask workers")
    for p in (ev, ing):
        p.add_argument("corpus", nargs="+", help="files and directories, as `sitrep events` takes them")
        p.add_argument("--scheduler", default="local", help="'local' (a LocalCluster) or a scheduler address")
        p.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="worker processes of a local cluster")
        p.add_argument("--partitions", type=int, default=0,
                       help="partitions (default: 8 per worker: the last ones balance the load)")
        p.add_argument("--date", help="the date of documents that carry none (YYYY-MM-DD)")
        p.add_argument("--input-format", default="auto", help="auto, text, html or jsonl")
        p.add_argument("-q", "--quiet", action="store_true", help="no progress line")
    ev.add_argument("--out", help="a folder for part-NNNNN.jsonl (default: standard output)")
    ing.add_argument("--db", required=True, help="the store: postgresql://... (or an SQLite file)")
    ing.add_argument("--commit-every", type=int, default=256, help="documents per transaction (also every 2 s)")
    args = ap.parse_args(argv)
    return run_ingest(args) if args.command == "ingest" else run_events(args)


if __name__ == "__main__":
    sys.exit(main())
