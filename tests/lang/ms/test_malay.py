"""Malay (jalin.lang.ms): the overlays on Indonesian, sentence by sentence.

Every sentence here was written by the jalin team for this test. Each rule
the Malay pack adds is shown on at least two sentences of different wording.
"""

from __future__ import annotations

import pytest

from jalin.clean import clean_article
from jalin.coding.lexicon import load_lexicon
from jalin.lang import get_pack
from jalin.models import Article, CleanedArticle, PartialDate
from jalin.pipeline import Pipeline
from jalin.resolve.actors import default_resolver
from jalin.resolve.dates import find_dates

THU = PartialDate(2024, 3, 14)  # a Thursday


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def code(pipeline, text, published="2024-03-14", lang="ms"):
    art = Article(doc_id="ms", text=text, published=PartialDate.parse(published), language=lang)
    result = pipeline.process(art)
    assert not hasattr(result, "reason"), f"rejected: {result}"
    return [e for e in result.events if not e.negated and e.modality != "hypothetical"]


def triples(events):
    return {(e.source.key, e.target.key if e.target else None, e.cameo_root) for e in events}


# ---------------------------------------------------------------- the pack and its data

def test_malay_is_coded_with_the_indonesian_lexicon_and_its_overlay():
    ms, id_ = get_pack("ms").lexicon(), get_pack("id").lexicon()
    assert "ms" in __import__("jalin.lang", fromlist=["supported"]).supported()
    assert ms.pack is get_pack("ms") and ms.version != id_.version
    id_patterns = {e.items for e in id_.entries}
    ms_patterns = {e.items for e in ms.entries}
    assert id_patterns < ms_patterns  # everything Indonesian, and more
    assert {"mesyuarat", "gesa", "sokong", "bantah"} <= ms.roots
    assert not {"mesyuarat", "gesa"} & id_.roots  # Malay only ("sokong", "bantah" are Indonesian too)
    # "membantah" protests in Malay, denies (a verb of saying) in Indonesian
    assert "membantah" in id_.words("speech") and "membantah" not in ms.words("speech")
    assert {"kerana", "bahawa"} <= ms.words("clause") and not {"kerana", "bahawa"} & id_.words("clause")
    assert ms.phrases("group2") > id_.phrases("group2")


def test_overlay_needs_only_what_differs():
    # the Malay directory alone is no lexicon: it holds no groups.tsv
    with pytest.raises(Exception):
        load_lexicon("ms", dirs=("lexicon/ms",))


def test_malay_articles_are_cleaned_and_coded_not_rejected():
    text = ("Perdana Menteri berkata kerajaan akan membantu rakyat kerana ekonomi ialah keutamaan. "
            "Beliau berkata demikian selepas mesyuarat kabinet semalam, iaitu sebelum lawatan ke Jepun.")
    r = clean_article(Article(doc_id="m1", text=text))
    assert isinstance(r, CleanedArticle) and (r.language, r.language_source) == ("ms", "detected")


# ---------------------------------------------------------------- actors

@pytest.mark.parametrize("text, code, kind", [
    ("Kerajaan Malaysia", "MYSGOV", "role"),
    ("Amerika Syarikat", "USA", "state"),
    ("Jepun", "JPN", "state"),
    ("Kesatuan Eropah", "EU", "org"),
    ("Pertubuhan Bangsa-Bangsa Bersatu", "UN", "org"),
    ("polis Thailand", "THACOP", "role"),
    ("askar Kemboja", "KHMMIL", "role"),
    ("Istana Negara", "MYSGOV", "metonym"),
    ("Timbalan Perdana Menteri Singapura", "SGPGOV", "role"),
])
def test_malay_names_of_actors(text, code, kind):
    found = default_resolver().find(f"{text} tiba.", "ms", PartialDate(2024, 3))
    assert [(m.text, m.actor.code, m.kind) for m in found] == [(text, code, kind)]


def test_malay_names_are_read_only_in_malay_text():
    r = default_resolver()
    # "kerajaan" is a kingdom in Indonesian, "Istana Negara" Indonesia's palace
    assert [m.actor.code for m in r.find("Kerajaan Malaysia tiba.", "id", None)] == ["MYS"]
    assert [m.actor.code for m in r.find("Istana Negara menyambut tamu.", "id", None)] == ["IDNGOV"]
    assert r.find("Jepun dan Kesatuan Eropah.", "id", None) == []
    assert r.for_language("ms") is r.for_language("ms") and r.for_language("id") is r


