"""sitrep from Python: news articles to CAMEO event data (docs/python.md).

    import sitrep
    p = sitrep.Pipeline()                      # loads the shipped models once
    doc = p.analyse(text, date="2022-04-12", id="a")
    doc.events, doc.quotes, doc.entities, doc.times, doc.sentences   # lists of dicts
    for e in p.events(["../shared/samples"], threads=2): ...        # a corpus, in input order
    df = sitrep.events_frame(["../shared/samples"], pipeline=p)     # a pandas DataFrame

The analysis is the command line's own C++ library (the extension `_sitrep`, built by
CMake into BUILD/python/), and every record is written by the command line's writers and
parsed here: `doc.events` are the lines of `sitrep events`, `doc.quotes` of `sitrep quotes`,
`doc.entities` of `sitrep entities`, `doc.times` of `sitrep times`, `doc.tolls` of `sitrep
tolls`, and the document itself
(metadata, blocks, `sentences`) the object `sitrep parse --format jsonl` writes.

The GIL is released while articles are read and analysed: several Python threads may call
one Pipeline at once.
"""
from __future__ import annotations

import importlib.machinery
import importlib.util
import json
import os
import sys
import warnings
from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, List, Optional, Union

__all__ = ["Pipeline", "Document", "events_frame", "SitrepWarning", "EVENT_COLUMNS"]

_ROOT = Path(__file__).resolve().parent.parent


def _load_extension():
    """The compiled `_sitrep`: beside this file when installed there; else in the build
    folder's python/ ($SITREP_BUILD_DIR when set, else build/ of this repository)."""
    here = Path(__file__).resolve().parent
    build = Path(os.environ["SITREP_BUILD_DIR"]) if os.environ.get("SITREP_BUILD_DIR") else _ROOT / "build"
    looked = []
    for folder in (here, build / "python"):
        for suffix in importlib.machinery.EXTENSION_SUFFIXES:
            path = folder / ("_sitrep" + suffix)
            looked.append(str(path))
            if path.is_file():
                spec = importlib.util.spec_from_file_location(__name__ + "._sitrep", path)
                module = importlib.util.module_from_spec(spec)
                spec.loader.exec_module(module)
                sys.modules[spec.name] = module
                return module
    raise ImportError(
        "sitrep: the compiled module _sitrep was not found (looked for "
        + ", ".join(looked[:: len(importlib.machinery.EXTENSION_SUFFIXES)])
        + " and the other extension suffixes). Build it with `cmake -S . -B build -G Ninja && "
        "cmake --build build --target python_module` (needs pybind11-dev: bash scripts/setup.sh), "
        "or set SITREP_BUILD_DIR to the build folder that has it."
    )


_ext = _load_extension()
# Every record an analysed Document holds.
_ALL = _ext.DOCUMENT | _ext.EVENTS | _ext.QUOTES | _ext.ENTITIES | _ext.TIMES | _ext.TOLLS


class SitrepWarning(UserWarning):
    """A problem with one input that did not stop the others (the CLI's "sitrep: warning:" lines)."""


def _records(jsonl: str) -> List[Dict[str, Any]]:
    # One JSON object a line. Only "\n" ends a line: str.splitlines would also split on
    # U+2028 and the like, which JSON strings may hold as they are.
    return [json.loads(line) for line in jsonl.split("\n") if line]


