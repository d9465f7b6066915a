"""split_sentences: offsets into the article, paragraphs, Indonesian abbreviations."""

from __future__ import annotations

import random

import pytest

from jalin.models import Article, CleanedArticle
from jalin.nlp.sentences import abbreviations, split_sentences, split_text


def _cleaned(text: str, kept=None) -> CleanedArticle:
    if kept is None:  # every non-blank line, stripped
        kept, pos = [], 0
        for raw in text.split("\n"):
            if raw.strip():
                lead = len(raw) - len(raw.lstrip())
                kept.append((pos + lead, pos + lead + len(raw.strip())))
            pos += len(raw) + 1
    article = Article(doc_id="kal-1", text=text)
    return CleanedArticle(article=article, language="id", language_source="given", kept=tuple(kept))


def _texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(_cleaned(text))]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Irjen. Pol. Ahmad Dofiri memimpin operasi itu. Ia tiba pukul 10.30 WIB.",
         ["Irjen. Pol. Ahmad Dofiri memimpin operasi itu.", "Ia tiba pukul 10.30 WIB."]),
        ("Prof. Dr. H. Budi Santoso, S.H., M.Si. menjadi saksi. Sidang ditunda.",
         ["Prof. Dr. H. Budi Santoso, S.H., M.Si. menjadi saksi.", "Sidang ditunda."]),
        ("Kantornya di Jl. Medan Merdeka Barat No. 8, Jakarta. Gedung itu dijaga ketat.",
         ["Kantornya di Jl. Medan Merdeka Barat No. 8, Jakarta.", "Gedung itu dijaga ketat."]),
        ("Utang negara itu mencapai $ 4,5 miliar. Perbatasan sepanjang 1.388 kilometer ditutup.",
         ["Utang negara itu mencapai $ 4,5 miliar.", "Perbatasan sepanjang 1.388 kilometer ditutup."]),
        ("Inflasi naik 3.5 persen. Harga pangan melonjak.",
         ["Inflasi naik 3.5 persen.", "Harga pangan melonjak."]),
        ("Bantuan berupa beras, obat, dll. Pemerintah mengirimnya lewat udara.",
         ["Bantuan berupa beras, obat, dll.", "Pemerintah mengirimnya lewat udara."]),
        ("Menurut J. Smith dari Reuters, pasukan sudah mundur. Kremlin membantah.",
         ["Menurut J. Smith dari Reuters, pasukan sudah mundur.", "Kremlin membantah."]),
        ("\u201cKami tidak akan mundur,\u201d kata dia. \u201cIni tanah kami.\u201d Ia lalu pergi.",
         ["\u201cKami tidak akan mundur,\u201d kata dia.", "\u201cIni tanah kami.\u201d", "Ia lalu pergi."]),
        ("Kremlin membekukan bantuan karena massa. protes berlanjut hingga malam.",
         ["Kremlin membekukan bantuan karena massa. protes berlanjut hingga malam."]),
        ("Apakah Rusia akan mundur? Belum ada jawaban. Luar biasa! Semua terkejut.",
         ["Apakah Rusia akan mundur?", "Belum ada jawaban.", "Luar biasa!", "Semua terkejut."]),
        ("Situasinya rumit... Tetapi dialog berlanjut.",
         ["Situasinya rumit...", "Tetapi dialog berlanjut."]),
        ("Ia menunggu\u2026 lalu pergi.", ["Ia menunggu\u2026 lalu pergi."]),
        ("Diplomat itu berkata: \"Kami siap.\" Pertemuan dimulai.",
         ["Diplomat itu berkata: \"Kami siap.\"", "Pertemuan dimulai."]),
        ("Dia berkata, \"Kami siap.\" kepada wartawan.",
         ["Dia berkata, \"Kami siap.\" kepada wartawan."]),
        ("Pejabat AS tiba di Astana. PBB menyambut kunjungan itu.",
         ["Pejabat AS tiba di Astana.", "PBB menyambut kunjungan itu."]),
        ("Pertemuan digelar pada 12 Jan. 2022 di Tashkent. Hasilnya diumumkan.",
         ["Pertemuan digelar pada 12 Jan. 2022 di Tashkent.", "Hasilnya diumumkan."]),
        ("Menlu bertemu Tn. Kalin dan Ny. Erdogan. Mereka membahas Gaza.",
         ["Menlu bertemu Tn. Kalin dan Ny. Erdogan.", "Mereka membahas Gaza."]),
        ("U.S. officials met Kazakh leaders. The talks ended.",
         ["U.S. officials met Kazakh leaders.", "The talks ended."]),
        ("Brigjen. TNI Ahmad dan Kol. Inf. Budi hadir. Acara selesai.",
         ["Brigjen. TNI Ahmad dan Kol. Inf. Budi hadir.", "Acara selesai."]),
        ("Laporan (dikutip dari TASS.) Putin tiba. (Foto: AFP.) Ia tersenyum.",
         ["Laporan (dikutip dari TASS.)", "Putin tiba.", "(Foto: AFP.)", "Ia tersenyum."]),
    ],
)
def test_split(text, expected):
    assert _texts(text) == expected


