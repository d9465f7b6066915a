"""Evaluation gate: code the shared seed articles and score them against gold.

Skips cleanly when ../shared (the development set and its scorer) is absent.
The floors live in tests/eval_baseline.json.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jalin.cli import app

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
MANIFEST = SHARED / "gold" / "seeds.manifest.jsonl"
GOLD = SHARED / "gold" / "seeds.gold.jsonl"
SCORER = SHARED / "eval" / "score.py"

pytestmark = pytest.mark.skipif(not (MANIFEST.exists() and GOLD.exists() and SCORER.exists()),
                                reason="../shared (seeds, gold, scorer) is not present")


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("seeds")
    db, out = tmp / "seeds.duckdb", tmp / "events.jsonl"
    runner = CliRunner()
    r = runner.invoke(app, ["ingest", "--manifest", str(MANIFEST), "--allow-outside", "--db", str(db)])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl", "-o", str(out)])
    assert r.exit_code == 0, r.output
    proc = subprocess.run([sys.executable, str(SCORER), str(out), str(GOLD), "--json"],
                          capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_seed_scores_meet_pinned_floors(scores):
    floors = json.loads((ROOT / "tests" / "eval_baseline.json").read_text())["seeds"]
    for key, floor in floors.items():
        assert scores[key] >= floor, f"{key} {scores[key]} fell below the pinned floor {floor}: {scores}"


def test_issue_floor(scores):
    assert scores["f1"] >= 0.80 and scores["date_accuracy"] >= 0.80, scores
