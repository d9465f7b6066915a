"""The CLI over a store filled with hand-built results (no pipeline needed)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from jalin import __version__
from jalin.cli import app, parse_date_option, render_article
from jalin.errors import UsageError
from jalin.export import EVENT_KEYS, flat_event_columns
from jalin.models import PartialDate, Rejection
from jalin.store import Store

sys.path.insert(0, str(Path(__file__).parent / "store"))
from store_builders import build_result  # noqa: E402

runner = CliRunner()


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "cli.duckdb"
    with Store(path) as st:
        st.write_result(build_result("doc-a", negated=True))
        st.write_result(build_result("doc-b", event_date=PartialDate(2021, 2)))
        st.write_rejection(Rejection("kosong.txt", "empty", "no text", "kosong"))
    return path


def invoke(*args: str):
    return runner.invoke(app, [str(a) for a in args])


def test_version():
    res = invoke("--version")
    assert res.exit_code == 0 and res.stdout.strip() == f"jalin {__version__}"


@pytest.mark.parametrize("cmd", ["ingest", "events", "show", "export", "rejections"])
def test_help_for_every_command(cmd):
    res = invoke(cmd, "--help")
    assert res.exit_code == 0 and "--db" in res.stdout


@pytest.mark.parametrize(
    "args,n",
    [
        ([], 3),
        (["--include-negated"], 4),
        (["--actor", "KAZ"], 3),
        (["--actor", "RUS"], 0),
        (["--root", "04"], 2),
        (["--since", "2023"], 1),
        (["--until", "2021-02-28"], 2),
        (["--doc", "doc-b"], 2),
        (["--quad", "1"], 3),
    ],
)
def test_events_filters(db, args, n):
    res = runner.invoke(app, ["events", "--db", str(db), *args], env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    if n == 0:
        assert "no events match" in res.stdout
    else:
        assert f"{n} events" in res.stdout
        assert "KAZGOV" in res.stdout


@pytest.mark.parametrize("bad", ["2023/01", "kemarin", "2023-13", "20"])
def test_bad_dates_are_usage_errors(db, bad):
    res = invoke("events", "--db", db, "--since", bad)
    assert res.exit_code == 2
    assert res.stderr.startswith("jalin: error: --since")
    assert len(res.stderr.strip().splitlines()) == 1 and "Traceback" not in res.stderr


@pytest.mark.parametrize("value,expected", [("2022", PartialDate(2022)),
                                            ("2022-01-07", PartialDate(2022, 1, 7)),
                                            (None, None)])
def test_parse_date_option(value, expected):
    assert parse_date_option(value, "--since") == expected


def test_parse_date_option_rejects():
    with pytest.raises(UsageError):
        parse_date_option("07/01/2022", "--until")


def test_bad_root_is_usage_error(db):
    res = invoke("events", "--db", db, "--root", "99")
    assert res.exit_code == 2 and res.stderr.startswith("jalin: error:")


@pytest.mark.parametrize("cmd", [["events"], ["rejections"], ["export"], ["show", "x"]])
def test_missing_store_is_one_line_error(tmp_path, cmd):
    res = invoke(*cmd, "--db", tmp_path / "none.duckdb")
    assert res.exit_code == 1
    assert res.stderr.strip().splitlines() == [res.stderr.strip()]
    assert res.stderr.startswith("jalin: error: no store")


def test_show_plain_marks_everything(db):
    res = invoke("show", "doc-a", "--db", db, "--plain")
    assert res.exit_code == 0, res.output
    out = res.stdout
    assert "[Presiden Kazakhstan|KAZGOV]" in out
    assert "*bertemu*{E1}" in out
    assert "<<E1: " in out and ">>" in out
    assert "[removed: spam] Klik di sini" in out
    assert "E2 NOT" in out


def test_show_rich(db):
    res = invoke("show", "doc-b", "--db", db)
    assert res.exit_code == 0
    assert "Presiden Kazakhstan" in res.stdout and "2 events" in res.stdout


def test_render_keeps_all_text(db):
    with Store(db, read_only=True) as st:
        art = st.article("doc-a")
    rendered = render_article(art, plain=False)
    assert "Klik di sini untuk bonus slot" in rendered.plain
    assert "menandatangani{E2} perjanjian kerja sama energi" in rendered.plain


def test_show_unknown_doc(db):
    res = invoke("show", "nope", "--db", db)
    assert res.exit_code == 2 and "no article 'nope'" in res.stderr


def test_export_jsonl_stdout(db):
    res = invoke("export", "--db", db)
    assert res.exit_code == 0
    lines = [json.loads(x) for x in res.stdout.splitlines()]
    assert len(lines) == 3 and all(tuple(r) == EVENT_KEYS for r in lines)
    assert not any(r["negated"] for r in lines)


def test_export_csv_to_file(db, tmp_path):
    out = tmp_path / "e.csv"
    res = invoke("export", "--db", db, "--format", "csv", "-o", out, "--include-negated")
    assert res.exit_code == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].split(",") == flat_event_columns() and len(lines) == 5


def test_export_parquet(db, tmp_path):
    out = tmp_path / "m.parquet"
    res = invoke("export", "--db", db, "-f", "parquet", "-o", out, "--table", "actor_mentions")
    assert res.exit_code == 0
    assert duckdb.connect().execute(f"SELECT count(*) FROM '{out}'").fetchone()[0] == 4


def test_export_mentions_says_its_meaning_changed(db, tmp_path):
    out = tmp_path / "m.jsonl"
    res = invoke("export", "--db", db, "-o", out, "--table", "mentions")
    assert res.exit_code == 0
    assert "now exports event mentions" in res.stderr and "actor_mentions" in res.stderr
    recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert recs and all(r["mention_id"] and r["story_id"] and r["evidence"]["sentence"] for r in recs)
    quiet = invoke("export", "--db", db, "-o", tmp_path / "s.jsonl", "--table", "stories")
    assert quiet.exit_code == 0 and "note" not in quiet.stderr


@pytest.mark.parametrize(
    "args", [["-f", "parquet"], ["-f", "xml"], ["--table", "articles"], ["-o", "/nonexistent/dir/x.jsonl"]]
)
def test_export_usage_errors(db, args):
    res = invoke("export", "--db", db, *args)
    assert res.exit_code == 2 and res.stderr.startswith("jalin: error:")


def test_rejections_listed(db):
    res = runner.invoke(app, ["rejections", "--db", str(db)], env={"COLUMNS": "200"})
    assert res.exit_code == 0 and "kosong.txt" in res.stdout and "empty" in res.stdout


@pytest.mark.parametrize("args", [["ingest"], ["ingest", "/nonexistent/folder"]])
def test_ingest_usage_errors(tmp_path, args):
    res = invoke(*args, "--db", tmp_path / "x.duckdb")
    assert res.exit_code == 2 and res.stderr.startswith("jalin: error:")
