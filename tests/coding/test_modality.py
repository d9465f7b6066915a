"""Announced acts become CAMEO's announcement codes (03x for cooperation, 13x for threats)."""

from __future__ import annotations

import pytest

from jalin.coding.modality import intent_code
from jalin.coding.ontology import default_ontology


@pytest.mark.parametrize("act, announced", [
    ("071", "0331"), ("042", "036"), ("057", "030"),
    # threats of non-force acts keep what is threatened (CAMEO 131x)
    ("161", "1313"), ("162", "1311"), ("163", "1312"), ("160", "131"), ("164", "134"),
    ("190", "1384"), ("181", "1383"),
])
def test_an_announced_act_takes_its_announcement_code(act, announced):
    assert intent_code(act, default_ontology().is_valid) == announced


def test_every_announcement_code_is_in_the_ontology():
    onto = default_ontology()
    for code in ("040", "071", "160", "161", "162", "163", "164", "165", "190", "195"):
        assert onto.is_valid(intent_code(code, onto.is_valid))
