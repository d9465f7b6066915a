"""Event locations through the real pipeline, on short articles written by the team."""

from __future__ import annotations

import pytest

from jalin.models import Article, PartialDate
from jalin.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipe():
    return Pipeline()


class _ByTrigger(dict):
    """Locations keyed by (sentence index, trigger); a key's trigger may be the first words of
    the coded trigger's words ("kunjungan" finds "melakukan kunjungan"), so the lexicon may grow."""

    def __missing__(self, key):
        idx, word = key
        hits = [v for (i, t), v in self.items() if i == idx and word.split()[0] in t.split()]
        if len(hits) != 1:
            raise KeyError(key)
        return hits[0]


def located(pipe, doc_id, text, published, lang="id", title=None):
    res = pipe.process(Article(doc_id, text, title=title, published=published, language=lang))
    return _ByTrigger({(e.sentence_index, e.trigger): e.location for e in res.events})


def test_sentence_place_context_and_metonym(pipe):
    text = ("Tokayev Terima Putin di Astana\n"
            "ASTANA, KOMPAS.com - Presiden Kazakhstan Kassym-Jomart Tokayev bertemu Presiden Rusia "
            "Vladimir Putin di Astana pada Selasa (14/5/2024).\n"
            "Kedua pemimpin menandatangani perjanjian kerja sama energi.\n"
            "Moskow menolak usulan sanksi baru dari Uni Eropa.\n")
    locs = located(pipe, "t1", text, PartialDate(2024, 5, 14), title="Tokayev Terima Putin di Astana")
    meet = locs[(1, "bertemu")]
    assert (meet.name, meet.country, meet.precision, meet.source) == ("Astana", "KAZ", "city", "sentence")
    assert round(meet.lat, 1) == 51.2 and round(meet.lon, 1) == 71.4
    sign = locs[(2, "menandatangani")]
    assert (sign.name, sign.source) == ("Astana", "context")
    assert locs[(3, "menolak")] is None  # "Moskow menolak": the capital is the actor


def test_visits_attacks_and_destinations(pipe):
    text = ("Pasukan Israel menyerang Jalur Gaza pada Selasa.\n"
            "Menteri Luar Negeri Uzbekistan mengunjungi Bishkek pada Rabu.\n"
            "Presiden Putin melakukan kunjungan kenegaraan ke Kazakhstan pekan lalu.\n"
            "Rusia mengirim nota protes ke Washington atas sanksi itu.\n")
    locs = located(pipe, "t2", text, PartialDate(2024, 5, 16))
    assert locs[(0, "menyerang")].name == "Gaza Strip" and locs[(0, "menyerang")].precision == "region"
    assert locs[(1, "mengunjungi")].name == "Bishkek"
    visit = locs[(2, "kunjungan")]
    assert (visit.country, visit.precision) == ("KAZ", "country")
    assert locs[(3, "nota protes")] is None  # a protest note sent to Washington is not in Washington


def test_english_dateline_and_shelling(pipe):
    text = ("ALMATY, May 3 (Reuters) - Kazakhstan's foreign minister met his Kyrgyz counterpart on "
            "Friday to discuss water sharing.\n"
            "Russian forces shelled Kharkiv overnight, Ukrainian officials said.\n")
    locs = located(pipe, "t3", text, PartialDate(2024, 5, 3), lang="en")
    met = locs[(0, "met")]
    assert (met.name, met.source) == ("Almaty", "dateline")
    shelled = locs[(1, "shelled")]
    assert (shelled.name, shelled.country, shelled.source) == ("Kharkiv", "UKR", "sentence")


def test_newsroom_dateline_is_not_the_place_of_foreign_news(pipe):
    text = ("Jakarta, CNN Indonesia -- Presiden Rusia Vladimir Putin bertemu Presiden Kazakhstan "
            "Kassym-Jomart Tokayev pada Selasa (14/5).\n")
    locs = located(pipe, "t4", text, PartialDate(2024, 5, 14))
    assert list(locs.values()) == [None]