class Document:
    """One analysed article.

    Metadata and text, as `sitrep parse --format jsonl` writes them: `id`, `title`, `date`
    (ISO, "" when unknown), `source`, `url`, `path` ("" for a text given directly), `text`,
    `blocks`, `sentences` (each with its tokens, tags, lemmas and dependencies), `warnings`.
    The analysis, one list of dicts per command: `events` (`sitrep events`), `quotes`
    (`sitrep quotes`), `entities` (`sitrep entities`: every mention), `times` (`sitrep times`),
    `tolls` (`sitrep tolls`: every casualty and arrest figure stated, with its event or none).
    Every `start`/`end` is a byte offset into the UTF-8 text (`doc.span(d)` gives the text).
    """

    __slots__ = ("record", "events", "quotes", "entities", "times", "tolls")

    def __init__(self, records: tuple):
        document, events, quotes, entities, times, _, tolls = records
        self.record: Dict[str, Any] = json.loads(document) if document else {}
        self.record.setdefault("warnings", [])
        self.events = _records(events)
        self.quotes = _records(quotes)
        self.entities = _records(entities)
        self.times = _records(times)
        self.tolls = _records(tolls)

    def __getattr__(self, name: str) -> Any:
        if name == "record":  # not set yet (copy, pickle)
            raise AttributeError(name)
        try:
            return self.record[name]
        except KeyError:
            raise AttributeError(name) from None

    def span(self, item: Dict[str, Any]) -> str:
        """The text of a record with byte offsets `start` and `end` (a token, a mention, a quote)."""
        return self.record["text"].encode("utf-8")[item["start"] : item["end"]].decode("utf-8", "replace")

    def to_dict(self) -> Dict[str, Any]:
        return {**self.record, "events": self.events, "quotes": self.quotes, "entities": self.entities,
                "times": self.times, "tolls": self.tolls}

    def __repr__(self) -> str:
        return (f"<sitrep.Document {self.record.get('id')!r} date={self.record.get('date')!r}: "
                f"{len(self.record.get('sentences', []))} sentences, {len(self.events)} events, "
                f"{len(self.quotes)} quotes, {len(self.entities)} mentions, {len(self.times)} times>")


Input = Union[str, "os.PathLike[str]", Dict[str, Any]]


def _inputs(inputs: Union[Input, Iterable[Input]]) -> list:
    """The inputs as the extension takes them: ("path", PATH) or ("text", TEXT, id, title,
    url, source, date, format)."""
    if isinstance(inputs, (str, os.PathLike, dict)):
        inputs = [inputs]
    out = []
    for n, item in enumerate(inputs, 1):
        if isinstance(item, os.PathLike):
            out.append(("path", os.fspath(item)))
        elif isinstance(item, str):
            # A file or directory that exists, or "-", is read; a string with white space
            # in it is an article; anything else is a path that is not there.
            if item == "-" or os.path.exists(item) or not any(c.isspace() for c in item):
                out.append(("path", item))
            else:
                out.append(("text", item, f"text-{n}", None, None, None, None, "text"))
        elif isinstance(item, dict):
            if not isinstance(item.get("text"), str):
                raise TypeError(f"input {n}: an article dict needs a \"text\" string")
            out.append(("text", item["text"], str(item.get("id", f"text-{n}")), item.get("title"),
                        item.get("url"), item.get("source"), _date(item.get("date")), item.get("format", "text")))
        else:
            raise TypeError(f"input {n}: give paths, texts or dicts with a \"text\" field, not {type(item).__name__}")
    for kind, value, *_ in out:
        if kind == "path" and value != "-" and not os.path.exists(value):
            raise FileNotFoundError(f"{value}: no such file or directory")
    return out


def _date(value: Any) -> Optional[str]:
    """A date argument: "YYYY-MM-DD" (or a form the CLI's --date reads), a datetime.date, or None."""
    if value is None or isinstance(value, str):
        return value
    if hasattr(value, "strftime"):
        return value.strftime("%Y-%m-%d")
    raise TypeError(f"a date is a \"YYYY-MM-DD\" string or a datetime.date, not {type(value).__name__}")


_ERRORS = {"not found": FileNotFoundError, "invalid argument": ValueError, "I/O error": OSError}


