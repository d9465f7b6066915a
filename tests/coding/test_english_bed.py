"""Evaluation gate: the team's English sentence bed (``en_bed/sentences.tsv``).

Each of the bed's news-style sentences (written by the team, see the file's
header) is coded alone through the real pipeline; recall and precision are
counted on (source key, target key, CAMEO root) as ``english_bed.py``
explains. The bed has a tuning part and a held-back part (every third
sentence) whose misses are not read while tuning; both are gated.

``FLOORS`` are what the coder reached when last measured, less a small
margin (measured figures in the comment); a drop below them fails the suite.
The target of issue 10 is 0.85 for both recall and precision.
"""

from __future__ import annotations

from collections import Counter

import pytest
from english_bed import BED, load_bed, code_bed, score_bed

from jalin.coding.ontology import default_ontology
from jalin.datafiles import read_tsv

# measured 2026-12 (branch en-syntax, issue 10's syntax): tune 0.911 / 0.969, held 0.882 / 0.925
# (before it, lexicon branch en-lexicon: tune 0.846 / 0.883, held 0.847 / 0.906)
FLOORS = {
    "tune": {"recall": 0.89, "precision": 0.95},
    "held": {"recall": 0.86, "precision": 0.90},
}
ISSUE_TARGET = 0.85  # issue 10: recall and precision on both parts


@pytest.fixture(scope="module")
def bed():
    return load_bed()


@pytest.fixture(scope="module")
def coded(bed):
    return code_bed(bed)


def test_bed_is_large_and_covers_every_root(bed):
    assert len(bed) >= 300
    assert len({s.id for s in bed}) == len(bed)
    held = [s for s in bed if s.part == "held"]
    assert len(held) * 3 >= len(bed) - 3  # a third held back
    roots = {r for s in bed for it in s.items if not it.optional for r in it.roots}
    assert roots >= {f"{r:02d}" for r in range(1, 21)}
    per_root = Counter(c[:2] for s in bed for it in s.items if not it.optional for c in it.codes if len(c) > 2)
    assert min(per_root.values()) >= 2  # several codes per root
    no_event = [s for s in bed if not any(not it.optional for it in s.items)]
    assert len(no_event) >= 30  # negations, hypotheticals and sentences that report nothing


def test_bed_codes_and_actors_are_known(bed):
    onto = default_ontology()
    keys = {r["iso3"] for r in read_tsv("actors/countries.tsv", required=("iso3",))}
    keys |= {r["code"] for r in read_tsv("actors/orgs.tsv", required=("code",))}
    keys |= {r["group_id"] for r in read_tsv("actors/nonstate.tsv", required=("group_id",))}
    keys |= {"WST", "*", None}
    for s in bed:
        for it in s.items:
            assert all(onto.is_valid(c) for c in it.codes), (s.id, it)
            assert set(it.sources) <= keys and set(it.targets) <= keys, (s.id, it)


def test_bed_file_states_where_it_comes_from():
    head = BED.read_text(encoding="utf-8").split("\nid\t", 1)[0]
    assert "Written by the jalin team" in head and "held" in head


@pytest.mark.parametrize("part", sorted(FLOORS))
@pytest.mark.parametrize("metric", ["recall", "precision"])
def test_bed_does_not_fall_below_floor(bed, coded, part, metric):
    sc = score_bed(bed, coded, part)
    assert getattr(sc, metric) >= FLOORS[part][metric], (part, metric, sc)


@pytest.mark.parametrize("part", sorted(FLOORS))
@pytest.mark.parametrize("metric", ["recall", "precision"])
def test_bed_meets_the_issue_target(bed, coded, part, metric):
    assert getattr(score_bed(bed, coded, part), metric) >= ISSUE_TARGET, (part, metric)


def test_sentences_without_events_stay_mostly_empty(bed, coded):
    """Negations, hypotheticals and sentences that report nothing: few false events."""
    empty = [s for s in bed if not s.items]
    noisy = [s.id for s in empty if coded[s.id]]
    assert len(noisy) <= len(empty) // 5, noisy