def test_yang_di_pertuan_agong_is_malaysias_head_of_state():
    m = default_resolver().find("Yang di-Pertuan Agong berangkat ke Brunei.", "ms", PartialDate(2024, 3))[0]
    assert (m.actor.code, m.actor.name) == ("MYSGOV", "Sultan Ibrahim Iskandar")
    m = default_resolver().find("Agong menerima kunjungan hormat.", "ms", PartialDate(2020, 5))[0]
    assert (m.actor.code, m.actor.name) == ("MYSGOV", "Al-Sultan Abdullah")


@pytest.mark.parametrize("text", [
    "Menteri Luar Negeri Malaysia Datuk Seri Mohamad Hasan tiba di Jakarta.",
    "Menteri Pertahanan Datuk Seri Mohamed Khaled Nordin berlepas ke Canberra.",
])
def test_honorifics_are_not_names(text):
    found = default_resolver().find(text, "ms", PartialDate(2024, 6))
    assert "Datuk Seri" not in [m.text for m in found] and not any(m.text.endswith("Datuk Seri") for m in found)
    assert found[0].actor.country == "MYS"


# ---------------------------------------------------------------- dates

@pytest.mark.parametrize("phrase, date", [
    ("pada Isnin", PartialDate(2024, 3, 11)),
    ("pada hari Khamis", PartialDate(2024, 3, 14)),
    ("Jumaat lepas", PartialDate(2024, 3, 8)),
    ("semalam", PartialDate(2024, 3, 13)),
    ("kelmarin", PartialDate(2024, 3, 12)),
    ("minggu lepas", PartialDate(2024, 3)),
    ("bulan hadapan", PartialDate(2024, 4)),
    ("tahun lepas", PartialDate(2023)),
    ("12 Mac 2024", PartialDate(2024, 3, 12)),
    ("pada 3 Ogos", PartialDate(2023, 8, 3)),
    ("pada bulan Julai", PartialDate(2023, 7)),
    ("Disember lepas", PartialDate(2023, 12)),
    ("1 Jun 2023", PartialDate(2023, 6, 1)),
])
def test_malay_date_words(phrase, date):
    found = find_dates(f"Mereka bertemu {phrase} di ibu negara.", THU, "ms")
    assert [d.date for d in found] == [date], found


def test_malay_date_words_are_not_indonesian():
    assert find_dates("Mereka bertemu pada Isnin.", THU, "id") == []
    assert [d.date for d in find_dates("Mereka bertemu pada Senin.", THU, "ms")] == [PartialDate(2024, 3, 11)]


# ---------------------------------------------------------------- triggers and roles

@pytest.mark.parametrize("text, expected", [
    # the words Malay uses for meetings, urging, support, protest, sanctions
    ("Menteri Luar Negeri Malaysia bermesyuarat dengan rakan sejawatannya dari Brunei semalam.",
     {("MYS", "BRN", "04")}),
    ("Malaysia dan Thailand mengadakan perbincangan mengenai keselamatan sempadan.", {("MYS", "THA", "04")}),
    ("Kerajaan Malaysia menggesa Myanmar supaya menghentikan keganasan.", {("MYS", "MMR", "02")}),
    ("Singapura menyokong cadangan Indonesia untuk menubuhkan dana serantau.", {("SGP", "IDN", "05")}),
    ("Filipina membantah tindakan kapal China di Scarborough.", {("PHL", "CHN", "11")}),
    ("Britain membidas Rusia kerana menahan seorang wartawan.", {("GBR", "RUS", "11")}),
    ("Amerika Syarikat mengenakan sekatan baharu ke atas Iran.", {("USA", "IRN", "16")}),
    ("Iran dikenakan sekatan oleh Kesatuan Eropah.", {("EU", "IRN", "16")}),
    ("Kanada mengumumkan sekatan terhadap Belarus.", {("CAN", "BLR", "16")}),
])
def test_malay_vocabulary(pipeline, text, expected):
    assert triples(code(pipeline, text)) >= expected


