#!/usr/bin/env python3
"""Does the coder's cost grow with the size of its lexicons? (run by hand)

Codes the seed articles (../shared/gold/seeds.manifest.jsonl, else samples/)
repeated N times with one warm pipeline, first with the shipped trigger
lexicons and actor tables, then with both padded to ``--factor`` times their
size by generated entries that never match: half of them start like a real
pattern or alias ("kunjung" + a made-up root, "Presiden" + a made-up name),
half are made up from the first word. The padded run must code the same
events (checked, and said). Prints articles/second (wall clock and per CPU
second, the best of ``--runs``) for each, with the per-pattern reference
matchers (``Pipeline(reference=True)``) beside the default one-pass path.
Timings are printed, never asserted; on a shared machine compare the
per-CPU-second figures and repeat.

usage: benchmarks/lexicon_size.py [--repeat 40] [--factor 10] [--runs 3] [--manifest FILE]
"""

from __future__ import annotations

import argparse
import dataclasses
import platform
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from jalin.coding.lexicon import Lexicon, PatternItem, TriggerEntry  # noqa: E402
from jalin.ingest import read_inputs  # noqa: E402
from jalin.lang import get_pack  # noqa: E402
from jalin.models import Article  # noqa: E402
from jalin.pipeline import Pipeline  # noqa: E402
from jalin.resolve.scan import _actor_phrases  # noqa: E402

MADE_UP = "qzx"  # no word of any language in the lexicons holds it


def load_articles(manifest: Path | None) -> list[Article]:
    items = read_inputs([], manifest, allow_outside=True) if manifest is not None and manifest.is_file() \
        else read_inputs([ROOT / "samples"])
    return [a for a in items if isinstance(a, Article)]


def _made_up(k: int) -> str:
    return MADE_UP + "".join(chr(ord("a") + int(d)) for d in str(k))


def padded_lexicon(lex: Lexicon, factor: int) -> Lexicon:
    """``lex`` with (factor - 1) generated patterns per real one, none of which can match."""
    extra: list[TriggerEntry] = []
    real = lex.entries
    for k in range((factor - 1) * len(real)):
        e = real[k % len(real)]
        fake = PatternItem("root", _made_up(k))
        items = (e.items[0], fake) if k % 2 == 0 else (fake,) + e.items[1:]
        extra.append(TriggerEntry(items, e.cameo, e.frame, "padding", f"padding:{k + 1}"))
    entries = real + tuple(extra)
    index: dict = {}
    for e in entries:
        index.setdefault((e.items[0].kind, e.items[0].value), []).append(e)
    roots = lex.roots | {i.value for e in extra for i in e.items if i.kind == "root"}
    return replace(lex, entries=entries, roots=frozenset(roots),
                   index={k: tuple(v) for k, v in index.items()})


def pad_actor_tables(resolver, factor: int) -> int:
    """Add (factor - 1) generated aliases per real one to the resolver's alias trie (and its
    languages' overlays); forget the scanners built from the real tables. Returns the alias count."""
    total = 0
    for r in [resolver, *resolver._overlaid.values()]:
        real = list(_actor_phrases(r, ""))
        for k in range((factor - 1) * len(real)):
            toks, entries = real[k % len(real)]
            path = (toks[0], _made_up(k)) if k % 2 == 0 else (_made_up(k),) + toks[1:]
            node = r.lex.trie
            for t in path:
                node = node.setdefault(t, {})
            node.setdefault(None, []).extend(entries)
        r.scanners.clear()
        r.data_key = None  # the padded tables are never written to the disk cache
        total += len(real) * factor
    return total


def measure(pipeline: Pipeline, articles: list[Article], runs: int) -> tuple[float, float, list]:
    """Best articles/s (wall) and articles per CPU second of ``runs`` passes, and the events."""
    best_wall = best_cpu = 0.0
    events: list = []
    for _ in range(runs):
        c0, t0 = time.process_time(), time.perf_counter()
        events = [(e.doc_id, e.sentence_index, e.source.code, e.target.code if e.target else None, e.cameo)
                  for a in articles for e in getattr(pipeline.process(a), "events", ())]
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        best_wall, best_cpu = max(best_wall, len(articles) / wall), max(best_cpu, len(articles) / cpu)
    return best_wall, best_cpu, events


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=40, help="copies of each article")
    ap.add_argument("--factor", type=int, default=10, help="padded size / real size")
    ap.add_argument("--runs", type=int, default=3, help="passes per measurement (the best counts)")
    ap.add_argument("--manifest", type=Path,
                    default=ROOT.parent / "shared" / "gold" / "seeds.manifest.jsonl")
    args = ap.parse_args(argv)

    base = load_articles(args.manifest)
    if not base:
        print("no articles to benchmark", file=sys.stderr)
        return 1
    articles = [dataclasses.replace(a, doc_id=f"{a.doc_id}~{i:05d}") for i in range(args.repeat) for a in base]
    fast, reference = Pipeline(), Pipeline(reference=True)
    for a in base:  # warm: tables, scanners, memoised words
        fast.process(a)
        reference.process(a)
    langs = sorted({fast.coder.pack(a.language or "id").code for a in base})
    rows = []
    real_patterns = sum(len(get_pack(c).lexicon().entries) for c in langs)
    real_aliases = sum(1 for _ in _actor_phrases(fast.resolver, ""))
    results = {}
    for name, p in (("one-pass", fast), ("reference", reference)):
        results[("real", name)] = measure(p, articles, args.runs)

    for c in langs:
        pack = get_pack(c)
        pack.__dict__["_lexicon"] = padded_lexicon(pack.lexicon(), args.factor)
    padded_aliases = pad_actor_tables(fast.resolver, args.factor)
    padded_patterns = sum(len(get_pack(c).lexicon().entries) for c in langs)
    for a in base:
        fast.process(a)
        reference.process(a)
    for name, p in (("one-pass", fast), ("reference", reference)):
        results[("padded", name)] = measure(p, articles, args.runs)

    print(f"jalin lexicon size benchmark: {len(articles)} articles ({len(base)} distinct x {args.repeat}), "
          f"languages {', '.join(langs)}, best of {args.runs}, Python {platform.python_version()}")
    print(f"{'lexicons':<10} {'patterns':>9} {'aliases':>9} {'path':<10} {'art/s':>7} {'art/cpu-s':>10} "
          f"{'vs real':>8}")
    for size, patterns, aliases in (("real", real_patterns, real_aliases),
                                    (f"x{args.factor}", padded_patterns, padded_aliases)):
        key = "real" if size == "real" else "padded"
        for name in ("one-pass", "reference"):
            wall, cpu, _ = results[(key, name)]
            ratio = cpu / results[("real", name)][1]
            rows.append((size, patterns, aliases, name, wall, cpu, ratio))
            print(f"{size:<10} {patterns:>9,} {aliases:>9,} {name:<10} {wall:>7.1f} {cpu:>10.1f} {ratio:>8.2f}")
    same = all(results[("real", n)][2] == results[("padded", n)][2] for n in ("one-pass", "reference"))
    same_paths = results[("real", "one-pass")][2] == results[("real", "reference")][2]
    print(f"same events with padded lexicons: {'yes' if same else 'NO'}; "
          f"one-pass = reference: {'yes' if same_paths else 'NO'}")
    return 0 if same and same_paths else 1


if __name__ == "__main__":
    sys.exit(main())
