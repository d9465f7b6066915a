from __future__ import annotations

import csv
import io
import json

import duckdb
import pytest

from jalin.errors import UsageError
from jalin.export import EVENT_KEYS, MENTION_KEYS, export, flat_event_columns, flatten
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


def test_mentions_jsonl(store):
    buf = io.StringIO()
    assert export(store, "jsonl", buf, table="mentions") == 4
    assert tuple(json.loads(buf.getvalue().splitlines()[0])) == MENTION_KEYS


@pytest.mark.parametrize("table,n", [("events", 3), ("mentions", 4)])
def test_parquet(store, tmp_path, table, n):
    out = tmp_path / f"{table}.parquet"
    export(store, "parquet", out=out, table=table)
    con = duckdb.connect()
    assert con.execute(f"SELECT count(*) FROM read_parquet('{out}')").fetchone()[0] == n
    cols = [d[0] for d in con.execute(f"SELECT * FROM read_parquet('{out}')").description]
    assert cols == (flat_event_columns() if table == "events" else list(MENTION_KEYS))


@pytest.mark.parametrize(
    "kwargs", [{"fmt": "xml"}, {"fmt": "parquet"}, {"fmt": "jsonl", "table": "articles"}]
)
def test_export_usage_errors(store, kwargs):
    with pytest.raises(UsageError):
        export(store, fh=io.StringIO(), **kwargs)


def test_flatten():
    assert flatten({"a": 1, "s": {"x": 2}}) == {"a": 1, "s_x": 2}
