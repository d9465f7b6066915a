"""Indonesian morphology: from a word to the roots it may be built on.

Off-the-shelf stemmers guess one stem per word and get event verbs wrong
(mengunjungi -> "unjung", menyetujui -> "tuju"). jalin instead enumerates
every way a word can be split into prefix + root + suffix under the rules
of Indonesian morphophonology (meN-/peN- nasal assimilation, menge-/penge-
before one-syllable roots: mengebom, pengeboman; di-, ter-,
ber-, per-, ke-...-an, -kan, -i, -an, clitics -nya/-lah/-kah/-pun,
reduplication) and keeps only splits whose root is in a known root list
(the lexicon's). A root that is not known can never be produced, so a
wrong stem never reaches the coder.

Each analysis says whether the form is verbal (active or passive) or
nominal, which the trigger patterns use (``kunjung:v`` vs ``kunjung:n``).
"""

from __future__ import annotations

from functools import lru_cache

from ..analysis import BARE, NOUN, VERB_ACTIVE, VERB_PASSIVE, Analysis

_CLITICS = ("nya", "lah", "kah", "pun", "ku", "mu")
_VOWELS = set("aeiou")


def _nasal_roots(rest: str, nasal: str) -> list[str]:
    """Roots hidden behind a nasal prefix ending (meng/meny/mem/men/me + rest)."""
    out: list[str] = []
    if not rest:
        return out
    first = rest[0]
    if nasal == "ng":
        out.append(rest)  # vowel-, g-, h-, kh- roots keep their first letter
        if first in _VOWELS:
            out.append("k" + rest)  # k- roots lose k: mengunjungi <- kunjung
    elif nasal == "ny":
        if first in _VOWELS:
            out.append("s" + rest)  # s- roots: menyetujui <- setuju
    elif nasal == "m":
        out.append(rest)  # b-, f- roots
        if first in _VOWELS:
            out.append("p" + rest)  # p- roots: memukul <- pukul
    elif nasal == "n":
        out.append(rest)  # d-, c-, j- roots (and loan words)
        if first in _VOWELS:
            out.append("t" + rest)  # t- roots: menandatangani <- tandatangan
    elif nasal in ("", "nge"):
        out.append(rest)  # me + l/r/w/y/m/n: melawat, merebut; menge + one syllable: mengebom
    return out


def _prefix_splits(word: str) -> list[tuple[str, str, str]]:
    """(prefix, kind, rest-without-prefix candidates) for a lower-case word."""
    splits: list[tuple[str, str, str]] = [("", BARE, word)]
    for pre, kind in (("memper", VERB_ACTIVE), ("diper", VERB_PASSIVE), ("menge", "men"), ("penge", "pen"),
                      ("mem", "men"),
                      ("meng", "men"), ("meny", "men"), ("men", "men"), ("me", "men"),
                      ("peng", "pen"), ("peny", "pen"), ("pem", "pen"), ("pen", "pen"),
                      ("pe", "pen"), ("per", NOUN), ("di", VERB_PASSIVE), ("ter", VERB_PASSIVE),
                      ("ber", VERB_ACTIVE), ("be", VERB_ACTIVE), ("bel", VERB_ACTIVE),
                      ("ke", NOUN), ("se", BARE)):
        if not word.startswith(pre) or len(word) - len(pre) < 3:
            continue
        rest = word[len(pre):]
        if kind in ("men", "pen"):
            nasal = pre[2:]  # meng- -> "ng", peny- -> "ny", me-/pe- -> "", menge- -> "nge"
            form = VERB_ACTIVE if kind == "men" else NOUN
            for r in _nasal_roots(rest, nasal):
                splits.append((pre, form, r))
        else:
            splits.append((pre, kind, rest))
            if pre in ("memper", "diper"):
                splits.append((pre, kind, "per" + rest))
    return splits


def _suffix_splits(rest: str) -> list[tuple[str, str]]:
    out = [("", rest)]
    for suf in ("kan", "an", "i"):
        if rest.endswith(suf) and len(rest) - len(suf) >= 3:
            out.append((suf, rest[: -len(suf)]))
    return out


def _form(prefix_kind: str, prefix: str, suffix: str) -> str:
    if prefix_kind == BARE and prefix == "" and suffix == "an":
        return NOUN  # kunjungan, bantuan
    if prefix_kind == NOUN:
        if prefix == "ke" and suffix != "an":
            return ""  # ke- alone is not a derivation here
        if prefix.startswith("pe") and prefix != "per" and suffix != "an":
            return ""  # peN- alone names the doer or the tool, not the act: penyerang, pemerintah, penduduk
        return NOUN
    if prefix_kind == VERB_ACTIVE and prefix.startswith("pe"):
        return NOUN
    if prefix_kind in (VERB_ACTIVE, VERB_PASSIVE) and suffix == "an" and prefix not in ("ber", "be", "bel"):
        return ""  # meN-...-an / di-...-an are not Indonesian forms
    if prefix_kind == BARE and prefix == "" and suffix in ("kan", "i"):
        return VERB_ACTIVE  # imperative/bare verbs: berikan, kunjungi
    if prefix == "se":
        return ""
    return prefix_kind


def _dereduplicate(word: str) -> str:
    if "-" in word:
        a, _, b = word.partition("-")
        if a == b or b.startswith(a) or a.endswith(b):
            return a  # negara-negara, bank-bank
    return word


@lru_cache(maxsize=200_000)
def candidates(word: str) -> tuple[Analysis, ...]:
    """Every (root, form) this word could be, known root or not (lower-cased)."""
    w = _dereduplicate(word.lower())
    bases = [w]
    for c in _CLITICS:
        if w.endswith(c) and len(w) - len(c) >= 4:
            bases.append(w[: -len(c)])
    seen: set[Analysis] = set()
    out: list[Analysis] = []
    for base in bases:
        for prefix, kind, rest in _prefix_splits(base):
            for suffix, root in _suffix_splits(rest):
                form = _form(kind, prefix, suffix)
                if not form or len(root) < 2:
                    continue
                a = Analysis(root, form, prefix, suffix)
                if a not in seen:
                    seen.add(a)
                    out.append(a)
                # reduplicated root inside an affixed word: bekerja-sama is handled by tokens
    return tuple(out)


def analyse(word: str, known_roots: frozenset[str]) -> tuple[Analysis, ...]:
    """Analyses of ``word`` whose root is known; the shortest affixation first."""
    found = [a for a in candidates(word) if a.root in known_roots]
    found.sort(key=lambda a: (len(a.prefix) + len(a.suffix) == 0 and a.form != BARE, -len(a.root)))
    return tuple(found)
