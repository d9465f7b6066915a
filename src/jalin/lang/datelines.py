"""Datelines: the place (and outlet, day) a news story opens with, before its first dash.

"BISHKEK, Kyrgyzstan (AP) —", "JAKARTA, KOMPAS.com -", "ASTANA, Kamis (5/12/2024) -":
the capital there is where the reporter filed from, not an actor of the story. The shape
is the same in every language jalin reads: an upper-case place, an optional comma part
and parenthesis, then a dash.
"""

from __future__ import annotations

import re

_DATELINE = re.compile(r"^\s*[A-Z][A-Z'.-]{2,}(?: [A-Z][A-Z'.-]+)*(?:,[^\n–—]{1,40}?)?"
                       r"(?:\s*\([^()\n]{1,30}\))?\s*(?:--|-|–|—)\s")


def dateline_end(text: str) -> int:
    """Length of a dateline at the start of a sentence's text, else 0."""
    m = _DATELINE.match(text)
    return m.end() if m else 0


def drop_dateline_mentions(sentence, mentions: list) -> list:
    """Mentions inside the sentence's dateline are places, not actors."""
    end = dateline_end(sentence.text)
    if not end:
        return mentions
    cut = sentence.start + end
    return [m for m in mentions if m.start >= cut]


__all__ = ["dateline_end", "drop_dateline_mentions"]
