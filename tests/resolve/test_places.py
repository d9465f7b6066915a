"""Place mentions and their resolution, on sentences written by the jalin team.

Each case: a sentence, the place phrase in it, and the state it must resolve
to (None: it must stay unresolved). Precision of place -> country over the
resolved cases must be at least 0.9; every ambiguous case must stay unresolved.
"""

from __future__ import annotations

import pytest

from jalin.resolve.actors import default_resolver
from jalin.resolve.gazetteer import Gazetteer, default_gazetteer, fold, key_of
from jalin.resolve.places import choose, dateline_place, describe_place, find_places

ID = [
    ("Bentrokan bersenjata terjadi di provinsi Batken pada Kamis.", "Batken", "KGZ"),
    ("Delegasi Indonesia tiba di Bishkek untuk konsultasi bilateral.", "Bishkek", "KGZ"),
    ("Menteri itu terbang ke Beijing untuk bertemu mitranya.", "Beijing", "CHN"),
    ("Pertemuan puncak digelar di Moskwa pekan lalu.", "Moskwa", "RUS"),
    ("Para pemimpin berkumpul di Moskow untuk peringatan itu.", "Moskow", "RUS"),
    ("Serangan udara menghantam sebuah sekolah di Jalur Gaza.", "Jalur Gaza", "PSE"),
    ("Pemukim Israel membangun rumah baru di Tepi Barat.", "Tepi Barat", "PSE"),
    ("Kapal penjaga pantai berpatroli di Laut China Selatan.", "Laut China Selatan", None),
    ("Sebuah kapal tanker ditahan di Selat Hormuz.", "Selat Hormuz", None),
    ("Ketegangan meningkat di Semenanjung Korea setelah uji coba rudal.", "Semenanjung Korea", None),
    ("Tembakan terdengar di perbatasan Kirgistan-Tajikistan sejak pagi.", "perbatasan Kirgistan-Tajikistan", None),
    ("Warga mengungsi dari kota Isfara ke arah barat.", "Isfara", "TJK"),
    ("Konferensi itu berlangsung di Tashkent selama dua hari.", "Tashkent", "UZB"),
    ("Rombongan presiden mendarat di Almaty pada malam hari.", "Almaty", "KAZ"),
    ("Demonstran berkumpul di depan kedutaan di Ankara.", "Ankara", "TUR"),
    ("Gempa mengguncang wilayah Sughd di utara negara itu.", "Sughd", "TJK"),
    ("Perundingan damai dilanjutkan di Jenewa bulan depan.", "Jenewa", "CHE"),
    ("Pasukan mundur dari sekitar Kharkiv setelah pertempuran sengit.", "Kharkiv", "UKR"),
    ("Forum ekonomi diadakan di Surabaya, Jawa Timur.", "Surabaya", "IDN"),
    ("Menlu Retno menghadiri pertemuan di Kuala Lumpur.", "Kuala Lumpur", "MYS"),
    ("Kedua menteri bertemu di Samarkand untuk membahas kereta api.", "Samarkand", "UZB"),
    ("Unjuk rasa besar terjadi di Osh, Kirgistan, kemarin.", "Osh", "KGZ"),
    ("Pengungsi tiba di kota Rafah di selatan Jalur Gaza.", "Rafah", "PSE"),
    # ambiguous or not a place: must stay unresolved
    ("Pertemuan itu digelar di Springfield tahun lalu.", "Springfield", None),
    ("Konvoi bantuan berhenti di Tripoli selama dua jam.", "Tripoli", None),
    ("Harga beras naik lima persen di Lima menurut laporan itu.", "Lima", None),
    ("Para menteri bertemu di San Jose untuk membahas perdagangan.", "San Jose", None),
]
EN = [
    ("Shelling in Aleppo killed five civilians on Monday.", "Aleppo", "SYR"),
    ("The ministers met in Astana to discuss transit routes.", "Astana", "KAZ"),
    ("Troops were deployed near Kharkiv overnight.", "Kharkiv", "UKR"),
    ("The talks were held in the city of Geneva.", "Geneva", "CHE"),
    ("Fighting continued in Idlib province despite the truce.", "Idlib province", "SYR"),
    ("A tanker was seized in the Strait of Hormuz.", "Strait of Hormuz", None),
    ("Clashes broke out on the Kyrgyz-Tajik border again.", "Kyrgyz-Tajik border", None),
    ("The president flew to Tokyo for the summit.", "Tokyo", "JPN"),
    ("Protesters gathered in Dhaka after the verdict.", "Dhaka", "BGD"),
    ("The delegation arrived in Nairobi on Tuesday.", "Nairobi", "KEN"),
    ("Officials met in Kyiv to sign the grain deal.", "Kyiv", "UKR"),
    ("Rockets landed in the Gaza Strip late on Friday.", "Gaza Strip", "PSE"),
    # ambiguous: must stay unresolved
    ("The rally in Springfield drew thousands.", "Springfield", None),
    ("The company opened a plant in Hyderabad last year.", "Hyderabad", None),
]

