"""sitrep on Dask against the command line (ctest: python.dask).

A LocalCluster of 2 worker processes codes a corpus cut into partitions; the output,
standard output or the partition files concatenated, is line for line what
`sitrep events` writes. `sitrep.dask ingest` on 2 workers into a PostgreSQL store (a
throwaway server: scripts/postgres.sh; skipped where PostgreSQL is absent) stores what one
`sitrep ingest` stores. Runs like tests/python/test_sitrep.py (SITREP_BUILD_DIR,
SITREP_BINARY); skipped when Dask (Debian python3-distributed) is not installed.
"""
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

from paths import BINARY, BUILD, EXAMPLES, ROOT, SAMPLES  # noqa: E402  (and the repository on sys.path)

try:
    import distributed  # noqa: F401
except ImportError:  # pragma: no cover
    distributed = None

from sitrep import dask as sitrep_dask  # noqa: E402


def run(cmd):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True, env=env).stdout


@unittest.skipIf(distributed is None, "Dask is not installed (python3-distributed)")
class DaskTest(unittest.TestCase):
    def corpus(self):
        # The samples carry no date of their own: the CLI dates them by the other articles of
        # its batch, a partition by its own; --date makes both the same (docs/python.md).
        return [str(EXAMPLES)] + ([str(SAMPLES), "--date", "2022-04-05"] if SAMPLES.is_dir() else [])

    def test_two_workers_give_the_cli_events_line_for_line(self):
        args = self.corpus()
        expected = run([BINARY, "events", *args])
        self.assertGreater(expected.count("\n"), 5)
        got = run([sys.executable, "-m", "sitrep.dask", "events", *args, "--workers", "2", "--partitions", "5", "-q"])
        self.assertEqual(got, expected)

    def test_partition_files_concatenated_are_the_cli_output(self):
        args = self.corpus()
        expected = run([BINARY, "events", *args])
        with tempfile.TemporaryDirectory() as out:
            run([sys.executable, "-m", "sitrep.dask", "events", *args, "--workers", "2", "--out", out, "-q"])
            parts = sorted(Path(out).glob("part-*.jsonl"))
            self.assertGreater(len(parts), 1)
            self.assertEqual("".join(p.read_text(encoding="utf-8") for p in parts), expected)

    def test_the_corpus_is_listed_in_the_cli_order(self):
        with tempfile.TemporaryDirectory() as d:
            for name in ["b.txt", "a/z.txt", "a/b/c.txt", ".hidden.txt", "A.txt", "a-b.txt"]:
                p = Path(d, name)
                p.parent.mkdir(parents=True, exist_ok=True)
                p.write_text("Police arrested 40 protesters in Minsk on Sunday.\n", encoding="utf-8")
            names = [os.path.relpath(f, d) for f in sitrep_dask.list_corpus([d])]
            self.assertEqual(names, ["A.txt", "a/b/c.txt", "a/z.txt", "a-b.txt", "b.txt"])
            cli = run([BINARY, "events", d])
            docs = [line.split('"doc":"')[1].split('"')[0] for line in cli.split("\n") if line]
            self.assertEqual([Path(n).stem for n in names], list(dict.fromkeys(docs)))

    def test_partitions_are_contiguous_and_cover_the_corpus(self):
        files = [f"f{i}" for i in range(11)]
        parts = sitrep_dask.partitions(files, 4)
        self.assertEqual(len(parts), 4)
        self.assertEqual(sum(parts, []), files)
        self.assertLessEqual(max(map(len, parts)) - min(map(len, parts)), 1)
        self.assertEqual(sitrep_dask.partitions(files[:2], 8), [["f0"], ["f1"]])


def psql_binary():
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/psql"))
    return found[-1] if found else shutil.which("psql")


@unittest.skipIf(distributed is None, "Dask is not installed (python3-distributed)")
class DaskIngestTest(unittest.TestCase):
    """Two Dask workers ingesting partitions of a corpus into one PostgreSQL store at once."""

    @classmethod
    def setUpClass(cls):
        cls.dir = None
        cls.url = None
        file = os.environ.get("SITREP_TEST_POSTGRES")  # the ctest fixture's server (tests/postgres_fixture.sh)
        if file and os.path.exists(file):
            cls.url = Path(file).read_text().strip()
        elif file and os.path.exists(file + ".absent"):
            raise unittest.SkipTest("PostgreSQL binaries absent (scripts/postgres.sh found no initdb)")
        else:
            cls.dir = tempfile.mkdtemp(prefix="sitrep-pg-")
            os.rmdir(cls.dir)
            p = subprocess.run(["bash", str(ROOT / "scripts" / "postgres.sh"), "start", cls.dir],
                               capture_output=True, text=True)
            if p.returncode == 3:
                raise unittest.SkipTest("PostgreSQL binaries absent (scripts/postgres.sh found no initdb)")
            if p.returncode != 0:
                raise RuntimeError("scripts/postgres.sh start: " + p.stderr)
            cls.url = p.stdout.strip()
        if not psql_binary():
            raise unittest.SkipTest("psql absent")

    @classmethod
    def tearDownClass(cls):
        if cls.dir:
            subprocess.run(["bash", str(ROOT / "scripts" / "postgres.sh"), "stop", cls.dir], check=False)

    def psql(self, url, sql):
        return subprocess.run([psql_binary(), "-XAtq", url, "-c", sql], check=True, capture_output=True,
                              text=True).stdout

    def store(self, name):
        """A new, empty store: a schema of its own on the test server."""
        schema = f"py{os.getpid()}_{name}"
        self.psql(self.url, f"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}")
        return f"{self.url}&options=-csearch_path%3D{schema}"

    def test_two_workers_store_what_one_cli_ingest_stores(self):
        corpus = [str(EXAMPLES)] + ([str(SAMPLES)] if SAMPLES.is_dir() else [])
        corpus += sorted(glob.glob(str(ROOT.parent / "shared" / "data" / "news-te3-silver" / "*.tml")))[:30]
        shared, single = self.store("dask"), self.store("cli")
        run([sys.executable, "-m", "sitrep.dask", "ingest", *corpus, "--date", "2022-04-05", "--db", shared,
             "--workers", "2", "--partitions", "6", "--commit-every", "4", "-q"])
        # Every article once, as one `sitrep ingest` over the corpus stores them...
        everything = self.store("all")
        run([BINARY, "ingest", *corpus, "--date", "2022-04-05", "--db", everything])
        keys = "SELECT doc_key || ' ' || hash FROM documents ORDER BY 1"
        self.assertEqual(self.psql(shared, "SELECT count(*) - count(DISTINCT doc_key) FROM documents").strip(), "0")
        self.assertEqual(self.psql(shared, keys), self.psql(everything, keys))
        # ...and the store one `sitrep ingest` makes of the articles in the order the workers stored them
        # (which events a report joins depends on what was stored before it: docs/store.md).
        order = list(dict.fromkeys(self.psql(shared, "SELECT path FROM documents ORDER BY id").split("\n")[:-1]))
        run([BINARY, "ingest", "--threads", "1", "--date", "2022-04-05", "--db", single, *order])
        for query in (["events"], ["quotes"], ["dyads", "--by", "week"], ["stories"]):
            expected = run([BINARY, *query, "--db", single])
            self.assertGreater(expected.count("\n"), 3, query)
            self.assertEqual(run([BINARY, *query, "--db", shared]), expected, query)


if __name__ == "__main__":
    unittest.main()
