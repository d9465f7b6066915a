"""Language packs: one package per language, and the registry the stages ask.

    >>> from jalin.lang import get_pack, supported
    >>> supported()
    ('id', 'en')
    >>> get_pack("en").modifier_first
    True

Each language is a package here (``id/``, ``en/``, ``ms/``) exposing ``PACK``,
an instance of a :class:`~jalin.lang.base.LanguagePack` subclass: its
morphology, closed word classes, syntax hooks, date conventions, detection
profile and the paths of its data files (which stay under ``jalin/data/``).
Generic stages look a pack up by the article's language code and ask it;
they never compare language codes themselves. A pack may inherit another:
Malay (``ms``) subclasses Indonesian and overrides what differs.

The registry's order matters once: when two language families score the
same in detection, the one registered first wins.
"""

from __future__ import annotations

from ..errors import UnknownLanguageError
from .base import LanguagePack
from .en import PACK as _ENGLISH
from .id import PACK as _INDONESIAN
from .ms import PACK as _MALAY

_PACKS: dict[str, LanguagePack] = {p.code: p for p in (_INDONESIAN, _ENGLISH, _MALAY)}
_ALIASES: dict[str, str] = {a: p.code for p in _PACKS.values() for a in (p.code, *p.aliases)}
#: the language a coder falls back to for an article in a language it does not code
DEFAULT_LANGUAGE = _INDONESIAN.code


def get_pack(code: str) -> LanguagePack:
    """The pack of ``code`` (an ISO 639-1 code); :class:`UnknownLanguageError` if none."""
    pack = _PACKS.get(code)
    if pack is None:
        raise UnknownLanguageError(
            f"unknown language {code!r} (known: {', '.join(_PACKS)}; coded: {', '.join(supported())})")
    return pack


def find_pack(code: str | None) -> LanguagePack | None:
    """The pack of ``code``, or None (no error) for an unknown or empty code."""
    return _PACKS.get(code) if code else None


def default_pack() -> LanguagePack:
    """The pack that codes articles of languages no coded pack covers."""
    return _PACKS[DEFAULT_LANGUAGE]


def packs() -> tuple[LanguagePack, ...]:
    """Every known pack, in registry order (coded or only recognised)."""
    return tuple(_PACKS.values())


def supported() -> tuple[str, ...]:
    """Codes of the languages jalin codes, in registry order."""
    return tuple(code for code, p in _PACKS.items() if p.coded)


def normalise_code(tag: str) -> str:
    """A language tag as written ("IND", "en-US", "Malay") -> a pack's code, else the tag's
    lower-cased base ("fr-FR" -> "fr")."""
    t = tag.strip().lower().replace("_", "-")
    if t in _ALIASES:
        return _ALIASES[t]
    base = t.split("-", 1)[0]
    return _ALIASES.get(base, base)


def same_family(a: str | None, b: str | None) -> bool:
    """Are ``a`` and ``b`` codes of known languages of one family (Indonesian and Malay)?"""
    pa, pb = find_pack(a), find_pack(b)
    return pa is not None and pb is not None and pa.family == pb.family


__all__ = ["DEFAULT_LANGUAGE", "LanguagePack", "default_pack", "find_pack", "get_pack",
           "normalise_code", "packs", "same_family", "supported"]
