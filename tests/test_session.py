"""The Python API: jalin.code, jalin.open, jalin.ingest (team-written text)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest

import jalin
from jalin.errors import RejectedInput, UsageError
from jalin.export import EVENT_KEYS, flat_event_columns
from jalin.models import PartialDate

TEXT = (
    "Presiden Kazakhstan Kassym-Jomart Tokayev bertemu Presiden Kirgizstan Sadyr Japarov "
    "di Astana kemarin.\n"
    "Pada 2017, Kirgizstan mengecam Tajikistan atas insiden di perbatasan."
)
URL = "https://www.contoh-berita.id/2024/05/15/tokayev-japarov"


def test_import_jalin_stays_light():
    code = ("import sys, jalin; print(json.dumps(['duckdb' in sys.modules, "
            "'jalin.session' in sys.modules, callable(jalin.code)]))")
    out = subprocess.run([sys.executable, "-c", "import json; " + code],
                         capture_output=True, text=True, check=True).stdout
    # the API is reachable, and only loaded when touched (after the check above)
    assert json.loads(out) == [False, False, True]
    assert {"code", "open", "ingest"} <= set(dir(jalin))


def test_code_returns_export_records():
    recs = jalin.code(TEXT, language="id", published="2024-05-15", title="Tokayev bertemu Japarov",
                      url=URL)
    assert len(recs) >= 2
    assert all(tuple(r) == EVENT_KEYS for r in recs)
    meet = next(r for r in recs if r["cameo_root"] == "04")
    assert meet["date"] == "2024-05-14" and meet["date_precision"] == "day"
    assert meet["outlet"] == "contoh-berita.id" and meet["title"] == "Tokayev bertemu Japarov"
    older = next(r for r in recs if r["cameo_root"] == "11")
    assert older["date"] == "2017" and older["date_precision"] == "year"
    assert older["source"]["name"] == "Kyrgyzstan"


@pytest.mark.parametrize("published", ["2024-05-15", date(2024, 5, 15), PartialDate(2024, 5, 15)])
def test_code_published_forms(published):
    recs = jalin.code(TEXT, published=published)
    assert next(r for r in recs if r["cameo_root"] == "04")["date"] == "2024-05-14"


@pytest.mark.parametrize("kwargs,error", [
    ({"published": "15 Mei"}, UsageError),
    ({"language": "klingon"}, RejectedInput),  # stored as a rejection by ingest, too
])
def test_code_bad_parameters(kwargs, error):
    with pytest.raises(error):
        jalin.code(TEXT, **kwargs)


def test_code_rejected_text():
    with pytest.raises(RejectedInput) as info:
        jalin.code("   \n  ")
    assert info.value.rejection.reason


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("api")
    (folder / "news.jsonl").write_text(json.dumps({
        "id": "tokayev-japarov", "text": TEXT, "title": "Tokayev bertemu Japarov",
        "published": "2024-05-15", "url": URL, "language": "id"}) + "\n", encoding="utf-8")
    path = folder / "api.duckdb"
    summary = jalin.ingest(folder / "news.jsonl", db=path)
    assert summary.articles == 1 and summary.exit_status == 0
    return path


def test_code_equals_the_store_export(db):
    with jalin.open(db) as s:
        stored = s.events(format="records")
    coded = jalin.code(TEXT, language="id", published="2024-05-15",
                       title="Tokayev bertemu Japarov", url=URL, doc_id="tokayev-japarov")
    assert stored == coded


def test_events_as_pandas_keeps_codes_and_dates_as_text(db):
    pd = pytest.importorskip("pandas")
    with jalin.open(db) as s:
        df = s.events()
    assert list(df.columns) == flat_event_columns()
    assert isinstance(df, pd.DataFrame)
    assert str(df["cameo"].dtype) == "string" and str(df["date"].dtype) == "string"
    assert set(df["date"]) >= {"2017", "2024-05-14"}
    assert str(df["quad_class"].dtype) == "Int64" and str(df["negated"].dtype) == "boolean"


def test_events_as_polars_and_arrow(db):
    pl = pytest.importorskip("polars")
    pa = pytest.importorskip("pyarrow")
    with jalin.open(db) as s:
        df = s.events(format="polars", root="11")
        table = s.events(format="arrow", since="2024")
    assert df.schema["cameo"] == pl.Utf8 and df["date"].to_list() == ["2017"]
    assert table.schema.field("date").type == pa.string()
    assert table.column("date").to_pylist() == ["2024-05-14"] * table.num_rows


def test_articles(db):
    with jalin.open(db) as s:
        arts = s.articles(format="records")
        assert [a["outlet"] for a in arts] == ["contoh-berita.id"]
        assert arts[0]["published"] == "2024-05-15" and arts[0]["published_precision"] == "day"
        assert [m["kind"] for m in s.actor_mentions(format="records")].count("person") >= 2
        with pytest.raises(UsageError):
            s.events(format="excel")


def test_stories_and_mentions(db, monkeypatch):
    import jalin.session
    from jalin.export import MENTION_KEYS, STORY_KEYS

    monkeypatch.setattr(jalin.session, "_NOTED", [])  # the note is said once per process
    with jalin.open(db) as s:
        events = s.events(format="records")
        stories = s.stories(format="records")
        with pytest.warns(FutureWarning, match="actor_mentions"):
            mentions = s.mentions(format="records")
        older = s.stories(format="records", root="11")
    assert all(tuple(r) == STORY_KEYS for r in stories)
    assert {e["story_id"] for e in events} == {r["story_id"] for r in stories}
    meet = next(r for r in stories if r["cameo_root"] == "04")
    assert (meet["num_articles"], meet["num_sources"], meet["date"]) == (1, 1, "2024-05-14")
    assert meet["outlet"] == "contoh-berita.id" and meet["evidence"]["sentence"].startswith("Presiden")
    assert [r["date"] for r in older] == ["2017"]
    assert all(tuple(m) == MENTION_KEYS for m in mentions)
    assert {m["event_id"] for m in mentions} == {e["event_id"] for e in events}
    assert sum(r["num_mentions"] for r in stories) == len(mentions)


def test_stories_as_pandas(db):
    pytest.importorskip("pandas")
    with jalin.open(db) as s:
        df = s.stories()
    assert str(df["num_articles"].dtype) == "Int64" and str(df["cameo"].dtype) == "string"
    assert df["story_id"].str.startswith("s").all()


def test_open_missing_store(tmp_path):
    with pytest.raises(jalin.errors.StoreError):
        jalin.open(tmp_path / "none.duckdb")
