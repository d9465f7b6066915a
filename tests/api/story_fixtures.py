"""A store of the story fixtures (tests/stories/fixtures: one visit told five times,
its signing, a background visit, two phone calls), coded by the real pipeline."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "stories" / "fixtures" / "articles.jsonl"


def build_story_store(folder: Path) -> Path:
    import jalin

    db = folder / "stories.duckdb"
    summary = jalin.ingest(FIXTURES, db=db)
    assert summary.exit_status == 0, summary
    return db
