"""`jalin actor`, `jalin actors [--unknown]` and `jalin lexicon check` through the CLI runner."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jalin.cli import app
from jalin.datafiles import data_path
from jalin.ingest import read_inputs
from jalin.models import Rejection
from jalin.pipeline import Pipeline
from jalin.resolve.actors_data import FILES
from jalin.store import Store

runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, [str(a) for a in args])


@pytest.mark.parametrize("args,code,name", [
    (["Presiden Kazakhstan", "--date", "2018"], "KAZGOV", "Nursultan Nazarbayev"),
    (["Presiden Kazakhstan", "--date", "2022-05"], "KAZGOV", "Kassym-Jomart Tokayev"),
    (["Menlu AS", "--date", "2023-02-01"], "USAGOV", "Antony Blinken"),
    (["Japanese Prime Minister", "--date", "2016", "--lang", "en"], "JPNGOV", "Shinzo Abe"),
    (["Taliban", "--date", "2010"], "AFGREB", "Taliban"),
    (["Taliban", "--date", "2023"], "AFGGOV", "Taliban"),
])
def test_actor_prints_json(args, code, name):
    res = invoke("actor", *args)
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert (out["actor"]["code"], out["actor"]["name"]) == (code, name)
    assert out["mentions"] and out["mentions"][0]["code"] == code


def test_actor_lists_a_persons_offices():
    out = json.loads(invoke("actor", "Tokayev", "--date", "2010").output)
    offices = [(o["office"], o["country"] or o["org"]) for o in out["offices"]]
    assert ("HOS", "KAZ") in offices and ("FM", "KAZ") in offices
    assert out["actor"]["role"] == "LEG"  # speaker of the Senate in 2010


def test_actor_unknown_phrase_is_null():
    res = invoke("actor", "tidak ada apa-apa")
    assert res.exit_code == 0
    assert json.loads(res.output)["actor"] is None


@pytest.mark.parametrize("args,message", [
    (["actor", "Rusia", "--date", "kemarin"], "--date"),
    (["actor", "Rusia", "--lang", "fr"], "--lang"),
])
def test_actor_usage_errors(args, message):
    res = invoke(*args)
    assert res.exit_code == 2
    assert "jalin: error:" in res.output and message in res.output


def test_lexicon_check_passes_on_shipped_data():
    res = invoke("lexicon", "check")
    assert res.exit_code == 0, res.output
    assert "FAIL" not in res.output
    for part in ("ontology", "lexicon/id", "lexicon/en", "actors"):
        assert f"ok    {part}" in res.output


@pytest.fixture()
def actor_tables(tmp_path: Path) -> Path:
    src = Path(str(data_path("actors")))
    for name in FILES:
        shutil.copy(src / name, tmp_path / name)
    return tmp_path


@pytest.mark.parametrize("filename,row,message", [
    ("people_orgs.tsv", "zz\tZed Zed\t\tKAZ\t\tBOSS\tGOV\t2001\t\twp\t", "unknown office 'BOSS'"),
    ("people_asia.tsv", "zz\tZed Zed\t\tJPN\t\tHOG\tGOV\t2016\t2017\twp\t", "overlaps"),
    ("nonstate.tsv", "ZZG\tZed Front\t\t\tZZZ\tREB\t\t\t", "unknown country code"),
])
def test_lexicon_check_reports_broken_tables(actor_tables, filename, row, message):
    path = actor_tables / filename
    path.write_text(path.read_text(encoding="utf-8") + row + "\n", encoding="utf-8")
    res = invoke("lexicon", "check", "--actors", actor_tables)
    assert res.exit_code == 1
    assert "FAIL  actors:" in res.output and message in res.output and filename in res.output


def test_lexicon_check_needs_a_directory(tmp_path):
    res = invoke("lexicon", "check", "--actors", tmp_path / "missing")
    assert res.exit_code == 2


ARTICLES = {
    "a1.txt": "Gubernur Berik Sadvakasov mengecam keputusan pemerintah Kazakhstan.\n"
              "Berik Sadvakasov juga bertemu Duta Besar Rusia di Almaty.\n",
    "a2.txt": "Menurut Berik Sadvakasov, Kazakhstan akan membantu Kirgizstan.\n",
}


@pytest.fixture()
def store(tmp_path: Path) -> Path:
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = tmp_path / "u.duckdb"
    pipe = Pipeline()
    with Store(db) as st:
        for art in read_inputs([tmp_path / n for n in ARTICLES]):
            out = pipe.process(art) if not isinstance(art, Rejection) else art
            assert not isinstance(out, Rejection), out
            st.write_result(out)
    return db


def test_actors_unknown_lists_names(store):
    res = invoke("actors", "--unknown", "--db", store, "--json")
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.output.splitlines()]
    assert rows[0]["name"] == "Berik Sadvakasov"
    assert rows[0]["count"] == 3 and rows[0]["trigger_sentences"] >= 2
    assert rows[0]["examples"][0]["doc_id"] == "a1"
    table = invoke("actors", "--unknown", "--db", store)
    assert table.exit_code == 0 and "Berik Sadvakasov" in table.output


def test_actors_unknown_without_store_is_one_line_error(tmp_path):
    res = invoke("actors", "--unknown", "--db", tmp_path / "none.duckdb")
    assert res.exit_code == 1
    assert res.output.count("jalin: error:") == 1


def test_actors_summary():
    res = invoke("actors")
    assert res.exit_code == 0
    assert "states" in res.output and "people" in res.output
