"""Near-duplicate articles: the MinHash sketch and its Jaccard estimate."""

from __future__ import annotations

import random

from jalin.stories import neardup

ORIGINAL = (
    "Presiden Uzbekistan Shavkat Mirziyoyev tiba di Astana pada Senin untuk kunjungan kenegaraan "
    "selama dua hari. Ia disambut oleh Perdana Menteri Kazakhstan di bandara internasional. "
    "Kedua pemimpin dijadwalkan membahas perdagangan, energi, transportasi dan pembagian air di "
    "kawasan Asia Tengah. Nilai perdagangan kedua negara tahun lalu mencapai lebih dari empat "
    "miliar dolar AS, menurut data kementerian ekonomi. Kunjungan ini merupakan yang pertama "
    "sejak pemilihan presiden di Uzbekistan tahun lalu."
)
EDITED = (
    ORIGINAL.replace("tiba di Astana", "mendarat di Astana")
    .replace("menurut data kementerian ekonomi", "menurut data resmi")
    + " Baca juga: harga gandum naik di pasar regional."
)
OTHER_WORDS = (
    "Kazakhstan menyambut pemimpin Uzbekistan di ibu kota. Tokayev dan Mirziyoyev membicarakan "
    "air, listrik dan jalur kereta menuju perbatasan, kata juru bicara istana kepada wartawan. "
    "Pertemuan berlangsung tertutup selama tiga jam di Istana Akorda sebelum jamuan makan malam."
)


def test_identical_texts_are_copies():
    a, b = neardup.sketch(ORIGINAL), neardup.sketch(ORIGINAL)
    assert a == b and len(a) > neardup.MIN_SHINGLES and neardup.jaccard(a, b) == 1.0


def test_a_lightly_edited_repost_is_a_copy_another_outlets_story_is_not():
    edited = neardup.jaccard(neardup.sketch(ORIGINAL), neardup.sketch(EDITED))
    other = neardup.jaccard(neardup.sketch(ORIGINAL), neardup.sketch(OTHER_WORDS))
    assert edited >= neardup.COPY_THRESHOLD > other
    assert other < 0.1


def test_the_estimate_is_close_to_the_true_jaccard():
    rng = random.Random(7)
    words = [f"kata{i}" for i in range(3000)]
    base = [rng.choice(words) for _ in range(800)]
    for keep in (0.9, 0.6, 0.3):
        changed = [w if rng.random() < keep else rng.choice(words) for w in base]
        sa, sb = neardup.shingles(" ".join(base)), neardup.shingles(" ".join(changed))
        true = len(sa & sb) / len(sa | sb)
        est = neardup.jaccard(neardup.sketch(" ".join(base)), neardup.sketch(" ".join(changed)))
        assert abs(est - true) < 0.12, (keep, true, est)


def test_short_texts_have_no_sketch_and_hashes_are_stable():
    assert neardup.sketch("Rusia mengecam Ukraina.") == ()
    # BLAKE2b, not Python's salted hash(): the same in every process
    assert neardup._hash("kunjungan kenegaraan dua") == neardup._hash("kunjungan kenegaraan dua")
    assert neardup._hash("a b c") < 2 ** 63
    assert neardup.kept_text("abc\ndef\nghi", ((0, 3), (8, 11))) == "abc\nghi"
