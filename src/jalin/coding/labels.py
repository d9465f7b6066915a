"""Human descriptions of CAMEO codes, in the language of a pack.

    >>> describe("042")
    'Make a visit (CONSULT, verbal cooperation, Goldstein +1.9)'

The names come from the ontology tables (``data/ontology/``: an English
``name`` and an Indonesian ``nama`` per code, an English ``label`` and an
Indonesian ``label_id`` per QuadClass); which of them a language reads is its
pack's choice (:meth:`jalin.lang.base.LanguagePack.event_name`,
:meth:`~jalin.lang.base.LanguagePack.quad_label`).
"""

from __future__ import annotations

from ..lang import get_pack
from ..lang.base import LanguagePack
from .ontology import Ontology, default_ontology

_NEUTRAL = LanguagePack()  # the ontology's own (English) names


def describe(code: str, lang: str | None = None, ontology: Ontology | None = None) -> str:
    """A short description of a code for reports and dashboards.

    ``describe("042")`` -> ``"Make a visit (CONSULT, verbal cooperation,
    Goldstein +1.9)"``; ``lang="id"`` uses the Indonesian name and labels.
    Unknown codes raise :class:`~jalin.coding.ontology.UnknownCodeError`,
    unknown languages :class:`~jalin.errors.UnknownLanguageError`.
    """
    pack = get_pack(lang) if lang is not None else _NEUTRAL
    onto = ontology or default_ontology()
    rec = onto.get(code)
    quad = onto.quad(rec.code)
    return f"{pack.event_name(rec)} ({rec.plover}, {pack.quad_label(quad)}, Goldstein {rec.goldstein:+.1f})"


__all__ = ["describe"]
