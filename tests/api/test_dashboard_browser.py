"""The dashboard in a real browser: Debian chromium driven by Playwright.

Skips (with the reason) when chromium or Playwright is not installed or the
browser cannot start. Never downloads a browser.
"""

from __future__ import annotations

import shutil

import pytest

from api_fixtures import ServerThread, build_seed_store

try:
    from playwright.sync_api import expect
except ImportError:  # the browser fixture skips every test then
    expect = None

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        pytest.skip(f"playwright is not installed: {exc}")
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        pytest.skip("no chromium on PATH (apt-get install chromium)")
    with sync_playwright() as pw:
        try:
            b = pw.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        except PlaywrightError as exc:
            pytest.skip(f"chromium does not start: {exc}")
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    ctx = browser.new_context(viewport={"width": 1300, "height": 950})
    pg = ctx.new_page()
    pg.set_default_timeout(15000)
    problems: list[str] = []
    pg.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    pg.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    pg.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    # Anything but our own server is off limits: no CDN, no network.
    pg.route("**/*", lambda r: r.continue_() if r.request.url.startswith(server.url) else
             (problems.append(f"outside request: {r.request.url}"), r.abort()))
    pg.problems = problems
    yield pg
    ctx.close()


def click_edge(pg, a: str, b: str) -> None:
    """Click the middle of the edge a-b (a horizontal line has an empty bounding box)."""
    p, q = (pg.locator(f"#network .node[data-actor='{k}'] circle").bounding_box() for k in (a, b))
    x = (p["x"] + p["width"] / 2 + q["x"] + q["width"] / 2) / 2
    y = (p["y"] + p["height"] / 2 + q["y"] + q["height"] / 2) / 2
    pg.mouse.click(x, y)


def open_dashboard(pg, url: str, hash_: str = "") -> None:
    pg.goto(url + "/" + hash_)
    pg.wait_for_selector("body[data-ready='1']")


def test_network_edge_to_dyad_to_article(page, server, tmp_path):
    open_dashboard(page, server.url)
    for key in ("KAZ", "RUS", "KGZ"):
        assert page.locator(f"#network .node[data-actor='{key}']").count() == 1, key
    click_edge(page, "KAZ", "RUS")
    expect(page.locator("#dyad-title")).to_contain_text("Kazakhstan")
    expect(page.locator("#events tbody tr.event-row")).to_have_count(3)
    assert "2 cooperation, 1 conflict" in page.inner_text("#dyad-stats")
    assert page.locator("#timeline rect.bar.coop").count() == 1
    assert page.locator("#timeline rect.bar.conflict").count() == 1
    page.screenshot(path=str(tmp_path / "dyad.png"), full_page=True)

    # the list holds stories: a row opens its story, whose report opens the article
    page.locator("#events tbody tr.event-row", has_text="menandatangani").click()
    expect(page.locator("#story-reports li.story-report")).to_have_count(1)
    assert page.inner_text("#story-reports li.story-mention b") == "menandatangani"
    page.locator("#story-reports a.article-link").click()
    page.wait_for_selector("#article-text mark.evidence")
    evidence = "".join(page.locator("#article-text mark.evidence").all_text_contents())
    assert evidence == "Kedua pemimpin menandatangani perjanjian kerja sama energi dan transportasi."
    assert page.inner_text("#article-text .trigger") == "menandatangani"
    assert page.inner_text("#chosen-event").startswith("KAZ → RUS: 057")
    assert page.locator("#overview").is_hidden()
    page.screenshot(path=str(tmp_path / "article.png"), full_page=True)
    assert (tmp_path / "article.png").stat().st_size > 1000

    page.click("#back")
    expect(page.locator("#overview")).to_be_visible()
    expect(page.locator("#events tbody tr.event-row")).to_have_count(3)  # dyad filter kept
    assert page.problems == []


def test_data_strings_render_as_text(page, server):
    open_dashboard(page, server.url, "#article=" + "berita%2F001" + "&event=berita%2F001-e2")
    page.wait_for_selector("#article-text mark.evidence")
    assert page.text_content("#article-title") == "Tokayev & Putin <b>bertemu</b> di Moskow"
    assert page.locator("#article-title b").count() == 0
    assert page.locator("#article-text script").count() == 0
    assert "<script>alert('x')</script>" in page.text_content("#article-text")
    assert page.problems == []


