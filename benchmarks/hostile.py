#!/usr/bin/env python3
"""The hostile-input corpus at full size, ingested once: wall time, peak memory and
the slowest input (run by hand; the suite ingests the small corpus).

Writes ``tests/hostile/corpus.py``'s corpus with ``full=True`` (a 21 MB file,
a 6 MB JSON line, a page with 100,000 attributes, 120,000 characters of
English on one line, ...) into a temporary folder, ingests it in this
process with the default per-input time limit, times every input (reading
and coding: the gap between two progress calls), checks the outcome
against the corpus' expectations and a clean run, and reports as text and
JSON in benchmarks/out/hostile.json. Nothing is asserted.

usage: benchmarks/hostile.py [--workers 1] [--timeout 20]
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests" / "hostile"))

from check import problems  # noqa: E402
from corpus import make_corpus  # noqa: E402

from jalin.ingest import read_inputs  # noqa: E402
from jalin.runners.local import run  # noqa: E402
from jalin.store import Store  # noqa: E402


def _label(item) -> str:
    return getattr(item, "origin", "") or getattr(item, "doc_id", "?")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=20.0)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="jalin-hostile-") as tmp:
        t0 = time.perf_counter()
        corpus = make_corpus(Path(tmp) / "korpus", full=True)
        made = time.perf_counter() - t0
        from jalin.pipeline import Pipeline

        pipeline = Pipeline()
        times: list[tuple[float, str, str]] = []
        last = [time.perf_counter()]

        def tick(item, outcome) -> None:
            now = time.perf_counter()
            reason = getattr(outcome, "reason", "coded")
            times.append((now - last[0], _label(item), reason))
            last[0] = now

        hostile_db, clean_db = Path(tmp) / "h.duckdb", Path(tmp) / "c.duckdb"
        t1 = time.perf_counter()
        with Store(hostile_db) as st:
            last[0] = time.perf_counter()
            summary = run(read_inputs([corpus.inputs], corpus.manifest, timeout=args.timeout), st,
                          workers=args.workers, progress=tick, pipeline=pipeline,
                          timeout=args.timeout)
        wall = time.perf_counter() - t1
        with Store(clean_db) as st:
            run(read_inputs([corpus.clean]), st, pipeline=pipeline)
        found = problems(corpus, hostile_db, clean_db)
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
               resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    slow = sorted(times, reverse=True)[:5]
    report = {
        "inputs": summary.inputs, "bad_inputs": len(corpus.bad), "odd_inputs": len(corpus.odd),
        "good_articles": len(corpus.good), "articles_stored": summary.articles,
        "rejections": summary.rejections, "workers": args.workers, "timeout": args.timeout,
        "wall_seconds": round(wall, 1), "corpus_written_seconds": round(made, 1),
        "peak_rss_mb": round(peak, 1),
        "slowest_inputs": [{"seconds": round(s, 2), "input": o, "outcome": r} for s, o, r in slow],
        "problems": found[:20], "problem_count": len(found),
        "machine": platform.platform(),
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "hostile.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    for key, value in report.items():
        print(f"{key}: {value}")


if __name__ == "__main__":
    main()
