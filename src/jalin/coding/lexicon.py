"""Trigger lexicons and function words, per language, loaded from data files.

``data/lexicon/<lang>/triggers.tsv`` maps patterns of roots/words to CAMEO
codes and an argument frame; ``function_words.tsv`` lists the small closed
classes the coder needs (negators, intent markers, prepositions, ...);
``groups.tsv`` names fixed groups of states; an optional ``refine.tsv`` turns
a general code into a specific one by a word next to the trigger. Pattern syntax is documented
in the header of each triggers file. Everything is validated on load and
errors name ``file:line``.

A language pack (:mod:`jalin.lang`) names its lexicon directories; the
lexicon of a pack is ``get_pack(code).lexicon()``. Several directories
overlay each other, base first (Malay over Indonesian): see
:func:`load_lexicon`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..datafiles import Row, data_hash, data_path, read_tsv, read_tsv_file

_NO_WORDS: frozenset[str] = frozenset()
FRAMES = ("svo", "sym", "rev", "poss", "intr", "direct", "pair")
FUNCTION_CATEGORIES = (
    "negator", "negator_scope", "intent", "hypothetical", "reported", "prep_target",
    "prep_agent", "prep_from", "pp", "coord", "clause", "light", "group2", "group3",
    "group5", "anaphor_state", "past", "not_verb", "aux", "location", "speech", "reciprocal",
    "pronoun", "copula", "topic", "plural_pronoun", "home_title", "past_not", "quantifier", "from_verb", "manner", "mission_title", "act_noun", "demonstrative", "announce", "first_person", "attribution", "appeal_marker", "co_agent", "local",
    "possessive_suffix", "state_noun", "denial", "act_root", "subordinator", "adverb", "counterpart",
)


@dataclass(frozen=True, slots=True)
class PatternItem:
    kind: str  # root | word | gap | actor (a gap that must hold an actor mention: "wants X to")
    value: str = ""
    pos: str = ""  # "" | v | n
    exclude: tuple[str, ...] = ()  # affixes that rule an analysis out


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    items: tuple[PatternItem, ...]
    cameo: str
    frame: str
    note: str
    where: str  # file:line

    @property
    def length(self) -> int:
        return sum(1 for i in self.items if i.kind not in ("gap", "actor"))


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    """A trigger entry matched over a sentence's tokens (see :mod:`jalin.coding.triggers`)."""

    entry: TriggerEntry
    first: int  # token index of the first matched word
    last: int  # token index of the last matched word (inclusive)
    form: str  # va | vp | n | b: the form of the first root word
    start: int  # article offsets of the matched words
    end: int
    text: str

    @property
    def nominal(self) -> bool:
        return self.form == "n"

    @property
    def passive(self) -> bool:
        return self.form == "vp"


@dataclass(frozen=True)
class Lexicon:
    lang: str
    entries: tuple[TriggerEntry, ...]
    function_words: dict[str, tuple[str, ...]]
    groups: dict[str, tuple[str, ...]]
    roots: frozenset[str]
    version: str
    index: dict[tuple[str, str], tuple[TriggerEntry, ...]]
    refine: dict[str, tuple[tuple[frozenset[str], str], ...]] = field(default_factory=dict)
    # phrases that hold a trigger word but never name an event ("menahan imbang", "press release")
    blockers: tuple[tuple[str, ...], ...] = ()
    # the language pack (jalin.lang.base.LanguagePack) whose hooks the coder calls with this lexicon;
    # typed loosely: the packs import this module, not the other way round
    pack: Any = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        # the coder asks for these sets thousands of times per article: build them once
        words = {c: frozenset(w for w in ws if " " not in w) for c, ws in self.function_words.items()}
        phrases = {c: tuple(tuple(w.split()) for w in ws) for c, ws in self.function_words.items()}
        object.__setattr__(self, "_words", words)
        object.__setattr__(self, "_phrases", phrases)
        object.__setattr__(self, "_derived", {})

    def derived(self, name: str, build: Callable[["Lexicon"], Any]) -> Any:
        """What ``build(self)`` returns, built once per lexicon (compiled matchers, phrase sets)."""
        got = self._derived.get(name)
        if got is None:
            got = self._derived[name] = build(self)
        return got

    def words(self, category: str) -> frozenset[str]:
        return self._words.get(category, _NO_WORDS)

    def phrases(self, category: str) -> tuple[tuple[str, ...], ...]:
        return self._phrases.get(category, ())


def _parse_pattern(row: Row) -> tuple[PatternItem, ...]:
    items: list[PatternItem] = []
    for raw in row["pattern"].split():
        if raw in ("..", "@"):
            if not items:
                raise row.error(f"pattern cannot start with {raw!r}")
            if items[-1].kind in ("gap", "actor"):
                raise row.error(f"{raw!r} must follow a word or root, not another gap")
            items.append(PatternItem("gap" if raw == ".." else "actor"))
        elif raw.startswith("="):
            if len(raw) < 2:
                raise row.error("empty '=' word")
            word, _, pos = raw[1:].partition(":")
            if pos not in ("", "v", "n"):
                raise row.error(f"unknown part of speech {pos!r} (use :v or :n)")
            items.append(PatternItem("word", word.lower(), pos))
        else:
            raw, *excl = raw.split("!")
            root, _, pos = raw.partition(":")
            if pos not in ("", "v", "n"):
                raise row.error(f"unknown part of speech {pos!r} (use :v or :n)")
            if not root.isalpha():
                raise row.error(f"bad root {root!r}")
            items.append(PatternItem("root", root.lower(), pos, tuple(e.lower() for e in excl if e)))
    if not items or items[-1].kind in ("gap", "actor"):
        raise row.error("pattern must end with a word or root")
    return tuple(items)


