from __future__ import annotations

import csv
import io
import json

import duckdb
import pytest

from jalin.errors import UsageError
from jalin.export import (
    ACTOR_MENTION_KEYS, EVENT_KEYS, MENTION_KEYS, STORY_KEYS, export, flat_event_columns, flatten,
)
from jalin.export.story_records import flat_mention_columns, flat_story_columns
from jalin.store import Store


@pytest.fixture
def store(tmp_path, make_result):
    with Store(tmp_path / "x.duckdb") as st:
        st.write_result(make_result("a", negated=True))
        st.write_result(make_result("b"))
        yield st


@pytest.mark.parametrize("negated,expected", [(False, 3), (True, 4)])
def test_jsonl_contract_keys(store, negated, expected):
    buf = io.StringIO()
    n = export(store, "jsonl", buf, include_negated=negated)
    lines = [json.loads(x) for x in buf.getvalue().splitlines()]
    assert n == expected == len(lines)
    for rec in lines:
        assert tuple(rec) == EVENT_KEYS
        assert set(rec["source"]) == {"code", "country", "org", "role", "name"}
        assert set(rec["evidence"]) == {"sentence", "start", "end"}
        assert rec["date"] == "2023-05-15" and rec["published"] == "2023-05-15"
    assert any(r["negated"] for r in lines) is negated


def test_csv_flattens(store):
    buf = io.StringIO()
    export(store, "csv", buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert len(rows) == 3
    assert list(rows[0]) == flat_event_columns()
    assert rows[0]["source_code"] == "KAZGOV" and rows[0]["evidence_start"].isdigit()


def test_actor_mentions_jsonl(store):
    buf = io.StringIO()
    assert export(store, "jsonl", buf, table="actor_mentions") == 4
    assert tuple(json.loads(buf.getvalue().splitlines()[0])) == ACTOR_MENTION_KEYS


def test_mentions_are_event_mentions(store):
    # hand-built results carry no merged mentions: each event is its own one mention
    buf = io.StringIO()
    assert export(store, "jsonl", buf, table="mentions") == 3
    recs = [json.loads(x) for x in buf.getvalue().splitlines()]
    assert all(tuple(r) == MENTION_KEYS for r in recs)
    assert {r["event_id"] for r in recs} == {r["mention_id"] for r in recs}
    assert all(r["story_id"] and r["evidence"]["sentence"] for r in recs)


def test_stories_jsonl(store):
    buf = io.StringIO()
    n = export(store, "jsonl", buf, table="stories")
    recs = [json.loads(x) for x in buf.getvalue().splitlines()]
    assert n == len(recs) and all(tuple(r) == STORY_KEYS for r in recs)
    # articles a and b report the same meeting (040) and signing (057) on the same day;
    # a's signing is negated, so it is a story of its own, left out unless asked for
    meeting = next(r for r in recs if r["cameo"] == "040")
    assert meeting["num_articles"] == 2 and meeting["num_reports"] == 2
    assert meeting["num_sources"] == 1  # both from example.org
    assert [r["cameo"] for r in recs].count("057") == 1 and not any(r["negated"] for r in recs)


_COLUMNS = {"events": flat_event_columns(), "stories": flat_story_columns(),
            "mentions": flat_mention_columns(), "actor_mentions": list(ACTOR_MENTION_KEYS)}


@pytest.mark.parametrize("table,n", [("events", 3), ("stories", 2), ("mentions", 3),
                                     ("actor_mentions", 4)])
def test_parquet(store, tmp_path, table, n):
    out = tmp_path / f"{table}.parquet"
    export(store, "parquet", out=out, table=table)
    con = duckdb.connect()
    assert con.execute(f"SELECT count(*) FROM read_parquet('{out}')").fetchone()[0] == n
    cols = [d[0] for d in con.execute(f"SELECT * FROM read_parquet('{out}')").description]
    assert cols == _COLUMNS[table]


@pytest.mark.parametrize(
    "kwargs", [{"fmt": "xml"}, {"fmt": "parquet"}, {"fmt": "jsonl", "table": "articles"}]
)
def test_export_usage_errors(store, kwargs):
    with pytest.raises(UsageError):
        export(store, fh=io.StringIO(), **kwargs)


def test_flatten():
    assert flatten({"a": 1, "s": {"x": 2}}) == {"a": 1, "s_x": 2}