def test_removed_content_with_reasons(page, server):
    open_dashboard(page, server.url, "#article=berita%2F001")
    page.wait_for_selector("#removed tbody tr.removed-row")
    rows = page.locator("#removed tbody tr.removed-row").all_inner_texts()
    assert any(r.startswith("spam") and "SLOT GACOR" in r for r in rows)
    assert any(r.startswith("boilerplate") for r in rows)
    assert page.locator("#article-text .removed").count() == 2
    assert page.locator("#article-text .reason-badge").all_text_contents() == ["boilerplate", "spam"]


def test_click_node_filters_events_by_actor(page, server):
    open_dashboard(page, server.url)
    page.locator("#network .node[data-actor='UZB']").click()
    expect(page.locator("#active-filters")).to_contain_text("actor UZB")
    expect(page.locator("#events tbody tr.event-row")).to_have_count(2)
    assert page.locator("#network .node.selected").count() == 1


def test_period_filter_redraws_network(page, server):
    open_dashboard(page, server.url)
    assert page.locator("#network .edge[data-dyad='KGZ-UZB']").count() == 1
    page.fill("#date-from", "2022-01")
    page.click("#period-form button[type=submit]")
    expect(page.locator("#events-count")).to_have_text("(4)")
    assert page.locator("#network .edge[data-dyad='KGZ-UZB']").count() == 0
    assert page.locator("#network .edge[data-dyad='KAZ-RUS']").count() == 1


def test_bad_period_shows_a_message(page, server):
    open_dashboard(page, server.url, "#from=2022-14")
    page.wait_for_selector("#status:not([hidden])")
    assert "month" in page.inner_text("#status")


def test_event_text_search(page, server):
    open_dashboard(page, server.url)
    page.fill("#f-q", "bantuan")
    page.click("#event-filters button[type=submit]")
    expect(page.locator("#events-count")).to_have_text("(1)")
    assert "bantuan kemanusiaan" in page.inner_text("#events tbody")


# ------------------------------------------------------------------ seeds

@pytest.fixture(scope="module")
def seeds_url(tmp_path_factory):
    db = build_seed_store(tmp_path_factory.mktemp("seeds-browser"))
    with ServerThread(db) as srv:
        yield srv.url


def test_seeds_dashboard(browser, seeds_url, tmp_path):
    pg = browser.new_page(viewport={"width": 1300, "height": 950})
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    open_dashboard(pg, seeds_url)
    for key in ("KAZ", "RUS", "KGZ"):
        assert pg.locator(f"#network .node[data-actor='{key}']").count() == 1, key
    pg.screenshot(path=str(tmp_path / "seeds-overview.png"), full_page=True)
    edge = pg.locator("#network .edge[data-dyad='KAZ-RUS']")
    if edge.count():
        edge.focus()  # the layout of real data may put a node on the edge's middle
        pg.keyboard.press("Enter")
        expect(pg.locator("#dyad-title")).to_contain_text("Kazakhstan")
    # the list, the dyad and the map load together: wait until the whole view is drawn
    pg.wait_for_function("() => document.body.getAttribute('data-route') === location.hash")
    pg.wait_for_selector("#events tbody tr.event-row")
    row = pg.locator("#events tbody tr.event-row").first
    sentence = row.locator("td.evidence").inner_text().strip()
    row.click()  # a story: its reports, each with its mentions
    pg.wait_for_selector("#story-reports li.story-report")
    report = pg.locator("#story-reports li.story-report").first
    said = [" ".join(t.split()) for t in report.locator("li.story-mention mark").all_inner_texts()]
    assert " ".join(sentence.split()) in said or len(pg.locator("#story-reports li.story-report").all()) > 1
    report.locator("a.article-link").click()
    pg.wait_for_selector("#article-text mark.evidence")
    evidence = "".join(pg.locator("#article-text mark.evidence").all_text_contents())
    assert " ".join(evidence.split()) in said
    assert pg.locator("#removed tbody tr.removed-row").count() >= 0
    pg.screenshot(path=str(tmp_path / "seeds-article.png"), full_page=True)
    assert errors == []
    pg.close()


def test_top_dyads_list_opens_a_dyad(page, server):
    open_dashboard(page, server.url)
    first = page.locator("#top-dyads a").first
    expect(first).to_have_text("KAZ – RUS")
    first.click()
    expect(page.locator("#dyad-title")).to_contain_text("Russia")
    expect(page.locator("#events tbody tr.event-row")).to_have_count(3)


def test_negated_events_listed_only_on_request(page, server):
    open_dashboard(page, server.url)
    expect(page.locator("#events-count")).to_have_text("(6)")
    assert "negated" not in page.inner_text("#events tbody")
    page.check("#f-neg")
    expect(page.locator("#events-count")).to_have_text("(7)")
    assert "negated" in page.inner_text("#events tbody")
