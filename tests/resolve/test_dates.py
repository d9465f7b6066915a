"""Time expressions in sentences: one table per form, each row with its anchor."""

from __future__ import annotations

import pytest

from jalin.models import DateMention, PartialDate
from jalin.resolve.dates import find_dates

SAT = PartialDate(2022, 1, 8)  # a Saturday
NOV20 = PartialDate(2020, 11, 20)  # a Friday
MONTH_ONLY = PartialDate(2020, 11)
YEAR_ONLY = PartialDate(2020)


def _one(sentence: str, anchor, lang: str, expected_text: str) -> DateMention:
    found = find_dates(sentence, anchor, lang)
    hits = [d for d in found if d.text == expected_text]
    assert len(hits) == 1, f"{expected_text!r} not found alone in {[d.text for d in found]}"
    return hits[0]


def _check(sentence, anchor, lang, text, iso, kind):
    d = _one(sentence, anchor, lang, text)
    assert (d.date.iso() if d.date else None) == iso
    assert d.kind == kind


ABSOLUTE_ID = [
    ("Kedua menteri bertemu di Astana pada 14 Maret 2019 untuk membahas tarif.", SAT, "pada 14 Maret 2019", "2019-03-14"),
    ("Perjanjian itu diteken di Tashkent tanggal 3 Februari 2005.", SAT, "tanggal 3 Februari 2005", "2005-02-03"),
    ("Pada Agustus 2008, pasukan itu ditarik dari perbatasan.", SAT, "Pada Agustus 2008", "2008-08"),
    ("Parlemen mengesahkan undang-undang itu Juli 2021 setelah perdebatan panjang.", SAT, "Juli 2021", "2021-07"),
    ("Pemilu berikutnya dijadwalkan Maret 2025 oleh komisi pemilihan.", SAT, "Maret 2025", "2025-03"),
    ("Kedua negara menjalin hubungan diplomatik pada tahun 1992.", SAT, "pada tahun 1992", "1992"),
    ("Bank sentral menaikkan suku bunga pada 2014 untuk menahan inflasi.", SAT, "pada 2014", "2014"),
    ("Republik itu merdeka tahun 1991 setelah Uni Soviet bubar.", SAT, "tahun 1991", "1991"),
    ("Hubungan kedua negara memburuk pada akhir 2017 karena sengketa dagang.", SAT, "pada akhir 2017", "2017"),
    ("Jalur kereta itu mulai dibangun awal 2020.", SAT, "awal 2020", "2020"),
    ("Inflasi melonjak pada pertengahan 2019.", SAT, "pada pertengahan 2019", "2019"),
    ("Kantor perwakilan dibuka kembali pada 22 Oktober di ibu kota.", SAT, "pada 22 Oktober", "2021-10-22"),
    ("Presiden menerima duta besar baru pada 7 Januari di istana.", SAT, "pada 7 Januari", "2022-01-07"),
    ("Kesepakatan diumumkan pada 29 Desember oleh kedua pihak.", SAT, "pada 29 Desember", "2021-12-29"),
    ("Juru bicara menyampaikan pernyataan pada 12 November malam.", NOV20, "pada 12 November", "2020-11-12"),
    ("Juru bicara menyampaikan pernyataan pada 12 November malam.", MONTH_ONLY, "pada 12 November", "2020-11-12"),
    ("Juru bicara menyampaikan pernyataan pada 12 November malam.", YEAR_ONLY, "pada 12 November", "2020-11-12"),
    ("Demonstran turun ke jalan pada akhir Oktober di beberapa kota.", NOV20, "pada akhir Oktober", "2020-10"),
    ("Harga gas naik sejak awal Desember.", NOV20, "awal Desember", "2019-12"),
    ("Menteri itu berkunjung pada bulan Oktober untuk membahas air.", NOV20, "pada bulan Oktober", "2020-10"),
    ("Pemerintah mencabut larangan ekspor pada November.", NOV20, "pada November", "2020-11"),
    ("Gencatan senjata berlaku sejak 2009 di wilayah itu.", SAT, "2009", "2009"),
    ("Dalam periode 2020-2021, ekspor gandum turun tajam.", SAT, "2020-2021", None),  # see RANGES
    ("Kedua negara menandatangani nota kesepahaman (8/1/2022) di Dushanbe.", SAT, "(8/1/2022)", "2022-01-08"),
    ("Dokumen itu bertanggal 27/01/2022 dan ditandatangani menteri.", SAT, "27/01/2022", "2022-01-27"),
    ("Pertemuan puncak digelar 2021-09-16 di Dushanbe.", SAT, "2021-09-16", "2021-09-16"),
]


