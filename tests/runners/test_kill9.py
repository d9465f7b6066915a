"""kill -9 during `jalin ingest --workers 2`: of the parent, and of one worker.

After either: the store opens, holds no orphan rows, a re-run of the same
ingest gives exactly the clean run's store, and no process is left behind.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from jalin.store import Store

ROOT = Path(__file__).resolve().parents[2]
JALIN = str(Path(sys.executable).with_name("jalin"))
N_ARTICLES = 800


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, Path]:
    """Sample articles under distinct ids, and the store of one clean run of them."""
    folder = tmp_path_factory.mktemp("kill9")
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
    path = folder / "berita.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(N_ARTICLES):
            fh.write(json.dumps({"id": f"b{i:05d}", "text": texts[i % len(texts)],
                                 "language": "id", "published": "2024-05-14"}) + "\n")
    clean = folder / "clean.duckdb"
    r = subprocess.run([JALIN, "ingest", str(path), "--db", str(clean), "--workers", "2"],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    return path, clean


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(x) for x in text.split()]


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def _start(path: Path, db: Path) -> tuple[subprocess.Popen, list[int]]:
    """``jalin ingest --workers 2`` started, once both workers code articles and a
    first batch is surely committed: each batch of 200 adds about 850 KB to the
    write-ahead log at once, so past 1 MB the second one has been written."""
    proc = subprocess.Popen([JALIN, "ingest", str(path), "--db", str(db), "--workers", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while len(_children(proc.pid)) < 2:
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the workers never started"
        time.sleep(0.05)
    wal = db.with_name(db.name + ".wal")
    while not (wal.exists() and wal.stat().st_size > 1_000_000):
        assert proc.poll() is None, "the run ended before it could be killed: a larger corpus"
        assert time.monotonic() < deadline, "nothing was ever stored"
        time.sleep(0.02)
    assert proc.poll() is None, "the run ended before it could be killed: a larger corpus"
    return proc, _children(proc.pid)


def _snapshot(db: Path) -> dict:
    """Everything stored that a re-run must reproduce, and the orphan rows."""
    with Store(db, read_only=True) as st:
        con = st.con
        orphans = sum(con.execute(
            f"SELECT count(*) FROM {t} WHERE doc_id NOT IN (SELECT doc_id FROM articles)"
        ).fetchone()[0] for t in ("sentences", "mentions", "events", "removed_lines"))
        events = sorted(con.execute(
            "SELECT event_id, doc_id, cameo, source_code, target_code, date, evidence_start "
            "FROM events").fetchall())
        counts = st.counts()
    return {"orphans": orphans, "events": events, "counts": counts}


def _rerun_equals_clean(path: Path, db: Path, clean: Path) -> None:
    r = subprocess.run([JALIN, "ingest", str(path), "--db", str(db), "--workers", "2"],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    again, expected = _snapshot(db), _snapshot(clean)
    assert again["orphans"] == 0
    assert again["counts"] == expected["counts"]
    assert again["events"] == expected["events"]


def test_kill9_parent_takes_its_workers_and_the_store_converges(corpus, tmp_path):
    path, clean = corpus
    db = tmp_path / "killed.duckdb"
    proc, workers = _start(path, db)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    deadline = time.monotonic() + 10
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(w) for w in workers), "workers outlived their parent"

    after = _snapshot(db)  # opens: the WAL of the killed run is replayed or dropped
    assert after["orphans"] == 0
    assert 0 < after["counts"]["articles"] < N_ARTICLES
    _rerun_equals_clean(path, db, clean)


def test_kill9_of_one_worker_costs_one_article_and_the_run_goes_on(corpus, tmp_path):
    path, clean = corpus
    db = tmp_path / "worker.duckdb"
    proc, workers = _start(path, db)
    os.kill(workers[0], signal.SIGKILL)
    out, err = proc.communicate(timeout=600)
    assert "Traceback" not in out + err, err
    assert not any(_alive(w) for w in workers)
    with Store(db, read_only=True) as st:
        rejections = [(r["reason"], r["detail"]) for r in st.rejections()]
        articles = st.counts()["articles"]
    # the worker held an article (its rejection says so) or was between two (nothing lost)
    if proc.returncode == 3:
        assert rejections == [
            ("worker_died", "the worker process coding it died (killed by SIGKILL)")]
        assert articles == N_ARTICLES - 1
    else:
        assert proc.returncode == 0, err
        assert rejections == [] and articles == N_ARTICLES
    assert _snapshot(db)["orphans"] == 0
    _rerun_equals_clean(path, db, clean)
    with Store(db, read_only=True) as st:
        assert st.rejections() == []  # the re-run coded the lost article
