#!/usr/bin/env python3
"""Throughput and memory of the full pipeline plus store (run by hand or `make bench`).

Codes the seed articles (../shared/gold/seeds.manifest.jsonl, else samples/)
repeated N times under distinct doc ids into a temporary store, and reports
articles/second (wall clock, and per CPU second: on a shared machine the
second is steadier), events/second, the share of time spent writing the
store, and peak memory. Writes text and JSON reports to benchmarks/out/. Not a test:
nothing here is asserted.

usage: benchmarks/throughput.py [--repeat 200] [--workers 1] [--manifest FILE]
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from jalin import CODER_VERSION, __version__  # noqa: E402
from jalin.ingest import read_inputs  # noqa: E402
from jalin.models import Article  # noqa: E402
from jalin.runners.local import run  # noqa: E402
from jalin.store import Store  # noqa: E402


class TimedStore:
    """Passes calls to a Store, adding up the seconds spent in its writes."""

    def __init__(self, store: Store):
        self._store = store
        self.seconds = 0.0

    def __getattr__(self, name):
        attr = getattr(self._store, name)
        if name not in ("write_result", "write_rejection", "flush"):
            return attr

        def timed(*args, **kwargs):
            t0 = time.perf_counter()
            try:
                return attr(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - t0

        return timed


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the pool's workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def load_articles(manifest: Path | None) -> list[Article]:
    if manifest is not None and manifest.is_file():
        items = read_inputs([], manifest, allow_outside=True)  # the seeds sit beside it
    else:
        items = read_inputs([ROOT / "samples"])
    return [a for a in items if isinstance(a, Article)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=200, help="copies of each article")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--manifest", type=Path,
                    default=ROOT.parent / "shared" / "gold" / "seeds.manifest.jsonl")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out")
    args = ap.parse_args(argv)

    base = load_articles(args.manifest)
    if not base:
        print("no articles to benchmark", file=sys.stderr)
        return 1
    articles = [replace(a, doc_id=f"{a.doc_id}~{i:05d}") for i in range(args.repeat) for a in base]
    chars = sum(len(a.text) for a in articles)

    with tempfile.TemporaryDirectory() as tmp:
        t_setup = time.perf_counter()
        from jalin.pipeline import Pipeline

        pipeline = Pipeline()
        setup = time.perf_counter() - t_setup
        with Store(Path(tmp) / "bench.duckdb") as store:
            timed = TimedStore(store)
            cpu0 = _cpu_seconds()
            t0 = time.perf_counter()
            summary = run(articles, timed, workers=args.workers, pipeline=pipeline)
            seconds = time.perf_counter() - t0
            cpu = _cpu_seconds() - cpu0
            counts = store.counts()
        db_bytes = (Path(tmp) / "bench.duckdb").stat().st_size

    maxrss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    report = {
        "jalin": __version__,
        "coder": CODER_VERSION,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "workers": args.workers,
        "distinct_articles": len(base),
        "articles": len(articles),
        "characters": chars,
        "coded": summary.articles,
        "rejected": summary.rejected,
        "events": summary.events,
        "negated_events": summary.negated_events,
        "stored_events": counts["events"],
        "pipeline_setup_seconds": round(setup, 3),
        "seconds": round(seconds, 3),
        "articles_per_second": round(len(articles) / seconds, 1),
        "cpu_seconds": round(cpu, 3),
        "articles_per_cpu_second": round(len(articles) / cpu, 1) if cpu else None,
        "events_per_second": round(summary.events / seconds, 1),
        "store_seconds": round(timed.seconds, 3),
        "store_share": round(timed.seconds / seconds, 3),
        "peak_rss_mb": round(maxrss_kb / 1024, 1),
        "peak_rss_workers_mb": round(child_kb / 1024, 1),
        "store_file_mb": round(db_bytes / 2**20, 2),
    }
    text = "\n".join(f"{k:>24}: {v}" for k, v in report.items())
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "throughput.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    (args.out / "throughput.txt").write_text(text + "\n", encoding="utf-8")
    print(text)
    print(f"\nwritten to {args.out}/throughput.{{txt,json}}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