@pytest.mark.parametrize("sentence,anchor,text,iso", [r for r in ABSOLUTE_ID if r[3] is not None])
def test_absolute_indonesian(sentence, anchor, text, iso):
    _check(sentence, anchor, "id", text, iso, "absolute")


RANGES = [
    ("Presiden melakukan kunjungan kenegaraan ke Astana dari 27-28 November.", NOV20, "dari 27-28 November", "2020-11-27"),
    ("Forum ekonomi berlangsung 27-28 November di Bishkek.", SAT, "27-28 November", "2021-11-27"),
    ("Delegasi berada di Tashkent pada 5-6 November untuk perundingan.", NOV20, "pada 5-6 November", "2020-11-05"),
    ("Latihan militer gabungan digelar 12–15 Mei 2021 di dekat perbatasan.", SAT, "12–15 Mei 2021", "2021-05-12"),
    ("KTT digelar pada 30 November hingga 2 Desember 2021 di Ashgabat.", SAT, "pada 30 November hingga 2 Desember 2021", "2021-11-30"),
    ("Sidang berlangsung 30 Desember - 3 Januari 2022 di ibu kota.", SAT, "30 Desember - 3 Januari 2022", "2021-12-30"),
    ("Dalam periode 2020-2021, ekspor gandum turun tajam.", SAT, "2020-2021", "2020"),
    ("The summit was held Nov. 27-28, 2021 in Astana.", SAT, "Nov. 27-28, 2021", "2021-11-27"),
]


@pytest.mark.parametrize("sentence,anchor,text,iso", RANGES)
def test_ranges(sentence, anchor, text, iso):
    lang = "en" if sentence.startswith("The ") else "id"
    _check(sentence, anchor, lang, text, iso, "range")


@pytest.mark.parametrize(
    "sentence",
    [
        "Presiden melakukan kunjungan ke Astana dari 27-28 November.",
        "Delegasi tiba pada 5-6 November.",
    ],
)
def test_day_ranges_are_never_read_as_years(sentence):
    for d in find_dates(sentence, NOV20, "id"):
        assert d.date is None or d.date.year == 2020


QUANTITIES = [
    "Sebanyak 2.500 orang mengungsi ke wilayah tetangga.",
    "Rusia membekukan bantuan senilai $ 100 juta untuk negara itu.",
    "Perusahaan itu memenangkan 300 kontrak konstruksi.",
    "Nilai perdagangan mencapai 28 miliar dolar.",
    "Polisi menahan para tersangka selama 24 jam.",
    "Pemerintah mengirim 2000 orang relawan ke daerah bencana.",
    "Bantuan pangan sebesar Rp 2021 miliar disetujui parlemen.",
    "Selama hampir 30 tahun kemerdekaan, hubungan itu stabil.",
    "Kerusuhan itu adalah perubahan kepemimpinan ketiga dalam 15 tahun ini.",
    "Nomor 1998 tidak berarti apa-apa di sini.",
    "Para menteri bertemu selama dua minggu di ibu kota.",
    "Pada 1990-an, negara itu dilanda perang saudara.",
]


@pytest.mark.parametrize("sentence", QUANTITIES)
def test_quantities_are_not_dates(sentence):
    assert find_dates(sentence, SAT, "id") == []


