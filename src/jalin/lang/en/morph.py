"""English morphology for trigger matching: inflected word -> candidate lemmas.

A small rule set (regular inflection, the common nominalising suffixes,
British/American spelling, a table of irregular verbs) checked against the
lexicon's lemma list, the same contract as :mod:`jalin.lang.id.morph`: only
known lemmas come out, so a wrong guess ("investig") can never reach the
coder.

Forms: ``b`` the word itself or its plural/3rd person (verb or noun by
context), ``va`` a verb form (-ed, -ing, irregular past), ``n`` a
nominalisation (-ion, -ment, -al, -ance, ...). English passives are not
visible on the word; :mod:`jalin.lang.en.voice` reads them off the
auxiliary before it.
"""

from __future__ import annotations

from functools import lru_cache

from ..analysis import BARE, NOUN, VERB_ACTIVE, VERB_PASSIVE, Analysis

# irregular past tenses and participles -> lemma (hand-written from ordinary English grammar)
_IRREGULAR = {
    "met": "meet", "said": "say", "made": "make", "gave": "give", "given": "give", "sent": "send",
    "took": "take", "taken": "take", "held": "hold", "sought": "seek", "fought": "fight",
    "shot": "shoot", "struck": "strike", "stricken": "strike", "froze": "freeze", "frozen": "freeze",
    "threw": "throw", "thrown": "throw", "broke": "break", "broken": "break", "withdrew": "withdraw",
    "withdrawn": "withdraw", "undertook": "undertake", "undertaken": "undertake",
    "forgave": "forgive", "forgiven": "forgive", "led": "lead", "spoke": "speak", "spoken": "speak",
    "told": "tell", "began": "begin", "begun": "begin", "came": "come", "went": "go", "gone": "go",
    "overthrew": "overthrow", "overthrown": "overthrow", "bore": "bear", "borne": "bear",
    "wrote": "write", "written": "write", "brought": "bring", "laid": "lay", "paid": "pay",
    "kept": "keep", "left": "leave", "lent": "lend", "dealt": "deal", "won": "win", "lost": "lose",
    "shut": "shut", "hit": "hit", "put": "put", "cut": "cut", "set": "set", "let": "let",
    "quit": "quit", "bid": "bid", "cast": "cast", "spread": "spread", "rode": "ride", "ran": "run",
    "stood": "stand", "beaten": "beat", "blew": "blow", "blown": "blow", "hid": "hide",
    "hidden": "hide", "stole": "steal", "stolen": "steal", "swore": "swear", "sworn": "swear",
    "forbade": "forbid", "forbidden": "forbid", "overran": "overrun", "retook": "retake",
    "retaken": "retake", "fled": "flee", "fed": "feed", "drove": "drive", "driven": "drive",
    "sold": "sell", "bought": "buy", "caught": "catch", "fell": "fall", "fallen": "fall",
    "found": "find", "knew": "know", "known": "know", "grew": "grow", "grown": "grow",
    "drew": "draw", "drawn": "draw", "flew": "fly", "flown": "fly", "shown": "show",
    "rose": "rise", "risen": "rise", "chose": "choose", "chosen": "choose", "shook": "shake",
    "shaken": "shake", "arose": "arise", "arisen": "arise", "upheld": "uphold", "withheld": "withhold",
    "sank": "sink", "sunk": "sink", "slew": "slay", "slain": "slay", "rebuilt": "rebuild",
    "built": "build", "spent": "spend", "meant": "mean", "heard": "hear", "felt": "feel",
    "did": "do", "done": "do", "had": "have", "was": "be", "were": "be", "been": "be",
    "stuck": "stick", "wound": "wind", "sped": "speed", "overtook": "overtake", "overtaken": "overtake",
    "mistook": "mistake", "forgot": "forget", "forgotten": "forget", "lit": "light",
    "outlawed": "outlaw", "beat": "beat", "swept": "sweep", "sought-after": "seek",
    "tore": "tear", "torn": "tear", "hung": "hang", "overcame": "overcome", "strove": "strive",
    "striven": "strive", "withstood": "withstand", "underwent": "undergo", "undergone": "undergo",
}
# irregular nominalisations -> verb lemma
_NOMINAL = {
    "expulsion": "expel", "detention": "detain", "invasion": "invade", "denial": "deny",
    "withdrawal": "withdraw", "refusal": "refuse", "proposal": "propose", "approval": "approve",
    "seizure": "seize", "closure": "close", "accusation": "accuse",
    "condemnation": "condemn", "extradition": "extradite", "intervention": "intervene",
    "suspension": "suspend", "occupation": "occupy", "explosion": "explode", "destruction": "destroy",
    "collision": "collide", "decision": "decide", "permission": "permit", "admission": "admit",
    "submission": "submit", "commission": "commit", "provision": "provide", "revision": "revise",
    "evasion": "evade", "abduction": "abduct", "reduction": "reduce", "assistance": "assist",
    "resistance": "resist", "acceptance": "accept",
    "recognition": "recognize", "negotiations": "negotiate", "talks": "talk", "strikes": "strike",
    "imposition": "impose", "opposition": "oppose", "deployment": "deploy", "shipment": "ship",
    "criticism": "criticize", "apology": "apologize", "apologies": "apologize",
    "meeting": "meet", "meetings": "meet", "killings": "kill", "killing": "kill",
    "bombings": "bomb", "bombing": "bomb", "shelling": "shell", "fighting": "fight",
    "resignation": "resign", "evacuation": "evacuate", "demobilization": "demobilize",
    "demobilisation": "demobilize", "assassination": "assassinate", "mediation": "mediate",
    "investigation": "investigate", "investigations": "investigate", "demonstration": "demonstrate",
    "demonstrations": "demonstrate", "cooperation": "cooperate", "deportation": "deport",
    "deportations": "deport", "imprisonment": "imprison", "annexation": "annex",
    "consultation": "consult", "consultations": "consult", "discussion": "discuss",
    "discussions": "discuss", "allegation": "allege", "allegations": "allege", "complaint": "complain",
    "complaints": "complain", "concession": "concede", "concessions": "concede",
    "delivery": "deliver", "deliveries": "deliver", "provocation": "provoke", "provocations": "provoke",
    "denunciation": "denounce", "denunciations": "denounce", "defiance": "defy",
    "reconciliation": "reconcile", "compliance": "comply", "acquittal": "acquit",
}
_VERB_SUFFIXES = (
    # suffix, form, replacements for the suffix
    ("ies", BARE, ("y",)), ("es", BARE, ("", "e")), ("s", BARE, ("",)),
    ("ied", VERB_ACTIVE, ("y",)), ("ed", VERB_ACTIVE, ("", "e")), ("d", VERB_ACTIVE, ("",)),
    ("ying", VERB_ACTIVE, ("ie", "y")), ("ing", VERB_ACTIVE, ("", "e")),
)
_NOUN_SUFFIXES = (
    ("ations", ("ate", "e", "", "y")), ("ation", ("ate", "e", "", "y")),
    ("itions", ("ite",)), ("ition", ("ite",)),
    ("ions", ("e", "")), ("ion", ("e", "")), ("ments", ("",)), ("ment", ("",)),
    ("als", ("", "e")), ("al", ("", "e")), ("ial", ("y",)), ("ances", ("", "e")), ("ance", ("", "e")),
    ("ences", ("", "e")), ("ence", ("", "e")), ("ures", ("e",)), ("ure", ("e",)),
)


