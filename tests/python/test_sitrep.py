"""The Python package against the command line (ctest: python.sitrep).

Runs with the interpreter the module was built for; from the repository root, with
SITREP_BUILD_DIR naming the build folder and SITREP_BINARY its `sitrep` (ctest sets both;
by hand: SITREP_BUILD_DIR=build SITREP_BINARY=build/sitrep /usr/bin/python3 tests/python/test_sitrep.py).
The package must give exactly what the CLI writes: same records, same fields, same order.
"""
import datetime
import json
import os
import subprocess
import sys
import threading
import unittest
import warnings
from pathlib import Path

from paths import BINARY, BUILD, EXAMPLES, ROOT, SAMPLES  # noqa: E402  (and the repository on sys.path)

import sitrep  # noqa: E402


def cli(command, *args):
    out = subprocess.run([BINARY, command, *map(str, args)], cwd=ROOT, check=True, capture_output=True, text=True)
    return [json.loads(line) for line in out.stdout.split("\n") if line]


def corpus():
    """The articles the comparisons run on: the user's samples when present, else examples/."""
    return SAMPLES if SAMPLES.is_dir() else EXAMPLES


def text_files(folder):
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix == ".txt" and not p.name.startswith("."))


class PackageTest(unittest.TestCase):
    pipeline = None

    @classmethod
    def setUpClass(cls):
        if PackageTest.pipeline is None:
            PackageTest.pipeline = sitrep.Pipeline()
        cls.p = PackageTest.pipeline

    def test_import_finds_the_module_of_this_build(self):
        self.assertTrue(Path(sitrep._ext.__file__).resolve().is_relative_to(BUILD.resolve()), sitrep._ext.__file__)

    def test_events_over_paths_equal_the_cli(self):
        folders = [EXAMPLES] + ([SAMPLES] if SAMPLES.is_dir() else [])
        for folder in folders:
            with self.subTest(folder=str(folder)):
                expected = cli("events", folder)
                self.assertGreater(len(expected), 0)
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", sitrep.SitrepWarning)  # the CLI's stderr
                    got = list(self.p.events([folder], threads=2))
                self.assertEqual(got, expected)
                self.assertEqual([list(e) for e in got], [list(e) for e in expected])  # field order too

    def test_events_threads_and_inputs_as_str_path_and_list(self):
        expected = cli("events", EXAMPLES)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", sitrep.SitrepWarning)
            self.assertEqual(list(self.p.events(str(EXAMPLES), threads=1)), expected)
            files = sorted(p for p in EXAMPLES.rglob("*") if p.is_file() and not p.name.startswith("."))
            self.assertEqual(list(self.p.events(files, threads=3)), cli("events", *files))

    def test_analyse_gives_the_records_of_each_command(self):
        for path in text_files(corpus()):
            with self.subTest(path=path.name):
                doc = self.p.analyse(path.read_text(encoding="utf-8"), id=path.stem)
                self.assertEqual(doc.id, path.stem)
                self.assertEqual(doc.events, cli("events", path))
                self.assertEqual(doc.quotes, cli("quotes", path))
                self.assertEqual(doc.tolls, cli("tolls", path))
                self.assertEqual(doc.entities, cli("entities", path))
                parsed = cli("parse", "--format", "jsonl", path)
                self.assertEqual(len(parsed), 1)
                # Keys of the document object as `sitrep parse --format jsonl` writes them.
                self.assertEqual(set(parsed[0]) - {"warnings"}, set(doc.record) - {"warnings"})
                self.assertEqual([list(s) for s in doc.sentences], [list(s) for s in parsed[0]["sentences"]])
                self.assertEqual(doc.text, parsed[0]["text"])
                times = cli("times", path)
                self.assertEqual([list(t) for t in doc.times], [list(t) for t in times])
                if doc.events:
                    e = doc.events[0]
                    self.assertEqual(doc.span({"start": 0, "end": 0}), "")
                    self.assertIsInstance(e["code"], str)

    def test_analyse_metadata_arguments(self):
        text = "Russian forces shelled Kharkiv on Monday, Ukrainian officials said."
        doc = self.p.analyse(text, date="2022-04-12", id="a", title="Shelling", url="https://example.org/a")
        self.assertEqual((doc.id, doc.date, doc.title, doc.url, doc.path), ("a", "2022-04-12", "Shelling",
                                                                           "https://example.org/a", ""))
        self.assertTrue(doc.events, "an event is coded")
        self.assertTrue(all(e["doc"] == "a" for e in doc.events))
        # "on Monday" before 2022-04-12 (a Tuesday) is 2022-04-11.
        self.assertIn("2022-04-11", [e["date"] for e in doc.events])
        self.assertTrue(all(t["doc_date"] == "2022-04-12" for t in doc.times))
        self.assertEqual(doc.sentences[0]["text"], text)
        mention = doc.entities[0]
        self.assertEqual(doc.span(mention), mention["text"])
        self.assertEqual(self.p.analyse(text, date=datetime.date(2022, 4, 12)).events, doc.events and [
            dict(e, doc="text") for e in doc.events])
        with self.assertRaises(ValueError):
            self.p.analyse(text, date="12 Apr")

    def test_texts_and_dicts_in_a_corpus(self):
        path = text_files(corpus())[0]
        text = path.read_text(encoding="utf-8")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", sitrep.SitrepWarning)
            by_text = list(self.p.events([text]))
            by_dict = list(self.p.events([{"text": text, "id": path.stem}]))
        self.assertEqual(by_dict, self.p.analyse(text, id=path.stem).events)
        self.assertEqual([dict(e, doc=path.stem) for e in by_text], by_dict)
        docs = list(self.p.documents([{"text": text, "id": "x"}, path]))
        self.assertEqual([d.id for d in docs], ["x", path.stem])
        self.assertEqual(docs[1].events, cli("events", path))
        with self.assertRaises(FileNotFoundError):
            list(self.p.events(["no/such/dir"]))

    def test_events_frame_types(self):
        import pandas as pd

        events = cli("events", corpus())
        frame = sitrep.events_frame(events)
        self.assertEqual(len(frame), len(events))
        self.assertEqual(str(frame["date"].dtype), "datetime64[ns]")
        self.assertEqual(str(frame["code"].dtype), "string")
        self.assertEqual(list(frame["code"]), [e["code"] for e in events])
        self.assertEqual(list(frame["root"]), [e["root"] for e in events])
        self.assertTrue(any(c.startswith("0") for c in frame["code"]), "a code with a leading zero is kept")
        # Every field of the CLI's records is a column, directly or flattened.
        flattened = set()
        for e in events:
            for key, value in e.items():
                if isinstance(value, dict) and key != "size":
                    flattened.add(key)
                    for sub in value:
                        self.assertIn(f"{key}_{sub}", frame.columns)
        self.assertTrue({"source", "target"} <= flattened)
        for key in events[0]:
            self.assertTrue(key in frame.columns or any(c.startswith(key + "_") for c in frame.columns), key)
        for i, e in enumerate(events):
            self.assertEqual(frame["source_code"][i] if not pd.isna(frame["source_code"][i]) else None,
                             (e["source"] or {}).get("code"))
            if e["date"] is None:
                self.assertTrue(pd.isna(frame["date"][i]))
            else:
                self.assertEqual(frame["date"][i].strftime("%Y-%m-%d"), e["date"])

        # A code that a number would lose: "041" stays "041", a null date is NaT.
        one = dict(events[0], code="041", root="04", date=None)
        small = sitrep.events_frame([one])
        self.assertEqual(small["code"][0], "041")
        self.assertEqual(small["root"][0], "04")
        self.assertTrue(pd.isna(small["date"][0]))
        self.assertEqual(str(small["sent"].dtype), "Int64")

        # From paths, with a pipeline: the same frame.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", sitrep.SitrepWarning)
            direct = sitrep.events_frame([corpus()], pipeline=self.p, threads=2)
        pd.testing.assert_frame_equal(direct, frame)
        doc_frame = sitrep.events_frame(self.p.analyse("Russian forces shelled Kharkiv on Monday.", date="2022-04-12"))
        self.assertGreater(len(doc_frame), 0)

    def test_threads_share_one_pipeline(self):
        texts = [p.read_text(encoding="utf-8") for p in text_files(corpus())] * 2
        sequential = [self.p.analyse(t, id=str(i)).to_dict() for i, t in enumerate(texts)]
        results = [None] * len(texts)
        errors = []

        def work(i):
            try:
                results[i] = self.p.analyse(texts[i], id=str(i)).to_dict()
            except Exception as e:  # noqa: BLE001
                errors.append(e)

        threads = [threading.Thread(target=work, args=(i,)) for i in range(len(texts))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])
        self.assertEqual(results, sequential)

    def test_gil_is_released_while_analysing(self):
        # While one thread analyses, another keeps running Python code.
        text = "\n\n".join(p.read_text(encoding="utf-8") for p in text_files(corpus()))
        ticks = 0
        done = threading.Event()

        def analyse():
            self.p.analyse(text)
            done.set()

        worker = threading.Thread(target=analyse)
        worker.start()
        while not done.is_set():
            ticks += 1
            done.wait(0.001)
        worker.join()
        self.assertGreater(ticks, 5)

    def test_stopping_early(self):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", sitrep.SitrepWarning)
            it = self.p.events([EXAMPLES, corpus()], threads=2)
            first = next(it)
            it.close()  # the worker thread stops and is joined
        self.assertEqual(first, cli("events", EXAMPLES)[0])


if __name__ == "__main__":
    unittest.main()
