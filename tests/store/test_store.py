from __future__ import annotations

import duckdb
import pytest

from jalin.errors import StoreError, UsageError
from jalin.models import Actor, PartialDate, Rejection
from jalin.store import Store
from jalin.store.schema import LOCATION_COLUMNS, SCHEMA_VERSION


@pytest.fixture
def db(tmp_path):
    return tmp_path / "t.duckdb"


def test_write_and_read_back(db, make_result):
    with Store(db) as st:
        st.write_result(make_result("a"))
    with Store(db, read_only=True) as st:
        c = st.counts()
        assert c["articles"] == 1 and c["events"] == 2 and c["mentions"] == 2
        assert c["sentences"] == 2 and c["removed_lines"] == 1
        art = st.article("a")
    assert art["title"].startswith("Tokayev")
    assert art["published"] == "2023-05-15" and art["published_precision"] == "day"
    assert art["language"] == "id" and art["coder"] == "test-coder"
    assert [r["reason"] for r in art["removed_lines"]] == ["spam"]
    assert [m["code"] for m in art["mentions"]] == ["KAZGOV", "UZBGOV"]
    ev = art["events"][0]
    assert ev["source"]["country"] == "KAZ" and ev["target"]["code"] == "UZBGOV"
    assert ev["evidence"]["sentence"] in art["text"]
    assert art["text"][ev["evidence"]["start"]:ev["evidence"]["end"]] == ev["evidence"]["sentence"]


def test_reingest_replaces_rows(db, make_result):
    with Store(db) as st:
        st.write_result(make_result("a"))
        st.write_result(make_result("b"))
    with Store(db) as st:
        st.write_result(make_result("a", n_events=1))
        assert st.counts()["events"] == 3
        assert st.counts()["articles"] == 2
        assert len(st.events(doc_id="a")) == 1


def test_same_doc_twice_in_one_batch(db, make_result):
    with Store(db, batch_size=50) as st:
        st.write_result(make_result("a"))
        st.write_result(make_result("a", n_events=1))
        assert st.counts() == {**st.counts(), "articles": 1, "events": 1}


def test_batches_flush_automatically(db, make_result):
    st = Store(db, batch_size=3)
    for i in range(7):
        st.write_result(make_result(f"d{i}"))
    # 6 written by two automatic flushes, one still pending
    raw = st.con.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert raw == 6
    st.close()
    with Store(db, read_only=True) as st:
        assert st.counts()["articles"] == 7


def test_duplicate_event_ids_kept_once(db, make_result):
    r = make_result("a")
    from dataclasses import replace
    dup = replace(r, events=r.events + r.events)
    with Store(db) as st:
        st.write_result(dup)
        assert st.counts()["events"] == 2


@pytest.mark.parametrize(
    "kwargs,expected",
    [
        ({}, 2),
        ({"actor": "kaz"}, 2),
        ({"actor": "UZBGOV"}, 2),
        ({"actor": "RUS"}, 0),
        ({"root": "4"}, 1),
        ({"root": "05"}, 1),
        ({"root": "19"}, 0),
        ({"since": "2023-05"}, 2),
        ({"since": "2023-06"}, 0),
        ({"until": "2023"}, 2),
        ({"until": "2023-05-14"}, 0),
        ({"since": PartialDate(2023, 5, 15), "until": PartialDate(2023, 5, 15)}, 2),
        ({"limit": 1}, 1),
        ({"doc_id": "zzz"}, 0),
    ],
)
def test_event_filters(db, make_result, kwargs, expected):
    with Store(db) as st:
        st.write_result(make_result("a"))
        assert len(st.events(**kwargs)) == expected


def test_partial_date_ranges_overlap(db, make_result):
    with Store(db) as st:
        st.write_result(make_result("y", event_date=PartialDate(2022)))
        st.write_result(make_result("n", event_date=None))
        assert {e["doc_id"] for e in st.events(since="2022-06", until="2022-06")} == {"y"}
        assert {e["doc_id"] for e in st.events()} == {"y", "n"}
        undated = st.events(doc_id="n")
        assert undated[0]["date"] is None and undated[0]["date_precision"] is None


