"""Evaluation gate on the dev set (30 real Indonesian articles of many outlets and regions) and
its two halves: tune (where rules are tuned) and test (only scored).

Skips cleanly when ../shared (the dev set and its scorer) is absent. The floors live in
tests/eval_baseline.json, pinned a little below what was last measured: a drop fails CI.
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
MANIFEST = SHARED / "gold" / "dev" / "dev.manifest.jsonl"
GOLD = SHARED / "gold" / "dev" / "dev.gold.jsonl"
SCORER = SHARED / "eval" / "score.py"

sys.path.insert(0, str(ROOT / "tools"))
from evaluate import DEV_TEST, DEV_TUNE  # noqa: E402

pytestmark = pytest.mark.skipif(not (MANIFEST.exists() and GOLD.exists() and SCORER.exists()),
                                reason="../shared (dev set, gold, scorer) is not present")


@pytest.fixture(scope="module")
def events(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("dev")
    db, out = tmp / "dev.duckdb", tmp / "events.jsonl"
    runner = CliRunner()
    r = runner.invoke(app, ["ingest", "--manifest", str(MANIFEST), "--allow-outside", "--db", str(db)])
    assert r.exit_code in (0, 3), r.output
    r = runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl", "-o", str(out)])
    assert r.exit_code == 0, r.output
    return out


def _score(events: Path, docs: tuple[str, ...] | None) -> dict:
    cmd = [sys.executable, str(SCORER), str(events), str(GOLD), "--json"]
    if docs:
        cmd += ["--docs", ",".join(docs)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("part, docs", [("dev", None), ("dev-tune", DEV_TUNE), ("dev-test", DEV_TEST)])
def test_dev_scores_meet_pinned_floors(events, part, docs):
    floors = json.loads((ROOT / "tests" / "eval_baseline.json").read_text())[part]
    got = _score(events, docs)
    for key, floor in floors.items():
        assert got[key] >= floor, f"{part} {key} {got[key]} fell below the pinned floor {floor}: {got}"


def test_the_halves_split_the_dev_set():
    assert not set(DEV_TUNE) & set(DEV_TEST)
    manifest = [json.loads(line)["doc_id"] for line in MANIFEST.read_text().splitlines() if line.strip()]
    assert set(DEV_TUNE) | set(DEV_TEST) == set(manifest)
