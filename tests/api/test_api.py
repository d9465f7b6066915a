"""The read API through the real HTTP stack (uvicorn on a localhost port)."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from jalin.errors import StoreError, UsageError

from api_fixtures import ServerThread, build_seed_store, build_store, demo_results


def test_openapi_lists_every_endpoint(client):
    schema = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/actors", "/api/dyads/{dyad}/series", "/api/network",
                 "/api/articles/{doc_id}", "/api/summary"):
        assert path in schema["paths"], path


def test_summary_counts(client):
    s = client.get("/api/summary").json()
    assert (s["articles"], s["events"], s["removed_lines"]) == (3, 7, 3)
    assert s["first_day"] == "2021-11-18"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, 6),  # the negated event is listed only on request
        ({"dyad": "KAZ-RUS"}, 3),
        ({"dyad": "RUS,KAZ"}, 3),
        ({"dyad": "RUS-KAZ", "directed": "true"}, 0),
        ({"actor": "KGZ"}, 3),
        ({"actor": "kaz"}, 3),
        ({"source": "UZB"}, 2),
        ({"target": "CSTO"}, 0),
        ({"target": "CSTO", "include_negated": "true"}, 1),
        ({"cameo_root": "11"}, 2),
        ({"cameo_root": "03,07"}, 2),
        ({"cameo": "05"}, 1),
        ({"plover": "consult"}, 1),
        ({"quad_class": 3}, 2),
        ({"date_from": "2022-05"}, 1),
        ({"date_from": "2022-03-01", "date_to": "2022-03"}, 3),
        ({"date_to": "2021"}, 2),
        ({"doc_id": "berita/001"}, 3),
        ({"q": "perjanjian"}, 1),
        ({"q": "100%"}, 0),
        ({"q": "<script>"}, 1),
        ({"include_negated": "false"}, 6),
        ({"include_negated": "true"}, 7),
        ({"actor": "NOPE"}, 0),
    ],
)
def test_event_filters(client, params, expected):
    r = client.get("/api/events", params=params)
    assert r.status_code == 200, r.text
    page = r.json()
    assert page["total"] == expected
    assert len(page["events"]) == expected


def test_event_row_has_keys_names_and_evidence(client):
    page = client.get("/api/events", params={"plover": "CONSULT"}).json()
    (e,) = page["events"]
    assert (e["source_key"], e["target_key"]) == ("KAZ", "RUS")
    assert e["cameo"] == "040" and e["cameo_name"]
    assert e["evidence_sentence"][e["trigger_start"] - e["evidence_start"]:][:7] == "bertemu"
    assert e["title"].startswith("Tokayev & Putin")
    assert e["date"] == "2022-03-03"


def test_paging_is_stable_and_complete(client):
    seen = []
    for offset in range(0, 7, 2):
        params = {"limit": 2, "offset": offset, "include_negated": "true"}
        page = client.get("/api/events", params=params).json()
        assert page["total"] == 7
        seen += [e["event_id"] for e in page["events"]]
    assert len(seen) == len(set(seen)) == 7


def test_events_newest_first_and_by_goldstein(client):
    days = [e["day"] for e in client.get("/api/events").json()["events"]]
    assert days == sorted(days, reverse=True)
    gs = [e["goldstein"] for e in client.get("/api/events", params={"order": "goldstein"}).json()["events"]]
    assert gs == sorted(gs)


@pytest.mark.parametrize(
    ("path", "params", "needle"),
    [
        ("/api/events", {"date_from": "2022-13"}, "month"),
        ("/api/events", {"date_from": "kemarin"}, "date"),
        ("/api/events", {"date_from": "2022-05", "date_to": "2022-01"}, "after"),
        ("/api/events", {"limit": 0}, "limit"),
        ("/api/events", {"limit": "abc"}, "limit"),
        ("/api/events", {"offset": -1}, "offset"),
        ("/api/events", {"cameo_root": "99"}, "cameo_root"),
        ("/api/events", {"cameo": "4x"}, "cameo"),
        ("/api/events", {"quad_class": 7}, "quad_class"),
        ("/api/events", {"dyad": "KAZ"}, "dyad"),
        ("/api/events", {"actor": "KAZ; DROP TABLE events"}, "actor"),
        ("/api/events", {"order": "random()"}, "order"),
        ("/api/events", {"directed": "perhaps"}, "directed"),
        ("/api/dyads/KAZ-RUS/series", {"interval": "hour"}, "interval"),
        ("/api/dyads/KAZ/series", {}, "dyad"),
        ("/api/network", {"min_events": 0}, "min_events"),
        ("/api/actors", {"date_to": "2022-02-30"}, "date"),
    ],
)
def test_bad_parameters_get_422_with_a_message(client, path, params, needle):
    r = client.get(path, params=params)
    assert r.status_code == 422, r.text
    assert needle in r.text


def test_actors_with_counts(client):
    rows = {a["key"]: a for a in client.get("/api/actors").json()["actors"]}
    assert (rows["KAZ"]["as_source"], rows["KAZ"]["as_target"]) == (3, 0)
    assert rows["RUS"]["events"] == 4  # its negated event is not counted
    assert rows["KAZ"]["label"] == "Kazakhstan"


def test_actors_in_a_period(client):
    rows = {a["key"] for a in client.get("/api/actors", params={"date_to": "2021-12"}).json()["actors"]}
    assert rows == {"UZB", "KGZ"}


def test_dyad_series_by_month(client):
    d = client.get("/api/dyads/KAZ-RUS/series").json()
    assert (d["a"], d["b"], d["total"]) == ("KAZ", "RUS", 3)
    by = {p["period"]: p for p in d["series"]}
    assert set(by) == {"2022-03-01", "2022-05-01"}
    march, may = by["2022-03-01"], by["2022-05-01"]
    assert (march["events"], march["cooperation"], march["conflict"]) == (2, 2, 0)
    assert (may["events"], may["conflict"], may["goldstein"]) == (1, 1, -2.0)
    assert march["a_to_b"] == 2 and march["quad"]["1"]["events"] == 2


@pytest.mark.parametrize(("interval", "n"), [("day", 2), ("week", 2), ("month", 2), ("year", 1)])
def test_dyad_series_intervals(client, interval, n):
    d = client.get("/api/dyads/RUS-KAZ/series", params={"interval": interval}).json()
    assert len(d["series"]) == n
    assert sum(p["events"] for p in d["series"]) == 3


def test_dyad_series_undated_events_are_counted(client):
    # RUS -> KGZ has no own date: it falls back to the publication date.
    d = client.get("/api/dyads/KGZ-RUS/series").json()
    assert d["series"][0]["period"] == "2022-03-01" and d["undated"] == 0


def test_network_nodes_and_edges(client):
    net = client.get("/api/network").json()
    ids = {n["id"] for n in net["nodes"]}
    assert {"KAZ", "RUS", "KGZ", "UZB"} <= ids
    assert "CSTO" not in ids  # its only event is negated: it did not happen
    edges = {(e["a"], e["b"]): e for e in net["edges"]}
    kr = edges[("KAZ", "RUS")]
    assert (kr["events"], kr["cooperation"], kr["conflict"]) == (3, 2, 1)
    assert kr["mean_goldstein"] == pytest.approx((1.0 + 8.0 - 2.0) / 3, abs=0.01)


def test_network_period_and_threshold(client):
    net = client.get("/api/network", params={"date_from": "2022", "min_events": 2}).json()
    assert [(e["a"], e["b"]) for e in net["edges"]] == [("KAZ", "RUS")]


def test_article_detail(client):
    d = client.get("/api/articles/berita/001").json()
    text = d["article"]["text"]
    assert "<script>alert('x')</script>" in text  # stored raw: escaping is the page's job
    reasons = {r["reason"] for r in d["removed_lines"]}
    assert reasons == {"boilerplate", "spam"}
    for r in d["removed_lines"]:
        assert text[r["start"]:r["end"]] == r["text"]
    assert len(d["sentences"]) == 3 and len(d["events"]) == 3
    for e in d["events"]:
        assert text[e["evidence_start"]:e["evidence_end"]] == e["evidence_sentence"]
    assert {m["text"] for m in d["mentions"]} >= {"Presiden Kazakhstan", "Kirgistan"}


def test_unknown_article_is_404(client):
    r = client.get("/api/articles/tidak-ada")
    assert r.status_code == 404
    assert "tidak-ada" in r.json()["detail"]


def test_article_list(client):
    page = client.get("/api/articles").json()
    assert page["total"] == 3
    assert page["articles"][0]["doc_id"] == "berita-002"  # newest first
    assert {a["doc_id"]: a["events"] for a in page["articles"]}["berita/001"] == 3


def test_dashboard_and_headers(client):
    r = client.get("/")
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    assert "/static/app.js" in r.text
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert client.get("/static/app.js").status_code == 200
    assert client.get("/static/style.css").status_code == 200


def test_dashboard_sets_data_strings_as_text_only():
    from importlib import resources

    js = resources.files("jalin.api").joinpath("static", "app.js").read_text(encoding="utf-8")
    assert "innerHTML" not in js and "insertAdjacentHTML" not in js and "eval(" not in js
    html = resources.files("jalin.api").joinpath("static", "index.html").read_text(encoding="utf-8")
    assert "http://" not in html.replace("http://www.w3.org", "") and "https://" not in html


def test_concurrent_requests_all_succeed(client, server):
    def get(i: int) -> int:
        params = {"limit": 5, "offset": i % 7} if i % 2 else {"dyad": "KAZ-RUS"}
        return httpx.get(server.url + "/api/events", params=params, timeout=60).status_code

    with ThreadPoolExecutor(max_workers=16) as pool:
        codes = list(pool.map(get, range(64)))
    assert codes == [200] * 64


def test_swapped_store_file_is_reopened(tmp_path):
    db = build_store(tmp_path / "live.duckdb")
    with ServerThread(db) as srv:
        assert httpx.get(srv.url + "/api/summary").json()["events"] == 7
        new = build_store(tmp_path / "next.duckdb", demo_results()[2:])
        os.replace(new, db)  # what `jalin ingest` into another file + rename does
        assert httpx.get(srv.url + "/api/summary").json()["events"] == 2
        assert httpx.get(srv.url + "/api/articles/berita-003").status_code == 200


def test_missing_store_is_503(tmp_path):
    db = build_store(tmp_path / "gone.duckdb")
    with ServerThread(db) as srv:
        db.unlink()
        r = httpx.get(srv.url + "/api/events")
        assert r.status_code == 503 and r.json()["detail"] == "the store cannot be read right now"
        assert str(tmp_path) not in r.text  # no server paths in error bodies


def test_serve_command_refuses_a_missing_store(tmp_path):
    from jalin.api.cli_serve import serve_command

    with pytest.raises(StoreError, match="no store"):
        serve_command(db=tmp_path / "none.duckdb", host="127.0.0.1", port=8765)


@pytest.mark.parametrize(
    ("host", "port", "url"),
    [("127.0.0.1", 8000, "http://127.0.0.1:8000/"), ("0.0.0.0", 9000, "http://127.0.0.1:9000/"),
     ("::1", 8000, "http://[::1]:8000/")],
)
def test_dashboard_url(host, port, url):
    from jalin.api.cli_serve import dashboard_url

    assert dashboard_url(host, port) == url


@pytest.mark.parametrize("bad", ["KAZ", "KAZ-RUS-UZB", "", "K@Z-RUS"])
def test_parse_dyad_rejects(bad):
    from jalin.store.analytics import parse_dyad

    with pytest.raises(UsageError):
        parse_dyad(bad)


# ----------------------------------------------------------------- seeds

@pytest.fixture(scope="module")
def seeds_server(tmp_path_factory):
    db = build_seed_store(tmp_path_factory.mktemp("seeds"))
    with ServerThread(db) as srv:
        yield srv


def test_seeds_have_articles_events_and_removed_lines(seeds_server):
    s = httpx.get(seeds_server.url + "/api/summary").json()
    assert s["articles"] == 5
    assert s["events"] > 0 and s["removed_lines"] > 0


def test_seeds_network_has_central_asia(seeds_server):
    net = httpx.get(seeds_server.url + "/api/network").json()
    assert {"KAZ", "RUS", "KGZ"} <= {n["id"] for n in net["nodes"]}


def test_seeds_every_event_points_into_its_article(seeds_server):
    page = httpx.get(seeds_server.url + "/api/events", params={"limit": 500}).json()
    docs: dict[str, str] = {}
    for e in page["events"]:
        if e["doc_id"] not in docs:
            docs[e["doc_id"]] = httpx.get(f"{seeds_server.url}/api/articles/{e['doc_id']}").json()["article"]["text"]
        assert docs[e["doc_id"]][e["evidence_start"]:e["evidence_end"]] == e["evidence_sentence"]



@pytest.mark.parametrize(
    ("date_from", "date_to", "start", "end"),
    [
        ("2022", "2022", "2022-01-01", "2022-12-31"),
        ("2024-02", "2024-02", "2024-02-01", "2024-02-29"),
        ("2023-12", "2023-12", "2023-12-01", "2023-12-31"),
        ("2022-03-05", "2022-03-05", "2022-03-05", "2022-03-05"),
        (None, "2021-11", None, "2021-11-30"),
    ],
)
def test_parse_period_covers_whole_partial_dates(date_from, date_to, start, end):
    from jalin.store.analytics import parse_period

    p = parse_period(date_from, date_to)
    assert (p.start.isoformat() if p.start else None, p.end.isoformat()) == (start, end)


@pytest.mark.parametrize(("q", "n"), [("50%", 0), ("under_score", 0), ("Tokayev", 1), ("berita/0", 1)])
def test_article_search_is_literal(client, q, n):
    assert client.get("/api/articles", params={"q": q}).json()["total"] == n


def test_events_filter_is_hashable_for_the_cache():
    from jalin.store.analytics import EventFilter

    a = EventFilter.parse(dyad="KAZ-RUS", cameo_root="03,04", date_from="2022")
    b = EventFilter.parse(dyad="kaz:rus", cameo_root="03, 04", date_from="2022-01-01")
    assert a == b and hash(a) == hash(b)


def test_no_pages_that_load_from_a_cdn(client):
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404


def test_serve_with_two_worker_processes(tmp_path):
    """`jalin serve --workers 2` answers through the real HTTP stack from two processes."""
    import socket
    import subprocess
    import sys
    import time

    import httpx

    db = tmp_path / "w.duckdb"
    build_store(db)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "jalin.cli", "serve", "--db", str(db),
                             "--port", str(port), "--workers", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                if httpx.get(url + "/api/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.3)
        totals = {httpx.get(url + "/api/events", timeout=10).json()["total"] for _ in range(10)}
        assert totals == {6}
    finally:
        proc.terminate()
        proc.wait(timeout=20)
