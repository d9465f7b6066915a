"""The per-article watchdog and the worker pool: a slow article is a `timeout`
rejection, a dying worker's article a `worker_died` one; the run goes on and
the other articles are coded, in input order."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import pytest

from jalin.models import Article, Rejection
from jalin.runners.local import run
from jalin.runners.watchdog import bounded, deadline
from jalin.errors import ArticleTimeout
from jalin.store import Store

sys.path.insert(0, str(Path(__file__).parents[1] / "store"))
from store_builders import build_result  # noqa: E402  (hand-built results)


class Troublesome:
    """A stand-in pipeline: 'loop' spins in Python, 'stuck' blocks the alarm signal
    and sleeps (like C code that never returns to Python), 'die' kills its process."""

    def process(self, article: Article):
        if article.doc_id.startswith("loop"):
            while True:
                pass
        if article.doc_id.startswith("stuck"):
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(60)
        if article.doc_id.startswith("die"):
            os._exit(9)
        return build_result(article.doc_id)


def _articles(*ids: str) -> list[Article]:
    return [Article(i, "teks", origin=f"{i}.txt") for i in ids]


def _run(tmp_path, ids, workers, timeout):
    order: list[str] = []
    with Store(tmp_path / "w.duckdb") as st:
        summary = run(_articles(*ids), st, workers=workers, pipeline=Troublesome(),
                      timeout=timeout, progress=lambda item, out: order.append(item.doc_id))
        rejected = {r["doc_id"]: (r["reason"], r["detail"]) for r in st.rejections()}
        stored = set(st.doc_ids())
    return summary, rejected, stored, order


@pytest.mark.parametrize("workers", [1, 2])
def test_a_looping_article_times_out_and_the_run_goes_on(tmp_path, workers):
    t0 = time.monotonic()
    summary, rejected, stored, order = _run(tmp_path, ["a1", "loop1", "a2"], workers, 0.5)
    assert time.monotonic() - t0 < 30
    assert stored == {"a1", "a2"}
    assert rejected["loop1"][0] == "timeout" and "0.5 s" in rejected["loop1"][1]
    assert order == ["a1", "loop1", "a2"]
    assert summary.rejections == {"timeout": 1} and summary.exit_status == 3


def test_a_worker_stuck_where_the_alarm_cannot_reach_is_killed(tmp_path):
    summary, rejected, stored, order = _run(tmp_path, ["a1", "stuck1", "a2", "a3"], 2, 0.5)
    assert stored == {"a1", "a2", "a3"}
    assert rejected == {"stuck1": ("timeout", "coding took longer than 0.5 s (the --timeout "
                                              "limit)")}
    assert order == ["a1", "stuck1", "a2", "a3"]


def test_a_dying_worker_costs_its_article_only_and_is_replaced(tmp_path):
    ids = ["a1", "die1", "a2", "a3", "die2", "a4", "a5"]
    summary, rejected, stored, order = _run(tmp_path, ids, 2, None)
    assert stored == {"a1", "a2", "a3", "a4", "a5"}
    assert {k: v[0] for k, v in rejected.items()} == {"die1": "worker_died", "die2": "worker_died"}
    assert "exit status 9" in rejected["die1"][1]
    assert order == ids
    assert summary.articles == 5 and summary.exit_status == 3


def test_workers_that_die_on_every_article_stop_the_run(tmp_path):
    from jalin.errors import JalinError

    with Store(tmp_path / "w.duckdb") as st, pytest.raises(JalinError, match="keep dying"):
        run(_articles(*(f"die{i}" for i in range(20))), st, workers=2, pipeline=Troublesome())


def test_deadline_is_a_no_op_without_a_limit_and_bounded_returns_the_timeout():
    with deadline(None):
        pass
    out = bounded(lambda: [x for x in iter(int, 1)], 0.2, "looping")
    assert isinstance(out, ArticleTimeout) and "looping took longer than 0.2 s" in str(out)
    assert bounded(lambda: 42, 5) == 42
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # the timer is disarmed


STUBBORN = """
import time
from jalin.errors import ArticleTimeout
from jalin.runners.watchdog import bounded

def stubborn():
    try:
        while True:
            pass
    except Exception:  # a library that catches everything swallows the first alarm
        pass
    while True:  # ... and carries on
        pass

t0 = time.monotonic()
out = bounded(stubborn, 0.2)
print(type(out).__name__, round(time.monotonic() - t0, 1))
"""


def test_code_that_swallows_the_first_timeout_is_interrupted_again():
    import subprocess

    r = subprocess.run([sys.executable, "-c", STUBBORN], capture_output=True, text=True,
                       timeout=60)  # a watchdog that fires once would never end
    name, seconds = r.stdout.split()
    assert name == "ArticleTimeout" and float(seconds) < 5, r.stderr


def test_rejections_from_the_readers_pass_through_the_pool_in_order(tmp_path):
    items = [Article("a1", "t", origin="a1.txt"), Rejection("x.bin", "binary", "NUL"),
             Article("a2", "t", origin="a2.txt")]
    order = []
    with Store(tmp_path / "w.duckdb") as st:
        run(items, st, workers=2, pipeline=Troublesome(),
            progress=lambda item, out: order.append(getattr(item, "doc_id", None) or item.origin))
    assert order == ["a1", "x.bin", "a2"]
