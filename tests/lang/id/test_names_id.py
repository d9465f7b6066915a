"""People the actor tables do not know, named once after their title and then by name alone
(jalin.lang.names). Articles written by the team."""

from __future__ import annotations

import pytest

from jalin.lang import names
from jalin.models import Actor, Article, Mention, PartialDate, Sentence
from jalin.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def events(pipeline, text, published="2024-03-14"):
    res = pipeline.process(Article(doc_id="n", text=text, published=PartialDate.parse(published),
                                   language="id"))
    assert not hasattr(res, "reason"), res
    return res, {(e.sentence_index, e.source.key, e.target.key if e.target else None, e.cameo_root)
                 for e in res.events if not e.negated}


@pytest.mark.parametrize("text, want", [
    # the surname alone, later, opens a sentence
    ("Juru bicara Kementerian Luar Negeri Tiongkok, Mao Ning, memberikan keterangan pers.\n"
     "Mao juga mengecam Jepang atas rencana pembuangan air limbah itu.",
     (1, "CHN", "JPN", "11")),
    # the name after "ujar" is the speaker of the quote: "kami" is his side
    ("Wali Kota Surabaya Eri Cahyadi menyambut delegasi dagang dari Uzbekistan demi ekspor Indonesia.\n"
     "\"Kami menawarkan kerja sama di bidang tekstil kepada Uzbekistan,\" ujar Eri.",
     (1, "IDN", "UZB", "03")),
    # a businessman introduced after a comma; a place word of the title is not his name
    ("Ketua Kadin Jawa Timur Adik Dwi Putranto bertemu pengusaha Kazakhstan pekan lalu.\n"
     "Adik Dwi kemudian mengundang Kazakhstan berinvestasi di Jawa Timur.",
     (1, "IDN", "KAZ", "02")),
])
def test_later_use_of_the_name_is_the_title_side(pipeline, text, want):
    _, found = events(pipeline, text)
    assert want in found, found


def test_name_after_a_place_preposition_is_the_place(pipeline):
    # "Gubernur Bali Wayan Koster" teaches "Koster", never "Bali": a trip "ke Bali" is no actor
    res, _ = events(pipeline, "Gubernur Bali Wayan Koster menerima Duta Besar Jepang.\n"
                              "Rombongan itu lalu terbang ke Koster untuk meninjau proyek.")
    later = [m for m in res.mentions if m.sentence_index == 1 and m.kind == "person"]
    assert later == []


def sentence(text, index=0):
    return Sentence(doc_id="s", index=index, start=100, end=100 + len(text), text=text)


ROLE = Actor(code="KGZGOV", country="KGZ", role="GOV")


def role_at(s, word):
    at = s.text.index(word)
    return Mention(s.doc_id, s.index, s.start + at, s.start + at + len(word), word, ROLE, "role")


@pytest.mark.parametrize("text, title, want", [
    ("Menteri Energi Kirgistan Taalaibek Ibraev, tiba di Bishkek.", "Menteri Energi Kirgistan",
     {"Taalaibek", "Ibraev"}),
    # a weekday after the title is a date, and the name stops at the comma
    ("Kata Gubernur, Senin (4/3), kepada wartawan.", "Gubernur", set()),
    # a lower-case word ends the name
    ("Bupati Nurdin menolak tawaran itu.", "Bupati", {"Nurdin"}),
    # a headline in title case teaches nothing
    ("Bupati Luwu Temui Pengusaha Asal Mesir Bahas Kopi", "Bupati", set()),
])
def test_role_names_reads_the_name_after_the_title(text, title, want):
    s = sentence(text)
    got = names.role_names(s, [role_at(s, title)], frozenset({"senin", "utara"}))
    assert set(got) == want
    for m in got.values():
        assert m.actor.country == "KGZ" and m.kind == "person" and m.actor.name


def test_a_name_learnt_after_its_title_is_found_later():
    from jalin.lang import get_pack
    pack = get_pack("id")
    first = sentence("Menteri Energi Kirgistan Taalaibek Ibraev tiba di Bishkek.")
    memory: dict = {}
    pack.later_mentions(first, [role_at(first, "Menteri Energi Kirgistan")], memory)
    later = sentence("Menurut Ibraev, pasokan listrik ke Taalaibek aman.", index=1)
    got = pack.later_mentions(later, [], memory)
    assert [m.text for m in got] == ["Ibraev"]  # "ke Taalaibek" is a place
    assert got[0].actor.name == "Taalaibek Ibraev" and got[0].actor.country == "KGZ"
