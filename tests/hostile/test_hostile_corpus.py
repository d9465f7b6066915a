"""One ingest of 300+ hostile inputs mixed with good articles (issue 12, "Done when").

No traceback, exit status 3, every good article coded exactly as in a clean
run of the good articles alone, every hostile input a stored rejection with
its reason, every strange but valid input stored, and every rejection the
summary counts is in the store.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from check import problems
from corpus import make_corpus

from jalin.store import Store

JALIN = str(Path(sys.executable).with_name("jalin"))


def _ingest(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([JALIN, "ingest", *args], capture_output=True, text=True, timeout=900,
                          env={"COLUMNS": "200", "PATH": "/usr/bin:/bin"})


def test_hostile_corpus_is_rejected_input_by_input_and_good_articles_coded_as_clean(tmp_path):
    corpus = make_corpus(tmp_path / "korpus")
    assert len(corpus.bad) >= 300
    hostile_db, clean_db = tmp_path / "hostile.duckdb", tmp_path / "clean.duckdb"

    # with a pool of workers and a short per-article time limit (one input needs it)
    hostile = _ingest(str(corpus.inputs), "--manifest", str(corpus.manifest),
                      "--db", str(hostile_db), "--workers", "2", "--timeout", "3")
    clean = _ingest(str(corpus.clean), "--db", str(clean_db))  # in-process runner

    for run in (hostile, clean):
        assert "Traceback" not in run.stdout + run.stderr, run.stderr[-3000:]
    assert clean.returncode == 0, clean.stderr
    assert hostile.returncode == 3, hostile.stderr[-3000:]
    assert problems(corpus, hostile_db, clean_db) == []

    with Store(hostile_db, read_only=True) as st:
        stored = st.counts()
    summary = re.search(r"rejected inputs\s*│\s*(\d+)", hostile.stdout)
    assert summary and int(summary.group(1)) == stored["rejections"]
    coded = re.search(r"articles coded\s*│\s*(\d+)", hostile.stdout)
    assert coded and int(coded.group(1)) == stored["articles"] == len(corpus.good | corpus.odd)
