from __future__ import annotations

import sys
from pathlib import Path

import pytest

import jalin.pipeline
from jalin.models import Article, Rejection
from jalin.runners.local import RunSummary, run
from jalin.store import Store

sys.path.insert(0, str(Path(__file__).parents[1] / "store"))
from store_builders import build_result  # noqa: E402  (hand-built results)


class FakePipeline:
    """Stands in for the real Pipeline: one canned result per article."""

    def process(self, article: Article):
        if "boom" in article.doc_id:
            raise ValueError("coder fell over")
        if "lang" in article.doc_id:
            return Rejection(article.origin, "language", "detected xx", article.doc_id)
        return build_result(article.doc_id)


def _inputs():
    return [
        Article("a1", "teks", origin="a1.txt"),
        Rejection("bad.bin", "binary", "NUL bytes"),
        Article("boom1", "teks", origin="boom1.txt"),
        Article("a2", "teks", origin="a2.txt"),
        Article("lang1", "teks", origin="lang1.txt"),
    ]


@pytest.mark.parametrize("workers", [1, 2])
def test_run_stores_results_and_rejections(tmp_path, monkeypatch, workers):
    monkeypatch.setattr(jalin.pipeline, "Pipeline", FakePipeline)
    seen = []
    with Store(tmp_path / "r.duckdb") as st:
        summary = run(_inputs(), st, workers=workers, progress=lambda i, o: seen.append(i))
        counts = st.counts()
        rej = {r["origin"]: r for r in st.rejections()}
    assert summary.inputs == 5 and len(seen) == 5
    assert summary.articles == 2 and counts["articles"] == 2
    assert summary.events == 4 and counts["events"] == 4
    assert summary.removed_lines == 2
    assert summary.rejections == {"binary": 1, "internal_error": 1, "language": 1}
    assert rej["boom1.txt"]["detail"] == "ValueError: coder fell over"
    assert rej["boom1.txt"]["doc_id"] == "boom1"
    assert summary.exit_status == 3


@pytest.mark.parametrize(
    "summary,status",
    [
        (RunSummary(inputs=2, articles=2), 0),
        (RunSummary(inputs=2, articles=1, rejections={"binary": 1}), 3),
        (RunSummary(inputs=1, articles=0, rejections={"binary": 1}), 1),
        (RunSummary(), 1),
    ],
)
def test_exit_status(summary, status):
    assert summary.exit_status == status


def test_rerun_does_not_duplicate(tmp_path):
    with Store(tmp_path / "r.duckdb") as st:
        for _ in range(2):
            run([Article("a1", "t", origin="a1.txt")], st, pipeline=FakePipeline())
        assert st.counts()["events"] == 2


class ClashingPipeline:
    """Every article gets the same event ids: the store can keep only the first."""

    def process(self, article: Article):
        from dataclasses import replace

        res = build_result(article.doc_id)
        return replace(res, events=tuple(replace(e, event_id=f"same:{i}")
                                         for i, e in enumerate(res.events)))


def test_store_failures_counted_as_rejections(tmp_path):
    arts = [Article(f"d{i}", "t", origin=f"d{i}.txt") for i in range(3)]
    with Store(tmp_path / "r.duckdb", batch_size=2) as st:
        summary = run(arts, st, pipeline=ClashingPipeline())
        assert st.counts()["articles"] == summary.articles == 1
        assert st.counts()["events"] == summary.events == 2
    assert summary.rejections == {"store_error": 2}
    assert summary.exit_status == 3


def test_workers_default_to_the_cores_and_few_inputs_stay_in_process(tmp_path, monkeypatch):
    from jalin.runners import local

    assert local.default_workers() >= 1
    from jalin.runners import pool

    monkeypatch.setattr(pool, "WorkerPool", lambda *a, **k: pytest.fail("no pool for two inputs"))
    with Store(tmp_path / "r.duckdb") as st:
        summary = run([Article("a1", "t", origin="a1.txt"), Article("a2", "t", origin="a2.txt")], st,
                      workers=None if local.default_workers() > 1 else 2, pipeline=FakePipeline())
    assert summary.articles == 2
