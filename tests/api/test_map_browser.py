"""The dashboard's map in a real browser (Debian chromium driven by Playwright).

Skips like test_dashboard_browser.py when chromium or Playwright is missing.
Screenshots go to the test's tmp_path and to build/screenshots/ (kept for a
person to look at).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from api_fixtures import ServerThread
from map_fixtures import build_map_store
from test_dashboard_browser import browser  # noqa: F401  (the shared chromium fixture)

try:
    from playwright.sync_api import expect
except ImportError:  # the browser fixture skips every test then
    expect = None

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


@pytest.fixture(scope="module")
def map_server(tmp_path_factory):
    db = build_map_store(tmp_path_factory.mktemp("map-browser") / "map.duckdb")
    with ServerThread(db) as srv:
        yield srv


@pytest.fixture
def page(browser, map_server):  # noqa: F811
    ctx = browser.new_context(viewport={"width": 1300, "height": 1100})
    pg = ctx.new_page()
    pg.set_default_timeout(15000)
    problems: list[str] = []
    pg.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    pg.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    pg.route("**/*", lambda r: r.continue_() if r.request.url.startswith(map_server.url) else
             (problems.append(f"outside request: {r.request.url}"), r.abort()))
    pg.problems = problems
    yield pg
    ctx.close()


def shot(pg, tmp_path, name):
    path = tmp_path / name
    pg.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 5000
    SHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(path, SHOTS / name)


def test_points_click_to_evidence(page, map_server, tmp_path):
    page.goto(map_server.url + "/")
    page.wait_for_selector("body[data-ready='1']")
    points = page.locator("#map .point")
    expect(points).to_have_count(4)
    assert page.locator("#map path.land").count() > 200  # the world outline is drawn
    assert page.locator("#map .point[data-place='Bishkek|KGZ']").get_attribute("data-events") == "2"
    assert "q4" in page.locator("#map .point[data-place='Kyrgyzstan-Tajikistan border|']").get_attribute("class")
    assert "1 without a place" in page.inner_text("#map-note")
    page.locator("#map-panel").screenshot(path=str(tmp_path / "map-panel.png"))
    shot(page, tmp_path, "map-overview.png")

    assert "stories located" in page.inner_text("#map-note")  # the map counts stories by default
    page.locator("#map .point[data-place='Bishkek|KGZ']").click()
    expect(page.locator("#events tbody tr.story-row")).to_have_count(2)
    expect(page.locator("#active-filters")).to_contain_text("place Bishkek, KGZ")
    assert "di Bishkek" in page.inner_text("#events tbody")
    assert page.locator("#map .point.selected").count() == 1
    shot(page, tmp_path, "map-place-events.png")

    page.locator("#events tbody tr.story-row", has_text="menandatangani").click()  # the story
    page.wait_for_selector("#story-reports li.story-report")
    assert "where: Bishkek (KGZ)" in page.inner_text("#story-reports")
    page.locator("#story-reports li.story-report a.article-link").first.click()  # its article
    page.wait_for_selector("#article-text mark.evidence")
    evidence = "".join(page.locator("#article-text mark.evidence").all_text_contents())
    assert evidence == "Kedua pemimpin menandatangani perjanjian demarkasi perbatasan."
    assert "where: Bishkek (KGZ), city, from the context" in page.inner_text("#chosen-event")
    assert page.problems == []


def test_period_and_actor_filter_the_map(page, map_server):
    page.goto(map_server.url + "/#from=2024-01")
    page.wait_for_selector("body[data-ready='1']")
    expect(page.locator("#map .point")).to_have_count(1)
    assert page.locator("#map .point").get_attribute("data-place") == "Astana|KAZ"
    page.goto(map_server.url + "/#actor=TJK")
    page.wait_for_selector("#map .point[data-place='Batken|KGZ']")
    expect(page.locator("#map .point")).to_have_count(2)
    assert page.problems == []


def test_zoom_buttons_and_wheel_change_the_view(page, map_server):
    page.goto(map_server.url + "/")
    page.wait_for_selector("#map .point")
    before = page.get_attribute("#map", "viewBox")
    page.click("#map-zoom-out")
    wider = page.get_attribute("#map", "viewBox")
    assert float(wider.split()[2]) > float(before.split()[2])
    page.click("#map-zoom-in")
    page.click("#map-zoom-in")
    narrower = page.get_attribute("#map", "viewBox")
    assert float(narrower.split()[2]) < float(wider.split()[2])
    page.locator("#map").scroll_into_view_if_needed()
    box = page.locator("#map").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.wheel(0, 400)
    expect(page.locator("#map")).not_to_have_attribute("viewBox", narrower)  # zoomed out around the cursor
    page.click("#map-reset")
    assert page.get_attribute("#map", "viewBox") == before
    assert page.problems == []


def test_seeds_map(browser, tmp_path_factory, tmp_path):  # noqa: F811
    """The five seed articles coded by the real pipeline: their places are on the map."""
    from api_fixtures import build_seed_store

    db = build_seed_store(tmp_path_factory.mktemp("seeds-map"))
    with ServerThread(db) as srv:
        pg = browser.new_page(viewport={"width": 1300, "height": 1100})
        errors: list[str] = []
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        pg.goto(srv.url + "/")
        pg.wait_for_selector("body[data-ready='1']")
        pg.wait_for_selector("#map .point")
        keys = [p.get_attribute("data-place") for p in pg.locator("#map .point").all()]
        assert "Bishkek|KGZ" in keys  # "... di Bishkek pada 10 Januari 1997"
        pg.locator("#map-panel").scroll_into_view_if_needed()
        shot(pg, tmp_path, "map-seeds.png")
        pg.locator("#map .point[data-place='Bishkek|KGZ']").click()
        expect(pg.locator("#active-filters")).to_contain_text("place Bishkek, KGZ")
        expect(pg.locator("#events tbody tr.event-row").first).to_contain_text("di Bishkek")
        assert errors == []
        pg.close()


def test_a_store_from_before_stories_counts_reports(browser, tmp_path):  # noqa: F811
    """A store of schema version 2 (locations, no stories) served read-only: the dashboard
    says the stories are not built yet and counts reports, on the map too."""
    import duckdb

    from jalin.store.schema import EVENT_STORY_COLUMNS

    db = build_map_store(tmp_path / "v2.duckdb")
    con = duckdb.connect(str(db))
    for col, _ in EVENT_STORY_COLUMNS:
        con.execute(f'ALTER TABLE events DROP COLUMN "{col}"')
    for table in ("stories", "event_mentions", "doc_sketches", "sketch_index", "doc_copies"):
        con.execute(f"DROP TABLE {table}")
    con.execute("DELETE FROM schema_version WHERE version > 2")
    con.close()
    with ServerThread(db) as srv:
        pg = browser.new_page(viewport={"width": 1300, "height": 1100})
        errors: list[str] = []
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.goto(srv.url + "/")
        pg.wait_for_selector("body[data-ready='1']")
        expect(pg.locator("#summary")).to_contain_text("no stories yet")
        assert pg.input_value("#count-mode") == "reports"
        assert pg.locator("#count-mode option[value=stories]").is_disabled()
        assert pg.inner_text("#list-title") == "Events (every report)"
        expect(pg.locator("#map .point")).to_have_count(4)
        assert "5 reports located" in pg.inner_text("#map-note")
        assert errors == []
        pg.close()
