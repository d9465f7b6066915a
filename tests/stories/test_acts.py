"""When two coded events can be one act: codes, actor order, dates, persons."""

from __future__ import annotations

import pytest

from jalin.errors import DataFileError
from jalin.models import PartialDate
from jalin.stories.acts import (
    Acts, dates_compatible, default_acts, is_generic, persons_agree, precision_rank,
)


@pytest.mark.parametrize("a,b,expected", [
    ("042", "042", True),
    ("031", "0311", True),          # a code and its refinement
    ("040", "046", True),           # the root's generic code fits every code of the root
    ("190", "195", True),
    ("042", "043", True),           # visitor and host: one encounter (acts.tsv)
    ("042", "044", True),
    ("193", "194", True),           # one use of force, told by its weapons
    ("041", "042", False),          # a phone call is no visit
    ("0311", "0312", False),        # economic and military cooperation intents differ
    ("061", "062", False),
    ("042", "057", False),          # other roots never
    ("190", "180", False),
])
def test_code_compatibility(a, b, expected):
    acts = default_acts()
    assert acts.compatible(a, b) is expected
    assert acts.compatible(b, a) is expected


def test_order_inside_an_article_and_across():
    acts = default_acts()
    # "A and B met": the order is free inside an article
    assert acts.same_pair(("KAZ", "UZB", "040"), ("UZB", "KAZ", "040"), across=False)
    # a visit and its hosting are two events inside an article (CAMEO codes both) ...
    assert not acts.same_pair(("UZB", "KAZ", "042"), ("KAZ", "UZB", "043"), across=False)
    # ... and one story across articles
    assert acts.same_pair(("UZB", "KAZ", "042"), ("KAZ", "UZB", "043"), across=True)
    # an attack and the retaliation are not one act
    assert not acts.same_pair(("IRN", "ISR", "195"), ("ISR", "IRN", "195"), across=True)


def _d(text: str) -> PartialDate:
    return PartialDate.parse(text)


@pytest.mark.parametrize("a,b,loose,expected", [
    ("2024-03-11", "2024-03-11", False, True),
    ("2024-03-11", "2024-03-12", False, False),  # two days read in their sentences
    ("2024-03-11", "2024-03-12", True, True),    # one of them the lead's or the context's
    ("2024-03-11", "2024-03-13", True, False),
    ("2024-03-11", "2024-03", False, True),      # a day inside its month
    ("2024-02-29", "2024-03", False, False),
    ("2024-03", "2024", False, True),
    ("2024-03-11", "2024", False, False),        # a day and a year: too far apart to tell
    ("2022-09", "2024-03-11", False, False),     # a background visit of 2022
])
def test_dates_at_their_precision(a, b, loose, expected):
    assert dates_compatible(_d(a), _d(b), loose) is expected
    assert dates_compatible(_d(b), _d(a), loose) is expected


def test_precision_rank_and_generic_codes():
    assert [precision_rank(d) for d in (_d("2024-03-11"), _d("2024-03"), _d("2024"), None)] == [0, 1, 2, 3]
    assert is_generic("040") and is_generic("04") and not is_generic("042") and not is_generic("0410")


@pytest.mark.parametrize("pairs,expected", [
    ([("", ""), ("", "")], True),
    ([("Sergey Lavrov", "Vladimir Putin"), ("", "")], False),   # two visitors: two visits
    ([("Sergey Lavrov", "Sergey Lavrov"), ("", "Kassym-Jomart Tokayev")], True),
    # one visitor, received by the prime minister at the airport and by the president
    ([("Olzhas Bektenov", "Kassym-Jomart Tokayev"), ("Shavkat Mirziyoyev", "Shavkat Mirziyoyev")], True),
])
def test_persons(pairs, expected):
    assert persons_agree(pairs) is expected


def test_act_table_is_validated(tmp_path, monkeypatch):
    from jalin import datafiles
    from jalin.stories import acts as acts_mod

    bad = "# broken\ncode\tgroup\tsymmetric\tstory\n042\tencounter\tmaybe\tunordered\n"
    monkeypatch.setattr(acts_mod, "read_tsv",
                        lambda rel, required=(): datafiles.parse_tsv("acts.tsv", bad, required))
    with pytest.raises(DataFileError, match="symmetric"):
        Acts.load()


def test_a_visit_spans_days():
    acts = default_acts()
    assert acts.span("042") == 2 and acts.span("041") == 0 and acts.span("040", "043") == 2
    assert dates_compatible(_d("2024-05-13"), _d("2024-05-15"), span=2)
    assert not dates_compatible(_d("2024-05-13"), _d("2024-05-16"), span=2)
