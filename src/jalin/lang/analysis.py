"""What a language's morphology says about one word: the roots it may be built on.

Every pack's ``analyse(word, known_roots)`` returns :class:`Analysis` records
whose ``root`` is in the lexicon's root list, so a wrong stem can never reach
the coder. ``form`` is the word's shape, which trigger patterns test
(``kunjung:v`` takes only verbal forms, ``kunjung:n`` only nominal ones).
"""

from __future__ import annotations

from dataclasses import dataclass

VERB_ACTIVE = "va"
VERB_PASSIVE = "vp"
NOUN = "n"
BARE = "b"  # the root itself: verb or noun by context


@dataclass(frozen=True, slots=True)
class Analysis:
    root: str
    form: str  # va | vp | n | b
    prefix: str = ""
    suffix: str = ""

    @property
    def verbal(self) -> bool:
        return self.form in (VERB_ACTIVE, VERB_PASSIVE, BARE)

    @property
    def nominal(self) -> bool:
        return self.form in (NOUN, BARE)

    @property
    def passive(self) -> bool:
        return self.form == VERB_PASSIVE


__all__ = ["BARE", "NOUN", "VERB_ACTIVE", "VERB_PASSIVE", "Analysis"]
