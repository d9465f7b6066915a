"""Stories in the store: re-ingest, story rows, the migration of older stores (versions 1, 2)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import io

import duckdb
import pytest

from jalin.models import Article, ArticleResult, CleanedArticle, PartialDate, Sentence
from jalin.store import Store
from jalin.store.schema import LOCATION_COLUMNS, SCHEMA_VERSION

from story_builders import ev

TEXT = ("Presiden Uzbekistan mengunjungi Astana pada Senin.\n"
        "Kunjungan itu membahas perdagangan dan air.\n"
        "Kedua pemimpin menandatangani perjanjian energi.\n")


def result(doc: str, events, url: str | None = None, published=PartialDate(2024, 3, 12),
           text: str = TEXT) -> ArticleResult:
    art = Article(doc_id=doc, text=text, published=published, url=url, origin=f"{doc}.txt")
    lines = text.splitlines()
    sentences, pos = [], 0
    for i, line in enumerate(lines):
        sentences.append(Sentence(doc, i, pos, pos + len(line), line, i))
        pos += len(line) + 1
    cleaned = CleanedArticle(art, "id", "given", tuple((s.start, s.end) for s in sentences))
    return ArticleResult(cleaned, tuple(sentences), (), tuple(replace(e, doc_id=doc) for e in events))


def visit(doc: str, day: str = "2024-03-11", cameo: str = "042"):
    return ev(f"{doc}-v", "UZB", "KAZ", cameo, day, sentence=0)


def signing(doc: str, day: str = "2024-03-11"):
    return ev(f"{doc}-s", "UZB", "KAZ", "057", day, sentence=2)


def stories(db: Path) -> dict[str, dict]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        cur = con.execute("SELECT * FROM stories ORDER BY story_id")
        names = [d[0] for d in cur.description]
        return {r[0]: dict(zip(names, r)) for r in cur.fetchall()}
    finally:
        con.close()


def test_story_rows_follow_their_reports(tmp_path):
    db = tmp_path / "s.duckdb"
    with Store(db) as st:
        st.write_result(result("a", [visit("a"), signing("a")], url="https://www.satu.example/a"))
        st.write_result(result("b", [visit("b", cameo="043")], url="https://dua.example/b",
                               published=PartialDate(2024, 3, 13)))
    rows = stories(db)
    assert len(rows) == 2
    v = next(r for r in rows.values() if r["cameo_root"] == "04")
    assert (v["num_reports"], v["num_articles"], v["num_sources"]) == (2, 2, 2)
    assert v["event_id"] == "a-v" and v["url"] == "https://www.satu.example/a"  # the first report
    assert (v["first_seen"], v["last_seen"]) == ("2024-03-12", "2024-03-13")
    assert v["codes"] == "042|043" and v["date"] == "2024-03-11"


def test_reingesting_an_article_with_other_content_moves_its_events(tmp_path):
    db = tmp_path / "s.duckdb"
    with Store(db) as st:
        st.write_result(result("a", [visit("a"), signing("a")]))
        st.write_result(result("b", [visit("b")]))
    first = stories(db)
    with Store(db) as st:  # b corrected: the signing, not the visit
        st.write_result(result("b", [signing("b")]))
    after = stories(db)
    assert set(after) == set(first)  # the same two stories, one report each moved
    assert sorted(r["num_reports"] for r in after.values()) == [1, 2]
    with Store(db) as st:  # a now reports another day: its old stories lose it
        st.write_result(result("a", [visit("a", "2024-05-02")]))
    rows = stories(db)
    assert sorted((r["cameo"], r["date"], r["num_reports"]) for r in rows.values()) == [
        ("042", "2024-05-02", 1), ("057", "2024-03-11", 1)]


def _make_old(db: Path, version: int) -> None:
    """Turn a store into one of schema version 1 or 2: one events row per mention, no
    stories; version 2 has event locations (the visits happened in Astana)."""
    con = duckdb.connect(str(db))
    con.execute("DROP TABLE stories; DROP TABLE doc_sketches; DROP TABLE sketch_index; "
                "DROP TABLE doc_copies")
    con.execute("DELETE FROM events")
    same = ["doc_id", "sentence_idx", "date", "date_precision", "date_source", "cameo",
            "cameo_root", "modality", "negated", "trigger", "trigger_start", "trigger_end",
            "evidence_sentence", "evidence_start", "evidence_end",
            *(f"{side}_{f}" for side in ("source", "target")
              for f in ("code", "country", "org", "role", "name"))]
    cols = ", ".join(f'"{c}"' for c in same)
    con.execute(f'INSERT INTO events (event_id, {cols}, plover, goldstein, quad_class, '
                f'"language", coder) SELECT mention_id, {cols}, \'CONSULT\', 1.0, 1, \'id\', '
                f"'test' FROM event_mentions")
    con.execute("DROP TABLE event_mentions")
    con.execute("ALTER TABLE events DROP COLUMN story_id")
    con.execute("ALTER TABLE events DROP COLUMN num_mentions")
    if version == 1:
        for col, _ in LOCATION_COLUMNS:
            con.execute(f'ALTER TABLE events DROP COLUMN "{col}"')
    else:
        con.execute("UPDATE events SET location_name = 'Astana', location_country = 'KAZ', "
                    "location_lat = 51.18, location_lon = 71.45, location_precision = 'city', "
                    "location_source = 'sentence', location_countries = 'KAZ' WHERE cameo = '042'")
    con.execute("DELETE FROM schema_version WHERE version > ?", [version])
    con.close()


@pytest.mark.parametrize("version", [1, 2])
def test_an_older_store_migrates_with_its_events_merged_and_linked(tmp_path, version):
    from jalin import export as ex
    from jalin.errors import StoreError

    db = tmp_path / "old.duckdb"
    from jalin.stories.merge import merge_article

    again = [ev("a-v2", "UZB", "KAZ", "042", None, sentence=1)]  # "Kunjungan itu": the same visit
    with Store(db) as st:
        for doc, evs in (("a", [visit("a"), *again, signing("a")]), ("b", [visit("b")])):
            res = result(doc, evs)
            merged = merge_article(res.events)
            st.write_result(replace(res, events=merged.events, event_mentions=merged.mentions))
    _make_old(db, version)
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 4  # one per mention
    con.close()
    with Store(db, read_only=True) as st:  # read as it is: its events, but no stories yet
        assert st.stored_version == version and not st.has_stories
        assert len(st.events()) == 4 and all(e["story_id"] is None for e in st.events())
        for table in ("stories", "mentions"):
            with pytest.raises(StoreError, match="migrate"):
                ex.export(st, "jsonl", fh=io.StringIO(), table=table)
        with pytest.raises(StoreError, match="migrate"):
            ex.export(st, "gdelt", fh=io.StringIO())
    with Store(db) as st:
        assert st.schema_version() == SCHEMA_VERSION
        counts = st.counts()
    assert counts["events"] == 3 and counts["event_mentions"] == 4 and counts["stories"] == 2
    rows = stories(db)
    v = next(r for r in rows.values() if r["cameo"] == "042")
    assert (v["num_reports"], v["num_mentions"], v["num_articles"]) == (2, 3, 2)
    # a version-2 store keeps its events' locations, and its stories take them
    place = ("Astana", "KAZ") if version == 2 else (None, None)
    assert (v["location_name"], v["location_country"]) == place
    with Store(db, read_only=True) as st:
        assert {(e["location"] or {}).get("name") for e in st.events() if e["cameo"] == "042"} \
            == {place[0]}
    with Store(db, read_only=True) as st:  # migrated: read-only opens
        assert st.schema_version() == SCHEMA_VERSION
