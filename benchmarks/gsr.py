"""English coding on the PLOVER gold standard records, and coding throughput.

usage:
    python benchmarks/gsr.py [--gsr DIR] [--out EVENTS.jsonl] [--verbose]
    python benchmarks/gsr.py --throughput [--seeds DIR]

The first form runs ``jalin ingest`` and ``jalin export`` on
``DIR/input.jsonl`` (322 English sentences from the CAMEO manual, PLOVER GSR
0.5b1, CC BY-SA 4.0, kept outside the repository in
``../shared/benchmarks/plover_gsr/``) and scores the export with
``../shared/eval/score_plover_gsr.py``. Without the CLI installed it drives
``jalin.pipeline.Pipeline`` and writes the export contract itself.

``--throughput`` codes the English GSR sentences and the Indonesian seed
articles with one warm Pipeline and prints articles/s and sentences/s for
each language. Timings are printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEFAULT_GSR = SHARED / "benchmarks" / "plover_gsr"
SCORER = SHARED / "eval" / "score_plover_gsr.py"


def _actor(a) -> dict | None:
    if a is None:
        return None  # an event without a target ("X resigned")
    d = asdict(a)
    return {k: d.get(k) for k in ("code", "country", "org", "role", "name", "actor_id")}


def event_json(e) -> dict:
    """One coded Event as an export record (the fields scorers read)."""
    return {
        "event_id": e.event_id, "doc_id": e.doc_id, "date": e.date.iso() if e.date else None,
        "source": _actor(e.source), "target": _actor(e.target), "cameo": e.cameo,
        "cameo_root": e.cameo_root, "plover": e.plover, "goldstein": e.goldstein,
        "quad_class": e.quad_class, "modality": e.modality, "negated": e.negated,
        "evidence": {"sentence": e.evidence.sentence, "start": e.evidence.start, "end": e.evidence.end},
        "language": e.language, "date_source": e.date_source, "trigger": e.trigger,
        "sentence_index": e.sentence_index, "coder": e.coder,
    }


def code_file(path: Path, pipeline=None) -> tuple[list[dict], dict]:
    """Code every article of a jalin input file; return export records and counts."""
    from jalin.ingest import read_inputs
    from jalin.models import Rejection
    from jalin.pipeline import Pipeline

    pipeline = pipeline or Pipeline()
    out: list[dict] = []
    stats = {"articles": 0, "rejected": 0, "sentences": 0, "events": 0, "seconds": 0.0}
    t0 = time.perf_counter()
    for art in read_inputs([path]):
        if isinstance(art, Rejection):
            stats["rejected"] += 1
            continue
        res = pipeline.process(art)
        if isinstance(res, Rejection):
            stats["rejected"] += 1
            continue
        stats["articles"] += 1
        stats["sentences"] += len(res.sentences)
        for e in res.events:
            if not e.negated:  # as `jalin export`: negated events are stored, not exported
                out.append(event_json(e))
    stats["seconds"] = time.perf_counter() - t0
    stats["events"] = len(out)
    return out, stats


def _cli_export(gsr: Path, out: Path) -> bool:
    """Ingest and export through the jalin CLI (the path users take); False if it is not installed."""
    cli = Path(sys.executable).parent / "jalin"
    if not cli.exists():
        return False
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "gsr.duckdb")
        rc = subprocess.call([str(cli), "ingest", str(gsr / "input.jsonl"), "--db", db],
                             stdout=subprocess.DEVNULL)
        if rc not in (0, 3):  # 3: some inputs rejected (the GSR repeats one id)
            raise SystemExit(f"jalin ingest failed with exit code {rc}")
        subprocess.check_call([str(cli), "export", "--db", db, "--format", "jsonl", "-o", str(out)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return True


def run_gsr(gsr: Path, out: Path, verbose: bool) -> int:
    out.parent.mkdir(parents=True, exist_ok=True)
    if not _cli_export(gsr, out):
        events, stats = code_file(gsr / "input.jsonl")
        with out.open("w", encoding="utf-8") as fh:
            for e in events:
                fh.write(json.dumps(e, ensure_ascii=False) + "\n")
        print(json.dumps(stats), file=sys.stderr)
    cmd = [sys.executable, str(SCORER), str(out), str(gsr / "PLOVER_GSR_CAMEO.txt")]
    if verbose:
        cmd.append("--verbose")
    return subprocess.call(cmd)


def run_throughput(gsr: Path, seeds: Path) -> None:
    from jalin.pipeline import Pipeline

    t0 = time.perf_counter()
    pipeline = Pipeline()
    print(f"pipeline load: {time.perf_counter() - t0:.2f}s")
    code_file(gsr / "input.jsonl", pipeline)  # warm caches (lemmas, tries)
    for label, path in (("en  PLOVER GSR sentences", gsr / "input.jsonl"), ("id  seed articles", seeds)):
        if not path.exists():
            print(f"{label}: {path} missing, skipped")
            continue
        _, s = code_file(path, pipeline)
        secs = s["seconds"] or 1e-9
        print(f"{label}: {s['articles']} articles, {s['sentences']} sentences, {s['events']} events "
              f"in {secs:.2f}s = {s['articles'] / secs:.1f} articles/s, {s['sentences'] / secs:.1f} sentences/s")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gsr", type=Path, default=DEFAULT_GSR)
    ap.add_argument("--out", type=Path, default=Path("/tmp/gsr.events.jsonl"))
    ap.add_argument("--seeds", type=Path, default=SHARED / "seeds")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--throughput", action="store_true")
    args = ap.parse_args(argv)
    if not (args.gsr / "input.jsonl").exists():
        print(f"no PLOVER GSR at {args.gsr}", file=sys.stderr)
        return 2
    if args.throughput:
        run_throughput(args.gsr, args.seeds)
        return 0
    return run_gsr(args.gsr, args.out, args.verbose)


if __name__ == "__main__":
    raise SystemExit(main())