@pytest.mark.parametrize("bad", [{"since": "2023/05"}, {"root": "21"}, {"root": "x"}, {"limit": -1}])
def test_bad_filters_are_usage_errors(db, make_result, bad):
    with Store(db) as st:
        with pytest.raises(UsageError):
            st.events(**bad)


def test_negated_events_stored_and_filterable(db, make_result):
    with Store(db) as st:
        st.write_result(make_result("a", negated=True))
        assert st.counts()["negated_events"] == 1
        assert len(st.events()) == 2
        assert len(st.events(include_negated=False)) == 1


def test_org_actor_filter(db, make_result):
    csto = Actor(code="CSTO", org="CSTO")
    with Store(db) as st:
        st.write_result(make_result("a", target=csto))
        assert len(st.events(actor="csto")) == 2


def test_rejections_stored_and_replaced_by_origin(db, make_result):
    with Store(db) as st:
        st.write_rejection(Rejection("bad.txt", "binary", "NUL bytes"))
        st.write_rejection(Rejection("x.jsonl:3", "bad_json", "Expecting value", None))
    with Store(db) as st:
        st.write_rejection(Rejection("bad.txt", "binary", "NUL bytes again"))
        rows = st.rejections()
    assert sorted(r["origin"] for r in rows) == ["bad.txt", "x.jsonl:3"]
    assert {r["detail"] for r in rows if r["origin"] == "bad.txt"} == {"NUL bytes again"}


def test_success_clears_old_rejection_of_doc(db, make_result):
    with Store(db) as st:  # an earlier run rejected it
        st.write_rejection(Rejection("a.txt", "internal_error", "boom", "a"))
    with Store(db) as st:
        st.write_result(make_result("a"))
        assert st.rejections() == []


def test_read_only_missing_file(tmp_path):
    with pytest.raises(StoreError, match="no store"):
        Store(tmp_path / "none.duckdb", read_only=True)


def test_read_only_refuses_writes(db, make_result):
    Store(db).close()
    with Store(db, read_only=True) as st:
        with pytest.raises(StoreError):
            st.write_result(make_result("a"))


def test_missing_directory(tmp_path):
    with pytest.raises(StoreError, match="directory"):
        Store(tmp_path / "nope" / "x.duckdb")


def test_schema_version_and_newer_store_refused(db):
    with Store(db) as st:
        assert st.schema_version() == SCHEMA_VERSION
    con = duckdb.connect(str(db))
    con.execute("INSERT INTO schema_version VALUES (?, now())", [SCHEMA_VERSION + 1])
    con.close()
    with pytest.raises(StoreError, match="upgrade"):
        Store(db)


def test_reopen_keeps_version_rows(db):
    Store(db).close()
    Store(db).close()
    con = duckdb.connect(str(db))
    assert con.execute("SELECT count(*) FROM schema_version").fetchone()[0] == SCHEMA_VERSION
    con.close()


def test_mentions_query(db, make_result):
    with Store(db) as st:
        st.write_result(make_result("a"))
        st.write_result(make_result("b"))
        assert len(st.mentions()) == 4
        assert {m["doc_id"] for m in st.mentions(doc_id="b")} == {"b"}
        assert st.article("missing") is None


def test_parquet_copy(db, tmp_path, make_result):
    out = tmp_path / "e.parquet"
    with Store(db) as st:
        st.write_result(make_result("a", negated=True))
        st.copy_parquet(out)
    con = duckdb.connect()
    rows = con.execute(f"SELECT event_id, source_code FROM read_parquet('{out}')").fetchall()
    assert rows == [("a:0", "KAZGOV")]


