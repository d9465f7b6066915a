"""People named again later in an Indonesian article by part of their name.

Indonesian outlets introduce a person once with a title ("Menteri Energi
Kazakhstan Almasadam Satkaliyev", "utusan khusus Uni Eropa untuk sanksi,
David O'Sullivan,") and then use the bare name: "ujar Satkaliyev",
"Kunjungan O'Sullivan ke Astana", "Maduro dan Ali sempat bertemu". The
actor tables know only famous people; every other name is known to the
article alone. This module keeps the article's memory of names (the pack's
``names`` dict: name part -> actor) and turns later bare names into person
mentions of the actor first named with them.

Two ways in:
* a mention of a person or of a role with a name after it (the resolver's
  "title + name" mentions): each capitalised part of the name;
* an apposition: a role mention without a name, then ", Name Name," (two to
  four capitalised words between commas): those words.
"""

from __future__ import annotations

import re

from ...models import Actor, Mention, Sentence

# a capitalised word of a name: "Satkaliyev", "O'Sullivan", "Al-Sisi"
_NAME_WORD = re.compile(r"[A-Z][\w'’-]+")
_APPOSITION = re.compile(r"\s*,\s*((?:[A-Z][\w'’-]+\s+){1,3}[A-Z][\w'’-]+)\s*,")
# capitalised words that are not names even where they stand inside a name's span
_NOT_NAMES = frozenset({"Presiden", "Menteri", "Wakil", "Perdana", "Luar", "Negeri", "Dalam",
                        "Kepala", "Sekretaris", "Jenderal", "Duta", "Besar", "Ketua", "Juru",
                        "Bicara", "Raja", "Ratu", "Pangeran", "Syekh", "Sheikh", "Emir",
                        "Mullah", "Haji", "Bin", "Binti", "Abu", "Abdul", "Abdel", "Muhammad",
                        "Mohammad", "Mohammed", "Jr", "Sr"})


def _parts(name: str, text: str) -> list[str]:
    """The parts of ``name`` that may stand alone later: capitalised, longer than two
    letters, written in the mention's text, not a title or a very common given name."""
    return [p for p in name.split()
            if len(p) > 2 and p[:1].isupper() and p not in _NOT_NAMES
            and re.search(rf"(?<!\w){re.escape(p)}(?!\w)", text)]


def remember(sentence: Sentence, mentions: list[Mention], names: dict[str, Actor]) -> None:
    """Add the names this sentence introduces to ``names`` (name part -> actor)."""
    for m in mentions:
        if m.kind == "person" or (m.kind == "role" and m.actor.name):
            if m.actor.name:
                for p in _parts(m.actor.name, m.text):
                    names[p] = m.actor
        if m.kind != "role" or (m.actor.name and m.actor.org is None):  # a person named already
            continue
        # "utusan khusus Uni Eropa untuk sanksi, David O'Sullivan," (up to four words between)
        rest = sentence.text[m.end - sentence.start:]
        hop = re.match(r"((?:\s+[a-z][\w-]*){0,4})", rest)
        after = rest[hop.end():] if hop else rest
        ap = _APPOSITION.match(after)
        if ap is None:
            continue
        words = ap.group(1).split()
        for p in words:  # "Mao Ning": the family name may come first
            if p not in _NOT_NAMES and len(p) > 2:
                names[p] = m.actor


def later_mentions(sentence: Sentence, mentions: list[Mention], names: dict[str, Actor],
                   place_preps: frozenset[str] = frozenset()) -> list[Mention]:
    """The sentence's mentions with the bare names of people named earlier added (as persons
    of the actor they were introduced with); then this sentence's own names are remembered.
    A name right after one of ``place_preps`` ("ke Koster") is taken for a place."""
    out = list(mentions)
    if names:
        for hit in _NAME_WORD.finditer(sentence.text):
            word = hit.group(0)
            actor = names.get(word) or names.get(word.removesuffix("'s"))
            if actor is None:
                continue
            before = sentence.text[:hit.start()].split()[-1:]
            if before and before[0].lower() in place_preps:
                continue
            s, e = sentence.start + hit.start(), sentence.start + hit.end()
            if any(x.start < e and s < x.end for x in out):
                continue
            out.append(Mention(sentence.doc_id, sentence.index, s, e, word, actor, "person"))
        out.sort(key=lambda x: (x.start, x.end))
    remember(sentence, out, names)
    return out