RELATIVE_ID = [
    ("Menteri itu tiba di Almaty kemarin untuk pembicaraan.", SAT, "kemarin", "2022-01-07"),
    ("Hari ini parlemen akan memungut suara.", SAT, "Hari ini", "2022-01-08"),
    ("Delegasi akan berangkat besok pagi.", SAT, "besok", "2022-01-09"),
    ("Sidang dilanjutkan lusa di gedung yang sama.", SAT, "lusa", "2022-01-10"),
    ("Rapat itu sudah digelar kemarin lusa.", SAT, "kemarin lusa", "2022-01-06"),
    ("Pada hari Selasa, menteri luar negeri bertemu mitranya.", SAT, "Pada hari Selasa", "2022-01-04"),
    ("Mereka bertemu hari Sabtu di Bishkek.", SAT, "hari Sabtu", "2022-01-08"),
    ("Duta besar dipanggil Selasa lalu oleh kementerian.", SAT, "Selasa lalu", "2022-01-04"),
    ("Duta besar dipanggil Sabtu lalu oleh kementerian.", SAT, "Sabtu lalu", "2022-01-01"),
    ("Presiden berbicara di televisi Kamis malam.", SAT, "Kamis malam", "2022-01-06"),
    ("Pasukan tiba Rabu pekan lalu di bandara.", SAT, "Rabu pekan lalu", "2021-12-29"),
    ("Kerusuhan pecah Minggu (2/1) di kota barat.", SAT, "Minggu (2/1)", "2022-01-02"),
    ("Pemerintah mengumumkan keadaan darurat Selasa (11/1).", PartialDate(2022, 1, 12), "Selasa (11/1)", "2022-01-11"),
    ("Pemerintah mengumumkan keadaan darurat Selasa (11/1).", SAT, "Selasa (11/1)", "2022-01-11"),
    ("Kamis (27/1), kedua menteri menandatangani protokol.", PartialDate(2022, 2, 1), "Kamis (27/1)", "2022-01-27"),
    ("Wakil perdana menteri berkunjung pekan lalu ke Dushanbe.", SAT, "pekan lalu", "2022-01"),
    ("Wakil perdana menteri berkunjung minggu lalu ke Dushanbe.", PartialDate(2022, 1, 3), "minggu lalu", "2021-12"),
    ("Perundingan akan dilanjutkan minggu depan.", PartialDate(2022, 1, 28), "minggu depan", "2022-02"),
    ("Harga pangan naik tajam bulan lalu.", SAT, "bulan lalu", "2021-12"),
    ("Perjanjian itu diratifikasi awal bulan ini.", SAT, "awal bulan ini", "2022-01"),
    ("Laporan itu terbit akhir bulan ini.", SAT, "akhir bulan ini", "2022-01"),
    ("Ekspor naik dua kali lipat tahun ini.", SAT, "tahun ini", "2022"),
    ("Ekspor naik dua kali lipat tahun lalu.", SAT, "tahun lalu", "2021"),
    ("Ia terpilih kembali September lalu.", NOV20, "September lalu", "2020-09"),
    ("Ia terpilih kembali November lalu.", NOV20, "November lalu", "2020-11"),
    ("Ia terpilih kembali Desember lalu.", NOV20, "Desember lalu", "2019-12"),
    ("Ia terpilih kembali Oktober lalu.", MONTH_ONLY, "Oktober lalu", "2020-10"),
    ("Menteri itu mundur dua hari lalu.", SAT, "dua hari lalu", "2022-01-06"),
    ("Menteri itu mundur 3 hari yang lalu.", SAT, "3 hari yang lalu", "2022-01-05"),
    ("Utusan khusus datang dua minggu lalu.", SAT, "dua minggu lalu", "2021-12"),
    ("Kesepakatan itu dicapai sebulan lalu.", SAT, "sebulan lalu", "2021-12"),
    ("Hanya satu tahun yang lalu, posisi itu tampak kokoh.", SAT, "satu tahun yang lalu", "2021"),
]


