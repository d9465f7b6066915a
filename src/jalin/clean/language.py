"""Language identification: Indonesian vs Malay vs English, pycld2 for the rest.

Indonesian and Malay share most function words, so general-purpose
detectors confuse them on short text. We count our own small profiles of
function words (shared Malay-family words, Indonesian-only and Malay-only
markers, English words) and use pycld2 (offline, ships its model) as a second
opinion and for every other language.

Words are listed here rather than in a data file because they are part of
the algorithm (a fixed profile tuned together with the thresholds below);
the lists were written for jalin from standard Indonesian/Malay usage.
"""

from __future__ import annotations

import re
import pycld2

UNDETERMINED = "und"

_ENGLISH = frozenset(
    "the and of to in is that for with was were on by said says has have are from "
    "it its his her their will at an which this be as not but who would had been "
    "after they he she we also more than about into over".split()
)
# Shared by Indonesian and Malay: they count for "Malay family", not for either.
_MALAY_FAMILY = frozenset(
    "yang dan di ke dengan ini itu untuk pada dalam tidak akan juga oleh dari kepada "
    "telah atau ada mereka kami kita negara bagi antara serta lebih tersebut sebagai "
    "para secara namun hingga masih menteri presiden kata ia dia sebuah seorang "
    "terhadap selama sejak ketika jika".split()
)
_INDONESIAN = frozenset(
    "adalah karena yaitu bisa pemerintah pemerintahan sudah setelah bahwa uang kemarin "
    "polisi kepolisian tentara mengatakan saat pengadilan tapi nggak enggak pernyataan "
    "ujar ungkap sekitar pekan kantor lewat meski seusai jelang kendati rapat "
    "serikat tiongkok keamanan".split()
)
_MALAY = frozenset(
    "ialah kerana daripada iaitu boleh kerajaan bahawa wang semalam sahaja berkata "
    "manakala selepas mahkamah polis hospital tentera jabatan menerusi bagaimanapun "
    "baharu akhbar sekiranya ramai kenyataan mesyuarat berbanding bilangan pejabat "
    "agensi syarikat".split()
)

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


def _profile(tokens: list[str]) -> dict[str, int]:
    counts = {"en": 0, "family": 0, "id": 0, "ms": 0}
    for tok in tokens:
        if tok in _ENGLISH:
            counts["en"] += 1
        if tok in _MALAY_FAMILY:
            counts["family"] += 1
        if tok in _INDONESIAN:
            counts["id"] += 1
        if tok in _MALAY:
            counts["ms"] += 1
    return counts


def _id_or_ms(counts: dict[str, int], cld_code: str, cld_reliable: bool) -> tuple[str, float]:
    id_score = counts["id"] + (1.0 if cld_code == "id" and cld_reliable else 0.0)
    ms_score = counts["ms"] + (1.0 if cld_code == "ms" and cld_reliable else 0.0)
    # Indonesian is the default: Malay needs at least two Malay-only words of
    # its own (pycld2 alone calls short Indonesian text Malay).
    if counts["ms"] >= 2 and ms_score > 1.5 * id_score:
        lang, margin = "ms", ms_score - id_score
    else:
        lang, margin = "id", id_score - ms_score
    confidence = 0.6 + 0.4 * min(1.0, max(0.0, margin) / 5.0)
    return lang, round(confidence, 3)


def detect_language(text: str) -> tuple[str, float]:
    """The language of ``text`` as (iso 639-1 code, confidence 0..1).

    Returns ``("und", 0.0)`` when nothing can be said (empty or too little
    text). Indonesian/Malay/English are told apart by function-word profiles;
    other languages come from pycld2.
    """
    tokens = [t.lower() for t in _TOKEN_RE.findall(text, 0, _PROFILE_SAMPLE_CHARS)]
    if not tokens:
        return UNDETERMINED, 0.0
    cld_code, cld_share, cld_reliable = _cld2(text)
    counts = _profile(tokens)
    hits = counts["en"] + counts["family"] + counts["id"] + counts["ms"]
    density = hits / len(tokens)
    foreign = cld_code not in ("id", "ms", "en", UNDETERMINED)
    strong_profile = hits >= _MIN_PROFILE_HITS and density >= 0.15
    if foreign and cld_reliable and not strong_profile:
        return cld_code, round(cld_share, 3)
    if hits == 0:
        if cld_code != UNDETERMINED and cld_reliable:
            return cld_code, round(min(cld_share, 0.5), 3)
        return UNDETERMINED, 0.0
    malay_side = counts["family"] + counts["id"] + counts["ms"]
    if counts["en"] > malay_side:
        lang, confidence = "en", counts["en"] / hits
    else:
        lang, confidence = _id_or_ms(counts, cld_code, cld_reliable)
    if hits < _MIN_PROFILE_HITS:  # very short text: say so in the confidence
        confidence = min(confidence, 0.5)
    return lang, round(confidence, 3)
