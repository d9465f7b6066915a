"""Blocs named as a list of states ("negara-negara Teluk", "the Nordic
countries") give one actor per member; a bloc named as a body ("Liga Arab",
"Uni Eropa") stays one organisation and "the West" stays the group WST.

The bloc lists live in ``data/lexicon/<lang>/groups.tsv`` and are applied by
the coder, so these tests go through the real pipeline. Every sentence was
written for these tests by the jalin team.
"""

from __future__ import annotations

import pytest

from jalin.coding.lexicon import load_lexicon
from jalin.datafiles import read_tsv
from jalin.models import Article, PartialDate
from jalin.pipeline import Pipeline

GCC = {"SAU", "ARE", "QAT", "KWT", "BHR", "OMN"}
NORDIC = {"DNK", "FIN", "ISL", "NOR", "SWE"}
G7 = {"USA", "GBR", "FRA", "DEU", "ITA", "JPN", "CAN"}
ASEAN = {"BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "VNM"}


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def mentions(pipeline, text: str, lang: str = "id") -> list[tuple[str, str]]:
    art = Article(doc_id="b", text=text, title=None, published=PartialDate.parse("2024-05-02"),
                  language=lang)
    result = pipeline.process(art)
    assert not hasattr(result, "reason"), f"rejected: {result}"
    return [(m.text, m.actor.code) for m in result.mentions]


def members(found: list[tuple[str, str]], phrase: str) -> set[str]:
    return {code for text, code in found if text == phrase}


@pytest.mark.parametrize("text,lang,phrase,expected", [
    ("Negara-negara Teluk mengecam serangan itu pada Selasa.", "id", "Negara-negara Teluk", GCC),
    ("Menteri luar negeri enam negara Teluk bertemu di Riyadh.", "id", "enam negara Teluk", GCC),
    ("The Gulf states condemned the strike on Tuesday.", "en", "The Gulf states", GCC),
    ("Negara-negara Nordik menambah bantuan untuk Ukraina.", "id", "Negara-negara Nordik", NORDIC),
    ("The Nordic countries pledged more aid to Ukraine.", "en", "The Nordic countries", NORDIC),
    ("Negara-negara G7 sepakat membatasi harga minyak Rusia.", "id", "Negara-negara G7", G7),
    ("G7 nations agreed to cap the price of Russian oil.", "en", "G7 nations", G7),
    ("Seluruh negara ASEAN hadir dalam pertemuan di Jakarta.", "id", "Seluruh negara ASEAN", ASEAN),
    ("ASEAN member states met in Vientiane.", "en", "ASEAN member states", ASEAN),
])
def test_a_bloc_named_as_states_gives_one_actor_per_member(pipeline, text, lang, phrase, expected):
    assert members(mentions(pipeline, text, lang), phrase) == expected


def test_arab_states_are_the_arab_league_members(pipeline):
    got = members(mentions(pipeline, "Negara-negara Arab menolak rencana itu."), "Negara-negara Arab")
    assert len(got) == 22 and {"EGY", "SAU", "PSE", "MAR"} <= got


@pytest.mark.parametrize("text,lang,expected", [
    ("Liga Arab menggelar sidang darurat di Kairo.", "id", [("Liga Arab", "ARL"), ("Kairo", "EGYGOV")]),
    ("Uni Eropa menjatuhkan sanksi baru.", "id", [("Uni Eropa", "EU")]),
    ("ASEAN menyerukan penghentian kekerasan.", "id", [("ASEAN", "ASEAN")]),
    ("Negara-negara Barat mengecam keputusan itu.", "id", [("Negara-negara Barat", "WST")]),
    ("The West imposed new sanctions.", "en", [("The West", "WST")]),
])
def test_a_bloc_named_as_a_body_stays_one_actor(pipeline, text, lang, expected):
    assert mentions(pipeline, text, lang) == expected


def test_bloc_phrases_are_free_of_shorter_actor_names():
    # an org or state inside a bloc phrase ("negara-negara G7") must not take it first
    from jalin.resolve.actors import default_resolver
    r = default_resolver()
    for lang in ("id", "en"):
        taken = [p for p in load_lexicon(lang).groups if r.find(p, lang, None)]
        assert taken == [], lang


def test_bloc_phrases_name_known_states_only():
    states = {row["iso3"] for row in read_tsv("actors/countries.tsv")}
    for lang in ("id", "en"):
        for phrase, codes in load_lexicon(lang).groups.items():
            assert set(codes) <= states, (lang, phrase)
            assert len(set(codes)) == len(codes), (lang, phrase)


def test_a_bloc_acts_as_each_of_its_members(pipeline):
    art = Article(doc_id="b", text="Negara-negara Nordik mengecam serangan Rusia terhadap Ukraina.",
                  title=None, published=PartialDate.parse("2024-05-02"), language="id")
    events = pipeline.process(art).events
    assert {e.source.key for e in events if e.target and e.target.key == "RUS"} == NORDIC