@pytest.mark.parametrize("sentence,anchor,text,iso", RELATIVE_ID)
def test_relative_indonesian(sentence, anchor, text, iso):
    _check(sentence, anchor, "id", text, iso, "relative")


MONTH_ANCHOR = [  # a month-precision anchor never yields a day
    ("Menteri itu tiba kemarin.", "kemarin", "2020-11"),
    ("Pada hari Selasa, menteri itu bertemu mitranya.", "Pada hari Selasa", None),
    ("Selasa lalu mereka bertemu.", "Selasa lalu", None),
    ("Mereka bertemu pekan lalu.", "pekan lalu", "2020-11"),
    ("Harga naik bulan lalu.", "bulan lalu", "2020-10"),
    ("Ekspor turun tahun ini.", "tahun ini", "2020"),
    ("Menteri itu mundur dua hari lalu.", "dua hari lalu", "2020-11"),
    ("Kerusuhan pecah Minggu (1/11) di kota itu.", "Minggu (1/11)", "2020-11-01"),
]


@pytest.mark.parametrize("sentence,text,iso", MONTH_ANCHOR)
def test_month_precision_anchor(sentence, text, iso):
    _check(sentence, MONTH_ONLY, "id", text, iso, "relative")


@pytest.mark.parametrize(
    "sentence,text",
    [
        ("Menteri itu tiba kemarin.", "kemarin"),
        ("Pada hari Selasa, menteri itu bertemu mitranya.", "Pada hari Selasa"),
        ("Harga naik bulan lalu.", "bulan lalu"),
        ("Ia terpilih kembali September lalu.", "September lalu"),
        ("Kerusuhan pecah Minggu (2/1) di kota itu.", "Minggu (2/1)"),
    ],
)
def test_relative_without_anchor_is_unresolved(sentence, text):
    _check(sentence, None, "id", text, None, "relative")


def test_year_anchor_resolves_only_years():
    _check("Ekspor naik tahun lalu.", YEAR_ONLY, "id", "tahun lalu", "2019", "relative")
    _check("Harga naik bulan lalu.", YEAR_ONLY, "id", "bulan lalu", None, "relative")


VAGUE_AND_ANAPHORIC = [
    ("Media lokal melaporkan pada hari yang sama bahwa perbatasan ditutup.", "pada hari yang sama", "anaphoric"),
    ("Hari itu juga, parlemen bersidang.", "Hari itu", "anaphoric"),
    ("Saat itu, ketiga negara dipimpin presiden yang berbeda.", "Saat itu", "anaphoric"),
    ("Pada saat itu, harga minyak sedang jatuh.", "Pada saat itu", "anaphoric"),
    ("Dua hari kemudian, kedua pihak bertemu lagi.", "Dua hari kemudian", "anaphoric"),
    ("Menteri itu berkunjung baru-baru ini ke Astana.", "baru-baru ini", "relative"),
    ("Beberapa hari lalu, pasukan ditarik dari perbatasan.", "Beberapa hari lalu", "relative"),
    ("The two ministers spoke again on the same day.", "on the same day", "anaphoric"),
    ("The minister visited Astana recently.", "recently", "relative"),
]


@pytest.mark.parametrize("sentence,text,kind", VAGUE_AND_ANAPHORIC)
def test_vague_and_anaphoric_have_no_date(sentence, text, kind):
    lang = "en" if sentence.startswith("The ") else "id"
    _check(sentence, SAT, lang, text, None, kind)