UNRESOLVED = {"Springfield", "Tripoli", "Lima", "San Jose", "Hyderabad"}
SHARED_AREAS = {"Laut China Selatan", "Selat Hormuz", "Semenanjung Korea", "perbatasan Kirgistan-Tajikistan",
                "Strait of Hormuz", "Kyrgyz-Tajik border"}


def _find(sentence: str, lang: str):
    actors = default_resolver().find(sentence, lang, None)
    return find_places(sentence, lang, default_gazetteer(), 0, actors)


def _mention(sentence: str, phrase: str, lang: str):
    for pm in _find(sentence, lang):
        if pm.text == phrase or phrase in pm.text:
            return pm
    return None


@pytest.mark.parametrize("lang,cases", [("id", ID), ("en", EN)])
def test_place_to_country_precision(lang, cases):
    resolved = correct = 0
    misses = []
    for sentence, phrase, country in cases:
        pm = _mention(sentence, phrase, lang)
        if phrase in UNRESOLVED:
            assert pm is None or pm.place is None, f"{phrase!r} should stay unresolved: {pm}"
            continue
        assert pm is not None and pm.place is not None, f"no place {phrase!r} in {sentence!r}"
        resolved += 1
        ok = pm.place.country == country  # None: international waters or a shared area
        if phrase in SHARED_AREAS:
            ok = ok and (pm.place.kind == "sea" or len(pm.place.countries) >= 2)
        correct += ok
        if not ok:
            misses.append((phrase, pm.place))
    assert resolved >= 10
    assert correct / resolved >= 0.9, misses


def test_metonym_capital_is_an_actor_not_an_event_place():
    pm = _mention("Moskow menolak usulan gencatan senjata itu.", "Moskow", "id")
    assert pm.place.country == "RUS" and pm.actor == "same" and pm.cue == ""
    pm = _mention("Washington condemned the missile test.", "Washington", "en")
    assert pm.actor == "same" and pm.cue == ""
    pm = _mention("Presiden Tokayev tiba di Moskow pada Senin.", "Moskow", "id")
    assert pm.cue == "at" and pm.place.name == "Moscow"
    pm = _mention("Menlu Wang Yi terbang ke Beijing.", "Beijing", "id")
    assert pm.cue == "to"


@pytest.mark.parametrize("sentence,lang", [
    ("Menteri itu bertemu di Dushande kemarin.", "id"),
    ("The envoy arrived in Bishkekk on Monday.", "en"),
    ("Delegasi tiba di Tashkant untuk perundingan.", "id"),
])
def test_typos_stay_unresolved(sentence, lang):
    assert [p for p in _find(sentence, lang) if p.place is not None and p.place.kind == "city"] == []


def test_article_countries_decide_a_homonym():
    senses = default_gazetteer().lookup(key_of("Springfield"))
    assert choose(senses)[0] is None
    place, _, why = choose(senses, countries=frozenset({"USA"}))
    # several Springfields lie in the USA: the country alone does not decide
    assert place is None and why == "ambiguous"
    tripoli = default_gazetteer().lookup(key_of("Tripoli"))
    place, _, why = choose(tripoli, countries=frozenset({"LBY", "EGY"}))
    assert place.country == "LBY" and why == "context"
    place, _, why = choose(tripoli, countries=frozenset({"LBN"}))
    assert place.country == "LBN"


def test_a_state_after_a_comma_qualifies_the_name():
    pm = _mention("Pertemuan itu berlangsung di Tripoli, Lebanon, pada Rabu.", "Tripoli", "id")
    assert pm.place.country == "LBN" and pm.why == "qualified"


