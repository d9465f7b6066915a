"""tools/build_gazetteer.py: the geometry and name rules that derive the shipped place tables."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

TOOL = Path(__file__).resolve().parents[1] / "tools" / "build_gazetteer.py"


@pytest.fixture(scope="module")
def tool():
    spec = importlib.util.spec_from_file_location("build_gazetteer", TOOL)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_centroid_of_a_square(tool):
    area, lon, lat = tool.centroid([(10.0, 0.0), (12.0, 0.0), (12.0, 2.0), (10.0, 2.0)])
    assert area == pytest.approx(4.0) and lon == pytest.approx(11.0) and lat == pytest.approx(1.0)


def test_centroid_of_a_ring_cut_at_the_antimeridian(tool):
    # a box from 170E to 170W, written with longitudes on both sides of 180
    ring = [(170.0, 60.0), (180.0, 60.0), (-180.0, 60.0), (-170.0, 60.0), (-170.0, 70.0),
            (-180.0, 70.0), (180.0, 70.0), (170.0, 70.0)]
    _, lon, lat = tool.centroid(ring)
    assert abs(abs(lon) - 180.0) < 1.0 and lat == pytest.approx(65.0)


@pytest.mark.parametrize("name,alias", [
    ("Xinjiang Uygur Zizhiqu", "Xinjiang"), ("Viloyati Sughd", "Sughd"), ("Almaty Oblysy", "Almaty"),
    ("Muhafazat Kirkuk", "Kirkuk"), ("Batken", "Batken"),
])
def test_region_aliases_drop_the_type_word(tool, name, alias):
    assert tool._REGION_AFFIXES.sub("", name).strip() == alias


def test_topojson_arcs_are_decoded_and_reversed(tool):
    topo = {"transform": {"scale": [1.0, 1.0], "translate": [0.0, 0.0]},
            "arcs": [[[0, 0], [2, 0], [0, 2]], [[2, 2], [-2, 0], [0, -2]]]}
    arcs = tool.decode_arcs(topo)
    assert arcs[0] == [(0.0, 0.0), (2.0, 0.0), (2.0, 2.0)]
    assert tool.ring(arcs, [0, 1])[-1] == (0.0, 0.0)
    assert tool.ring(arcs, [~1])[0] == (0.0, 0.0)
