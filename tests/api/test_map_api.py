"""The map's API: /api/map points and the place/where filters of /api/events."""

from __future__ import annotations

import pytest

from map_fixtures import build_map_store, map_results


@pytest.fixture(scope="module")
def map_client(tmp_path_factory):
    import httpx

    from api_fixtures import ServerThread

    db = build_map_store(tmp_path_factory.mktemp("map") / "map.duckdb")
    with ServerThread(db) as srv, httpx.Client(base_url=srv.url, timeout=30) as c:
        yield c


def test_fixture_events_are_located_by_the_stage():
    got = {e.trigger: (e.location.name if e.location else None) for r in map_results() for e in r.events}
    assert got == {"bertemu": "Bishkek", "menandatangani": "Bishkek", "baku tembak": "Kyrgyzstan-Tajikistan border",
                   "menuduh": "Batken", "kunjungan": "Astana", "mengecam": None}


def test_map_points(map_client):
    r = map_client.get("/api/map")
    assert r.status_code == 200
    body = r.json()
    points = {p["name"]: p for p in body["points"]}
    assert set(points) == {"Bishkek", "Kyrgyzstan-Tajikistan border", "Batken", "Astana"}
    bishkek = points["Bishkek"]
    assert bishkek["events"] == 2 and bishkek["key"] == "Bishkek|KGZ" and bishkek["country"] == "KGZ"
    assert bishkek["quad"] == {"1": 2, "2": 0, "3": 0, "4": 0} and bishkek["main_quad"] == 1
    border = points["Kyrgyzstan-Tajikistan border"]
    assert border["key"] == "Kyrgyzstan-Tajikistan border|" and border["country"] is None
    assert border["countries"] == ["KGZ", "TJK"] and border["main_quad"] == 4
    assert body["located"] == 5 and body["unlocated"] == 1


@pytest.mark.parametrize("params,names", [
    ({"actor": "TJK"}, {"Kyrgyzstan-Tajikistan border", "Batken"}),
    ({"date_from": "2024"}, {"Astana"}),
    ({"quad_class": 3}, {"Batken"}),
    ({"where": "tjk"}, {"Kyrgyzstan-Tajikistan border"}),
    ({"dyad": "KAZ-KGZ"}, {"Bishkek"}),
])
def test_map_filters(map_client, params, names):
    r = map_client.get("/api/map", params=params)
    assert r.status_code == 200, r.text
    assert {p["name"] for p in r.json()["points"]} == names


@pytest.mark.parametrize("params,n", [
    ({"place": "Bishkek|KGZ"}, 2),
    ({"place": "Kyrgyzstan-Tajikistan border|"}, 1),
    ({"where": "KGZ"}, 4),
    ({"where": "TJK"}, 1),
    ({"where": "RUS"}, 0),
])
def test_events_by_place(map_client, params, n):
    r = map_client.get("/api/events", params=params)
    assert r.status_code == 200, r.text
    events = r.json()["events"]
    assert r.json()["total"] == n == len(events)
    if n:
        assert all(e["location_name"] for e in events)


@pytest.mark.parametrize("path,params", [
    ("/api/events", {"place": "Bishkek"}),
    ("/api/events", {"place": "Bishkek|kg"}),
    ("/api/events", {"where": "KG"}),
    ("/api/map", {"where": "Kyrgyzstan"}),
    ("/api/map", {"limit": 0}),
])
def test_bad_map_parameters_are_422(map_client, path, params):
    r = map_client.get(path, params=params)
    assert r.status_code == 422 and r.json()["detail"]


def test_vendored_outline_is_served_with_licence(map_client):
    r = map_client.get("/static/vendor/world-atlas/countries-50m.json")
    assert r.status_code == 200 and r.json()["type"] == "Topology"
    assert "ISC" in map_client.get("/static/vendor/world-atlas/README.md").text


def test_a_store_from_before_locations_is_served(tmp_path):
    """Schema version 1 (no location columns, no stories), opened read-only by the server:
    no location, no story, no error; the summary says the stories are not built yet."""
    import duckdb
    import httpx

    from api_fixtures import ServerThread
    from jalin.store.schema import EVENT_STORY_COLUMNS, LOCATION_COLUMNS

    db = build_map_store(tmp_path / "old.duckdb")
    con = duckdb.connect(str(db))
    for col, _ in (*LOCATION_COLUMNS, *EVENT_STORY_COLUMNS):
        con.execute(f'ALTER TABLE events DROP COLUMN "{col}"')
    for table in ("stories", "event_mentions", "doc_sketches", "sketch_index", "doc_copies"):
        con.execute(f"DROP TABLE {table}")
    con.execute("DELETE FROM schema_version WHERE version > 1")
    con.close()
    with ServerThread(db) as srv, httpx.Client(base_url=srv.url, timeout=30) as c:
        summary = c.get("/api/summary").json()
        assert summary["stories_built"] is False and summary["stories"] == 0
        assert summary["events"] == 6
        body = c.get("/api/map", params={"count": "reports"}).json()
        assert body == {"count": "reports", "points": [], "located": 0, "unlocated": 6}
        assert c.get("/api/map").json()["located"] == 0  # no stories to count
        assert c.get("/api/stories").json()["total"] == 0
        r = c.get("/api/events", params={"where": "KGZ"})
        assert r.status_code == 200 and r.json()["total"] == 0
        events = c.get("/api/events").json()["events"]
        assert events and all(e["location_name"] is None for e in events)
