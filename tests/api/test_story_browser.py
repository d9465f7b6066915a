"""Stories in the dashboard, in a real browser (Debian chromium driven by Playwright).

The store holds the story fixtures (tests/stories/fixtures): one visit told by
five articles, its signing, a background visit, two phone calls. Skips like
test_dashboard_browser.py when chromium or Playwright is missing.
"""

from __future__ import annotations

import pytest

from api_fixtures import ServerThread
from story_fixtures import build_story_store
from test_dashboard_browser import browser, open_dashboard  # noqa: F401 - the fixture

try:
    from playwright.sync_api import expect
except ImportError:
    expect = None


@pytest.fixture(scope="module")
def story_server(tmp_path_factory):
    db = build_story_store(tmp_path_factory.mktemp("story-browser"))
    with ServerThread(db) as srv:
        yield srv


@pytest.fixture
def page(browser, story_server):  # noqa: F811
    ctx = browser.new_context(viewport={"width": 1300, "height": 950})
    pg = ctx.new_page()
    pg.set_default_timeout(15000)
    problems: list[str] = []
    pg.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    pg.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    pg.route("**/*", lambda r: r.continue_() if r.request.url.startswith(story_server.url) else
             (problems.append(f"outside request: {r.request.url}"), r.abort()))
    pg.problems = problems
    yield pg
    ctx.close()


def test_stories_are_counted_by_default_reports_on_request(page, story_server):
    open_dashboard(page, story_server.url)
    assert page.input_value("#count-mode") == "stories"
    expect(page.locator("#summary")).to_contain_text("19 events · 6 stories")
    pair = page.locator("#top-dyads li", has_text="KAZ – UZB")
    expect(pair).to_contain_text("4 stories")
    expect(page.locator("#events-count")).to_have_text("(6)")
    assert page.inner_text("#list-title") == "Stories"
    tip = page.locator("#network .edge[data-dyad='KAZ-UZB'] title").text_content()
    assert tip.startswith("Kazakhstan – Uzbekistan: 4 stories")

    page.select_option("#count-mode", "reports")
    expect(pair).to_contain_text("16 reports")
    expect(page.locator("#events-count")).to_have_text("(19)")
    assert "count=reports" in page.url
    tip = page.locator("#network .edge[data-dyad='KAZ-UZB'] title").text_content()
    assert tip.startswith("Kazakhstan – Uzbekistan: 16 reports")
    assert page.problems == []


def test_story_view_lists_every_report(page, story_server, tmp_path):
    open_dashboard(page, story_server.url, "#dyad=KAZ-UZB")
    expect(page.locator("#dyad-stats")).to_contain_text("4 stories")
    row = page.locator("#events tbody tr.story-row", has_text="8 reports")
    expect(row).to_have_count(1)
    assert "5 sources" in row.inner_text()
    row.locator("a.reports-link").click()
    expect(page.locator("#story-reports li.story-report")).to_have_count(8)
    assert page.locator("#overview").is_hidden()
    assert page.inner_text("#story-title").startswith("UZB → KAZ: 042")
    meta = page.inner_text("#story-meta")
    assert "8 reports" in meta and "5 articles" in meta and "kabarasia.example" in meta
    heads = page.locator("#story-reports .report-head").all_inner_texts()
    assert sum("published 2024-03-12" in h for h in heads) == 7
    assert any(h.startswith("centralasia-wire.example") and "· en" in h for h in heads)
    # every mention: its sentence highlighted, the trigger in bold
    kabar = page.locator("#story-reports li.story-report[data-doc='visit-id-kabar']").first
    marks = kabar.locator("li.story-mention mark")
    assert marks.count() >= 3
    assert "mengunjungi" in kabar.locator("li.story-mention mark b").all_inner_texts()
    assert "headline" in kabar.locator("li.story-mention .hint").first.inner_text()
    assert page.locator("#story-reports .badge", has_text="copy of visit-id-kabar").count() >= 1
    page.screenshot(path=str(tmp_path / "story.png"), full_page=True)

    kabar.locator("a.article-link").click()
    page.wait_for_selector("#article-text mark.evidence")
    assert page.locator("#story-view").is_hidden()
    link = page.locator("#article-events li.selected a.story-link")
    expect(link).to_have_count(1)
    link.click()  # and back to the story from the article
    expect(page.locator("#story-reports li.story-report")).to_have_count(8)
    page.click("#story-back")
    expect(page.locator("#overview")).to_be_visible()
    assert page.problems == []