class Pipeline:
    """The whole sitrep pipeline, loaded once: the models and data the command line uses,
    found as it finds them ($SITREP_MODELS, $SITREP_DATA, then this repository's models/ and
    data/). `dictionaries`: code with a user's PETRARCH2 dictionaries instead of ours (the
    CLI's --dictionaries). Documents over `max_document_bytes` are refused (0: no limit).
    Thread-safe: share one Pipeline between threads."""

    def __init__(self, dictionaries: Optional[str] = None,
                 max_document_bytes: int = _ext.DEFAULT_MAX_DOCUMENT_BYTES):
        self._p = _ext.Pipeline(None if dictionaries is None else os.fspath(dictionaries), max_document_bytes)

    def analyse(self, text: str, date: Optional[str] = None, id: Optional[str] = None,
                title: Optional[str] = None, url: Optional[str] = None, source: Optional[str] = None,
                format: str = "text") -> Document:
        """Analyses one article. `text` is read as a file of it would be (`format` "text":
        a header block of "date ...", "title ..." lines and a headline are recognised;
        "html": a page). `date` (YYYY-MM-DD), `id`, `title`, `url`, `source` are the
        article's metadata, as a JSONL input's fields: given, they replace what the text
        says. Without a date the document is dated from its text."""
        return self._document(self._p.analyse(text, _date(date), id, title, url, source, format, _ALL))

    analyze = analyse

    def documents(self, inputs: Union[Input, Iterable[Input]], threads: int = 0, date: Optional[str] = None,
                  input_format: str = "auto") -> Iterator[Document]:
        """Analyses a corpus on `threads` threads (0: all cores) and yields its Documents in
        input order. `inputs`: paths of files or directories (read as `sitrep events PATH...`
        reads them: recursively, by extension, JSONL one article a line; `input_format`
        overrides the extension), article texts, or dicts with `text` and optionally `id`,
        `title`, `url`, `source`, `date`, `format`. A string that names an existing path is a
        path, one with white space is a text; pathlib.Path objects are always paths.
        `date`: the date of documents that carry none (the CLI's --date)."""
        for records in self._stream(inputs, threads, date, input_format, _ALL):
            yield self._document(records)

    def events(self, inputs: Union[Input, Iterable[Input]], threads: int = 0, date: Optional[str] = None,
               input_format: str = "auto") -> Iterator[Dict[str, Any]]:
        """The events of a corpus (see documents()), one dict each, in input order: exactly
        the lines `sitrep events --format jsonl` writes for the same inputs."""
        for records in self._stream(inputs, threads, date, input_format, _ext.EVENTS):
            yield from _records(records[1])

    def ingest(self, paths: Iterable[Union[str, os.PathLike]], db: str, threads: int = 1,
               date: Optional[str] = None, input_format: str = "auto", commit_every: int = 256) -> Dict[str, Any]:
        """Analyses the files and directories `paths` and stores them in `db`, an SQLite file
        or a PostgreSQL URL (postgresql://...), exactly as `sitrep ingest PATHS --db DB` does
        (the same C++ Ingester: idempotent, one event per happening, a transaction per
        `commit_every` documents). Several processes may ingest into one PostgreSQL store at
        once (docs/store.md). Returns the tally: read, added, replaced, unchanged,
        duplicates, failed, events, analysed, and the messages of `warnings` (inputs not
        read) and `errors` (documents not stored); raises when the store cannot be opened or
        fails while writing."""
        return self._p.ingest([os.fspath(p) for p in paths], db, threads, _date(date), input_format, commit_every)

    def _document(self, records: tuple) -> Document:
        for w in records[5]:
            warnings.warn(w, SitrepWarning, stacklevel=3)
        return Document(records)

    def _stream(self, inputs, threads, date, input_format, what):
        stream = self._p.stream(_inputs(inputs), threads, _date(date), input_format, what)
        try:
            while True:
                item = stream.next()
                if item is None:
                    return
                if item[0] == "document":
                    for w in item[1][5]:
                        warnings.warn(w, SitrepWarning, stacklevel=3)
                    yield item[1]
                elif item[0] == "warning":
                    warnings.warn(item[1], SitrepWarning, stacklevel=3)
                else:
                    raise _ERRORS.get(item[1], RuntimeError)(item[2])
        finally:
            stream.close()


