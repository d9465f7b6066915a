#!/usr/bin/env python3
"""Stories benchmark: 100,000 events clustered, and what merging and linking cost an ingest.

Three parts, each in a process of its own so that its peak memory is its own:

* ``cluster``: 100,000 synthetic reports of a two-year news stream (acts of 50
  states, each told by 1-8 outlets, some a day off, month-dated, undated or
  told from the other side: the host's 043 for the visitor's 042) linked by
  :class:`jalin.stories.link.Linker` in memory. Also how well the stories
  recover the generator's acts (pairwise precision and recall, synthetic: a
  sanity check, not a quality figure) next to an exact-key join of (source,
  target, CAMEO root, date).
* ``store``: the same events written through :class:`jalin.store.Store` in
  batches of 200 articles, every article with a near-duplicate sketch: total
  time, the time spent finding copies, linking and writing story rows, and
  the stories made.
* ``ingest``: real articles (../shared seeds and dev set, else samples/)
  repeated under distinct ids through the pipeline and the store, once as
  jalin runs and once with the within-article merge and the story linking
  switched off: the share of ingest time stories cost (target: at most 20%).
  The repeats are copies of each other, the costliest case for linking
  (every copy reads its original's events).

Timings on a shared 2-core machine are noisy: run more than once. Writes text
and JSON to benchmarks/out/stories.{txt,json}. Not a test: nothing is asserted.

usage: benchmarks/stories.py [--events 100000] [--repeat 20] [--parts cluster,store,ingest]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

STATES = ["AFG", "ARE", "AZE", "BGD", "CHN", "DEU", "EGY", "FRA", "GBR", "IDN", "IND", "IRN",
          "IRQ", "ISR", "ITA", "JPN", "KAZ", "KGZ", "KOR", "LKA", "MMR", "MNG", "MYS", "NPL",
          "PAK", "PHL", "PSE", "QAT", "RUS", "SAU", "SGP", "SYR", "THA", "TJK", "TKM", "TUR",
          "UKR", "USA", "UZB", "VNM", "ARM", "GEO", "BLR", "POL", "TWN", "PRK", "KHM", "LAO",
          "BRN", "TLS"]
CODES = ["040", "041", "042", "044", "046", "057", "061", "036", "0311", "051", "111", "112",
         "120", "130", "173", "190", "193", "195"]
OUTLETS = [f"outlet{i:02d}.example" for i in range(30)]


# ---- the synthetic stream ------------------------------------------------------------

def stream(n_events: int, seed: int = 11):
    """(report facts, act id, article id) tuples in publication order."""
    rng = random.Random(seed)
    start = date(2023, 1, 1)
    reports = []
    act = 0
    while len(reports) < n_events:
        a, b = rng.sample(STATES, 2)
        code = rng.choice(CODES)
        day = start + timedelta(days=rng.randrange(730))
        n = 1
        while n < 8 and rng.random() < 0.55:
            n += 1
        for outlet in rng.sample(OUTLETS, n):
            src, tgt, c = a, b, code
            if code == "042" and rng.random() < 0.3:
                src, tgt, c = b, a, "043"
            elif code == "190" and rng.random() < 0.3:
                c = "193"
            published = day + timedelta(days=rng.choice((0, 1, 1, 2)))
            roll = rng.random()
            if roll < 0.80:
                when, prec, how = day, "day", "sentence"
            elif roll < 0.88:
                when, prec, how = published, "day", "lead"
            elif roll < 0.95:
                when, prec, how = day, "month", "sentence"
            else:
                when, prec, how = None, None, "none"
            reports.append((published, outlet, act, src, tgt, c, when, prec, how))
        act += 1
    reports = reports[:n_events]
    reports.sort(key=lambda r: (r[0], r[1]))
    return reports


def pdate(when, prec):
    from jalin.models import PartialDate

    if when is None:
        return None
    return PartialDate(when.year, when.month, when.day if prec == "day" else None)


def pairwise(truth: list, pred: list) -> dict:
    def pairs(counter):
        return sum(n * (n - 1) // 2 for n in counter.values())

    tp = pairs(Counter(zip(truth, pred)))
    p_pairs, t_pairs = pairs(Counter(pred)), pairs(Counter(truth))
    p = tp / p_pairs if p_pairs else 1.0
    r = tp / t_pairs if t_pairs else 1.0
    return {"precision": round(p, 3), "recall": round(r, 3),
            "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


# ---- parts -----------------------------------------------------------------------------

def part_cluster(n: int) -> dict:
    from jalin.stories.link import Linker, Report

    reps = stream(n)
    facts = [Report(f"e{i}", f"{r[1]}:{r[0]}", r[3], r[4], r[5], pdate(r[6], r[7]), r[8],
                    published=r[0]) for i, r in enumerate(reps)]
    linker = Linker()
    t0 = time.perf_counter()
    pred = [linker.link(f) for f in facts]
    seconds = time.perf_counter() - t0
    truth = [r[2] for r in reps]
    exact = [(f.source, f.target, f.root, f.date) for f in facts]
    return {
        "events": len(facts), "acts": len(set(truth)), "stories": len(set(pred)),
        "seconds": round(seconds, 2), "events_per_second": round(len(facts) / seconds),
        "peak_rss_mb": peak_mb(),
        "stories_vs_acts": pairwise(truth, pred),
        "exact_key_join_vs_acts": pairwise(truth, exact),
    }


def _results(n: int):
    """The synthetic stream as pipeline results: one article per outlet and day."""
    from jalin.coding.ontology import default_ontology
    from jalin.models import (
        Actor, Article, ArticleResult, CleanedArticle, Event, Evidence, Sentence,
    )
    from jalin.stories import neardup

    onto = default_ontology()
    rng = random.Random(5)
    words = [f"w{i}" for i in range(5000)]
    by_article: dict[tuple, list] = {}
    for i, r in enumerate(stream(n)):
        by_article.setdefault((r[0], r[1]), []).append((i, r))
    out = []
    for (published, outlet), items in by_article.items():
        doc = f"{outlet}/{published.isoformat()}"
        text = " ".join(rng.choice(words) for _ in range(150))
        art = Article(doc, text, published=pdate(published, "day"),
                      url=f"https://{outlet}/{published.isoformat()}", origin=doc)
        cleaned = CleanedArticle(art, "id", "given", ((0, len(text)),))
        sentence = Sentence(doc, 0, 0, len(text), text)
        events = []
        for i, r in items:
            c = onto.get(r[5])
            events.append(Event(
                event_id=f"e{i}", doc_id=doc, sentence_index=0, source=Actor(r[3], country=r[3]),
                target=Actor(r[4], country=r[4]), cameo=c.code, cameo_root=c.root,
                plover=c.plover, goldstein=c.goldstein, quad_class=c.quad_class,
                evidence=Evidence(text[:80], 0, 80), language="id", date=pdate(r[6], r[7]),
                date_source=r[8], trigger=text[:2], trigger_start=0, trigger_end=2, coder="bench"))
        out.append(ArticleResult(cleaned, (sentence,), (), tuple(events),
                                 sketch=neardup.sketch(text)))
    return out


def part_store(n: int) -> dict:
    from jalin.store import Store

    results = _results(n)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "stories.duckdb"
        t0 = time.perf_counter()
        with Store(db) as store:
            for res in results:
                store.write_result(res)
            store.flush()
            seconds = time.perf_counter() - t0
            counts = store.counts()
            linking = store.story_seconds
        size = db.stat().st_size
    return {
        "articles": len(results), "events": counts["events"], "stories": counts["stories"],
        "seconds": round(seconds, 2), "story_seconds": round(linking, 2),
        "story_share_of_store": round(linking / seconds, 3), "peak_rss_mb": peak_mb(),
        "store_file_mb": round(size / 2**20, 1),
    }


def _articles(repeat: int):
    from jalin.ingest import read_inputs
    from jalin.models import Article

    shared = ROOT.parent / "shared" / "gold"
    manifests = [shared / "seeds.manifest.jsonl", shared / "dev" / "dev.manifest.jsonl"]
    base = [a for m in manifests if m.is_file() for a in read_inputs([], m) if isinstance(a, Article)]
    if not base:
        base = [a for a in read_inputs([ROOT / "samples"]) if isinstance(a, Article)]
    return [replace(a, doc_id=f"{a.doc_id}~{i:04d}") for i in range(repeat) for a in base], len(base)


def part_ingest(repeat: int, stories: bool) -> dict:
    import jalin.pipeline
    from jalin.runners.local import run
    from jalin.store import Store, story_store
    from jalin.stories import merge

    if not stories:  # as jalin was before stories: no merge, no sketch, no links
        merge.merge_article = lambda events, *a, **k: merge.MergedArticle(tuple(events), ())
        jalin.stories.neardup.sketch = lambda text, k=0: ()
        story_store.assign = lambda con, results: story_store.Plan()
        story_store.refresh = lambda con, ids: None
    articles, distinct = _articles(repeat)
    pipeline = jalin.pipeline.Pipeline()
    merge_seconds = 0.0

    def progress(item, outcome):
        nonlocal merge_seconds
        merge_seconds += getattr(outcome, "stats", {}).get("merge_seconds", 0.0)

    with tempfile.TemporaryDirectory() as tmp:
        with Store(Path(tmp) / "ingest.duckdb") as store:
            t0 = time.perf_counter()
            summary = run(articles, store, workers=1, pipeline=pipeline, progress=progress)
            store.flush()
            seconds = time.perf_counter() - t0
            counts = store.counts()
            linking = store.story_seconds
    return {
        "stories_on": stories, "distinct_articles": distinct, "articles": summary.articles,
        "events": counts["events"], "stories": counts["stories"], "seconds": round(seconds, 2),
        "merge_seconds": round(merge_seconds, 3), "story_seconds": round(linking, 3),
        "peak_rss_mb": peak_mb(),
    }


def _child(part: str, args) -> dict:
    cmd = [sys.executable, __file__, "--child", part, "--events", str(args.events),
           "--repeat", str(args.repeat)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=20, help="copies of each real article (ingest)")
    ap.add_argument("--parts", default="cluster,store,ingest")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        runs = {"cluster": lambda: part_cluster(args.events),
                "store": lambda: part_store(args.events),
                "ingest-on": lambda: part_ingest(args.repeat, True),
                "ingest-off": lambda: part_ingest(args.repeat, False)}
        print(json.dumps(runs[args.child]()))
        return 0
    report: dict = {}
    parts = args.parts.split(",")
    if "cluster" in parts:
        report["cluster"] = _child("cluster", args)
    if "store" in parts:
        report["store"] = _child("store", args)
    if "ingest" in parts:
        on, off = _child("ingest-on", args), _child("ingest-off", args)
        report["ingest_with_stories"], report["ingest_without_stories"] = on, off
        report["ingest_cost_of_stories"] = round((on["seconds"] - off["seconds"]) / off["seconds"], 3)
        report["ingest_measured_story_share"] = round(
            (on["merge_seconds"] + on["story_seconds"]) / on["seconds"], 3)
    text = json.dumps(report, indent=2)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "stories.json").write_text(text + "\n", encoding="utf-8")
    (args.out / "stories.txt").write_text(text + "\n", encoding="utf-8")
    print(text)
    print(f"\nwritten to {args.out}/stories.{{txt,json}}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
