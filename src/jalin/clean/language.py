"""Language identification: the languages of the packs, pycld2 for the rest.

Close sisters such as Indonesian and Malay share most function words, so
general-purpose detectors confuse them on short text. Each language pack
(:mod:`jalin.lang`) brings a small profile: the function words its family
shares (``family_words``) and words only it uses (``markers``). We count
them and use pycld2 (offline, ships its model) as a second opinion and for
every other language:

1. the family with the most profile words wins (ties: the family registered
   first);
2. inside a family, the default member (``family_default``: Indonesian)
   wins unless another one has at least ``min_markers`` words of its own
   (one is enough when the default shows none of its own) and more than
   ``margin_ratio`` times the default's score (a reliable pycld2 verdict adds
   one to a member's score): pycld2 alone calls short Indonesian text Malay,
   so it never decides alone.

The profiles are part of the algorithm (tuned together with the thresholds
here), so they live in the packs' code rather than in data files.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pycld2

from ..lang import packs
from ..lang.base import LanguagePack

UNDETERMINED = "und"

_TOKEN_RE = re.compile(r"[^\W\d_]+", re.UNICODE)
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_MIN_PROFILE_HITS = 3
_CLD2_SAMPLE_CHARS = 20000
_PROFILE_SAMPLE_CHARS = 50000


def _cld2(text: str) -> tuple[str, float, bool]:
    """(code, share of text in percent / 100, reliable) from pycld2."""
    sample = _CONTROL_RE.sub(" ", text[:_CLD2_SAMPLE_CHARS])
    try:
        reliable, _, details = pycld2.detect(sample.encode("utf-8", "replace"))
    except pycld2.error:
        return UNDETERMINED, 0.0, False
    _, code, percent, _ = details[0]
    if code in ("un", "xxx"):
        return UNDETERMINED, 0.0, False
    return code.lower(), percent / 100.0, bool(reliable)


@lru_cache(maxsize=1)
def _profile_words() -> dict[str, tuple[tuple[bool, str], ...]]:
    """word -> what it counts for: (True, pack code) a marker, (False, family) a shared word."""
    out: dict[str, list[tuple[bool, str]]] = {}
    for p in packs():
        for w in p.markers:
            out.setdefault(w, []).append((True, p.code))
    families: dict[str, frozenset[str]] = {}
    for p in packs():
        families[p.family] = families.get(p.family, frozenset()) | p.family_words
    for fam, words in families.items():
        for w in words:
            out.setdefault(w, []).append((False, fam))
    return {w: tuple(dict.fromkeys(v)) for w, v in out.items()}


def _profile(tokens: list[str]) -> tuple[dict[str, int], dict[str, int]]:
    """Hits per pack (its own markers) and per family (words its members share)."""
    own = {p.code: 0 for p in packs()}
    shared = {p.family: 0 for p in packs()}
    table = _profile_words()
    for tok in tokens:
        for is_own, key in table.get(tok, ()):
            if is_own:
                own[key] += 1
            else:
                shared[key] += 1
    return own, shared


def _within_family(members: list[LanguagePack], own: dict[str, int], cld_code: str,
                   cld_reliable: bool) -> tuple[str, float]:
    """The member of a family of close sisters, with a confidence from the winning margin."""
    def score(p: LanguagePack) -> float:
        return own[p.code] + (1.0 if p.code == cld_code and cld_reliable else 0.0)

    default = next((p for p in members if p.family_default), members[0])
    others = [p for p in members if p is not default]
    best = max(others, key=score) if others else None
    # enough of its own words: min_markers, or one when the default member shows none at all
    enough = best is not None and (own[best.code] >= best.min_markers
                                   or (own[best.code] >= 1 and own[default.code] == 0))
    if enough and score(best) > best.margin_ratio * score(default):
        lang, margin = best.code, score(best) - score(default)
    else:
        lang, margin = default.code, score(default) - (score(best) if best is not None else 0.0)
    confidence = 0.6 + 0.4 * min(1.0, max(0.0, margin) / 5.0)
    return lang, round(confidence, 3)


def detect_language(text: str) -> tuple[str, float]:
    """The language of ``text`` as (iso 639-1 code, confidence 0..1).

    Returns ``("und", 0.0)`` when nothing can be said (empty or too little
    text). The packs' languages are told apart by function-word profiles;
    other languages come from pycld2.
    """
    tokens = [t.lower() for t in _TOKEN_RE.findall(text, 0, _PROFILE_SAMPLE_CHARS)]
    if not tokens:
        return UNDETERMINED, 0.0
    cld_code, cld_share, cld_reliable = _cld2(text)
    own, shared = _profile(tokens)
    hits = sum(own.values()) + sum(shared.values())
    density = hits / len(tokens)
    known = {p.code for p in packs()}
    foreign = cld_code not in known and cld_code != UNDETERMINED
    strong_profile = hits >= _MIN_PROFILE_HITS and density >= 0.15
    if foreign and cld_reliable and not strong_profile:
        return cld_code, round(cld_share, 3)
    if hits == 0:
        if cld_code != UNDETERMINED and cld_reliable:
            return cld_code, round(min(cld_share, 0.5), 3)
        return UNDETERMINED, 0.0
    families: dict[str, list[LanguagePack]] = {}
    for p in packs():
        families.setdefault(p.family, []).append(p)
    scores = {fam: shared[fam] + sum(own[p.code] for p in members) for fam, members in families.items()}
    family = max(scores, key=lambda fam: scores[fam])  # ties: the family registered first
    members = families[family]
    if len(members) == 1:
        lang, confidence = members[0].code, scores[family] / hits
    else:
        lang, confidence = _within_family(members, own, cld_code, cld_reliable)
    if hits < _MIN_PROFILE_HITS:  # very short text: say so in the confidence
        confidence = min(confidence, 0.5)
    return lang, round(confidence, 3)
