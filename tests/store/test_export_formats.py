"""The export formats users load elsewhere: article fields and names in every
format, filters, CSV dtypes in pandas and polars, GDELT 2.0 rows, PLOVER JSON,
and the JSON Schema of the JSONL record."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import duckdb
import pytest

from jalin.errors import UsageError
from jalin.export import EVENT_KEYS, EventQuery, export, flat_event_columns
from jalin.export.gdelt import GDELT_COLUMNS, gdelt_event_id
from jalin.export.plover import PLOVER_KEYS, PLOVER_TYPES, mapping_for, plover_table
from jalin.models import Actor, PartialDate
from jalin.store import Store

ROOT = Path(__file__).resolve().parents[2]

# The 61 column names of the GDELT 2.0 event codebook, in order, as listed in
# linwoodc3/gdelt2HeaderRows (GDELT_2.0_Column_Labels_Header_Row_Sep2016), written
# out here independently of jalin.export.gdelt so that the test can fail.
CODEBOOK = """GLOBALEVENTID SQLDATE MonthYear Year FractionDate Actor1Code Actor1Name
Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code
Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code Actor2Code Actor2Name
Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code
Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code IsRootEvent EventCode
EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources NumArticles
AvgTone Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code
Actor1Geo_ADM2Code Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID Actor2Geo_Type
Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code Actor2Geo_Lat
Actor2Geo_Long Actor2Geo_FeatureID ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode
ActionGeo_ADM1Code ActionGeo_ADM2Code ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID
DATEADDED SOURCEURL""".split()

KGZ = Actor(code="KGZ", country="KGZ")
CSTO = Actor(code="CSTO", org="CSTO")


@pytest.fixture
def store(tmp_path, make_result):
    """Three articles: a day date, a year-only date (states without names), no date."""
    with Store(tmp_path / "x.duckdb") as st:
        st.write_result(make_result("a"))  # 040 and 057, 2023-05-15, KAZGOV -> UZBGOV
        st.write_result(make_result("b", event_date=PartialDate(2017), source=KGZ, target=CSTO,
                                    n_events=1))
        st.write_result(make_result("c", event_date=None, n_events=2))
        yield st


def _jsonl(store, **kw) -> list[dict]:
    buf = io.StringIO()
    export(store, "jsonl", buf, **kw)
    return [json.loads(line) for line in buf.getvalue().splitlines()]


def test_records_carry_article_fields_and_actor_names(store):
    recs = _jsonl(store)
    assert len(recs) == 5
    for rec in recs:
        assert tuple(rec) == EVENT_KEYS
        assert rec["url"] == "https://example.org/x" and rec["outlet"] == "example.org"
        assert rec["title"] == "Tokayev dan Mirziyoyev bertemu"
    b = next(r for r in recs if r["doc_id"] == "b")
    # states and organisations get their names from the actor tables
    assert b["source"]["name"] == "Kyrgyzstan" and b["source"]["code"] == "KGZ"
    assert b["target"]["name"] and b["target"]["org"] == "CSTO"
    a = next(r for r in recs if r["doc_id"] == "a")
    assert a["source"]["name"] == "Kassym-Jomart Tokayev"  # a known person stays


@pytest.mark.parametrize("query,docs", [
    (EventQuery(actor="KGZ"), {"b"}),
    (EventQuery(since="2023"), {"a"}),
    (EventQuery(until="2020"), {"b"}),
    (EventQuery(root="05"), {"a", "c"}),
    (EventQuery(quad=1, root="04"), {"a", "b", "c"}),
    (EventQuery(quad=3), set()),
    (EventQuery(doc_id="c"), {"c"}),
])
def test_export_filters(store, query, docs):
    assert {r["doc_id"] for r in _jsonl(store, query=query)} == docs


def test_bad_quad_is_a_usage_error(store):
    with pytest.raises(UsageError):
        _jsonl(store, query=EventQuery(quad=5))


def _csv_text(store) -> str:
    buf = io.StringIO()
    export(store, "csv", buf, query=EventQuery(doc_id="b"))
    return buf.getvalue()


def test_csv_quotes_text_and_leaves_numbers_bare(store):
    text = _csv_text(store)
    row = next(csv.reader(io.StringIO(text.splitlines()[1])))
    assert text.splitlines()[0].split(",") == flat_event_columns()
    line = text.splitlines()[1]
    assert '"2017"' in line and '"040"' in line and ',1.0,1,' in line and ',false,' in line
    assert row[flat_event_columns().index("cameo")] == "040"


# How readers get the codes as text: the dtypes documented in docs/export-formats.md.
TEXT_COLUMNS = ["event_id", "doc_id", "date", "published", "cameo", "cameo_root"]


def test_csv_reads_as_documented_in_pandas(store):
    pd = pytest.importorskip("pandas")
    df = pd.read_csv(io.StringIO(_csv_text(store)), dtype={c: "string" for c in TEXT_COLUMNS})
    assert df["cameo"].tolist() == ["040"] and df["date"].tolist() == ["2017"]
    assert df["quad_class"].dtype.kind == "i" and df["goldstein"].dtype.kind == "f"
    assert df["negated"].dtype == bool


def test_csv_reads_as_documented_in_polars(store):
    pl = pytest.importorskip("polars")
    df = pl.read_csv(io.StringIO(_csv_text(store)),
                     schema_overrides={c: pl.Utf8 for c in TEXT_COLUMNS})
    assert df["cameo"].to_list() == ["040"] and df["date"].to_list() == ["2017"]
    assert df["negated"].dtype == pl.Boolean and df["quad_class"].dtype.is_integer()


def test_jsonl_reads_as_documented_in_pandas(store):
    pd = pytest.importorskip("pandas")
    buf = io.StringIO()
    export(store, "jsonl", buf)
    df = pd.read_json(io.StringIO(buf.getvalue()), lines=True, dtype=False)
    assert set(df["cameo"]) == {"040", "057"}
    assert set(df["date"].dropna()) == {"2023-05-15", "2017"}


def test_parquet_keeps_codes_as_strings(store, tmp_path):
    out = tmp_path / "e.parquet"
    assert export(store, "parquet", out=out) == 5
    con = duckdb.connect()
    described = con.execute(f"DESCRIBE SELECT * FROM read_parquet('{out}')").fetchall()
    cols = {r[0]: r[1] for r in described}
    assert cols["cameo"] == "VARCHAR" and cols["date"] == "VARCHAR"
    assert cols["quad_class"] == "INTEGER" and cols["goldstein"] == "DOUBLE"
    assert list(cols) == flat_event_columns()
    dates = {r[0] for r in con.execute(f"SELECT date FROM read_parquet('{out}')").fetchall()}
    assert dates == {"2023-05-15", "2017", None}


# ---- GDELT ------------------------------------------------------------------------


def _gdelt(store, **kw) -> list[list[str]]:
    buf = io.StringIO()
    export(store, "gdelt", buf, **kw)
    return [line.split("\t") for line in buf.getvalue().split("\n") if line]


def test_gdelt_header_is_the_codebook(store):
    rows = _gdelt(store)
    assert rows[0] == CODEBOOK and len(CODEBOOK) == 61
    assert list(GDELT_COLUMNS) == CODEBOOK
    assert all(len(r) == 61 for r in rows)


def test_gdelt_rows_are_stories(store):
    rows = _gdelt(store)
    head = rows[0]
    by = [dict(zip(head, r)) for r in rows[1:]]
    # a GDELT event is a story: c's undated meeting and signing, published the day a's
    # are dated, join a's; b's meeting of 2017 is a story of its own
    assert len(by) == 3
    a = next(r for r in by if r["EventCode"] == "057")
    assert a["SQLDATE"] == "20230515" and a["MonthYear"] == "202305" and a["Year"] == "2023"
    assert a["Actor1Code"] == "KAZGOV" and a["Actor1CountryCode"] == "KAZ"
    assert a["Actor1Name"] == "KASSYM-JOMART TOKAYEV" and a["Actor1Type1Code"] == "GOV"
    assert a["EventBaseCode"] == "057" and a["EventRootCode"] == "05"
    assert a["QuadClass"] == "1" and float(a["GoldsteinScale"]) == 8.0
    assert (a["NumMentions"], a["NumSources"], a["NumArticles"]) == ("2", "1", "2")
    assert a["SOURCEURL"] == "https://example.org/x" and len(a["DATEADDED"]) == 14
    assert a["AvgTone"] == "" and a["ActionGeo_Type"] == ""  # not known to jalin: empty
    assert a["IsRootEvent"] == "1"  # stated in the article's second sentence
    b = next(r for r in by if r["Actor1Code"] == "KGZ")
    # a year-only date is never widened to a day
    assert b["SQLDATE"] == "" and b["MonthYear"] == "" and b["Year"] == "2017"
    assert b["Actor2KnownGroupCode"] == "CSTO" and b["Actor1Name"] == "KYRGYZSTAN"
    assert (b["NumMentions"], b["NumSources"], b["NumArticles"]) == ("1", "1", "1")
    assert len({r["GLOBALEVENTID"] for r in by}) == len(by)


@pytest.mark.parametrize("loc,cells", [
    (("Bishkek", "KGZ", "Chuy", "city"), ("4", "Bishkek, Chuy, Kyrgyzstan")),
    (("Batken", "KGZ", None, "region"), ("5", "Batken, Kyrgyzstan")),
    (("Kazakhstan", "KAZ", None, "country"), ("1", "Kazakhstan")),
    (("Chicago", "USA", "Illinois", "city"), ("3", "Chicago, Illinois, United States")),
    (("Strait of Hormuz", None, None, "region"), ("5", "Strait of Hormuz")),
])
def test_gdelt_action_geo_is_the_story_location(loc, cells):
    from jalin.export.gdelt import gdelt_row
    from jalin.export.records import country_name
    from jalin.export.story_records import story_record

    name, country, admin1, precision = loc
    row = {"story_id": "s0123456789abcde", "cameo": "190", "cameo_root": "19", "date": "2024-04-02",
           "location_name": name, "location_country": country, "location_admin1": admin1,
           "location_lat": 40.5, "location_lon": 70.25, "location_precision": precision,
           "location_source": "sentence", "location_countries": country}
    got = dict(zip(GDELT_COLUMNS, gdelt_row(story_record(row), row, country_name)))
    assert (str(got["ActionGeo_Type"]), got["ActionGeo_FullName"]) == cells
    assert (got["ActionGeo_Lat"], got["ActionGeo_Long"]) == (40.5, 70.25)
    # FIPS country and ADM1 codes and GNS feature ids are not known to jalin: empty
    assert got["ActionGeo_CountryCode"] is got["ActionGeo_ADM1Code"] is got["ActionGeo_FeatureID"] is None
    assert got["Actor1Geo_Type"] is None and got["Actor2Geo_Lat"] is None


# The GDELT 2.0 mentions table, written out from linwoodc3/gdelt2HeaderRows
# (GDELT_2.0_eventMentions_Column_Labels_Header_Row_Sep2016) independently of jalin.
GDELT_MENTION_HEADER = """GLOBALEVENTID EventTimeDate MentionTimeDate MentionType
MentionSourceName MentionIdentifier SentenceID Actor1CharOffset Actor2CharOffset
ActionCharOffset InRawText Confidence MentionDocLen MentionDocTone MentionDocTranslationInfo
Extras""".split()


def test_gdelt_mentions_table(store):
    rows = _gdelt(store, table="mentions")
    assert rows[0] == GDELT_MENTION_HEADER
    by = [dict(zip(rows[0], r)) for r in rows[1:]]
    assert len(by) == 5  # one per event mention (each hand-built event is one mention)
    stories = _gdelt(store)
    ids = {dict(zip(stories[0], r))["GLOBALEVENTID"] for r in stories[1:]}
    assert {r["GLOBALEVENTID"] for r in by} == ids  # every mention names its story
    for r in by:
        assert r["MentionType"] == "1" and r["MentionSourceName"] == "example.org"
        assert r["MentionIdentifier"] == "https://example.org/x" and r["InRawText"] == "1"
        assert r["SentenceID"] in ("1", "2") and r["ActionCharOffset"].isdigit()
        assert len(r["EventTimeDate"]) == len(r["MentionTimeDate"]) == 14
        assert r["MentionDocLen"].isdigit() and r["MentionDocTone"] == ""


def test_gdelt_event_id_is_stable_and_positive():
    assert gdelt_event_id("abc") == gdelt_event_id("abc") > 0
    assert gdelt_event_id("abc") != gdelt_event_id("abd")


def test_gdelt_has_no_actor_mentions(store):
    with pytest.raises(UsageError):
        export(store, "gdelt", io.StringIO(), table="actor_mentions")


# ---- PLOVER -----------------------------------------------------------------------


def test_plover_records(store):
    buf = io.StringIO()
    export(store, "plover", buf, query=EventQuery(doc_id="a"))
    recs = [json.loads(x) for x in buf.getvalue().splitlines()]
    assert [tuple(r) for r in recs] == [PLOVER_KEYS] * 2
    consult, sign = recs
    assert consult["event_type"] == "CONSULT" and sign["event_type"] == "SUPPORT"
    assert sign["context"] == ["diplomatic"] and sign["cameo"] == "057"
    assert consult["actor"][0]["code"] == "KAZ" and consult["actor"][0]["sector"] == "GOV"
    assert consult["recipient"][0]["code"] == "UZB"
    assert consult["cite_info"]["url"] == "https://example.org/x"
    assert consult["cite_info"]["publication"] == "example.org"


def test_plover_table_covers_every_cameo_code():
    from jalin.coding.ontology import default_ontology

    table = plover_table()
    codes = {c.code for c in default_ontology()}
    assert len(codes) > 300 and codes == set(table)
    assert {m.event_type for m in table.values()} - {None} <= PLOVER_TYPES


@pytest.mark.parametrize("cameo,event_type,mode,basis", [
    ("010", None, (), "none"),          # statements: no PLOVER type
    ("0231", "REQUEST", ("assist",), "jalin"),  # appeals: jalin's choice, said so
    ("0871", "RETREAT", ("ceasefire",), "table"),
    ("163", "COERCE", ("restrict",), "table"),
    ("043", "CONSULT", ("visit",), "adjusted"),
    ("1234", "REJECT", ("change",), "table"),
])
def test_plover_mapping_rows(cameo, event_type, mode, basis):
    m = mapping_for(cameo)
    assert (m.event_type, m.mode, m.basis) == (event_type, mode, basis)


def test_plover_statement_and_host(tmp_path, make_result):
    from dataclasses import replace

    from jalin.export.plover import plover_record
    from jalin.export.records import export_record
    from jalin.store.rows import result_rows
    from jalin.store.schema import column_names

    res = make_result("h")
    events = (replace(res.events[0], cameo="043", cameo_root="04"),
              replace(res.events[1], cameo="010", cameo_root="01", plover="STATEMENT"))
    res = replace(res, events=events)
    rows = [dict(zip(column_names("events"), r), url=None, title=None)
            for r in result_rows(res, None)["events"]]
    host, statement = (plover_record(export_record(r)) for r in rows)
    # 043 "host a visit": PLOVER codes the visitor (CAMEO's target) as actor
    assert host["actor"][0]["code"] == "UZB" and host["recipient"][0]["code"] == "KAZ"
    assert statement["event_type"] is None and "no PLOVER event type" in statement["comment"]


# ---- JSON Schema ----------------------------------------------------------------------


def test_schema_lists_the_contract():
    schema = json.loads((ROOT / "docs" / "event.schema.json").read_text(encoding="utf-8"))
    assert schema["required"] == list(EVENT_KEYS)
    assert list(schema["properties"]) == list(EVENT_KEYS)


def test_records_validate_against_schema(store):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "docs" / "event.schema.json").read_text(encoding="utf-8"))
    recs = _jsonl(store, query=EventQuery(include_negated=True))
    for rec in recs:
        jsonschema.validate(rec, schema)
    bad = dict(recs[0], cameo=57)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)