def _spellings(lemma: str) -> tuple[str, ...]:
    """British and American spellings of a lemma (criticise/criticize, defence/defense)."""
    out = [lemma]
    if lemma.endswith("ise"):
        out.append(lemma[:-3] + "ize")
    elif lemma.endswith("yse"):
        out.append(lemma[:-3] + "yze")
    if lemma.endswith("our"):
        out.append(lemma[:-3] + "or")
    return tuple(out)


@lru_cache(maxsize=100_000)
def candidates(word: str) -> tuple[Analysis, ...]:
    """Every lemma the word may be a form of (known or not), with its form."""
    w = word.lower().replace("’", "'")
    w = w.removesuffix("'s")
    w = w.replace("isation", "ization")
    out: list[Analysis] = []

    def add(root: str, form: str, suffix: str = "") -> None:
        for r in _spellings(root):
            out.append(Analysis(r, form, suffix=suffix))

    add(w, BARE)
    if w in _IRREGULAR:
        add(_IRREGULAR[w], VERB_ACTIVE, "irr")
    if w in _NOMINAL:
        add(_NOMINAL[w], NOUN, "nom")
    for suf, form, repl in _VERB_SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 2:
            stem = w[: -len(suf)]
            for r in repl:
                add(stem + r, form, suf)
            if suf in ("ed", "ing") and len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
                add(stem[:-1], form, suf)  # stopped, planning
            if suf in ("ed", "ing") and len(stem) >= 3 and stem[-1] == stem[-2] == "l":
                add(stem[:-1], form, suf)  # British: cancelled, travelling
    for suf, repl in _NOUN_SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            stem = w[: -len(suf)]
            for r in repl:
                add(stem + r, NOUN, suf)
    if w.endswith("ings") and len(w) > 6:  # gerund plurals: bombings, killings
        add(w[:-4], NOUN, "ings")
    return tuple(out)


def analyse(word: str, known: frozenset[str]) -> tuple[Analysis, ...]:
    """Analyses of ``word`` whose lemma is known; the bare word first, duplicates removed."""
    seen: set[tuple[str, str]] = set()
    out = []
    for a in candidates(word):
        if a.root in known and (a.root, a.form) not in seen:
            seen.add((a.root, a.form))
            out.append(a)
    return tuple(out)


def is_participle(word: str) -> bool:
    """Could this word be a past participle ("attacked", "taken", "held")?"""
    w = word.lower()
    return (w.endswith("ed") and len(w) > 3) or (w in _IRREGULAR and w not in _PAST_ONLY)


_PAST_ONLY = frozenset({"met", "said", "took", "broke", "withdrew", "began", "came", "went", "wrote",
                        "rode", "ran", "blew", "stole", "swore", "forbade", "overran", "retook",
                        "drove", "fell", "knew", "grew", "drew", "flew", "rose", "chose", "shook",
                        "arose", "sank", "slew", "was", "were", "did", "froze", "threw", "spoke",
                        "forgave", "overthrew", "undertook", "gave", "mistook", "forgot", "overtook",
                        "tore", "overcame", "strove", "underwent"})


__all__ = ["VERB_PASSIVE", "analyse", "candidates", "is_participle"]
