#!/usr/bin/env python3
"""Our real-news event development set (docs/annotation.md).

The annotations in data/eval/realnews-{dev,test}.jsonl hold no article text (the
articles are not ours to ship): each record points at a sentence of a corpus in
../shared/data by file and character offsets, with a short hash of its text. This
script joins them with the text into the PETRARCH validation JSONL format that
`sitrep eval events --coder own --gold FILE` reads:

  python3 scripts/realnews.py build [--data ../shared/data] [--out build/eval] [--fold lower|upper]
      -> build/eval/realnews-dev.jsonl, build/eval/realnews-test.jsonl, build/eval/samples.jsonl,
         build/eval/police.jsonl (100 wire sentences on police, arrests, raids: used in development),
         build/eval/police2.jsonl (a fresh held-out police set, other articles: never tuned on),
         build/eval/tolls.jsonl (the tolls and claims set, below)
  python3 scripts/realnews.py tolls [-v]
      -> scores the tolls (killed, injured, arrested, displaced) and the claims (who says
         who did it: blames, accuses, claims, denies, attributes) sitrep attaches to events
         against build/eval/tolls.jsonl, dev and test splits apart (data/eval/tolls.jsonl:
         violent-event sentences of news-te3-silver with the figures and claims a reader
         finds; articles apart from the other sets; docs/annotation.md)
  python3 scripts/realnews.py sample N SEED OUT.jsonl
      -> N candidate sentences (with text, for annotators; never committed)

Each built record: id, date (YYYYMMDD, the article's), context (the article's text
before the sentence, so that the coder reads it as part of its article), text (the
sentence), expected [{source, target, code, place?}], noevents. A tolls record has
tolls [{kind, min, max}], claims [{by, stance, party}] and split (dev or test) instead
of expected and noevents.
"""
import argparse
import hashlib
import html
import json
import os
import random
import re
import sys

TE3 = "news-te3-silver"
GUM = "ud-english-gum"
SAMPLES = "samples"  # the first user's articles, ../shared/samples (data/eval/samples.jsonl)


def te3_article(path):
    """The article's title and body as plain text, and its date (YYYYMMDD)."""
    raw = open(path, encoding="utf-8").read()
    m = re.search(r'functionInDocument="CREATION_TIME"[^>]*value="(\d{4})-(\d\d)-(\d\d)', raw) or re.search(
        r'value="(\d{4})-(\d\d)-(\d\d)"[^>]*functionInDocument="CREATION_TIME"', raw)
    date = "".join(m.groups()) if m else ""
    title = re.search(r"<TITLE>(.*?)</TITLE>", raw, re.S)
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    strip = lambda s: html.unescape(re.sub(r"<[^>]+>", "", s))
    text = (strip(title.group(1)).strip() + "\n\n" if title else "") + strip(body.group(1) if body else "").strip()
    return text, date


def gum_articles(data):
    """GUM news documents: id -> (text with one sentence a line, date, sentence offsets)."""
    out = {}
    for split in ("train", "dev", "test"):
        doc, date, sents = None, "", []
        for line in open(os.path.join(data, GUM, f"en_gum-ud-{split}.conllu"), encoding="utf-8"):
            if line.startswith("# newdoc id = "):
                if doc:
                    out[doc] = (sents, date)
                name = line.split("=", 1)[1].strip()
                doc = name if name.startswith("GUM_news_") else None
                date, sents = "", []
            elif doc and line.startswith("# meta::dateCreated = "):
                date = line.split("=", 1)[1].strip().replace("-", "")
            elif doc and line.startswith("# text = "):
                sents.append(line[len("# text = "):].rstrip("\n"))
        if doc:
            out[doc] = (sents, date)
    return {k: ("\n".join(s), d) for k, (s, d) in out.items()}


SENT_END = re.compile(r'(?:(?<=[.!?])|(?<=[.!?]["\u201d\']))\s+(?=["\u201c\']?[A-Z0-9])')
ABBREV = re.compile(r"\b(Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sen|Rep|Gov|Prof|St|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec|U\.S|U\.N|No|Co|Corp|Inc|Ltd|Jr|Sr|[A-Z])\.$")