def test_border_clash_and_region(pipe):
    text = ("Tentara Kirgistan dan Tajikistan terlibat baku tembak di perbatasan Kirgistan-Tajikistan "
            "pada Kamis.\n"
            "Kedua negara saling menuduh melanggar gencatan senjata di provinsi Batken.\n")
    locs = located(pipe, "t5", text, PartialDate(2022, 9, 16))
    clash = locs[(0, "baku tembak")]
    assert clash.country is None and set(clash.countries) == {"KGZ", "TJK"} and clash.precision == "region"
    accuse = locs[(1, "menuduh")]
    assert (accuse.name, accuse.country, accuse.precision) == ("Batken", "KGZ", "region")


def test_events_without_any_place_stay_without(pipe):
    text = "Kazakhstan dan Uzbekistan menandatangani perjanjian perdagangan pada 2 Mei 2024.\n"
    locs = located(pipe, "t6", text, PartialDate(2024, 5, 20))
    assert locs and all(v is None for v in locs.values())


@pytest.mark.parametrize("sentence,trigger", [
    ("Pasukan Kirgistan dan Tajikistan saling tembak di daerah perbatasan pada Rabu.\n", "tembak"),
    ("Tentara Tajikistan menyerang pos Kirgistan di kawasan perbatasan pada Rabu malam.\n", "menyerang"),
])
def test_a_bare_border_is_the_border_of_the_events_states(pipe, sentence, trigger):
    locs = located(pipe, "t7", sentence, PartialDate(2022, 9, 15))
    found = [loc for (i, trig), loc in locs.items() if trigger in trig]
    assert found and all(loc is not None and set(loc.countries) == {"KGZ", "TJK"} for loc in found), locs


@pytest.mark.parametrize("second", [
    "Kementerian Luar Negeri China mengecam Kirgistan atas aksi tersebut.\n",
    "Juru bicara Kementerian Luar Negeri China memprotes pemerintah Kirgistan atas demonstrasi itu.\n",
])
def test_context_needs_the_same_two_actors(pipe, second):
    text = ("Ratusan warga Kirgistan berunjuk rasa di depan Kedutaan Besar China di Osh pada Senin.\n"
            + second)
    locs = located(pipe, "t8", text, PartialDate(2024, 12, 2))
    first = [loc for (i, _), loc in locs.items() if i == 0]
    later = [loc for (i, _), loc in locs.items() if i == 1]
    assert first and first[0] is not None and first[0].name == "Osh"
    assert later and all(loc is None for loc in later)  # China's ministry did not speak in Osh


@pytest.mark.parametrize("text,lang", [
    ("BISHKEK, Kyrgyzstan (AP) - Kyrgyz troops attacked a Tajik border post on Friday.\n", "en"),
    ("DUSHANBE, KOMPAS.com - Pasukan Tajikistan menyerang pos perbatasan Kirgistan pada Jumat (16/9/2022).\n", "id"),
])
def test_a_clash_reported_from_the_capital_is_not_located_there(pipe, text, lang):
    res = pipe.process(Article("t9", text, published=PartialDate(2022, 9, 16), language=lang))
    clashes = [e for e in res.events if e.quad_class == 4]
    assert clashes and all(e.location is None or e.location.source != "dateline" for e in clashes)


@pytest.mark.parametrize("text,lang", [
    ("Lavrov visited Astana on Monday. Kazakhstan suspended coal shipments to Russia.\n", "en"),
    ("Lavrov mengunjungi Astana pada Senin. Kazakhstan menjatuhkan sanksi terhadap Rusia.\n", "id"),
])
def test_context_carries_only_from_meeting_to_meeting(pipe, text, lang):
    res = pipe.process(Article("t10", text, published=PartialDate(2024, 3, 6), language=lang))
    first = [e for e in res.events if e.sentence_index == 0]
    later = [e for e in res.events if e.sentence_index == 1]
    assert first and first[0].location is not None and first[0].location.name == "Astana"
    assert later and all(e.location is None for e in later)
