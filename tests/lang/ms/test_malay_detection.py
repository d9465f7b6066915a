"""Telling Malay from Indonesian (jalin.clean.language with the ms and id packs' profiles).

The paragraphs below were written by the jalin team for this test, in the
style of Malaysian and Indonesian news: long and short ones, on the same
topics, so that only the language tells them apart. The Indonesian gold
articles of ../shared (seeds and dev) must all stay Indonesian.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from jalin.clean.language import detect_language
from jalin.ingest import read_inputs
from jalin.models import Rejection

MALAY = [
    "Kerajaan Malaysia akan menghantar pasukan mencari dan menyelamat ke Myanmar selepas gempa bumi "
    "kuat melanda wilayah Sagaing pada Jumaat, kata Menteri Luar Negeri dalam satu kenyataan semalam.",
    "Timbalan Perdana Menteri berkata rundingan perdagangan bebas dengan Kesatuan Eropah dijangka "
    "dimuktamadkan sebelum akhir tahun hadapan.",
    "Polis menahan tiga lelaki warga asing kerana disyaki terlibat dalam sindiket penyeludupan manusia "
    "di sempadan Malaysia-Thailand.",
    "Wisma Putra menggesa semua pihak supaya menahan diri.",
    "Mesyuarat Menteri-Menteri Luar ASEAN akan diadakan di Kuala Lumpur pada bulan Julai.",
    "Jurucakap kementerian berkata lawatan itu bertujuan mengukuhkan hubungan dua hala.",
    "Pelarian Rohingya yang ditahan di Pulau Pinang akan dihantar pulang minggu hadapan.",
    "Syarikat minyak negara itu mencatatkan keuntungan sebanyak RM20 bilion, meningkat 12 peratus "
    "berbanding tahun lepas.",
    "Ahli parlimen pembangkang membidas kerajaan kerana gagal mengawal kenaikan harga barang.",
    "Anwar bertemu Presiden Perancis di Paris pada Isnin.",
]
INDONESIAN = [
    "Pemerintah Indonesia akan mengirim tim pencarian dan penyelamatan ke Myanmar setelah gempa bumi "
    "kuat melanda wilayah Sagaing pada Jumat, kata Menteri Luar Negeri dalam pernyataan kemarin.",
    "Wakil Perdana Menteri mengatakan perundingan perdagangan bebas dengan Uni Eropa diharapkan rampung "
    "sebelum akhir tahun depan.",
    "Polisi menangkap tiga pria warga negara asing karena diduga terlibat dalam sindikat penyelundupan "
    "manusia di perbatasan Indonesia-Malaysia.",
    "Kementerian Luar Negeri mendesak semua pihak untuk menahan diri.",
    "Pertemuan para menteri luar negeri ASEAN akan digelar di Jakarta pada bulan Juli.",
    "Juru bicara kementerian mengatakan kunjungan itu bertujuan memperkuat hubungan bilateral.",
    "Pengungsi Rohingya yang ditahan di Aceh akan dipulangkan pekan depan.",
    "Perusahaan minyak negara itu membukukan laba sebesar Rp20 triliun, naik 12 persen dibandingkan "
    "tahun lalu.",
    "Anggota DPR dari partai oposisi mengkritik pemerintah karena gagal mengendalikan kenaikan harga.",
    "Prabowo bertemu Presiden Prancis di Paris pada Senin.",
]
FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[3].parent / "shared" / "gold"


@pytest.mark.parametrize("text", MALAY)
def test_malay_paragraphs_are_malay(text):
    assert detect_language(text)[0] == "ms", text


@pytest.mark.parametrize("text", INDONESIAN)
def test_indonesian_paragraphs_are_indonesian(text):
    assert detect_language(text)[0] == "id", text


def test_whole_texts_in_each_language():
    assert detect_language("\n\n".join(MALAY))[0] == "ms"
    assert detect_language("\n\n".join(INDONESIAN))[0] == "id"
    articles = sorted(FIXTURES.glob("*.txt"))
    assert len(articles) >= 6
    assert {p.name: detect_language(p.read_text(encoding="utf-8"))[0] for p in articles} == \
        {p.name: "ms" for p in articles}


@pytest.mark.parametrize("manifest", ["seeds.manifest.jsonl", "dev/dev.manifest.jsonl"])
def test_indonesian_gold_articles_stay_indonesian(manifest):
    path = SHARED / manifest
    if not path.is_file():
        pytest.skip(f"{path} not available")
    articles = [a for a in read_inputs([], manifest=path, allow_outside=True) if not isinstance(a, Rejection)]
    indonesian = [a for a in articles if a.language == "id"]
    assert indonesian
    wrong = {a.doc_id: detect_language(a.text) for a in indonesian if detect_language(a.text)[0] != "id"}
    assert not wrong
