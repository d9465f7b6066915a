"""Score jalin on the shared gold sets: the seeds, the dev set, and the dev set's two halves.

usage: python tools/evaluate.py [--shared ../shared] [--out build] [--verbose tune|test|seeds|all] [--json]

Each set is ingested through the real command line into a temporary store,
exported as JSONL to ``OUT/<set>.events.jsonl`` and scored with
``SHARED/eval/score.py`` (precision, recall, F1 of (dyad, CAMEO root), date
accuracy of matched events, strict F1). Figures go to stdout and to
``OUT/eval.json``.

The dev set is split in two halves that the team keeps apart: rules are
tuned on ``dev-tune`` (its misses may be read), ``dev-test`` is only scored
(read its figures, never its misses). Without ``SHARED`` it says so and
exits 0.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# The dev split: odd-numbered articles up to d017 / p011 are for tuning, the rest only for scoring.
DEV_TUNE = tuple([f"dv-d{i:03d}" for i in range(1, 18, 2)] + [f"dv-p{i:03d}" for i in range(1, 12, 2)])
DEV_TEST = tuple([f"dv-d{i:03d}" for i in range(19, 36, 2)] + [f"dv-p{i:03d}" for i in range(13, 24, 2)])

SETS = {  # name -> (manifest, gold) relative to SHARED
    "seeds": ("gold/seeds.manifest.jsonl", "gold/seeds.gold.jsonl"),
    "dev": ("gold/dev/dev.manifest.jsonl", "gold/dev/dev.gold.jsonl"),
}


def _jalin() -> list[str]:
    exe = Path(sys.executable).with_name("jalin")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "jalin.cli"]


def code_set(manifest: Path, out: Path) -> None:
    """Ingest one manifest into a temporary store and export its events to ``out``."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "eval.duckdb"
        # the gold manifests name their articles in a sibling folder (../seeds/)
        r = subprocess.run(_jalin() + ["ingest", "--manifest", str(manifest), "--allow-outside",
                                       "--db", str(db)], capture_output=True, text=True)
        if r.returncode not in (0, 3):
            raise SystemExit(f"ingest of {manifest} failed ({r.returncode}): {r.stderr.strip()}")
        subprocess.run(_jalin() + ["export", "--db", str(db), "--format", "jsonl", "-o", str(out)],
                       check=True, capture_output=True, text=True)


def score(scorer: Path, events: Path, gold: Path, docs: tuple[str, ...] | None = None,
          verbose: bool = False) -> tuple[dict, str]:
    cmd = [sys.executable, str(scorer), str(events), str(gold), "--json"]
    if docs:
        cmd += ["--docs", ",".join(docs)]
    if verbose:
        cmd.append("--verbose")
    r = subprocess.run(cmd, capture_output=True, text=True, check=True)
    lines = r.stdout.strip().splitlines()
    return json.loads(lines[-1]), "\n".join(lines[:-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "build")
    ap.add_argument("--verbose", choices=("seeds", "tune", "test", "all"),
                    help="print the misses and false positives of one set (never read test's while tuning)")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    a = ap.parse_args(argv)
    scorer = a.shared / "eval" / "score.py"
    if not scorer.exists():
        print(f"{a.shared} is missing (no gold sets or scorer): nothing to evaluate")
        return 0
    a.out.mkdir(parents=True, exist_ok=True)
    figures: dict[str, dict] = {}
    details: dict[str, str] = {}
    for name, (manifest, gold) in SETS.items():
        if not (a.shared / manifest).exists():
            continue
        events = a.out / f"{name}.events.jsonl"
        code_set(a.shared / manifest, events)
        parts = [(name, None)] if name == "seeds" else [("dev", None), ("dev-tune", DEV_TUNE),
                                                          ("dev-test", DEV_TEST)]
        for label, docs in parts:
            want = {"seeds": "seeds", "dev-tune": "tune", "dev-test": "test", "dev": "all"}[label]
            figures[label], details[label] = score(scorer, events, a.shared / gold, docs,
                                                   verbose=a.verbose == want)
    (a.out / "eval.json").write_text(json.dumps(figures, indent=1) + "\n")
    if a.json:
        print(json.dumps(figures))
        return 0
    keys = ("precision", "recall", "f1", "date_accuracy", "strict_f1", "matched", "gold_required",
            "false_positives")
    print(f"{'set':<10}" + "".join(f"{k[:9]:>10}" for k in keys))
    for label, f in figures.items():
        print(f"{label:<10}" + "".join(f"{f[k]:>10}" for k in keys))
    for label, text in details.items():
        if text:
            print(f"\n# {label}\n{text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
