#!/usr/bin/env python3
"""What locating events costs next to coding them (run by hand; nothing is asserted).

Codes the seed and dev articles (../shared/gold, else samples/) repeated N
times through one warm Pipeline and adds up, per article, the time of the
whole pipeline and the time of its location stage
(``jalin.resolve.places.locate_events``, reported by the pipeline as
``stats["locate_seconds"]``). The target of issue 14: locating costs at most
10% of ingest throughput. Also reports the gazetteer's load time (once per
process) and its size. Writes text and JSON to benchmarks/out/places.*.

usage: benchmarks/places.py [--repeat 20]
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from jalin.ingest import read_inputs  # noqa: E402
from jalin.models import Article, Rejection  # noqa: E402

SHARED = ROOT.parent / "shared" / "gold"


def load_articles() -> list[Article]:
    manifests = [SHARED / "seeds.manifest.jsonl", SHARED / "dev" / "dev.manifest.jsonl"]
    arts: list[Article] = []
    for m in manifests:
        if m.is_file():
            arts += [a for a in read_inputs([], m) if isinstance(a, Article)]
    if not arts:
        arts = [a for a in read_inputs([ROOT / "samples"]) if isinstance(a, Article)]
    return arts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=20, help="copies of each article")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    from jalin.resolve.gazetteer import Gazetteer

    gaz = Gazetteer.load()
    load_s = time.perf_counter() - t0
    from jalin.pipeline import Pipeline

    pipe = Pipeline()
    base = load_articles()
    articles = [replace(a, doc_id=f"{a.doc_id}~{i:04d}") for i in range(args.repeat) for a in base]
    total = locate = 0.0
    n_events = n_located = 0
    wall0 = time.perf_counter()
    for a in articles:
        res = pipe.process(a)
        if isinstance(res, Rejection):
            continue
        total += res.stats["seconds"]
        locate += res.stats["locate_seconds"]
        n_events += len(res.events)
        n_located += sum(1 for e in res.events if e.location is not None)
    wall = time.perf_counter() - wall0
    share = locate / total if total else 0.0
    report = {
        "articles": len(articles),
        "events": n_events,
        "located_events": n_located,
        "pipeline_seconds": round(total, 3),
        "locate_seconds": round(locate, 4),
        "locate_share": round(share, 4),
        "articles_per_second": round(len(articles) / wall, 1) if wall else None,
        "articles_per_second_without_locating": round(len(articles) / (wall - locate), 1) if wall > locate else None,
        "gazetteer_load_seconds": round(load_s, 3),
        "gazetteer_names": len(gaz),
        "target": "locate_share <= 0.10",
        "machine": f"{platform.machine()} {platform.python_version()}",
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "places.json").write_text(json.dumps(report, indent=1) + "\n")
    lines = [f"{k}: {v}" for k, v in report.items()]
    (args.out / "places.txt").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
