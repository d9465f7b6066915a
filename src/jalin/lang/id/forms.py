"""Indonesian surface forms generated from a root: the inverse of :mod:`jalin.lang.id.morph`.

Used for examples (``jalin lexicon coverage``): every generated word is
checked by the morphology before it is shown, so an example is a form the
coder matches.
"""

from __future__ import annotations

import re

def _syllables(word: str) -> int:
    """Vowel nuclei; ai, au, oi, ei are one (damai, pulau), other sequences two (ju-al, di-a)."""
    return sum(len(re.sub(r"ai|au|oi|ei", "a", g)) for g in re.findall(r"[aeiou]+", word))


def _nasal(prefix: str, root: str) -> str:
    """meN-/peN- + root with nasal assimilation: meN+kunjung -> mengunjung, peN+tangkap -> penangkap."""
    base = prefix[:2]  # "me" | "pe"
    r = root
    if _syllables(r) == 1:
        return base + "nge" + r  # one-syllable roots: mengebom, pengeboman
    c = r[0]
    if c in "aeiou" or c in "gh" or r.startswith("kh"):
        return base + "ng" + r
    if c == "k":
        return base + "ng" + r[1:]
    if c == "s" and not r.startswith("sy") and r[1:2] in tuple("aeiou"):
        return base + "ny" + r[1:]
    if c == "p" and r[1:2] in tuple("aeiou"):
        return base + "m" + r[1:]
    if c in "bfv" or c == "p":
        return base + "m" + r
    if c == "t" and r[1:2] in tuple("aeiou"):
        return base + "n" + r[1:]
    if c in "dcjzt" or r.startswith("sy"):
        return base + "n" + r
    return base + r  # l, m, n, r, w, y and clusters: melawat, merebut


def id_forms(root: str) -> list[tuple[str, str]]:
    """(form, word) pairs an Indonesian root may surface as, in a fixed order."""
    return [
        ("va", _nasal("me", root)), ("va", _nasal("me", root) + "kan"), ("va", _nasal("me", root) + "i"),
        ("va", "ber" + root), ("vp", "di" + root), ("vp", "di" + root + "kan"), ("vp", "di" + root + "i"),
        ("n", _nasal("pe", root) + "an"), ("n", "per" + root + "an"), ("n", "ke" + root + "an"),
        ("n", root + "an"), ("b", root),
    ]

