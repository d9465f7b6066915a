"""Team-written articles on two events, coded whole through the pipeline into a store.

``fixtures/articles.jsonl`` (written for these tests; outlets and URLs are
invented): the state visit of Uzbekistan's president to Astana on Monday
11 March 2024, told by two Indonesian outlets in different words, by an
English wire, as an exact copy of the first under another outlet and as a
lightly edited re-post of the second a day later; the first article also
recalls the president's previous visit of September 2022 (background); and
two phone calls of the Kazakh and Chinese foreign ministers on 5 and 19
March 2024 (one dyad, two different days), the first told by two outlets.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import jalin
from jalin.store import Store

FIXTURES = Path(__file__).parent / "fixtures" / "articles.jsonl"


def _stories(db: Path) -> dict[str, set[tuple[str, str, str | None]]]:
    """story id -> {(doc, cameo, date)} of its reports."""
    with Store(db, read_only=True) as st:
        rows = st.con.execute(
            "SELECT story_id, doc_id, cameo, date FROM events WHERE NOT negated").fetchall()
    out: dict[str, set] = {}
    for sid, doc, cameo, date in rows:
        out.setdefault(sid, set()).add((doc, cameo, date))
    return out


def _partition(db: Path) -> set[frozenset]:
    return {frozenset(v) for v in _stories(db).values()}


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("stories") / "fixtures.duckdb"
    assert jalin.ingest(FIXTURES, db=path).exit_status == 0
    return path


VISIT = {
    ("visit-id-kabar", "042", "2024-03-11"), ("visit-id-kabar", "043", "2024-03-11"),
    ("visit-id-copy", "042", "2024-03-11"), ("visit-id-copy", "043", "2024-03-11"),
    ("visit-id-warta", "043", "2024-03-11"), ("visit-id-repost", "043", "2024-03-11"),
    ("visit-en-wire", "042", "2024-03-11"), ("visit-en-wire", "040", "2024-03-11"),
}
SIGNING = {("visit-id-warta", "057", "2024-03-11"), ("visit-id-repost", "057", "2024-03-11"),
           ("visit-en-wire", "057", "2024-03-11")}
BACKGROUND = {("visit-id-kabar", "042", "2022-09"), ("visit-id-copy", "042", "2022-09")}
# "ketika kedua negara menyepakati peta jalan industri": the agreement of that earlier visit
AGREED = {("visit-id-kabar", "030", "2022-09"), ("visit-id-copy", "030", "2022-09")}
CALL_5 = {("call-id-first", "041", "2024-03-05"), ("call-id-second", "041", "2024-03-05")}
CALL_19 = {("call-en-later", "041", "2024-03-19")}


def test_stories_of_the_fixtures(db):
    # two outlets in different words, Indonesian and English, a copy and a re-post:
    # one visit, one signing; the background visit of 2022 and the second phone call
    # (same dyad, another day) stay stories of their own
    assert _partition(db) == {frozenset(VISIT), frozenset(SIGNING), frozenset(BACKGROUND),
                              frozenset(AGREED), frozenset(CALL_5), frozenset(CALL_19)}


def test_story_rows(db):
    with jalin.open(db) as s:
        stories = {r["cameo"] + (r["date"] or ""): r for r in s.stories(format="records")}
    visit = stories["0422024-03-11"]
    assert (visit["num_articles"], visit["num_reports"]) == (5, 8)
    # kabarasia, portal-lain, warta-timur, beritakita (m. dropped), centralasia-wire
    assert visit["num_sources"] == 5
    assert (visit["source"]["country"], visit["target"]["country"]) == ("UZB", "KAZ")
    assert visit["first_seen"] == "2024-03-12" and visit["last_seen"] == "2024-03-13"
    signing = stories["0572024-03-11"]
    assert (signing["num_articles"], signing["num_sources"]) == (3, 3)
    assert stories["0412024-03-05"]["num_sources"] == 2  # kabarasia and warta-timur
    assert stories["0422022-09"]["num_articles"] == 2


@pytest.mark.filterwarnings("ignore::FutureWarning")  # the note that mentions changed meaning
def test_repeated_mentions_are_one_event(db):
    with jalin.open(db) as s:
        events = s.events(doc_id="visit-id-kabar", format="records")
        mentions = s.mentions(doc_id="visit-id-kabar", format="records")
    visits = [e for e in events if e["cameo"] == "042" and e["date"] == "2024-03-11"]
    assert len(visits) == 1
    own = [m for m in mentions if m["event_id"] == visits[0]["event_id"]]
    # the headline, the lead and "Kunjungan Presiden Mirziyoyev ke Kazakhstan itu"
    assert [m["sentence_index"] for m in own] == [0, 1, 3]
    assert [m["headline"] for m in own] == [True, False, False]
    # "Kunjungan ... itu" has no time of its own: the story date of the main news
    assert [m["date_source"] for m in own][1:] == ["sentence", "story"]
    assert len({m["evidence"]["start"] for m in own}) == 3


def test_copies_are_recorded(db):
    with Store(db, read_only=True) as st:
        copies = dict((d, (o, j)) for d, o, j in st.con.execute(
            "SELECT doc_id, copy_of, similarity FROM doc_copies").fetchall())
    assert set(copies) == {"visit-id-copy", "visit-id-repost"}
    assert copies["visit-id-copy"] == ("visit-id-kabar", 1.0)
    assert copies["visit-id-repost"][0] == "visit-id-warta" and 0.5 <= copies["visit-id-repost"][1] < 1


def test_reingesting_adds_nothing_and_keeps_ids(db, tmp_path):
    before = _stories(db)
    jalin.ingest(FIXTURES, db=db)
    assert _stories(db) == before
    # the same input into a new store gives the same ids
    fresh = tmp_path / "fresh.duckdb"
    jalin.ingest(FIXTURES, db=fresh)
    assert _stories(fresh) == before


def test_the_same_articles_under_new_ids_add_no_story(db, tmp_path):
    again = tmp_path / "again.jsonl"
    with open(FIXTURES, encoding="utf-8") as src, open(again, "w", encoding="utf-8") as out:
        for line in src:
            art = json.loads(line)
            art["id"] = "again-" + art["id"]
            out.write(json.dumps(art, ensure_ascii=False) + "\n")
    store = tmp_path / "twice.duckdb"
    jalin.ingest(FIXTURES, db=store)
    first = set(_stories(store))
    jalin.ingest(again, db=store)
    stories = _stories(store)
    assert set(stories) == first  # no new story
    assert all(len({d for d, _, _ in v if d.startswith("again-")}) ==
               len({d for d, _, _ in v if not d.startswith("again-")}) for v in stories.values())


def test_the_order_of_ingest_does_not_change_the_stories(tmp_path):
    lines = FIXTURES.read_text(encoding="utf-8").splitlines()
    backwards = tmp_path / "backwards.jsonl"
    backwards.write_text("\n".join(reversed(lines)) + "\n", encoding="utf-8")
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    jalin.ingest(FIXTURES, db=one)
    jalin.ingest(backwards, db=two)
    assert _partition(one) == _partition(two)