def sentences(text):
    """(start, end) character offsets of the sentences of a plain text: paragraphs are
    split at blank lines (and lines, for GUM), then at sentence ends not after an
    abbreviation. A plain rule: the coder reads each record's context and text anyway."""
    spans = []
    for para in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):
        start = para.start()
        chunk = para.group(0)
        pos = 0
        for m in SENT_END.finditer(chunk):
            if ABBREV.search(chunk[pos:m.start()]):
                continue
            spans.append((start + pos, start + m.start()))
            pos = m.end()
        spans.append((start + pos, start + len(chunk)))
    return [(b, e) for b, e in spans if text[b:e].strip()]


def digest(s):
    return hashlib.sha1(s.encode("utf-8")).hexdigest()[:12]


def load_source(data, ref, cache):
    key = (ref["corpus"], ref["doc"])
    if key not in cache:
        if ref["corpus"] == TE3:
            cache[key] = te3_article(os.path.join(data, TE3, ref["doc"] + ".tml"))
        elif ref["corpus"] == SAMPLES:
            path = os.path.join(data, "..", SAMPLES, ref["doc"] + ".txt")
            cache[key] = (open(path, encoding="utf-8").read(), "")
        else:
            if "gum" not in cache:
                cache["gum"] = gum_articles(data)
            cache[key] = cache["gum"][ref["doc"]]
    return cache[key]


def build(args):
    os.makedirs(args.out, exist_ok=True)
    cache, bad = {}, 0
    for split in ("dev", "test", "samples", "police", "police2", "tolls"):
        src = os.path.join(args.annotations, f"realnews-{split}.jsonl" if split in ("dev", "test") else f"{split}.jsonl")
        if not os.path.exists(src):
            continue
        name = os.path.basename(src)
        if args.fold:
            name = name.replace(".jsonl", f"-{args.fold}.jsonl")
        with open(src, encoding="utf-8") as f, open(os.path.join(args.out, name), "w") as out:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                r = json.loads(line)
                text, date = load_source(args.data, r["ref"], cache)
                b, e = r["ref"]["start"], r["ref"]["end"]
                sent = text[b:e]
                if digest(sent) != r["ref"]["sha1"]:
                    print(f"{src}:{n}: {r['id']}: the text at {b}-{e} of {r['ref']['doc']} changed", file=sys.stderr)
                    bad += 1
                    continue
                context = text[:b]
                if args.fold:  # caseless copies: the coder must find the same events
                    fold = str.lower if args.fold == "lower" else str.upper
                    context, sent = fold(context), fold(sent)
                if "tolls" in r:  # the tolls set: figures and claims, not events
                    rec = {"id": r["id"], "date": r.get("date") or date, "context": context, "text": sent,
                           "tolls": r["tolls"], "split": r.get("split") or "dev"}
                    if "claims" in r:
                        rec["claims"] = r["claims"]
                    out.write(json.dumps(rec, ensure_ascii=False) + "\n")
                    continue
                rec = {"id": r["id"], "date": r.get("date") or date, "context": context, "text": sent,
                       "expected": r["expected"], "noevents": not r["expected"], "category": r["ref"]["corpus"]}
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    if bad:
        sys.exit(1)


