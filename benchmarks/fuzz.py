#!/usr/bin/env python3
"""Long fuzz of the whole pipeline: N random JSONL lines (default 100,000) read and
coded one by one (run by hand; the suite runs a bounded property test instead).

Inputs come from ``tests/hostile/fuzz.py``: article objects glued from news
words, actors, verbs and time expressions with extreme years, control and
stray unicode characters, publication dates anywhere in 1800..next year,
and some mangled JSON. Each outcome is checked (no exception, no internal
error, rejections with reasons, offsets inside the text, event dates in
range). Reports counts, problems, wall time and the slowest input, as text
and JSON in benchmarks/out/fuzz.json. Nothing is asserted.

usage: benchmarks/fuzz.py [--inputs 100000] [--workers 2] [--seed 12]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import platform
import random
import resource
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests" / "hostile"))


def _chunk(args: tuple[int, int, int]) -> dict:
    from fuzz import Checker, random_line

    seed, start, stop = args
    checker = Checker(timeout=20)
    outcomes: Counter[str] = Counter()
    problems: list[str] = []
    slowest = (0.0, b"")
    for n in range(start, stop):
        line = random_line(random.Random(seed * 10_000_000 + n), n)
        t0 = time.perf_counter()
        found = checker.check_line(line)
        took = time.perf_counter() - t0
        if took > slowest[0]:
            slowest = (took, line[:200])
        problems += found
        outcomes["checked"] += 1
    return {"outcomes": dict(outcomes), "problems": problems,
            "slowest": [slowest[0], slowest[1].decode("utf-8", "replace")]}


def _reasons(seed: int, count: int) -> Counter[str]:
    """Outcome kinds of a sample of the inputs (articles, rejection reasons)."""
    from fuzz import Checker, random_line

    from jalin.models import Rejection

    checker = Checker(timeout=20)
    kinds: Counter[str] = Counter()
    for n in range(count):
        for out in checker.outcomes(random_line(random.Random(seed * 10_000_000 + n), n)):
            kinds["rejected: " + out.reason if isinstance(out, Rejection) else "coded"] += 1
    return kinds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--inputs", type=int, default=100_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out")
    args = ap.parse_args()
    size = max(1, args.inputs // (args.workers * 20))
    chunks = [(args.seed, a, min(a + size, args.inputs)) for a in range(0, args.inputs, size)]
    t0 = time.perf_counter()
    with mp.get_context("fork").Pool(args.workers) as pool:
        parts = pool.map(_chunk, chunks, chunksize=1)
    wall = time.perf_counter() - t0
    problems = [p for part in parts for p in part["problems"]]
    slowest = max((part["slowest"] for part in parts), key=lambda s: s[0])
    kinds = _reasons(args.seed, min(2000, args.inputs))
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
               resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    report = {
        "inputs": args.inputs, "workers": args.workers, "seed": args.seed,
        "wall_seconds": round(wall, 1), "inputs_per_second": round(args.inputs / wall, 1),
        "problems": len(problems), "problem_examples": problems[:20],
        "slowest_seconds": round(slowest[0], 2), "slowest_input": slowest[1],
        "outcomes_of_first_2000": dict(kinds.most_common()),
        "peak_rss_mb_per_process": round(peak, 1), "machine": platform.platform(),
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "fuzz.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    for key, value in report.items():
        print(f"{key}: {value}")


if __name__ == "__main__":
    main()