def load_lexicon(lang: str, valid_code=None, root: Path | None = None,
                 dirs: tuple[str, ...] = (), pack: Any = None) -> Lexicon:
    """Load and validate one language's lexicon.

    ``valid_code(code) -> bool`` checks CAMEO codes; ``root`` reads the files
    from a directory instead of the package (tests, curated variants);
    ``dirs`` names package directories under ``jalin/data/`` (default
    ``lexicon/<lang>``). With several directories, each later one overlays
    the ones before: its trigger patterns are added (a pattern written again
    replaces the earlier row), its function words are added to their
    category (a word written ``-word`` is taken out), its groups and
    refinements are added. Only the first directory must hold all three files.
    ``pack`` is the language pack whose hooks the coder calls with this lexicon.
    """
    sources: list[tuple[str, Path | None]]
    if root is not None:
        sources = [(str(root), Path(root))]
    else:
        sources = [(d, None) for d in (dirs or (f"lexicon/{lang}",))]

    def exists(src: tuple[str, Path | None], name: str) -> bool:
        base, disk = src
        return (disk / name).is_file() if disk is not None else data_path(f"{base}/{name}").is_file()

    def rows(name: str, required: tuple[str, ...]):
        for k, src in enumerate(sources):
            if k and not exists(src, name):
                continue  # an overlay states only what differs
            base, disk = src
            if disk is not None:
                yield from read_tsv_file(disk / name, required)
            else:
                yield from read_tsv(f"{base}/{name}", required)

    entries: dict[tuple, TriggerEntry] = {}
    seen: dict[tuple, tuple[str, str]] = {}
    for row in rows("triggers.tsv", ("pattern", "cameo", "frame")):
        items = _parse_pattern(row)
        code = row["cameo"]
        if not code.isdigit() or not 2 <= len(code) <= 4:
            raise row.error(f"bad CAMEO code {code!r}")
        if valid_code is not None and not valid_code(code):
            raise row.error(f"unknown CAMEO code {code!r}")
        if row["frame"] not in FRAMES:
            raise row.error(f"unknown frame {row['frame']!r} (one of {FRAMES})")
        key = items
        if key in seen and seen[key][0] == row.path:
            raise row.error(f"duplicate pattern (also at {seen[key][1]})")
        seen[key] = (row.path, f"{row.path}:{row.line}")
        entries.pop(key, None)  # an overlay's row replaces the base's and takes its place at the end
        entries[key] = TriggerEntry(items, code, row["frame"], row.get("note"), f"{row.path}:{row.line}")
    fw: dict[str, tuple[str, ...]] = {}
    for row in rows("function_words.tsv", ("category", "words")):
        if row["category"] not in FUNCTION_CATEGORIES:
            raise row.error(f"unknown category {row['category']!r}")
        words = [w.strip().lower() for w in row["words"].split("|") if w.strip()]
        if row.path == _first_path(sources, "function_words.tsv"):
            fw[row["category"]] = tuple(words)
            continue
        drop = {w[1:] for w in words if w.startswith("-")}
        old = [w for w in fw.get(row["category"], ()) if w not in drop]
        fw[row["category"]] = tuple(old + [w for w in words if not w.startswith("-") and w not in old])
    groups: dict[str, tuple[str, ...]] = {}
    for row in rows("groups.tsv", ("phrase", "members")):
        members = tuple(m.strip() for m in row["members"].split("|"))
        if not all(len(m) == 3 and m.isupper() for m in members):
            raise row.error("members must be ISO alpha-3 codes separated by |")
        groups[row["phrase"]] = members
    entry_list = tuple(entries.values())
    roots = frozenset(i.value for e in entry_list for i in e.items if i.kind == "root")
    refine: dict[str, list[tuple[frozenset[str], str]]] = {}
    for row in rows("refine.tsv", ("base", "words", "code")) if exists(sources[0], "refine.tsv") else ():
        for code in (row["base"], row["code"]):
            if valid_code is not None and not valid_code(code):
                raise row.error(f"unknown CAMEO code {code!r}")
        words = frozenset(w.strip().lower() for w in row["words"].split("|") if w.strip())
        refine.setdefault(row["base"], []).append((words, row["code"]))
    blockers: list[tuple[str, ...]] = []
    for src in sources:  # every directory may add its own
        if exists(src, "blockers.tsv"):
            for row in (read_tsv(f"{src[0]}/blockers.tsv", ("phrase",)) if src[1] is None
                        else read_tsv_file(src[1] / "blockers.tsv", ("phrase",))):
                phrase = tuple(row["phrase"].lower().split())
                if phrase and phrase not in blockers:
                    blockers.append(phrase)
    names = ("triggers.tsv", "function_words.tsv", "groups.tsv", "refine.tsv", "blockers.tsv")
    if root is None:
        version = data_hash(*(f"{base}/{n}" for k, (base, _) in enumerate(sources) for n in names
                              if exists(sources[k], n)))
    else:
        h = hashlib.sha1()
        for n in names:
            if (Path(root) / n).is_file():
                h.update((Path(root) / n).read_bytes())
        version = h.hexdigest()[:12]
    index: dict[tuple[str, str], list[TriggerEntry]] = {}
    for e in entry_list:
        first = e.items[0]
        index.setdefault((first.kind, first.value), []).append(e)
    frozen_index = {k: tuple(v) for k, v in index.items()}
    return Lexicon(lang, entry_list, fw, groups, roots, version, frozen_index,
                   {k: tuple(v) for k, v in refine.items()}, tuple(blockers), pack)


def _first_path(sources: list[tuple[str, Path | None]], name: str) -> str:
    """The name rows of the first (base) directory's file carry (``Row.path``)."""
    base, disk = sources[0]
    return str(disk / name) if disk is not None else f"jalin/data/{base}/{name}"