_default: Optional[Pipeline] = None


def _default_pipeline() -> Pipeline:
    global _default
    if _default is None:
        _default = Pipeline()
    return _default


# The event record's fields (docs/event-output.md) as DataFrame columns, in the record's
# order: the objects source, target, reported_by and location flattened into `<field>_<key>`
# columns; size (the figures of a material event) and claims kept as Python objects.
# A field the records gain later is added at the end as an object column.
EVENT_COLUMNS: Dict[str, str] = {
    "doc": "string",
    "sent": "Int64",
    "date": "datetime64[ns]",
    "date_text": "string",
    "source_code": "string",
    "source_text": "string",
    "target_code": "string",
    "target_text": "string",
    "code": "string",
    "root": "string",
    "goldstein": "float64",
    "quad": "Int64",
    "negated": "boolean",
    "future": "boolean",
    "reported_by_code": "string",
    "reported_by_text": "string",
    "location_name": "string",
    "location_country": "string",
    "location_lat": "float64",
    "location_lon": "float64",
    "time_precision": "Int64",
    "geo_precision": "Int64",
    "plover": "string",
    "size": "object",
    "claims": "object",
    "contested": "boolean",
    "evidence": "string",
    "confidence": "float64",
}
_FLATTENED = {"source": ("code", "text"), "target": ("code", "text"), "reported_by": ("code", "text"),
              "location": ("name", "country", "lat", "lon")}


def _flat(event: Dict[str, Any]) -> Dict[str, Any]:
    row: Dict[str, Any] = {}
    for key, value in event.items():
        if key in _FLATTENED:
            value = value or {}
            for sub in _FLATTENED[key]:
                row[f"{key}_{sub}"] = value.get(sub)
            for sub in value.keys() - set(_FLATTENED[key]):  # a key the record gains later
                row[f"{key}_{sub}"] = value[sub]
        else:
            row[key] = value
    return row


def events_frame(data: Any = None, pipeline: Optional[Pipeline] = None, threads: int = 0,
                 date: Optional[str] = None, input_format: str = "auto"):
    """Events as a pandas DataFrame with typed columns (EVENT_COLUMNS, docs/python.md):
    `date` datetime64 (NaT when unknown), codes and texts pandas strings ("041" stays
    "041"; <NA> for null), counts nullable integers, flags nullable booleans.

    `data`: event dicts (from Pipeline.events, Document.events, or lines of `sitrep events`
    read with json.loads), a Document or Documents, or the inputs of Pipeline.events
    (paths, texts, article dicts), analysed with `pipeline` (default: one Pipeline loaded on
    first use) on `threads` threads."""
    import pandas as pd

    items = [data] if isinstance(data, (str, os.PathLike, dict, Document)) else list(data or [])
    if items and all(isinstance(i, Document) for i in items):
        events: List[Dict[str, Any]] = [e for d in items for e in d.events]
    elif items and all(isinstance(i, dict) and "code" in i and "text" not in i for i in items):
        events = items
    elif items:
        events = list((pipeline or _default_pipeline()).events(items, threads=threads, date=date,
                                                              input_format=input_format))
    else:
        events = []
    rows = [_flat(e) for e in events]
    columns = list(EVENT_COLUMNS)
    for row in rows:
        for key in row:
            if key not in EVENT_COLUMNS and key not in columns:
                columns.append(key)
    frame = pd.DataFrame.from_records(rows, columns=columns)
    for column in columns:
        dtype = EVENT_COLUMNS.get(column, "object")
        if dtype == "datetime64[ns]":
            frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d", errors="coerce")
        elif dtype == "object":
            frame[column] = frame[column].astype(object)
        elif dtype in ("Int64", "boolean", "float64"):
            frame[column] = frame[column].astype(object).where(frame[column].notna(), None).astype(dtype)
        else:
            frame[column] = frame[column].astype(dtype)
    return frame
