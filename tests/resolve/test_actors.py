"""Actor mentions and resolution (jalin.resolve.actors).

All sentences are written for these tests in the style of Indonesian and
English news reports.
"""

from __future__ import annotations

import pytest

from jalin.models import Actor, PartialDate
from jalin.resolve.actors import ActorMatch, default_resolver

P = PartialDate.parse


@pytest.fixture(scope="module")
def r():
    return default_resolver()


def found(r, text, lang="id", when="2022-06-01"):
    w = P(when) if when else None
    return [(m.text, m.actor.code) for m in r.find(text, lang, w)]


# --- one sentence, every mention: (text, lang, when, [(surface, code), ...])
FIND_CASES = [
    ("Presiden Rusia Vladimir Putin tiba di Astana pada Rabu malam.", "id", "2022-10-13",
     [("Presiden Rusia Vladimir Putin", "RUSGOV"), ("Astana", "KAZGOV")]),
    ("Menteri Luar Negeri Kyrgyzstan Ruslan Kazakbaev bertolak ke Tashkent.", "id", "2021-03-02",
     [("Menteri Luar Negeri Kyrgyzstan Ruslan Kazakbaev", "KGZGOV"), ("Tashkent", "UZBGOV")]),
    ("Menteri Luar Negeri Kazakh Mukhtar Tileuberdi menerima tamunya di ibu kota.", "id",
     "2021-05-10", [("Menteri Luar Negeri Kazakh Mukhtar Tileuberdi", "KAZGOV")]),
    ("Presiden Kazakh Kassym-Jomart Tokayev membuka forum investasi.", "id", "2023-09-01",
     [("Presiden Kazakh Kassym-Jomart Tokayev", "KAZGOV")]),
    ("Ribuan pasukan Rusia ditarik dari perbatasan.", "id", "2022-01-20",
     [("pasukan Rusia", "RUSMIL")]),
    ("Jaksa menuntut mantan Presiden Kyrgyz Almazbek Atambaev dengan pasal korupsi.", "id",
     "2020-06-01", [("mantan Presiden Kyrgyz Almazbek Atambaev", "KGZELI")]),
    ("Juru Bicara Kepresidenan Turki Ibrahim Kalin menyampaikan sikap Ankara.", "id",
     "2021-04-01", [("Juru Bicara Kepresidenan Turki Ibrahim Kalin", "TURGOV"),
                    ("Ankara", "TURGOV")]),
    ("Duta Besar Kazakhstan untuk Rusia menyerahkan surat kepercayaan.", "id", "2022-02-01",
     [("Duta Besar Kazakhstan untuk Rusia", "KAZGOV")]),
    ("Sejumlah bank-bank Kazakhstan menangguhkan transfer.", "id", "2022-03-15",
     [("bank-bank Kazakhstan", "KAZBUS")]),
    ("Dialog antara pemerintah Kyrgyzstan dan oposisi Kyrgyzstan buntu.", "id", "2020-10-08",
     [("pemerintah Kyrgyzstan", "KGZGOV"), ("oposisi Kyrgyzstan", "KGZOPP")]),
    ("Pengamat menilai hubungan Kazakh-Kyrgyz membaik.", "id", "2022-01-01",
     [("Kazakh", "KAZ"), ("Kyrgyz", "KGZ")]),
    ("Perdagangan Kazakhstan-Rusia naik tajam.", "id", "2022-01-01",
     [("Kazakhstan", "KAZ"), ("Rusia", "RUS")]),
    ("Uni Ekonomi Eurasia menggelar sidang di Minsk.", "id", "2021-01-01",
     [("Uni Ekonomi Eurasia", "EAEU"), ("Minsk", "BLRGOV")]),
    ("KTT Organisasi Negara-negara Turki dibuka di Samarkand.", "id", "2022-11-11",
     [("Organisasi Negara-negara Turki", "OTS")]),
    ("Pinjaman Bank Eropa untuk Rekonstruksi dan Pembangunan disetujui.", "id", "2021-01-01",
     [("Bank Eropa untuk Rekonstruksi dan Pembangunan", "EBRD")]),
    ("Negara-negara Eropa membahas energi.", "id", "2022-01-01", []),
    ("Uni Eropa dan NATO mengecam serangan itu.", "id", "2022-01-01",
     [("Uni Eropa", "EU"), ("NATO", "NATO")]),
    ("Pasukan CSTO tiba di Almaty atas permintaan Tokayev.", "id", "2022-01-06",
     [("Pasukan CSTO", "CSTO"), ("Tokayev", "KAZGOV")]),
    ("Delegasi AS tiba di Dushanbe.", "id", "2023-01-01",
     [("Delegasi AS", "USAGOV"), ("Dushanbe", "TJKGOV")]),
    ("Menurut data tersebut, warga AS dan Tiongkok", "id", "2023-01-01",
     [("warga AS", "USACVL"), ("Tiongkok", "CHN")]),
    ("Nilai proyek itu mencapai US$ 40 juta.", "id", "2023-01-01", []),
    ("Kremlin menolak tuduhan Gedung Putih, sementara Pentagon diam.", "id", "2023-01-01",
     [("Kremlin", "RUSGOV"), ("Gedung Putih", "USAGOV"), ("Pentagon", "USAMIL")]),
    ("Kemlu RI memanggil duta besar Rusia.", "id", "2023-01-01",
     [("Kemlu RI", "IDNGOV"), ("duta besar Rusia", "RUSGOV")]),
    ("Sanksi Barat memukul ekonomi Rusia.", "id", "2023-01-01",
     [("Barat", "WST"), ("Rusia", "RUS")]),
    ("Para migran dari Asia Tengah bekerja di Rusia.", "id", "2023-01-01", [("Rusia", "RUS")]),
    ("Ia fasih berbahasa Rusia dan bahasa Kazakh.", "id", "2023-01-01", []),
    ("Turki, Georgia dan Azerbaijan menandatangani kesepakatan.", "id", "2023-01-01",
     [("Turki", "TUR"), ("Georgia", "GEO"), ("Azerbaijan", "AZE")]),
    ("Myanmar, dulu Burma, dan Eswatini yang dulu bernama Swaziland.", "id", "2023-01-01",
     [("Myanmar", "MMR"), ("Burma", "MMR"), ("Eswatini", "SWZ"), ("Swaziland", "SWZ")]),
    ("Kirgistan, Kirgizstan dan Kazakstan hadir.", "id", "2023-01-01",
     [("Kirgistan", "KGZ"), ("Kirgizstan", "KGZ"), ("Kazakstan", "KAZ")]),
    ("Sekjen PBB menyerukan gencatan senjata.", "id", "2023-01-01", [("Sekjen PBB", "UN")]),
    ("Presiden Rusia Selasa (11/1) menyatakan operasi selesai.", "id", "2022-01-11",
     [("Presiden Rusia", "RUSGOV")]),
    ("Russian President Vladimir Putin met Kazakh Foreign Minister Mukhtar Tileuberdi.", "en",
     "2021-06-01", [("Russian President Vladimir Putin", "RUSGOV"),
                    ("Kazakh Foreign Minister Mukhtar Tileuberdi", "KAZGOV")]),
    ("Russian troops left as the US and China watched.", "en", "2022-01-13",
     [("Russian troops", "RUSMIL"), ("US", "USA"), ("China", "CHN")]),
    ("The President of Russia spoke with the government of Kazakhstan.", "en", "2022-01-06",
     [("President of Russia", "RUSGOV"), ("government of Kazakhstan", "KAZGOV")]),
    ("Kazakh oil exports rose, the World Bank said.", "en", "2022-01-06",
     [("Kazakh", "KAZ"), ("World Bank", "WB")]),
    ("The West imposed sanctions on Moscow.", "en", "2022-03-01",
     [("The West", "WST"), ("Moscow", "RUSGOV")]),
    ("Russia's foreign ministry summoned Kazakhstan's ambassador.", "en", "2022-03-01",
     [("Russia's foreign ministry", "RUSGOV"), ("Kazakhstan's ambassador", "KAZGOV")]),
    ("Former Kazakh President Nursultan Nazarbayev stayed silent.", "en", "2022-03-01",
     [("Former Kazakh President Nursultan Nazarbayev", "KAZELI")]),
    ("AS Roma kalah, tetapi AS tetap menekan.", "id", "2022-03-01", [("AS", "USA")]),
    ("Baku tembak pecah saat kapal dihadang penjaga pantai Tiongkok.", "id", "2024-06-17",
     [("penjaga pantai Tiongkok", "CHNMIL")]),
    ("Latin American states and Russian-speaking people in the Indian Ocean region.", "en",
     "2022-03-01", []),
    ("Kelompok pro-Rusia menguat di ruang pasca-Soviet, kata Rusia.", "id", "2022-03-01",
     [("Rusia", "RUS")]),
    ("Sikap gereja Rusia dan media pemerintah Rusia sama.", "id", "2022-03-01",
     [("gereja Rusia", "RUSREL"), ("media pemerintah Rusia", "RUSMED")]),
]


