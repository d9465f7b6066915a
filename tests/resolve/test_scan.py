"""One scan per sentence: actor mentions and dates found from it are those of
the plain paths (the alias trie walked token by token, every date pattern run)."""

from __future__ import annotations

import pytest

from jalin.models import PartialDate
from jalin.resolve.actors import default_resolver
from jalin.resolve.dates import find_dates
from jalin.resolve.scan import TABLES, phrase_tokens, scanner_for

# written for these tests: accents, hyphens, brackets, line breaks, upper case, dates of every kind
TEXTS = {
    "id": [
        "Presiden Rusia Vladimir Putin bertemu Presiden Turki Recep Tayyip Erdoğan di Ankara kemarin.",
        "Menteri Luar Negeri (Menlu) Kazakhstan berkunjung ke Tashkent pada Selasa (14/3) malam.",
        "Pasukan-pasukan AS dan NATO mundur dari Kabul pada akhir Agustus 2021, dua hari kemudian.",
        "KBRI Kairo menyebut WNI aman.\nDuta Besar Kazakhstan untuk Rusia tiba pada 27-28 November.",
        "Negara-negara Asia Tengah menandatangani perjanjian pada 30 November - 2 Desember 2022.",
        "Pekan lalu, Kemlu RI memanggil dubes Tiongkok; pada hari yang sama Beijing membalas.",
        "Sejak 2009 hingga 2012, Uzbekistan menolak bergabung dengan CSTO, kata mantan Presiden Kyrgyz.",
        "jangan marah, desa itu tenang: tidak ada tanggal di sini",
        "MEI 2020: KAZAKHSTAN DAN RUSIA SEPAKAT; 01/27/2022 dan 2022-01-27 serta 12Januari.",
    ],
    "en": [
        "Russian President Vladimir Putin met Kazakh President Kassym-Jomart Tokayev in Moscow on Tuesday.",
        "ASTANA, Jan 7 (Reuters) - Kyrgyzstan's foreign ministry said on Jan. 27, 2022 that talks failed.",
        "Two weeks ago the U.S. State Department imposed sanctions; last month Turkey's army withdrew.",
        "The European Union and Uzbekistan signed a deal earlier this month, officials said in mid-October.",
        "On 01/27/2022 and 2022-01-27 nothing happened in march or may; the day before it rained.",
    ],
    "ms": [
        "Kerajaan Malaysia menggesa Jepun supaya berunding pada Isnin, kata Istana Negara semalam.",
    ],
}


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_actor_mentions_from_the_scan(lang):
    r = default_resolver()
    scanner = scanner_for(r, lang)
    for text in TEXTS[lang]:
        for when in (None, PartialDate(2022, 1, 27)):
            want = r.find(text, lang, when, offset=5)
            got = r.find(text, lang, when, offset=5, scan=scanner.scan(text))
            assert got == want, text
    assert any(r.find(t, lang, None) for t in TEXTS[lang])


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_dates_from_the_scan(lang):
    scanner = scanner_for(default_resolver(), lang)
    found = 0
    for text in TEXTS[lang]:
        words = scanner.scan(text).hits.present("date")
        for anchor in (None, PartialDate(2022, 1, 27), PartialDate(2024)):
            want = find_dates(text, anchor, lang, offset=3)
            assert find_dates(text, anchor, lang, offset=3, words=words) == want, text
            found += len(want)
    assert found > 0


def test_date_words_skip_patterns():
    """A sentence without date words runs no word pattern (and finds nothing)."""
    scanner = scanner_for(default_resolver(), "id")
    text = "jangan marah, desa itu tenang"
    words = scanner.scan(text).hits.present("date")
    assert "rel" not in words and "unit" not in words
    assert find_dates(text, None, "id", words=words) == []


def test_scanner_is_built_once_per_resolver_and_language():
    r = default_resolver()
    assert scanner_for(r, "id") is scanner_for(r, "id")
    assert scanner_for(r, "id") is not scanner_for(r, "en")  # other date words
    ms = scanner_for(r, "ms")  # Malay reads the Malay names too: its own resolver's scanner
    assert ms is r.for_language("ms").scanners["ms"]
    assert ms.scan("Jepun").hits.of("actor")
    assert [t.name for t in TABLES][:2] == ["actor", "date"]


def test_phrase_tokens_normalise_like_the_scan():
    scanner = scanner_for(default_resolver(), "id")
    assert phrase_tokens("Erdoğan-Putin") == ("erdogan", "-", "putin")
    assert scanner.scan("ERDOĞAN-Putin").norms == ["erdogan", "-", "putin"]
    assert scanner.scan("Erdogan-Putin").norms == ["erdogan", "-", "putin"]  # the ASCII path
