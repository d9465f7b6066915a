"""/api/stories, /api/stories/{id} and the story/report switch of the counting endpoints."""

from __future__ import annotations

import pytest

from api_fixtures import ServerThread
from story_fixtures import build_story_store


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    import httpx

    db = build_story_store(tmp_path_factory.mktemp("story-api"))
    with ServerThread(db) as srv, httpx.Client(base_url=srv.url, timeout=30) as c:
        yield c


def _stories(api, **params) -> dict:
    r = api.get("/api/stories", params=params)
    assert r.status_code == 200, r.text
    return r.json()


def test_story_list(api):
    page = _stories(api)
    assert page["total"] == 6
    by = {(s["cameo"], s["date"]): s for s in page["stories"]}
    visit = by[("042", "2024-03-11")]
    assert (visit["num_reports"], visit["num_articles"], visit["num_sources"]) == (8, 5, 5)
    assert visit["source_key"] == "UZB" and visit["target_key"] == "KAZ"
    # its first report: the earliest published (all on 12 March here), then by doc id
    assert visit["cameo_name"] == "Make a visit" and visit["outlet"] == "centralasia-wire.example"
    # newest first: the second phone call, then the visit and signing of 11 March
    assert page["stories"][0]["date"] == "2024-03-19"


@pytest.mark.parametrize("params,expected", [
    ({"dyad": "KAZ-UZB"}, {("042", "2024-03-11"), ("057", "2024-03-11"), ("042", "2022-09"),
                           ("030", "2022-09")}),
    ({"doc_id": "visit-en-wire"}, {("042", "2024-03-11"), ("057", "2024-03-11")}),
    ({"q": "Akorda"}, {("042", "2024-03-11")}),  # the hosting "di Istana Akorda": the visit
    ({"date_from": "2024-03-15"}, {("041", "2024-03-19")}),
    ({"cameo_root": "05"}, {("057", "2024-03-11")}),
])
def test_story_filters(api, params, expected):
    assert {(s["cameo"], s["date"]) for s in _stories(api, **params)["stories"]} == expected


def test_story_detail_lists_every_report(api):
    sid = next(s["story_id"] for s in _stories(api, cameo="042", date_from="2024")["stories"])
    d = api.get(f"/api/stories/{sid}").json()
    assert d["story"]["num_reports"] == len(d["reports"]) == 8
    assert d["story"]["outlets"] == ["beritakita.example", "centralasia-wire.example",
                                     "kabarasia.example", "portal-lain.example",
                                     "warta-timur.example"]
    copies = {r["doc_id"]: r["copy_of"] for r in d["reports"] if r["copy_of"]}
    assert copies == {"visit-id-copy": "visit-id-kabar", "visit-id-repost": "visit-id-warta"}
    for r in d["reports"]:
        assert r["mentions"], r["doc_id"]
        for m in r["mentions"]:
            text = m["evidence_sentence"]
            # the trigger lies inside the evidence sentence: the dashboard highlights it
            assert m["evidence_start"] <= m["trigger_start"] < m["trigger_end"] <= m["evidence_end"]
            assert text[m["trigger_start"] - m["evidence_start"]:m["trigger_end"] - m["evidence_start"]] == m["trigger"]
    english = next(r for r in d["reports"] if r["doc_id"] == "visit-en-wire")
    assert english["article_language"] == "en" and english["published"] == "2024-03-12"


def test_the_map_counts_stories_or_reports(api):
    """A story is on the map once, at its reports' most frequent location."""
    def points(count):
        body = api.get("/api/map", params={"count": count} if count else {}).json()
        return body["count"], {p["key"]: p["events"] for p in body["points"]}, body["unlocated"]

    # the visit (8 reports), the signing (4) and the later call (1) in Astana; the
    # background visit of 2022 (2 reports) only names Kazakhstan; the first call and the
    # background agreement of 2022 (2 reports) no place
    assert points(None) == points("stories") == ("stories", {"Astana|KAZ": 3, "Kazakhstan|KAZ": 1}, 2)
    assert points("reports") == ("reports", {"Astana|KAZ": 12, "Kazakhstan|KAZ": 3}, 4)
    assert api.get("/api/map", params={"count": "articles"}).status_code == 422


@pytest.mark.parametrize("params,n", [
    ({"where": "KAZ"}, 4), ({"where": "CHN"}, 0), ({"place": "Astana|KAZ"}, 3),
    ({"place": "Kazakhstan|KAZ"}, 1),
])
def test_stories_by_place(api, params, n):
    page = _stories(api, **params)
    assert page["total"] == n
    assert all(s["location_country"] == "KAZ" for s in page["stories"])


def test_unknown_story_is_404(api):
    assert api.get("/api/stories/s000000000000000").status_code == 404


def test_counting_stories_or_reports(api):
    def edge(count):
        net = api.get("/api/network", params={"count": count}).json()
        assert net["count"] == count
        return next(e for e in net["edges"] if (e["a"], e["b"]) == ("KAZ", "UZB"))

    # the visit (8 reports), the signing (4: the English wire codes it both ways), the
    # background visit (2) and the background agreement ("ketika kedua negara menyepakati", 2)
    assert edge("stories")["events"] == 4 and edge("reports")["events"] == 16
    assert api.get("/api/network").json()["count"] == "stories"  # the default
    series = {c: api.get("/api/dyads/KAZ-UZB/series", params={"count": c}).json()["total"]
              for c in ("stories", "reports")}
    assert series == {"stories": 4, "reports": 16}
    actors = {c: {a["key"]: a["events"] for a in api.get("/api/actors", params={"count": c}).json()["actors"]}
              for c in ("stories", "reports")}
    assert actors["stories"]["CHN"] == 2 and actors["reports"]["CHN"] == 3
    summary = api.get("/api/summary").json()
    assert summary["stories"] == 6 and summary["events"] == 19


@pytest.mark.parametrize("path", ["/api/network?count=articles", "/api/actors?count=",
                                  "/api/dyads/KAZ-UZB/series?count=x",
                                  "/api/stories?order=sideways", "/api/stories?limit=0"])
def test_bad_parameters_are_422(api, path):
    r = api.get(path)
    assert r.status_code == 422 and r.json()["detail"]
