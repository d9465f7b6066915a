#!/usr/bin/env python3
"""How ``jalin ingest``'s local runner scales with worker processes (run by hand).

Codes the seed articles (../shared/gold/seeds.manifest.jsonl, else samples/)
repeated N times into a temporary store with the local runner
(``jalin.runners.local.run``), once per worker count (default 1 and 2, and
the machine's cores when more), best of ``--runs``; prints articles/second,
the speed-up over one worker, and the share of time the store's writes took.
Timings are printed, never asserted: on a machine other work shares, the
speed-up says more about the other work than about jalin, so repeat.

usage: benchmarks/scaling.py [--repeat 100] [--workers 1 2] [--runs 2] [--manifest FILE]
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from throughput import TimedStore, load_articles  # noqa: E402

from jalin.pipeline import Pipeline  # noqa: E402
from jalin.runners.local import default_workers, run  # noqa: E402
from jalin.store import Store  # noqa: E402


def one_run(articles, pipeline, workers: int) -> tuple[float, float, int]:
    """Seconds, store seconds and events of one run into a fresh store."""
    with tempfile.TemporaryDirectory() as tmp:
        with Store(Path(tmp) / "scaling.duckdb") as store:
            timed = TimedStore(store)
            t0 = time.perf_counter()
            summary = run(articles, timed, workers=workers, pipeline=pipeline)
            return time.perf_counter() - t0, timed.seconds, summary.events


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=100, help="copies of each article")
    ap.add_argument("--workers", type=int, nargs="+", default=None,
                    help="worker counts to try (default: 1, 2 and the cores)")
    ap.add_argument("--runs", type=int, default=2, help="runs per worker count (the best counts)")
    ap.add_argument("--manifest", type=Path,
                    default=ROOT.parent / "shared" / "gold" / "seeds.manifest.jsonl")
    args = ap.parse_args(argv)

    counts = args.workers or sorted({1, 2, default_workers()})
    base = load_articles(args.manifest)
    if not base:
        print("no articles to benchmark", file=sys.stderr)
        return 1
    articles = [replace(a, doc_id=f"{a.doc_id}~{i:05d}") for i in range(args.repeat) for a in base]
    pipeline = Pipeline()
    for a in base:
        pipeline.process(a)  # warm before forking: the workers inherit it
    print(f"jalin scaling benchmark: {len(articles)} articles, {default_workers()} cores "
          f"({os.cpu_count()} CPUs), load {os.getloadavg()[0]:.1f}, Python {platform.python_version()}")
    print(f"{'workers':>7} {'seconds':>8} {'art/s':>7} {'speed-up':>9} {'store':>6} {'events':>7}")
    first = None
    for w in counts:
        best = min((one_run(articles, pipeline, w) for _ in range(args.runs)), key=lambda r: r[0])
        seconds, store_s, events = best
        rate = len(articles) / seconds
        first = first or rate
        print(f"{w:>7} {seconds:>8.2f} {rate:>7.1f} {rate / first:>8.2f}x {store_s / seconds:>6.0%} {events:>7}")
    print(f"load afterwards {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
