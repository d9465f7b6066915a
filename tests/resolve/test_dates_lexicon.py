"""The date data files load, cover every month and weekday, and fail with file:line."""

from __future__ import annotations

import pytest

from jalin import datafiles
from jalin.errors import DataFileError
from jalin.resolve import dates_lexicon
from jalin.resolve.dates_lexicon import lexicon


@pytest.mark.parametrize("lang", ["id", "en", "*"])
def test_every_month_and_weekday_is_named(lang):
    lex = lexicon(lang)
    assert {m.month for m in lex.months.values() if not m.abbr} == set(range(1, 13))
    assert set(lex.weekdays.values()) == set(range(7))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_relative_phrases_have_valid_units(lang):
    lex = lexicon(lang)
    assert lex.relative, "no relative phrases"
    for phrase, rp in lex.relative.items():
        assert rp.unit in {"day", "week", "month", "year", "none"}, phrase
        assert rp.kind in {"relative", "vague", "anaphoric"}, phrase


def test_year_relative_words_are_relative_phrases():
    for lang in ("id", "en"):
        lex = lexicon(lang)
        for phrase in lex.roles["year_rel"]:
            assert lex.relative[phrase].unit == "year", phrase


def test_unknown_language_falls_back_to_all():
    assert lexicon("xx") is lexicon("*")
    assert lexicon("id").lang == "id"


@pytest.mark.parametrize(
    "file,content,line",
    [
        ("dates/months.tsv", "lang\tname\tmonth\tform\tbare\nid\tJanuari\t13\tfull\tyes\n", 2),
        ("dates/months.tsv", "lang\tname\tmonth\tform\tbare\nid\tJanuari\t1\tfull\tyes\nid\tJanuari\t2\tfull\tyes\n", 3),
        ("dates/weekdays.tsv", "# c\nlang\tname\tweekday\tform\nid\tSenin\t7\tfull\n", 3),
        ("dates/relative.tsv", "lang\tphrase\tunit\tshift\tkind\nid\tkemarin\tfortnight\t-1\trelative\n", 2),
        ("dates/relative.tsv", "lang\tphrase\tunit\tshift\tkind\nid\tkemarin\tday\tminus one\trelative\n", 2),
        ("dates/words.tsv", "lang\tword\trole\nid\tpada\tpreposition\n", 2),
        ("dates/units.tsv", "lang\tword\tunit\nid\thari\tdays\n", 2),
        ("dates/numbers.tsv", "lang\tword\tvalue\nid\tdua\tII\n", 2),
    ],
)
def test_bad_rows_name_file_and_line(monkeypatch, file, content, line):
    real = datafiles.read_text
    monkeypatch.setattr(datafiles, "read_text", lambda rel: content if rel == file else real(rel))
    with pytest.raises(DataFileError) as err:
        dates_lexicon.lexicon.__wrapped__("id")
    assert f"jalin/data/{file}:{line}" in str(err.value)