def test_dateline_prefix_stays_in_sentence():
    text = "JAKARTA, KOMPAS.com -- Presiden bertemu Menlu Uzbekistan. Keduanya membahas energi."
    assert _texts(text)[0] == "JAKARTA, KOMPAS.com -- Presiden bertemu Menlu Uzbekistan."


def test_paragraphs_blank_line_separated_and_wrapped_lines_joined():
    text = (
        "Rusia Kirim Pasukan ke Almaty\n"
        "\n"
        "Moskow mengirim pasukan penjaga perdamaian ke Kazakhstan setelah permintaan\n"
        "Presiden Tokayev. Pasukan itu tiba pada Kamis.\n"
        "\n"
        "Kremlin menyebut misi itu sementara.\n"
    )
    sents = split_sentences(_cleaned(text))
    assert [(s.paragraph, s.text) for s in sents] == [
        (0, "Rusia Kirim Pasukan ke Almaty"),
        (1, "Moskow mengirim pasukan penjaga perdamaian ke Kazakhstan setelah permintaan\nPresiden Tokayev."),
        (1, "Pasukan itu tiba pada Kamis."),
        (2, "Kremlin menyebut misi itu sementara."),
    ]
    assert [s.index for s in sents] == [0, 1, 2, 3]


def test_one_paragraph_per_line_headings_not_joined():
    text = (
        "Sekutu lama\n"
        "Kazakhstan dan Rusia menandatangani perjanjian baru. Kerja sama energi diperluas.\n"
        "Hubungan kedua negara dinilai stabil.\n"
        "hal itu disampaikan juru bicara.\n"
    )
    sents = split_sentences(_cleaned(text))
    assert [(s.paragraph, s.text) for s in sents] == [
        (0, "Sekutu lama"),
        (1, "Kazakhstan dan Rusia menandatangani perjanjian baru."),
        (1, "Kerja sama energi diperluas."),
        (2, "Hubungan kedua negara dinilai stabil.\nhal itu disampaikan juru bicara."),
    ]


def test_only_kept_spans_are_split():
    text = "Putin tiba di Astana.\nslot gacor\nTokayev menyambutnya."
    kept = ((0, 21), (text.index("Tokayev"), len(text)))
    sents = split_sentences(_cleaned(text, kept))
    assert [s.text for s in sents] == ["Putin tiba di Astana.", "Tokayev menyambutnya."]
    assert sents[1].paragraph == 1


def test_removed_line_between_blocks_breaks_the_join():
    text = "Moskow mengirim pasukan penjaga perdamaian ke Kazakhstan setelah\nIKLAN\nPresiden tiba."
    second = text.index("Presiden")
    kept = ((0, text.index("\n")), (second, len(text)))
    sents = split_sentences(_cleaned(text, kept))
    assert [s.text for s in sents] == [text[: kept[0][1]], "Presiden tiba."]


def test_two_kept_pieces_of_one_line_share_a_paragraph():
    text = "Rusia menolak. slot gacor. Ukraina membalas.\nBaris baru."
    kept = ((0, 14), (text.index("Ukraina"), text.index("\n")), (text.index("Baris"), len(text)))
    sents = split_sentences(_cleaned(text, kept))
    assert [(s.paragraph, s.text) for s in sents] == [
        (0, "Rusia menolak."), (0, "Ukraina membalas."), (1, "Baris baru.")]


