"""Event locations in the store, the exports and the command line."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

import duckdb
import pytest
from typer.testing import CliRunner

from jalin.cli import app
from jalin.export import LOCATION_KEYS, EventQuery, export, flat_event_columns
from jalin.models import Actor
from jalin.resolve.places import locate_events
from jalin.store import Store

runner = CliRunner()
KGZ = Actor(code="KGZGOV", country="KGZ", role="GOV")


def located(result):
    """The result with its events located by the real stage (the text says "di Astana")."""
    return replace(result, events=locate_events(result.cleaned, result.sentences, result.mentions,
                                                result.events))


@pytest.fixture
def db(tmp_path, make_result):
    path = tmp_path / "loc.duckdb"
    with Store(path) as st:
        st.write_result(located(make_result("a")))
        st.write_result(make_result("b", source=KGZ))  # not located: stored as before
    return path


def test_located_result_is_stored_and_read_back(db):
    with Store(db, read_only=True) as st:
        events = {e["event_id"]: e for e in st.events()}
    meet, sign = events["a:0"]["location"], events["a:1"]["location"]
    assert meet["name"] == "Astana" and meet["country"] == "KAZ" and meet["precision"] == "city"
    assert meet["source"] == "sentence" and sign["source"] == "context"
    assert meet["countries"] == ["KAZ"] and isinstance(meet["lat"], float)
    assert events["b:0"]["location"] is None


def test_jsonl_nests_location_and_csv_parquet_flatten(db, tmp_path):
    with Store(db, read_only=True) as st:
        buf = io.StringIO()
        export(st, "jsonl", buf)
        recs = [json.loads(x) for x in buf.getvalue().splitlines()]
        assert {r["event_id"]: (r["location"] or {}).get("name") for r in recs} == {
            "a:0": "Astana", "a:1": "Astana", "b:0": None, "b:1": None}
        assert set(next(r for r in recs if r["location"])["location"]) == set(LOCATION_KEYS)
        buf = io.StringIO()
        export(st, "csv", buf)
        rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
        assert list(rows[0]) == flat_event_columns()
        by_id = {r["event_id"]: r for r in rows}
        assert by_id["a:0"]["location_name"] == "Astana" and by_id["a:0"]["location_countries"] == "KAZ"
        assert by_id["b:0"]["location_name"] == "" and by_id["b:0"]["location_lat"] == ""
        out = tmp_path / "e.parquet"
        export(st, "parquet", out=out)
    con = duckdb.connect()
    cols = [d[0] for d in con.execute(f"SELECT * FROM '{out}'").description]
    assert cols == flat_event_columns()
    got = con.execute(f"SELECT location_name, location_lat FROM '{out}' WHERE event_id = 'a:0'").fetchone()
    assert got[0] == "Astana" and abs(got[1] - 51.18) < 0.1


def test_where_filters_by_the_state_of_the_location(db, tmp_path):
    with Store(db, read_only=True) as st:
        assert {e["event_id"] for e in st.events(where="kaz")} == {"a:0", "a:1"}
        assert st.events(where="KGZ") == []
        out = tmp_path / "kaz.parquet"
        export(st, "parquet", out=out, query=EventQuery(located_in="KAZ"))
    assert duckdb.connect().execute(f"SELECT count(*) FROM '{out}'").fetchone()[0] == 2


def test_where_matches_either_side_of_a_border(tmp_path, make_result):
    from jalin.models import Location

    border = Location("Kyrgyzstan-Tajikistan border", None, None, 39.95, 70.7, "region", "sentence",
                      ("KGZ", "TJK"))
    res = make_result("c")
    res = replace(res, events=tuple(replace(e, location=border) for e in res.events))
    with Store(tmp_path / "b.duckdb") as st:
        st.write_result(res)
        assert len(st.events(where="TJK")) == 2 and len(st.events(where="KGZ")) == 2
        assert st.events(where="UZB") == []


def test_cli_events_and_export_where(db):
    res = runner.invoke(app, ["events", "--db", str(db), "--where", "KAZ"], env={"COLUMNS": "220"})
    assert res.exit_code == 0, res.output
    assert "2 events" in res.stdout and "Astana" in res.stdout
    res = runner.invoke(app, ["export", "--db", str(db), "--where", "KGZ"])
    assert res.exit_code == 0 and res.stdout == ""
    res = runner.invoke(app, ["export", "--db", str(db), "--where", "KAZ", "-f", "csv"])
    assert res.exit_code == 0 and len(res.stdout.strip().splitlines()) == 3  # header + 2
    for bad in (["events", "--where", "KZ"], ["export", "--where", "Kazakhstan"],
                ["export", "--where", "KAZ", "--table", "actor_mentions"]):
        res = runner.invoke(app, [*bad, "--db", str(db)])
        assert res.exit_code == 2 and res.stderr.startswith("jalin: error:"), bad


def test_where_filters_stories_and_event_mentions(db):
    """Stories are where their reports happened (their most frequent location); event
    mentions follow their events."""
    def lines(*args: str) -> list[dict]:
        res = runner.invoke(app, ["export", "--db", str(db), *args])
        assert res.exit_code == 0, res.output
        return [json.loads(x) for x in res.stdout.splitlines()]

    stories = lines("--table", "stories", "--where", "KAZ")
    assert stories and all(s["location"]["country"] == "KAZ" for s in stories)
    assert {s["location"]["name"] for s in stories} == {"Astana"}
    assert lines("--table", "stories", "--where", "KGZ") == []
    mentions = lines("--table", "mentions", "--where", "KAZ")
    assert {m["event_id"] for m in mentions} == {"a:0", "a:1"}
    assert lines("--table", "mentions", "--where", "UZB") == []


def test_cli_place_prints_json():
    res = runner.invoke(app, ["place", "Bentrokan di provinsi Batken dan di Springfield"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    places = {p["text"]: p for p in out["places"]}
    assert places["Batken"]["place"]["country"] == "KGZ" and places["Batken"]["head"] == "region"
    assert places["Springfield"]["resolved"] is False and places["Springfield"]["why"] == "ambiguous"
    res = runner.invoke(app, ["place", "shelling in Kharkiv", "--lang", "en"])
    assert json.loads(res.stdout)["places"][0]["place"]["country"] == "UKR"
    res = runner.invoke(app, ["place", "di Tripoli", "--country", "LBN"])
    assert json.loads(res.stdout)["places"][0]["place"]["country"] == "LBN"
    for bad in (["place", "x", "--lang", "fr"], ["place", "x", "--country", "LB"], ["place", " "]):
        res = runner.invoke(app, bad)
        assert res.exit_code == 2 and res.stderr.startswith("jalin: error:"), bad


def test_show_lists_the_place_of_each_event(db):
    res = runner.invoke(app, ["show", "a", "--db", str(db), "--plain"])
    assert res.exit_code == 0
    legend = [line for line in res.stdout.splitlines() if line.startswith("E")]
    assert legend[0].endswith("at Astana, KAZ (sentence)") and legend[1].endswith("at Astana, KAZ (context)")
    res = runner.invoke(app, ["show", "b", "--db", str(db), "--plain"])
    assert " at " not in "\n".join(x for x in res.stdout.splitlines() if x.startswith("E"))
