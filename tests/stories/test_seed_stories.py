"""The real seed articles (../shared, read at run time): ingested a second time under
new ids, they add no story; re-ingested under their own ids, nothing at all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import jalin
from jalin.store import Store

SHARED = Path(__file__).resolve().parents[3] / "shared"
MANIFEST = SHARED / "gold" / "seeds.manifest.jsonl"


def _jsonl(folder: Path, prefix: str) -> Path:
    """The seeds as one JSONL file (texts copied at run time, never into the repo)."""
    out = folder / f"{prefix or 'seeds'}.jsonl"
    with open(out, "w", encoding="utf-8") as fh:
        for line in MANIFEST.read_text(encoding="utf-8").splitlines():
            m = json.loads(line)
            text = (MANIFEST.parent / m["path"]).read_text(encoding="utf-8")
            fh.write(json.dumps({"id": prefix + m["doc_id"], "text": text, "language": m["language"],
                                 "published": m["published"]}, ensure_ascii=False) + "\n")
    return out


def _state(db: Path) -> tuple[dict, dict]:
    with Store(db, read_only=True) as st:
        stories = dict(st.con.execute("SELECT story_id, num_articles FROM stories").fetchall())
        counts = st.counts()
    return stories, counts


@pytest.mark.skipif(not MANIFEST.is_file(), reason="../shared seeds are not available")
def test_seeds_twice_add_no_story(tmp_path):
    db = tmp_path / "seeds.duckdb"
    jalin.ingest(_jsonl(tmp_path, ""), db=db)
    stories, counts = _state(db)
    assert counts["articles"] == 5 and counts["stories"] > 20  # (negated ones not counted)
    # the state visit told six times in one article is one event
    assert counts["events"] < counts["event_mentions"]

    jalin.ingest(_jsonl(tmp_path, "again-"), db=db)
    again, counts2 = _state(db)
    assert set(again) == set(stories)  # not one new story
    assert all(again[s] == 2 * stories[s] for s in stories)  # every one reported twice
    assert counts2["events"] == 2 * counts["events"] and counts2["stories"] == counts["stories"]

    jalin.ingest(_jsonl(tmp_path, ""), db=db)  # the same ids again: nothing changes
    assert _state(db) == (again, counts2)