@pytest.mark.parametrize("text,lang,when,expected", FIND_CASES)
def test_find(r, text, lang, when, expected):
    assert found(r, text, lang, when) == expected


# --- the resolved actor in detail
@pytest.mark.parametrize("phrase,when,actor", [
    ("Presiden Rusia Vladimir Putin", "2022",
     Actor("RUSGOV", country="RUS", role="GOV", name="Vladimir Putin", actor_id="Q7747")),
    ("Rusia", "2022", Actor("RUS", country="RUS")),
    ("Uni Ekonomi Eurasia", None, Actor("EAEU", org="EAEU", name="Uni Ekonomi Eurasia")),
    ("pasukan Rusia", "2022", Actor("RUSMIL", country="RUS", role="MIL")),
    ("Barat", None, Actor("WST", name="the West")),
])
def test_resolved_actor(r, phrase, when, actor):
    assert r.resolve(phrase, "id", P(when) if when else None) == actor


# --- tenure: titles and names depend on the date
@pytest.mark.parametrize("phrase,when,code,name", [
    ("Presiden Kazakhstan", "2018-05-01", "KAZGOV", "Nursultan Nazarbayev"),
    ("Presiden Kazakhstan", "2022-05-01", "KAZGOV", "Kassym-Jomart Tokayev"),
    ("Presiden Kazakhstan", "2019", "KAZGOV", "Kassym-Jomart Tokayev"),  # most of the year
    ("Menlu AS", "2023-02-01", "USAGOV", "Antony Blinken"),
    ("Menlu AS", "2016-02-01", "USAGOV", "John Kerry"),
    ("Presiden Turki", "2022-06-01", "TURGOV", "Recep Tayyip Erdoğan"),
    ("Presiden Turki", "2010-06-01", "TURGOV", "Abdullah Gül"),
    ("Perdana Menteri Rusia", "2010-06-01", "RUSGOV", "Vladimir Putin"),
    ("Presiden Kyrgyzstan", "2015-06-01", "KGZGOV", "Almazbek Atambayev"),
    ("Presiden Uzbekistan", "2010-06-01", "UZBGOV", "Islam Karimov"),
    ("Presiden Tiongkok", "2015-06-01", "CHNGOV", "Xi Jinping"),
    ("Presiden RI", "2016-06-01", "IDNGOV", "Joko Widodo"),
    ("Menteri Luar Negeri Rusia", "2003-06-01", "RUSGOV", "Igor Ivanov"),
    ("Sekretaris Jenderal NATO", "2020-06-01", "NATO", "Jens Stoltenberg"),
    ("Tokayev", "2022-01-05", "KAZGOV", "Kassym-Jomart Tokayev"),
    ("Nazarbayev", "2023-06-01", "KAZELI", "Nursultan Nazarbayev"),
    ("Atambaev", "2020-06-01", "KGZELI", "Almazbek Atambayev"),
    ("Toqaev", "2021", "KAZGOV", "Kassym-Jomart Tokayev"),
    ("Mirziyoev", "2020", "UZBGOV", "Shavkat Mirziyoyev"),
    ("Erdogan", "2010", "TURGOV", "Recep Tayyip Erdoğan"),  # prime minister then
    ("Berdimuhamedov", "2015", "TKMGOV", "Gurbanguly Berdimuhamedov"),
    ("Berdimuhamedov", "2023", "TKMGOV", "Serdar Berdimuhamedov"),
    ("Bush", "2003", "USAGOV", "George W. Bush"),
    ("Bush", "1990", "USAGOV", "George H. W. Bush"),
    ("Clinton", "2010", "USAGOV", "Hillary Clinton"),
    ("Clinton", "2005", "USAELI", "Bill Clinton"),
    ("Rutte", "2015", "NLDGOV", "Mark Rutte"),
    ("Rutte", "2025", "NATO", "Mark Rutte"),
    ("Zelenskyy", "2023", "UKRGOV", "Volodymyr Zelensky"),
    ("Meredov", "2020", "TKMGOV", "Rashid Meredov"),
])
def test_tenure(r, phrase, when, code, name):
    actor = r.resolve(phrase, "id", P(when))
    assert (actor.code, actor.name) == (code, name)


