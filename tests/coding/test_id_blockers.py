"""Indonesian phrases that hold a trigger word but report no political event (the lexicon's
``blockers.tsv``): sport, markets, fishing, health. Sentences written by the team, in other
wordings than the coverage table's."""

from __future__ import annotations

import pytest

from jalin.lang import get_pack
from jalin.models import Article, PartialDate
from jalin.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def events(pipeline, text):
    res = pipeline.process(Article(doc_id="b", text=text, published=PartialDate(2024, 6, 1), language="id"))
    return [(e.source.key, e.target.key if e.target else None, e.cameo) for e in res.events if not e.negated]


@pytest.mark.parametrize("text", [
    "Tim nasional Jepang ditahan imbang Iran 1-1 di Doha.",
    "Korea Selatan mencetak gol lewat serangan balik cepat ke gawang Australia.",
    "Penyerang Vietnam menendang bola ke arah gawang Thailand dari luar kotak penalti.",
    "Bursa saham Singapura menolak melemah setelah rilis data ekspor China.",
    "Nelayan Filipina menangkap ikan di perairan dekat Malaysia tanpa izin.",
    "Pemain muda asal Argentina itu meneken kontrak tiga tahun dengan klub Spanyol.",
    "Timnas Indonesia kini menduduki peringkat kedua di bawah Jepang.",
    "Presiden Brasil sempat mengalami serangan jantung saat berkunjung ke Portugal tahun lalu.",
])
def test_sport_market_and_everyday_uses_give_no_event(pipeline, text):
    assert not [e for e in events(pipeline, text) if e[2][:2] not in ("04",)], events(pipeline, text)


@pytest.mark.parametrize("text, want", [
    # the same words in their political sense still code
    ("Pasukan Rusia melancarkan serangan balasan terhadap Ukraina.", ("RUS", "UKR", "19")),
    ("Angkatan Laut Indonesia menangkap kapal nelayan Vietnam di Natuna.", ("IDN", "VNM", "17")),
    ("Israel menduduki wilayah Dataran Tinggi Golan milik Suriah.", ("ISR", "SYR", "19")),
])
def test_political_senses_of_the_same_words_still_code(pipeline, text, want):
    assert any((s, t, c[:2]) == want for s, t, c in events(pipeline, text)), events(pipeline, text)


def test_blockers_are_loaded_for_indonesian_and_malay():
    for code in ("id", "ms"):
        assert ("menahan", "imbang") in get_pack(code).lexicon().blockers
    assert ("press", "release") in get_pack("en").lexicon().blockers
