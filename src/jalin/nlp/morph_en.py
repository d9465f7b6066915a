"""English morphology for trigger matching: inflected word -> candidate lemmas.

A deliberately small rule set (regular inflection and derivation plus a
table of irregular verbs) checked against the lexicon's lemma list, the
same contract as :mod:`jalin.nlp.morph_id`: only known lemmas come out.
"""

from __future__ import annotations

from functools import lru_cache

from .morph_id import BARE, NOUN, VERB_ACTIVE, VERB_PASSIVE, Analysis

_IRREGULAR = {
    "met": "meet", "meets": "meet", "meeting": "meet", "said": "say", "made": "make", "gave": "give",
    "given": "give", "sent": "send", "took": "take", "taken": "take", "held": "hold", "sought": "seek",
    "fought": "fight", "shot": "shoot", "struck": "strike", "stricken": "strike", "froze": "freeze",
    "frozen": "freeze", "threw": "throw", "thrown": "throw", "broke": "break", "broken": "break",
    "withdrew": "withdraw", "withdrawn": "withdraw", "undertook": "undertake", "forgave": "forgive",
    "forgiven": "forgive", "led": "lead", "spoke": "speak", "spoken": "speak", "told": "tell",
    "began": "begin", "begun": "begin", "came": "come", "went": "go", "gone": "go", "seized": "seize",
    "overthrew": "overthrow", "overthrown": "overthrow", "bore": "bear", "borne": "bear",
    "wrote": "write", "written": "write", "brought": "bring", "laid": "lay", "paid": "pay",
    "kept": "keep", "left": "leave", "lent": "lend", "dealt": "deal", "won": "win", "lost": "lose",
    "shut": "shut", "hit": "hit", "put": "put", "cut": "cut", "set": "set", "let": "let", "quit": "quit",
    "bid": "bid", "cast": "cast", "spread": "spread", "rode": "ride", "ran": "run", "stood": "stand",
}


@lru_cache(maxsize=100_000)
def candidates(word: str) -> tuple[Analysis, ...]:
    w = word.lower().replace("’", "'")
    out: list[Analysis] = [Analysis(w, BARE)]
    if w in _IRREGULAR:
        out.append(Analysis(_IRREGULAR[w], VERB_ACTIVE, suffix="irr"))
    for suf, form, repl in (
        ("ies", BARE, ("y",)), ("es", BARE, ("", "e")), ("s", BARE, ("",)),
        ("ied", VERB_ACTIVE, ("y",)), ("ed", VERB_ACTIVE, ("", "e")), ("d", VERB_ACTIVE, ("",)),
        ("ying", VERB_ACTIVE, ("ie",)), ("ing", VERB_ACTIVE, ("", "e")),
        ("ations", NOUN, ("e", "")), ("ation", NOUN, ("e", "")), ("ions", NOUN, ("e", "")),
        ("ion", NOUN, ("e", "")), ("ments", NOUN, ("",)), ("ment", NOUN, ("",)),
        ("als", NOUN, ("",)), ("al", NOUN, ("", "e")), ("ance", NOUN, ("",)), ("ence", NOUN, ("",)),
    ):
        if w.endswith(suf) and len(w) - len(suf) >= 2:
            stem = w[: -len(suf)]
            for r in repl:
                out.append(Analysis(stem + r, form, suffix=suf))
            if suf in ("ed", "ing") and len(stem) >= 3 and stem[-1] == stem[-2]:
                out.append(Analysis(stem[:-1], form, suffix=suf))  # stopped, planning
    return tuple(out)


def analyse(word: str, known: frozenset[str]) -> tuple[Analysis, ...]:
    return tuple(a for a in candidates(word) if a.root in known)


__all__ = ["analyse", "candidates", "VERB_PASSIVE"]
