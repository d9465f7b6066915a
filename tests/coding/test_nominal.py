"""Participants inside an Indonesian event noun's own phrase (jalin.coding.nominal), on sentences
the team wrote: the agent right after the noun or after "oleh"/"dari", people acted upon as the
patient, a target up to two nouns after its preposition, a preposition never an agent, and the
agent of a passive that follows a noun opening its clause."""

from __future__ import annotations

import pytest

from jalin.models import Article, PartialDate
from jalin.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def triples(pipeline, text):
    res = pipeline.process(Article(doc_id="n", text=text, published=PartialDate(2024, 6, 1), language="id"))
    return {(e.source.key, e.target.key if e.target else None, e.cameo[:2])
            for e in res.events if not e.negated}


@pytest.mark.parametrize("text, want", [
    # "oleh X" is the agent, the people right after the noun its patient
    ("Penangkapan dua nelayan Filipina oleh Penjaga Pantai China memicu protes di Manila.", ("CHN", "PHL", "17")),
    ("Penahanan jurnalis Australia oleh militer Myanmar dikecam banyak pihak.", ("MMR", "AUS", "17")),
    # "dari X" is the agent when the phrase names none before it
    ("Bantuan pangan dari Uni Eropa untuk Sudan tertahan di pelabuhan.", ("EU", "SDN", "07")),
    ("Deportasi ratusan pekerja Indonesia dari Malaysia kembali terjadi bulan ini.", ("MYS", "IDN", "17")),
    # ... and what is left when the phrase already named its agent
    ("Penarikan pasukan Prancis dari Mali rampung bulan lalu.", ("FRA", "MLI", "08")),
    # a target may stand a noun or two after its preposition
    ("Kecaman Turki terhadap kebijakan Swedia meningkat pekan ini.", ("TUR", "SWE", "11")),
    ("Serangan Rusia atas kota-kota Ukraina berlanjut sepanjang malam.", ("RUS", "UKR", "19")),
    # a noun opening its clause takes the agent of the passive after it
    ("Kecaman keras disampaikan Presiden Prancis kepada Iran atas eksekusi itu.", ("FRA", "IRN", "11")),
    ("Imbauan untuk menahan diri disampaikan Sekretaris Jenderal PBB kepada India dan Pakistan.",
     ("UN", "IND", "02")),
])
def test_participants_from_the_noun_phrase(pipeline, text, want):
    got = triples(pipeline, text)
    assert any(t[:2] == want[:2] and t[2] == want[2] for t in got), got


@pytest.mark.parametrize("text, never_source", [
    # an actor after a preposition is never the noun's agent
    ("Serangan ke wilayah Lebanon menewaskan dua belas orang.", "LBN"),
    ("Kunjungan ke Korea Utara itu dibatalkan tanpa penjelasan.", "PRK"),
    # an "oleh" after another preposition belongs to the nested noun
    ("Australia meluncurkan investigasi terhadap dugaan suap oleh perusahaan China.", "CHN"),
])
def test_no_agent_behind_a_preposition(pipeline, text, never_source):
    assert not [t for t in triples(pipeline, text) if t[0] == never_source]