def test_common_words_and_names_need_a_head_word():
    assert _mention("Harga naik di Lima menurut pedagang.", "Lima", "id").why == "word"
    pm = _mention("Banjir melanda kota Batu di Jawa Timur.", "Batu", "id")
    assert pm.place is not None and pm.place.country == "IDN"
    # part of a longer name: no place at all
    assert _mention("Jakarta Post melaporkan hal itu.", "Jakarta", "id") is None


def test_coordinated_places_share_the_cue():
    pms = _find("Serangan terjadi di Jalur Gaza dan Tepi Barat.", "id")
    assert [(p.place.name, p.cue) for p in pms] == [("Gaza Strip", "at"), ("West Bank", "at")]
    pms = _find("Talks were held in Doha and Cairo.", "en")
    assert [(p.place.country, p.cue) for p in pms] == [("QAT", "at"), ("EGY", "at")]


def test_topics_and_origins_are_marked():
    pm = _mention("Mereka membahas situasi di Kirgistan.", "Kirgistan", "id")
    assert pm.cue == "topic"
    pm = _mention("They discussed the war in Ukraine.", "Ukraine", "en")
    assert pm.cue == "topic"
    pm = _mention("Rombongan berangkat dari Astana pagi ini.", "Astana", "id")
    assert pm.cue == "from"


def test_border_of_two_named_states_in_either_order_and_language():
    for text, lang in (("Tembakan di perbatasan Tajikistan dan Kirgistan.", "id"),
                       ("Clashes on the border between Kyrgyzstan and Tajikistan.", "en"),
                       ("Penembakan di perbatasan Kirgistan–Tajikistan.", "id")):
        pms = [p for p in _find(text, lang) if p.head == "border"]
        assert pms and set(pms[0].place.countries) == {"KGZ", "TJK"}, text
    pms = [p for p in _find("Bentrok di perbatasan Chile dan Norwegia.", "id") if p.head == "border"]
    assert pms and pms[0].place is None and pms[0].why == "no border"


@pytest.mark.parametrize("text,country", [
    ("ALMATY, Jan 7 (Reuters) - Kazakhstan's president said ...", "KAZ"),
    ("Jakarta, CNN Indonesia -- Pemerintah Indonesia mengecam ...", "IDN"),
    ("Liputan6.com, Bishkek - Presiden Kirgistan ...", "KGZ"),
    ("MOSKOW - Kremlin menolak ...", "RUS"),
    ("BISHKEK, Kyrgyzstan (AP) — Protesters ...", "KGZ"),
])
def test_datelines(text, country):
    assert dateline_place(text).country == country


def test_no_dateline_in_ordinary_sentences():
    assert dateline_place("Presiden Tokayev bertemu Putin di Moskow - kata juru bicara.") is None
    assert dateline_place("Kazakhstan dan Uzbekistan menandatangani perjanjian.") is None


def test_describe_place_json_shape():
    d = describe_place("Bentrokan di provinsi Batken", "id")
    (p,) = d["places"]
    assert p["place"]["name"] == "Batken" and p["place"]["precision"] == "region" and p["head"] == "region"
    d = describe_place("Springfield", "en")
    assert d["places"][0]["resolved"] is False and d["places"][0]["candidate_count"] >= 2


def test_gazetteer_sizes_and_fold():
    g = default_gazetteer()
    assert len(g) > 30000 and len(g.country_points) > 240 and len(g.borders) >= 10
    assert fold("Ürümqi") == "urumqi" and key_of("Kŭlob") == ("kulob",)


def test_bad_team_row_reports_file_and_line(monkeypatch):
    import jalin.resolve.gazetteer as gz
    from jalin.datafiles import parse_tsv
    from jalin.errors import DataFileError

    real = gz.read_tsv
    bad = ("alias\tkind\tcountry\tcountries\tgeonames\tlat\tlon\tnote\n"
           "Somewhere\tcity\tKGZ\t\t\t95.0\t10.0\t\n")

    def fake(relative, required=()):
        if relative == "places/places.tsv":
            return parse_tsv("places.tsv", bad, required)
        return real(relative, required)

    monkeypatch.setattr(gz, "read_tsv", fake)
    with pytest.raises(DataFileError, match=r"places.tsv:2.*out of range"):
        Gazetteer.load()
