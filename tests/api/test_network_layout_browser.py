"""The network view with 60 actors in a real browser: nothing overlaps, zoom and pan work.

Skips like test_dashboard_browser.py when chromium or Playwright is missing.
"""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest

from api_fixtures import ServerThread, Spec, _article, build_store
from test_dashboard_browser import browser  # noqa: F401  (the shared chromium fixture)

from jalin.datafiles import read_tsv
from jalin.models import Actor, PartialDate

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def sixty_actor_results():
    codes = [r["iso3"] for r in read_tsv("actors/countries.tsv")][:60]
    pairs = [(i, (i + 1) % 60) for i in range(60)] + [(i, (i + 7) % 60) for i in range(0, 60, 2)]
    lines, specs = [], []
    for n, (i, j) in enumerate(pairs):
        trigger = f"pertemuan nomor {n:03d}"
        lines.append((f"Delegasi {codes[i]} dan {codes[j]} mengadakan {trigger}.", None))
        specs.append(Spec(Actor(codes[i], country=codes[i]), Actor(codes[j], country=codes[j]), "040", trigger,
                          PartialDate(2024, 1, 1 + n % 28)))
    return [_article("jaringan/001", "Enam puluh negara", PartialDate(2024, 2, 1), lines, specs, [])]


@pytest.fixture(scope="module")
def net_url(tmp_path_factory):
    db = build_store(tmp_path_factory.mktemp("net60") / "net.duckdb", sixty_actor_results())
    with ServerThread(db) as srv:
        yield srv.url


def _overlap(a, b, slack=0.5):
    return not (a["x"] + a["width"] <= b["x"] + slack or b["x"] + b["width"] <= a["x"] + slack
                or a["y"] + a["height"] <= b["y"] + slack or b["y"] + b["height"] <= a["y"] + slack)


def test_sixty_actors_do_not_overlap_and_zoom(browser, net_url, tmp_path):  # noqa: F811
    pg = browser.new_page(viewport={"width": 1300, "height": 950})
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.goto(net_url + "/")
    pg.wait_for_selector("body[data-ready='1']")
    nodes = pg.locator("#network .node")
    assert nodes.count() == 60
    circles = [c.bounding_box() for c in pg.locator("#network .node circle").all()]
    for a, b in itertools.combinations(circles, 2):
        ra, rb = a["width"] / 2, b["width"] / 2
        d = ((a["x"] + ra - b["x"] - rb) ** 2 + (a["y"] + ra - b["y"] - rb) ** 2) ** 0.5
        assert d >= ra + rb - 0.5, (a, b)
    labels = [t.bounding_box() for t in pg.locator("#network .node text").all()]
    assert not [p for p in itertools.combinations(labels, 2) if _overlap(*p)]
    path = tmp_path / "network-60.png"
    pg.locator("#network-panel").screenshot(path=str(path))
    SHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(path, SHOTS / "network-60.png")

    full = pg.get_attribute("#network", "viewBox")
    pg.locator("#network").scroll_into_view_if_needed()
    box = pg.locator("#network").bounding_box()
    pg.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    pg.mouse.wheel(0, -400)
    pg.wait_for_timeout(200)
    zoomed = pg.get_attribute("#network", "viewBox")
    assert float(zoomed.split()[2]) < float(full.split()[2])
    pg.mouse.dblclick(box["x"] + 3, box["y"] + 3)
    assert pg.get_attribute("#network", "viewBox") == full
    # a node still opens its events after zooming
    pg.locator("#network .node").first.click()
    pg.wait_for_selector("#active-filters:has-text('actor')")
    assert errors == []
    pg.close()