def sample(args):
    rng = random.Random(args.seed)
    te3_dir = os.path.join(args.data, TE3)
    files = sorted(f[:-4] for f in os.listdir(te3_dir) if f.endswith(".tml"))
    picked = []
    n_gum = args.n // 4
    for doc in rng.sample(files, (args.n - n_gum) // 3 + 20):
        text, date = te3_article(os.path.join(te3_dir, doc + ".tml"))
        spans = [s for s in sentences(text)[1:] if 6 <= len(text[s[0]:s[1]].split()) <= 70]
        for b, e in rng.sample(spans, min(3, len(spans))):
            picked.append((TE3, doc, b, e, text, date))
    picked = picked[: args.n - n_gum]
    gum = gum_articles(args.data)
    pool = []
    for doc, (text, date) in sorted(gum.items()):
        for b, e in sentences(text)[1:]:
            if 6 <= len(text[b:e].split()) <= 70:
                pool.append((GUM, doc, b, e, text, date))
    picked += rng.sample(pool, n_gum)
    with open(args.output, "w", encoding="utf-8") as out:
        for corpus, doc, b, e, text, date in picked:
            rec = {"id": f"{'te3' if corpus == TE3 else 'gum'}:{doc}:{b}", "date": date,
                   "ref": {"corpus": corpus, "doc": doc, "start": b, "end": e, "sha1": digest(text[b:e])},
                   "context": text[max(0, b - 1500):b], "text": text[b:e]}
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")


def split_of(r):
    """A tolls record's split: "test", else "dev" (no split field, or "split": "dev")."""
    return r.get("split") or "dev"


def said_in(words, text):
    """The words occur in the text as whole words (a toll's "one" is not in "alone")."""
    return re.search(r"(?<!\w)" + re.escape(words) + r"(?!\w)", text) is not None


def claim_codes(c):
    """(by, stance, party) of a claim, gold or sitrep's; an unknown actor is "---"."""
    code = lambda a: (a.get("code") if isinstance(a, dict) else a) or "---"
    return code(c["by"]), c["stance"], code(c["party"])


def claim_match(g, p, country):
    """Gold claim g agrees with claim p: same stance, by and party codes equal (exact) or
    equal in their first three letters (country level; "---" agrees only with "---")."""
    n = 3 if country else None
    return g[1] == p[1] and g[0][:n] == p[0][:n] and g[2][:n] == p[2][:n]


def tolls(args):
    """Scores the tolls (`size`) and claims sitrep attaches to events against
    data/eval/tolls.jsonl, the dev and test splits apart. Each record (its article up to
    the sentence) is one document. A gold figure is found when an event carries that kind
    with the same min and max, from whole words of the sentence, or `sitrep tolls` states it
    with no event to carry it (a running total, deaths told with no event coded). A gold claim is found when an
    event of the document carries a claim made in the record's sentence (its `sent`) with
    the same stance and by and party codes, compared on the whole code (exact) and on the
    first three letters (country level). A figure or claim sitrep gives that no gold one
    matches is wrong (precision)."""
    import subprocess
    recs = [json.loads(l) for l in open(args.gold, encoding="utf-8") if l.strip()]
    docs = []
    for r in recs:
        d = r["date"]
        text = r["context"] + r["text"]
        docs.append(json.dumps({"id": r["id"], "text": text, "date": f"{d[:4]}-{d[4:6]}-{d[6:]}"}))
    stdin = "\n".join(docs) + "\n"
    out = subprocess.run([args.sitrep, "events", "--input-format", "jsonl", "-"], input=stdin,
                         capture_output=True, text=True, check=True).stdout
    # The record's sentence, as sitrep splits it: the (1-based) numbers of the sentences
    # that overlap it (byte offsets into the document's text).
    parsed = subprocess.run([args.sitrep, "parse", "--format", "jsonl", "--until", "tokenize", "--input-format",
                             "jsonl", "-"], input=stdin, capture_output=True, text=True, check=True).stdout
    # Figures no event carries (a running total, deaths told with no event coded): `sitrep
    # tolls` writes them with "event": null.
    stated = subprocess.run([args.sitrep, "tolls", "--input-format", "jsonl", "-"], input=stdin,
                            capture_output=True, text=True, check=True).stdout
    by_id = {r["id"]: r for r in recs}
    own = {}
    for line in parsed.splitlines():
        d = json.loads(line)
        r = by_id.get(d["id"])
        if not r:
            continue
        b = len(r["context"].encode("utf-8"))
        e = b + len(r["text"].encode("utf-8"))
        own[d["id"]] = {i + 1 for i, s in enumerate(d["sentences"]) if s["start"] < e and s["end"] > b}
    found, said = {}, {}
    for line in out.splitlines():
        e = json.loads(line)
        for kind, f in (e.get("size") or {}).items():
            if f:
                found.setdefault(e["doc"], []).append((kind, f["min"], f["max"], f["text"]))
        for c in e.get("claims") or []:
            if c.get("sent") in own.get(e["doc"], ()):
                got = said.setdefault(e["doc"], [])
                if claim_codes(c) not in [g[:3] for g in got]:
                    got.append(claim_codes(c) + (c.get("evidence"),))
    for line in stated.splitlines():
        f = json.loads(line)
        if f["event"] is None:
            found.setdefault(f["doc"], []).append((f["kind"], f["min"], f["max"], f["text"]))
    for split in ("dev", "test"):
        part = [r for r in recs if split_of(r) == split]
        if not part:
            continue
        tp = fn = fp = 0
        for r in part:
            got = [g for g in found.get(r["id"], []) if g[3] and said_in(g[3], r["text"])]
            gold = [(t["kind"], t["min"], t["max"]) for t in r["tolls"]]
            hits = set()
            for kind, mn, mx in gold:
                ok = any(g[0] == kind and g[1] == mn and g[2] == mx for g in got)
                tp += ok
                fn += not ok
                if ok:
                    hits.add((kind, mn, mx))
                elif args.verbose:
                    print(f"{split}: missed {kind} {mn}-{mx}: {r['text'][:150]}  | got {got}")
            for g in got:
                if (g[0], g[1], g[2]) not in hits and (g[0], g[1], g[2]) not in gold:
                    fp += 1
                    hits.add((g[0], g[1], g[2]))
                    if args.verbose:
                        print(f"{split}: wrong {g}: {r['text'][:150]}")
        n = tp + fn
        print(f"tolls {split}: {len(part)} sentences, {n} stated figures; right {tp}/{n} = {100.0 * tp / max(n, 1):.1f}%, "
              f"wrong figures {fp} (precision {100.0 * tp / max(tp + fp, 1):.1f}%)")
        scored = [r for r in part if "claims" in r]  # records read for claims
        if not scored:
            continue
        ngold = sum(len(r["claims"]) for r in scored)
        line = f"claims {split}: {len(scored)} sentences, {ngold} claims"
        for country in (False, True):
            tp = fp = 0
            for r in scored:
                got = said.get(r["id"], [])
                for c in r["claims"]:
                    g = claim_codes(c)
                    ok = any(claim_match(g, p, country) for p in got)
                    tp += ok
                    if not ok and args.verbose and not country:
                        print(f"{split}: missed claim {' '.join(g)}: {r['text'][:150]}  | got {[p[:3] for p in got]}")
                for p in got:
                    if not any(claim_match(claim_codes(c), p, country) for c in r["claims"]):
                        fp += 1
                        if args.verbose and not country:
                            print(f"{split}: wrong claim {' '.join(p[:3])} ({p[3]}): {r['text'][:150]}")
            level = "country level" if country else "exact"
            line += (f"; {level} right {tp}/{ngold} = {100.0 * tp / max(ngold, 1):.1f}%, wrong {fp} "
                     f"(precision {100.0 * tp / max(tp + fp, 1):.1f}%)")
        print(line)


def main():
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.path.join(root, "..", "shared", "data"))
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("--annotations", default=os.path.join(root, "data", "eval"))
    b.add_argument("--out", default=os.path.join(root, "build", "eval"))
    b.add_argument("--fold", choices=("lower", "upper"), help="write case-folded copies (realnews-dev-lower.jsonl...)")
    s = sub.add_parser("sample")
    s.add_argument("n", type=int)
    s.add_argument("seed", type=int)
    s.add_argument("output")
    t = sub.add_parser("tolls")
    t.add_argument("--gold", default=os.path.join(root, "build", "eval", "tolls.jsonl"))
    t.add_argument("--sitrep", default=os.path.join(root, "build", "sitrep"))
    t.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    {"build": build, "sample": sample, "tolls": tolls}[args.cmd](args)


if __name__ == "__main__":
    main()
