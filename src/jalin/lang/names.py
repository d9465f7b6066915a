"""People the actor tables do not know, named after their title.

News introduces a person once with a title and a name the actor tables
cannot know ("Bupati Luwu Utara Andi Abdullah Rahim", "Juru bicara Kemlu
China, Lin Jian", "pengusaha asal Mesir, Hasan Sayed Haggah") and then
uses the name alone: "ujar Andi Rahim", "Lin juga menuduh Manila ...". The
title gave the person's side (IDNGOV, CHNGOV, EGYBUS); every later use of a
part of the name is that side too, as a reader takes it. :func:`role_names`
learns the names that stand right after a title (language-neutral: a pack
passes its words that are never names, titles and directions of place names);
the pack finds the later uses (jalin.lang.id.names for Indonesian).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..models import Mention, Sentence

#: a word that may be part of a person's name: capitalised, letters, inner hyphen or apostrophe
_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:['-][A-Za-z]+)*")
_WORD = re.compile(r"\S+")
#: at most this many capitalised words after a title are read ("Luwu Utara Andi Abdullah Rahim")
MAX_NAME_WORDS = 6
#: a sentence this capitalised is a headline in title case, not running text
_TITLE_CASE_SHARE = 0.75


def _title_case(text: str) -> bool:
    """A headline: no closing full stop, and nearly every longer word capitalised."""
    if re.search(r"[.!?][\"'”’)]*\s*$", text):
        return False
    words = [w for w in re.findall(r"[A-Za-z]+", text) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) >= _TITLE_CASE_SHARE


def role_names(sentence: Sentence, mentions: list[Mention], not_names: frozenset[str]) -> dict[str, Mention]:
    """Parts of the unknown names that stand right after a role mention (its own comma
    allowed), each with a mention of that role carrying the full name."""
    if _title_case(sentence.text):
        return {}
    out: dict[str, Mention] = {}
    text, base = sentence.text, sentence.start
    taken = [(m.start - base, m.end - base) for m in mentions]
    for m in mentions:
        if m.kind != "role" or not m.actor.country or m.actor.name:
            continue
        pos = m.end - base
        gap = re.match(r"\s*,?\s*", text[pos:])
        pos += gap.end() if gap else 0
        words: list[str] = []
        for w in _WORD.finditer(text, pos):
            if w.start() != pos or len(words) == MAX_NAME_WORDS:
                break
            word = w.group(0).rstrip(",.;:)\"'”")
            end = w.start() + len(word)
            if not _NAME_WORD.fullmatch(word) or any(a < end and w.start() < b for a, b in taken):
                break
            words.append(word)
            pos = w.end() + len(re.match(r"\s*", text[w.end():]).group(0))
            if word != w.group(0):
                break  # a comma or full stop closes the name
        # the title's own place or rank comes first ("Bupati Luwu Utara | Andi Abdullah Rahim"):
        # the name is what follows the last word that is never a name
        cut = max((i + 1 for i, w in enumerate(words) if w.lower() in not_names), default=0)
        words = words[cut:]
        parts = [w for w in words if len(w) > 2]
        if not parts:
            continue
        actor = replace(m.actor, name=" ".join(words))
        for part in parts:
            out[part] = replace(m, actor=actor, kind="person")
    return out


__all__ = ["MAX_NAME_WORDS", "role_names"]