def test_conflicting_event_id_fails_one_article_only(db, make_result):
    from dataclasses import replace

    a = make_result("a")
    b = make_result("b")
    clash = replace(b, events=tuple(replace(e, event_id=f"a:{i}") for i, e in enumerate(b.events)))
    with Store(db, batch_size=10) as st:
        st.write_result(a)
        st.write_result(make_result("c"))
        st.write_result(clash)
        st.flush()
        assert [r.reason for r in st.failed] == ["store_error"]
        assert st.failed[0].doc_id == "b"
        assert set(st.doc_ids()) == {"a", "c"}
        assert [r["origin"] for r in st.rejections()] == ["b.txt"]


def test_forward_migration_applied_once(db, monkeypatch, make_result):
    import jalin.store.db as dbmod
    from jalin.store import schema

    nxt = SCHEMA_VERSION + 1
    with Store(db) as st:
        st.write_result(make_result("a"))
    monkeypatch.setattr(dbmod, "SCHEMA_VERSION", nxt)
    monkeypatch.setitem(schema.MIGRATIONS, nxt,
                        ["ALTER TABLE events ADD COLUMN IF NOT EXISTS place VARCHAR"])
    with Store(db) as st:
        assert st.schema_version() == nxt
        assert st.counts()["events"] == 2  # data kept
        cols = [r[0] for r in st.con.execute("DESCRIBE events").fetchall()]
        assert "place" in cols
    with Store(db, read_only=True) as st:  # already migrated: read-only is fine
        assert st.schema_version() == nxt


def _make_version_1(db) -> None:
    """Turn a current store into one written before event locations (schema version 1)."""
    con = duckdb.connect(str(db))
    for col, _ in LOCATION_COLUMNS:
        con.execute(f'ALTER TABLE events DROP COLUMN "{col}"')
    con.execute("DELETE FROM schema_version WHERE version > 1")
    con.close()


def test_read_only_old_store_is_read_without_changing_it(db, make_result):
    with Store(db) as st:
        st.write_result(make_result("a"))
    _make_version_1(db)
    with Store(db, read_only=True) as st:
        assert st.schema_version() == 1
        events = st.events()
        assert len(events) == 2 and all(e["location"] is None for e in events)
        assert st.events(where="KGZ") == []
        assert st.article("a")["events"][0]["source"]["code"]
    con = duckdb.connect(str(db), read_only=True)  # the file itself is unchanged
    cols = [r[0] for r in con.execute("DESCRIBE events").fetchall()]
    con.close()
    assert "location_name" not in cols
    with Store(db) as st:  # opened for writing, it is migrated
        assert st.schema_version() == SCHEMA_VERSION
        assert [e["location"] for e in st.events()] == [None, None]


def test_read_only_store_without_a_schema_asks_for_migration(db):
    duckdb.connect(str(db)).close()
    with pytest.raises(StoreError, match="migrate"):
        Store(db, read_only=True)


def test_empty_duckdb_file_is_migrated(db):
    duckdb.connect(str(db)).close()
    with Store(db) as st:
        assert st.counts()["articles"] == 0 and st.schema_version() == SCHEMA_VERSION


def test_unknown_source_is_stored_null_and_is_no_actor(db, make_result):
    """An agentless event ("the consulate was shelled") keeps its target; its source is all
    NULL in the store and the export, and the actor list and network leave it out."""
    from jalin.models import UNKNOWN_ACTOR
    from jalin.store import analytics

    with Store(db) as st:
        st.write_result(make_result("a", source=UNKNOWN_ACTOR))
    with Store(db, read_only=True) as st:
        ev = st.article("a")["events"][0]
        assert ev["source"] == {"code": None, "country": None, "org": None, "role": None, "name": None}
        assert ev["target"]["country"] == "UZB"
        raw = st.con.execute("SELECT count(*) FROM events WHERE source_code IS NULL").fetchone()[0]
        assert raw == 2
        keys = {a["key"] for a in analytics.actors(st.con)}
        assert keys == {"UZB"}
        assert analytics.network(st.con)["edges"] == []