ENGLISH = [
    ("Blinken met his counterpart on Tuesday in Astana.", "on Tuesday", "2022-01-04", "relative"),
    ("The envoy was summoned last Tuesday.", "last Tuesday", "2022-01-04", "relative"),
    ("Protesters gathered yesterday in the square.", "yesterday", "2022-01-07", "relative"),
    ("Parliament votes today on the bill.", "today", "2022-01-08", "relative"),
    ("The treaty was signed on Jan. 7 in Tashkent.", "on Jan. 7", "2022-01-07", "absolute"),
    ("The treaty was signed on January 27, 2021 in Tashkent.", "on January 27, 2021", "2021-01-27", "absolute"),
    ("The treaty was signed 27 January 2021 in Tashkent.", "27 January 2021", "2021-01-27", "absolute"),
    ("Prices rose earlier this month.", "earlier this month", "2022-01", "relative"),
    ("Prices rose last month.", "last month", "2021-12", "relative"),
    ("The delegation arrived last week.", "last week", "2022-01", "relative"),
    ("Relations soured in late 2017.", "in late 2017", "2017", "absolute"),
    ("The border opened in November 1998.", "in November 1998", "1998-11", "absolute"),
    ("The bank was founded in 2009.", "in 2009", "2009", "absolute"),
    ("Talks resume next week.", "next week", "2022-01", "relative"),
    ("He was elected last May.", "last May", "2021-05", "relative"),
    ("Troops withdrew two weeks ago.", "two weeks ago", "2021-12", "relative"),
    ("The two presidents met on Monday, January 3.", "on Monday, January 3", "2022-01-03", "relative"),
]


@pytest.mark.parametrize("sentence,text,iso,kind", ENGLISH)
def test_english(sentence, text, iso, kind):
    _check(sentence, SAT, "en", text, iso, kind)


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister may visit Bishkek soon.",
        "Thousands march in the capital.",
        "The Sun reported the story first.",
        "Officials said 2,500 people fled.",
    ],
)
def test_english_words_that_look_like_dates(sentence):
    assert find_dates(sentence, SAT, "en") == []


def test_lowercase_minggu_is_a_week_not_sunday():
    d = _one("Utusan itu tiba minggu lalu.", SAT, "id", "minggu lalu")
    assert d.date == PartialDate(2022, 1)


def test_capitalised_minggu_with_hari_is_sunday():
    d = _one("Mereka bertemu pada hari Minggu lalu.", SAT, "id", "pada hari Minggu lalu")
    assert d.date == PartialDate(2022, 1, 2)


def test_offsets_sorted_and_non_overlapping():
    s = "Menteri itu tiba kemarin dan bertemu presiden pada 5-6 November 2021, lalu pulang tahun lalu."
    found = find_dates(s, SAT, "id", offset=100)
    assert [d.text for d in found] == ["kemarin", "pada 5-6 November 2021", "tahun lalu"]
    for d in found:
        assert s[d.start - 100 : d.end - 100] == d.text
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_longest_match_wins():
    found = find_dates("Kedua pihak bertemu Sabtu, 08 Januari 2022 di ibu kota.", None, "id")
    assert [(d.text, d.kind) for d in found] == [("Sabtu, 08 Januari 2022", "absolute")]
    assert found[0].date == PartialDate(2022, 1, 8)


@pytest.mark.parametrize("lang", ["fr", "", "xx"])
def test_unknown_language_codes_use_all_languages(lang):
    found = find_dates("Pertemuan pada 14 Maret 2019, lalu on March 15, 2019.", SAT, lang)
    assert [d.date for d in found] == [PartialDate(2019, 3, 14), PartialDate(2019, 3, 15)]


def test_english_lexicon_does_not_know_indonesian_months():
    assert find_dates("Pertemuan pada 14 Maret 2019.", SAT, "en") == []


@pytest.mark.parametrize("text", ["", "Tidak ada tanggal di kalimat ini."])
def test_no_dates(text):
    assert find_dates(text, SAT, "id") == []


def test_impossible_day_is_not_a_day():
    found = find_dates("Pada 31 November 2021 tidak ada sidang.", SAT, "id")
    assert [(d.text, d.date) for d in found] == [("November 2021", PartialDate(2021, 11))]


