"""Indonesian morphology: affixed forms reach the right root, wrong stems never do."""

import pytest

from jalin.lang.id.morph import analyse, candidates

ROOTS = frozenset(
    "kunjung setuju tandatangan beri bantu kirim kerah sepakat tolak beku bicara temu serang rebut "
    "tuduh henti batal kerja minta terima dukung akui tunda bagi pukul lawat selidik".split())


@pytest.mark.parametrize("word,root,form", [
    ("mengunjungi", "kunjung", "va"),
    ("berkunjung", "kunjung", "va"),
    ("kunjungan", "kunjung", "n"),
    ("dikunjungi", "kunjung", "vp"),
    ("menyetujui", "setuju", "va"),
    ("disetujui", "setuju", "vp"),
    ("menandatangani", "tandatangan", "va"),
    ("ditandatangani", "tandatangan", "vp"),
    ("penandatanganan", "tandatangan", "n"),
    ("memberikan", "beri", "va"),
    ("bantuan", "bantu", "n"),
    ("dikirim", "kirim", "vp"),
    ("pengerahan", "kerah", "n"),
    ("mengerahkan", "kerah", "va"),
    ("kesepakatan", "sepakat", "n"),
    ("membekukan", "beku", "va"),
    ("pembicaraan", "bicara", "n"),
    ("pertemuan", "temu", "n"),
    ("menyerang", "serang", "va"),
    ("direbut", "rebut", "vp"),
    ("memukul", "pukul", "va"),
    ("melawat", "lawat", "va"),
    ("penyelidikan", "selidik", "n"),
    ("dukungannya", "dukung", "n"),
    ("serangan-serangan", "serang", "n"),
])
def test_affixed_word_reaches_root(word, root, form):
    found = {(a.root, a.form) for a in analyse(word, ROOTS)}
    assert (root, form) in found


@pytest.mark.parametrize("word,right,wrong", [
    ("mengunjungi", "kunjung", "unjung"),
    ("menyetujui", "setuju", "tuju"),
    ("disepakati", "sepakat", "pakat"),
    ("penyelidikan", "selidik", "lidi"),
    ("menandatangani", "tandatangan", "menandatangani"),
])
def test_known_stemmer_errors_cannot_leak(word, right, wrong):
    """With the shipped lexicon's roots, the root is right and the classic wrong stem absent."""
    from jalin.lang import get_pack

    roots = get_pack("id").lexicon().roots
    found = [a.root for a in analyse(word, roots)]
    assert right in found
    assert wrong not in found


def test_unknown_word_has_no_analysis():
    assert analyse("rumah", ROOTS) == ()


def test_candidates_enumerate_nasal_assimilation():
    roots = {a.root for a in candidates("menyetujui")}
    assert "setuju" in roots


@pytest.mark.parametrize("word,form", [
    ("mengebom", "va"), ("dibom", "vp"), ("pengeboman", "n"), ("mengebomnya", "va"),
])
def test_one_syllable_roots_take_menge_and_penge(word, form):
    assert ("bom", form) in {(a.root, a.form) for a in analyse(word, frozenset({"bom", "kecam"}))}


def test_menge_does_not_hide_a_k_root():
    """"mengecam" is meN- + kecam; a one-syllable "cam" is not a root here."""
    assert [a.root for a in analyse("mengecam", frozenset({"kecam"}))] == ["kecam"]


@pytest.mark.parametrize("word,root", [
    ("penyerang", "serang"), ("pendukung", "dukung"), ("penduduk", "duduk"), ("pemerintah", "perintah"),
    ("pengunjung", "kunjung"), ("penculik", "culik"),
])
def test_pen_without_an_is_the_doer_not_the_act(word, root):
    """peN- alone makes an agent or tool noun (the attacker, the supporter, the resident,
    the government): never an event nominal of the root; peN-...-an is."""
    assert analyse(word, frozenset({root})) == ()


def test_pen_an_still_nominal():
    assert {(a.root, a.form) for a in analyse("penyerangan", frozenset({"serang"}))} == {("serang", "n")}
    assert {(a.root, a.form) for a in analyse("pendudukan", frozenset({"duduk"}))} == {("duduk", "n")}
