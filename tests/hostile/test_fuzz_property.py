"""Property tests of the whole pipeline (bounded: a few seconds; the long run
of 100,000 inputs is ``benchmarks/fuzz.py``).

Whatever one JSONL line holds, reading and coding it never raises, ends in
stored-shape outcomes (an article with offsets inside its text, or a
rejection with a reason) and never in an internal error; dates at the edges
of the accepted range never overflow; impossible ones are rejected before
the coder sees them (they overflowed in 7 places of the resolvers).
"""

from __future__ import annotations

import random

import pytest
from fuzz import FRAGMENTS, Checker, random_line
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jalin.models import Article, PartialDate, Rejection
from jalin.runners.local import process_safely

SETTINGS = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def checker():
    return Checker(timeout=20)


texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=40).map(
    " ".join)
published = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()[: random.Random(d.day)
                                                                          .choice((4, 7, 10))]))


@SETTINGS
@given(text=texts, when=published, lang=st.sampled_from([None, "id", "en", "xx"]))
def test_any_article_line_is_coded_or_rejected_with_a_reason(checker, text, when, lang):
    import json

    obj = {"id": "p", "text": text}
    if when is not None:
        obj["published"] = when
    if lang is not None:
        obj["language"] = lang
    assert checker.check_line(json.dumps(obj).encode()) == []


@SETTINGS
@given(raw=st.binary(max_size=300))
def test_any_bytes_on_a_line_are_read_without_an_exception(checker, raw):
    outcomes = checker.outcomes(raw.replace(b"\n", b" "))
    assert all(isinstance(o, Rejection) and o.reason != "internal_error" or
               not isinstance(o, Rejection) for o in outcomes)


def test_random_lines_of_the_long_fuzz_pass(checker):
    rnd = random.Random(2024)
    problems = [p for i in range(150) for p in checker.check_line(random_line(rnd, i))]
    assert problems == []


@pytest.mark.parametrize("when", [PartialDate(1), PartialDate(1, 1, 1), PartialDate(9999),
                                  PartialDate(9999, 12, 31), PartialDate(1799, 12, 31)])
def test_an_impossible_anchor_is_a_bad_date_not_an_overflow(checker, when):
    text = ("Presiden Kazakhstan bertemu Presiden Uzbekistan kemarin, setahun kemudian "
            "mengunjungi Tiongkok pada tahun depan. The president of Russia met China next year.")
    for lang in ("id", "en"):
        out = process_safely(checker.pipeline, Article("d", text, published=when, language=lang))
        assert isinstance(out, Rejection) and out.reason == "bad_date", out


def test_articles_coded_after_an_interrupted_one_are_coded_as_before(checker):
    """The in-process watchdog interrupts the coder mid-article; what it leaves
    behind must not change how the next articles are coded."""
    from good_articles import ARTICLES

    def code_all():
        out = []
        for doc_id, lang, when, title, text in ARTICLES:
            res = process_safely(checker.pipeline, Article(doc_id, f"{title}\n{text}", title=title,
                                 published=PartialDate.parse(when), language=lang), 20)
            out.append(sorted((e.event_id, e.cameo, e.source.code, e.date and e.date.iso())
                              for e in res.events))
        return out

    before = code_all()
    runaway = Article("panjang", "Presiden Indonesia bertemu Presiden Kazakhstan di Jakarta " * 15_000,
                      published=PartialDate(2024, 5, 14), language="id")
    for _ in range(3):
        out = process_safely(checker.pipeline, runaway, 0.5)
        assert isinstance(out, Rejection) and out.reason == "timeout"
    assert code_all() == before