@pytest.mark.parametrize("phrase,code,name", [
    ("Wakil Perdana Menteri Kazakhstan", "KAZGOV", None),  # a deputy is not the PM
    ("Wakil Presiden AS", "USAGOV", "Kamala Harris"),
    ("Sekretaris Pers Kepresidenan Kazakhstan Aidar Temirov", "KAZGOV", "Aidar Temirov"),
    ("Menteri Luar Negeri Turkmenistan Rasit Merodow", "TKMGOV", "Rashid Meredov"),
    ("pemimpin Kazakhstan", "KAZGOV", None),
])
def test_titles_and_unknown_names(r, phrase, code, name):
    actor = r.resolve(phrase, "id", P("2022-06-01"))
    assert (actor.code, actor.name) == (code, name)


def test_one_capitalised_word_after_a_title_is_not_a_name(r):
    ms = r.find("Menteri Luar Negeri Kyrgyzstan Baru tiba.", "id", P("2022-06-01"))
    assert [m.text for m in ms] == ["Menteri Luar Negeri Kyrgyzstan"]


def test_former_is_elite_and_keeps_country(r):
    actor = r.resolve("mantan Presiden Kazakhstan Nursultan Nazarbayev", "id", P("2018"))
    assert (actor.code, actor.country, actor.role) == ("KAZELI", "KAZ", "ELI")