def test_punctuation_only_pieces_dropped():
    assert split_text("Putin tiba. | --", 0, 16) == [(0, 11)]


_WORDS = ("Presiden", "Tokayev", "bertemu", "Irjen.", "Pol.", "Dr.", "dll.", "1.388", "$", "4,5",
          "\u201cKami", "siap.\u201d", "kata", "dia.", "AS", "PBB.", "...", "protes", "J.", "Smith",
          "(Foto:", "AFP)", "?", "!", "No.", "8,", "Jl.", "a.n.", "Sabtu", "(8/1).", "S.H.", "\u2026")


@pytest.mark.parametrize("seed", range(40))
def test_offsets_match_text_property(seed):
    rng = random.Random(seed)
    lines = []
    for _ in range(rng.randint(1, 8)):
        if rng.random() < 0.2:
            lines.append("")
        words = [rng.choice(_WORDS) for _ in range(rng.randint(1, 30))]
        lines.append(("  " if rng.random() < 0.2 else "") + " ".join(words) + (" " if rng.random() < 0.2 else ""))
    text = "\n".join(lines)
    cleaned = _cleaned(text)
    sents = split_sentences(cleaned)
    previous_end = -1
    for i, s in enumerate(sents):
        assert text[s.start:s.end] == s.text
        assert s.text == s.text.strip() and s.text
        assert s.start >= previous_end and s.index == i
        assert any(ks <= s.start and s.end <= ke for ks, ke in _merged(cleaned.kept, text))
        previous_end = s.end
    # nothing kept is lost: every word of the kept text is in some sentence
    covered = " ".join(s.text for s in sents).split()
    kept_words = [w for ks, ke in cleaned.kept for w in text[ks:ke].split() if any(c.isalnum() for c in w)]
    assert [w for w in covered if any(c.isalnum() for c in w)] == kept_words


def _merged(kept, text):
    """Kept spans joined across single newlines (a sentence may span lines)."""
    out = []
    for s, e in kept:
        if out and text[out[-1][1]:s].strip() == "":
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def test_abbreviation_table_loads():
    table = abbreviations()
    assert table["irjen"] == "title" and table["dll"] == "terminal" and table["s.h"] == "title"


@pytest.mark.parametrize("text, expected", [
    # web text glues sentences: no space after the stop, a quote right after it
    ('kata sumber itu kepada media Qatar, al-Araby."Mesir tidak akan mundur," ujarnya.',
     ['kata sumber itu kepada media Qatar, al-Araby."', 'Mesir tidak akan mundur," ujarnya.']),
    ("Hal itu dilaporkan pada 11 September.Pada saat yang sama, Kairo menolak usulan itu.",
     ["Hal itu dilaporkan pada 11 September.", "Pada saat yang sama, Kairo menolak usulan itu."]),
    ('Gencatan senjata berlaku sejak Oktober 2023."Negosiasi masih berjalan," katanya.',
     ['Gencatan senjata berlaku sejak Oktober 2023."', 'Negosiasi masih berjalan," katanya.']),
    # a photo caption glued to the story's dateline
    ("Pasukan berjaga di perbatasan. (Foto: Reuters)JAKARTA - Indonesia mengecam serangan itu.",
     ["Pasukan berjaga di perbatasan.", "(Foto: Reuters)", "JAKARTA - Indonesia mengecam serangan itu."]),
    ("(Dok. AFP)BEIJING, KOMPAS.com - China memanggil duta besar Jepang.",
     ["(Dok. AFP)", "BEIJING, KOMPAS.com - China memanggil duta besar Jepang."]),
    # but not inside names, numbers, domains and titles
    ("Laporan KOMPAS.com dan Kompas.TV menyebut harga Rp16.350 per dolar AS.",
     ["Laporan KOMPAS.com dan Kompas.TV menyebut harga Rp16.350 per dolar AS."]),
    ("Menurut Dr.Sutrisno dari U.S.A, versi 2.0 Beta sudah dirilis.",
     ["Menurut Dr.Sutrisno dari U.S.A, versi 2.0 Beta sudah dirilis."]),
])
def test_glued_sentences_of_web_text(text, expected):
    assert _texts(text) == expected