@pytest.mark.parametrize("text, expected", [
    ("Indonesia menyatakan sokongan penuh terhadap Palestin.", {("IDN", "PSE", "05")}),
    ("Jepun menzahirkan sokongan kepada Filipina dalam isu itu.", {("JPN", "PHL", "05")}),
    ("Australia menyatakan kebimbangan terhadap ujian peluru berpandu Korea Utara.", {("AUS", "PRK", "01")}),
])
def test_saying_verbs_with_a_noun_of_support_or_concern(pipeline, text, expected):
    assert triples(code(pipeline, text)) >= expected


@pytest.mark.parametrize("text, expected", [
    ("Wisma Putra menyerahkan nota bantahan kepada Kedutaan Besar China.", {("MYS", "CHN", "11")}),
    ("Kementerian Luar Vietnam semalam menyerahkan satu nota bantahan kepada Kedutaan Besar Filipina.",
     {("VNM", "PHL", "11")}),
    ("Jakarta menghantar nota bantahan kepada Kuala Lumpur.", {("IDN", "MYS", "11")}),
])
def test_protest_notes(pipeline, text, expected):
    assert triples(code(pipeline, text)) >= expected


@pytest.mark.parametrize("text", [
    "Tentera India dan Pakistan berbalas tembakan di Kashmir.",
    "Pasukan Armenia dan Azerbaijan bertukar tembakan di sempadan pada malam Ahad.",
])
def test_exchange_of_fire(pipeline, text):
    found = triples(code(pipeline, text))
    assert any(r == "19" for _, _, r in found)
    assert {frozenset((s, t)) for s, t, r in found if r == "19"} <= {
        frozenset(("IND", "PAK")), frozenset(("ARM", "AZE"))}


@pytest.mark.parametrize("text, expected", [
    ("Malaysia dan Singapura menyambung semula rundingan mengenai bekalan air.", {("MYS", "SGP", "04")}),
    ("Korea Selatan dan Jepun memulakan semula perbincangan mengenai perdagangan.", {("KOR", "JPN", "04")}),
])
def test_semula_is_an_auxiliary(pipeline, text, expected):
    assert triples(code(pipeline, text)) >= expected


@pytest.mark.parametrize("text, expected, not_expected", [
    ("Indonesia selaku Pengerusi ASEAN menggesa Myanmar supaya membebaskan tahanan politik.",
     ("IDN", "MMR", "02"), ("ASEAN", "MMR", "02")),
    ("Brunei sebagai tuan rumah Sidang Kemuncak ASEAN menjemput Timor-Leste menghadiri mesyuarat itu.",
     ("BRN", "TLS", "02"), ("ASEAN", "TLS", "02")),
])
def test_selaku_and_sebagai_introduce_a_capacity_not_a_subject(pipeline, text, expected, not_expected):
    found = triples(code(pipeline, text))
    assert expected in found and not_expected not in found


@pytest.mark.parametrize("text, expected, not_expected", [
    ("Ratusan rakyat Malaysia mengadakan tunjuk perasaan di hadapan Kedutaan Besar Israel di Jakarta.",
     ("MYS", "ISR", "14"), None),
    ("Penduduk Thailand berhimpun di hadapan pejabat Kesatuan Eropah bagi membantah dasar Rusia.",
     ("THA", "RUS", "11"), ("EU", "RUS", "11")),
])
def test_in_front_of_is_a_place(pipeline, text, expected, not_expected):
    found = triples(code(pipeline, text))
    assert expected in found and (not_expected is None or not_expected not in found)


# ---------------------------------------------------------------- pronouns after organisations

@pytest.mark.parametrize("text, lang", [
    ("Menteri Luar Negeri Malaysia Mohamad Hasan tiba di New York. Malaysia menyumbang RM5 juta kepada "
     "PBB bagi membantu pelarian Palestin. Beliau turut mengecam Israel.", "ms"),
    ("Menteri Luar Negeri Indonesia Retno Marsudi tiba di Jenewa. Indonesia menyumbang dana kepada PBB "
     "untuk membantu pengungsi Palestina. Ia juga mengecam Israel.", "id"),
])
def test_a_pronoun_stands_for_a_person_not_an_organisation(pipeline, text, lang):
    found = triples(code(pipeline, text, "2024-03-14", lang))
    kecam = {(s, t) for s, t, r in found if r == "11"}
    assert kecam and all(s != "UN" for s, _ in kecam)