def test_when_may_be_a_calendar_date(r):
    import datetime
    assert r.resolve("Presiden Kazakhstan", "id", datetime.date(2018, 1, 1)).name == \
        "Nursultan Nazarbayev"


def test_when_none_means_now(r):
    assert r.resolve("Putin", "id", None).code == "RUSGOV"
    assert r.resolve("Yeltsin", "id", None).code == "RUSELI"


# --- case rules
@pytest.mark.parametrize("text,codes", [
    ("AS menolak usulan itu.", ["USA"]),
    ("Ia bertindak as usual.", []),
    ("Harga naik, as of today.", []),
    ("Pejabat US menolak.", ["USAGOV"]),
    ("Let us talk.", []),
    ("rusia", []),  # proper names need a capital in running text
    ("RUSIA DAN KAZAKHSTAN", ["RUS", "KAZ"]),
    ("who said so", []),
    ("WHO memperingatkan", ["WHO"]),
])
def test_case_rules(r, text, codes):
    assert [m.actor.code for m in r.find(text, "id", None)] == codes


def test_resolve_relaxes_case_but_not_exact_forms(r):
    assert r.resolve("rusia", "id", None).code == "RUS"
    assert r.resolve("Kazakh", "id", None).code == "KAZ"  # a demonym alone, as a query
    assert r.resolve("as", "id", None) is None
    assert r.resolve("tidak ada apa-apa", "id", None) is None


def test_demonym_needs_context(r):
    assert found(r, "Kazakh memimpin perundingan.") == []
    assert found(r, "Warga Uzbek berkumpul.") == [("Warga Uzbek", "UZBCVL")]


def test_offsets_and_text(r):
    text = "Kemarin, Presiden Tokayev menerima Menlu Lavrov."
    ms = r.find(text, "id", P("2022-04-01"), offset=100)
    assert [(m.start, m.end) for m in ms] == [(109, 125), (135, 147)]
    for m in ms:
        assert text[m.start - 100:m.end - 100] == m.text
        assert isinstance(m, ActorMatch)
    assert [m.kind for m in ms] == ["person", "person"]
    assert [m.actor.code for m in ms] == ["KAZGOV", "RUSGOV"]


def test_kinds(r):
    ms = r.find("Rusia, Moskow, Kremlin, PBB, Putin, pasukan Rusia, Barat, orang Kazakh",
                "id", P("2022"))
    assert [m.kind for m in ms] == ["state", "capital", "metonym", "org", "person", "role",
                                     "group", "role"]


def test_no_overlaps_on_a_long_text(r):
    para = ("Presiden Kazakhstan Kassym-Jomart Tokayev dan Presiden Uzbekistan "
            "Shavkat Mirziyoyev membahas kerja sama dengan Uni Eropa, sementara pasukan "
            "Rusia dan Kementerian Luar Negeri Tiongkok mengamati. AS, PBB dan OSCE "
            "menyerukan dialog antara pemerintah Kyrgyzstan dan oposisi. ")
    text = para * 25
    ms = r.find(text, "id", P("2022"))
    assert len(ms) == 9 * 25  # "oposisi" alone names no actor
    assert all(a.end <= b.start for a, b in zip(ms, ms[1:]))


def test_default_resolver_is_cached():
    assert default_resolver() is default_resolver()


def test_every_un_member_state_is_known(r):
    from jalin.datafiles import read_tsv
    members = [row for row in read_tsv("actors/countries.tsv") if row["status"] == "member"]
    assert len(members) == 193
    for row in members:
        assert r.resolve(row["name_id"], "id", None).country == row["iso3"]
        assert r.resolve(row["name_en"], "en", None).country == row["iso3"]