@pytest.mark.parametrize(
    "anchor,iso",
    [
        (PartialDate(2022, 1, 8), "2022-01-12"),  # four days ahead: the coming one
        (PartialDate(2022, 1, 2), "2021-01-12"),  # ten days ahead: last year's
        (PartialDate(2022, 1, 12), "2022-01-12"),
    ],
)
def test_day_month_future_grace(anchor, iso):
    _check("KTT itu digelar pada 12 Januari di Astana.", anchor, "id", "pada 12 Januari", iso, "absolute")


MONTH_WITH_YEAR_WORDS = [
    ("Kedua negara berselisih Oktober tahun lalu soal air.", "id", "Oktober tahun lalu", "2021-10", "relative"),
    ("Perjanjian diteken 12 Maret tahun ini di Astana.", "id", "12 Maret tahun ini", "2022-03-12", "relative"),
    ("The talks began in March last year.", "en", "in March last year", "2021-03", "relative"),
    ("Ekspor turun pada Januari-Maret 2021.", "id", "pada Januari-Maret 2021", "2021-01", "range"),
    ("Pasukan ditempatkan dari Oktober hingga Desember di perbatasan.", "id", "dari Oktober hingga Desember", "2021-10", "range"),
    ("Imports rose from November 2020 to February 2021.", "en", "from November 2020 to February 2021", "2020-11", "range"),
    ("Harga naik pada awal tahun ini.", "id", "pada awal tahun ini", "2022", "relative"),
    ("Proyek itu selesai akhir tahun lalu.", "id", "akhir tahun lalu", "2021", "relative"),
    ("Gencatan senjata dilanggar sepanjang 2021.", "id", "2021", "2021", "absolute"),
]


@pytest.mark.parametrize("sentence,lang,text,iso,kind", MONTH_WITH_YEAR_WORDS)
def test_months_with_year_words_and_month_ranges(sentence, lang, text, iso, kind):
    _check(sentence, SAT, lang, text, iso, kind)


def test_two_months_joined_by_dan_are_two_mentions():
    found = find_dates("Sidang digelar pada Januari dan Maret.", SAT, "id")
    assert [(d.text, d.kind) for d in found] == [("pada Januari", "absolute"), ("Maret", "absolute")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Pemerintah merujuk UU Nomor 11 Tahun 2020 tentang Cipta Kerja.",
        "Hubungi nomor 0812-2021-2022 untuk informasi.",
        "Tim itu lolos ke Piala Dunia 2022.",
    ],
)
def test_numbers_that_are_names_not_dates(sentence):
    assert find_dates(sentence, SAT, "id") == []


def test_mid_year_with_hyphen():
    _check("Inflation peaked in mid-2019.", SAT, "en", "in mid-2019", "2019", "absolute")


@pytest.mark.parametrize("text,lang,expected", [
    ("pada hari yang sama", "id", ("none", 0)),
    ("keesokan harinya", "id", ("day", 1)),
    ("sehari kemudian", "id", ("day", 1)),
    ("dua hari kemudian", "id", ("day", 2)),
    ("seminggu sebelumnya", "id", ("week", -1)),
    ("the next day", "en", ("day", 1)),
    ("saat itu", "id", ("none", 0)),
])
def test_anaphor_shift(text, lang, expected):
    from jalin.resolve.dates import anaphor_shift

    assert anaphor_shift(text, lang) == expected


@pytest.mark.parametrize("text, lang, year", [
    # a year after a quarter or half of it is that year (the quarter itself is not resolved)
    ("Pada kuartal pertama 2024, ekspor gas ke China naik.", "id", 2024),
    ("Pada triwulan III 2023 perdagangan kedua negara turun.", "id", 2023),
    ("Pada semester kedua 2022, kedua negara menandatangani perjanjian.", "id", 2022),
])
def test_year_after_a_quarter_or_half(text, lang, year):
    got = [d.date for d in find_dates(text, PartialDate(2024, 6, 12), lang)]
    assert got == [PartialDate(year)]


def test_an_ordinal_before_a_quantity_is_no_year():
    assert find_dates("Tahap pertama 2000 orang dievakuasi.", PartialDate(2024, 6, 12), "id") == []
