"""Trigger lexicons and function words, per language, loaded from data files.

``data/lexicon/<lang>/triggers.tsv`` maps patterns of roots/words to CAMEO
codes and an argument frame; ``function_words.tsv`` lists the small closed
classes the coder needs (negators, intent markers, prepositions, ...);
``groups.tsv`` names fixed groups of states; an optional ``refine.tsv`` turns
a general code into a specific one by a word next to the trigger. Pattern syntax is documented
in the header of each triggers file. Everything is validated on load and
errors name ``file:line``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..datafiles import Row, data_hash, data_path, read_tsv, read_tsv_file

FRAMES = ("svo", "sym", "rev", "poss", "intr", "direct")
FUNCTION_CATEGORIES = (
    "negator", "negator_scope", "intent", "hypothetical", "reported", "prep_target",
    "prep_agent", "prep_from", "pp", "coord", "clause", "light", "group2", "group3",
    "group5", "anaphor_state", "past", "not_verb", "aux", "location", "speech", "reciprocal", "pronoun", "copula", "topic", "plural_pronoun",
)


@dataclass(frozen=True, slots=True)
class PatternItem:
    kind: str  # root | word | gap
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
        return sum(1 for i in self.items if i.kind != "gap")


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

    def __post_init__(self) -> None:
        # the coder asks for these sets thousands of times per article: build them once
        words = {c: frozenset(w for w in ws if " " not in w) for c, ws in self.function_words.items()}
        phrases = {c: tuple(tuple(w.split()) for w in ws) for c, ws in self.function_words.items()}
        object.__setattr__(self, "_words", words)
        object.__setattr__(self, "_phrases", phrases)

    def words(self, category: str) -> frozenset[str]:
        return self._words.get(category, frozenset())

    def phrases(self, category: str) -> tuple[tuple[str, ...], ...]:
        return self._phrases.get(category, ())


def _parse_pattern(row: Row) -> tuple[PatternItem, ...]:
    items: list[PatternItem] = []
    for raw in row["pattern"].split():
        if raw == "..":
            if not items:
                raise row.error("pattern cannot start with '..'")
            items.append(PatternItem("gap"))
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
    if not items or items[-1].kind == "gap":
        raise row.error("pattern must end with a word or root")
    return tuple(items)


def load_lexicon(lang: str, valid_code=None, root: Path | None = None) -> Lexicon:
    """Load and validate one language's lexicon.

    ``valid_code(code) -> bool`` checks CAMEO codes; ``root`` reads the three
    files from a directory instead of the package (tests, curated variants).
    """
    base = f"lexicon/{lang}"

    def rows(name: str, required: tuple[str, ...]):
        if root is not None:
            return read_tsv_file(Path(root) / name, required)
        return read_tsv(f"{base}/{name}", required)

    entries: list[TriggerEntry] = []
    seen: dict[tuple, str] = {}
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
        if key in seen:
            raise row.error(f"duplicate pattern (also at {seen[key]})")
        seen[key] = f"{row.path}:{row.line}"
        entries.append(TriggerEntry(items, code, row["frame"], row.get("note"), f"{row.path}:{row.line}"))
    fw: dict[str, tuple[str, ...]] = {}
    for row in rows("function_words.tsv", ("category", "words")):
        if row["category"] not in FUNCTION_CATEGORIES:
            raise row.error(f"unknown category {row['category']!r}")
        fw[row["category"]] = tuple(w.strip().lower() for w in row["words"].split("|") if w.strip())
    groups: dict[str, tuple[str, ...]] = {}
    for row in rows("groups.tsv", ("phrase", "members")):
        members = tuple(m.strip() for m in row["members"].split("|"))
        if not all(len(m) == 3 and m.isupper() for m in members):
            raise row.error("members must be ISO alpha-3 codes separated by |")
        groups[row["phrase"]] = members
    roots = frozenset(i.value for e in entries for i in e.items if i.kind == "root")
    refine: dict[str, list[tuple[frozenset[str], str]]] = {}
    optional = root is None and data_path(f"{base}/refine.tsv").is_file() or (
        root is not None and (Path(root) / "refine.tsv").is_file())
    if optional:
        for row in rows("refine.tsv", ("base", "words", "code")):
            for code in (row["base"], row["code"]):
                if valid_code is not None and not valid_code(code):
                    raise row.error(f"unknown CAMEO code {code!r}")
            words = frozenset(w.strip().lower() for w in row["words"].split("|") if w.strip())
            refine.setdefault(row["base"], []).append((words, row["code"]))
    names = ("triggers.tsv", "function_words.tsv", "groups.tsv")
    if root is None:
        version = data_hash(*(f"{base}/{n}" for n in names))
    else:
        h = hashlib.sha1()
        for n in names:
            h.update((Path(root) / n).read_bytes())
        version = h.hexdigest()[:12]
    index: dict[tuple[str, str], list[TriggerEntry]] = {}
    for e in entries:
        first = e.items[0]
        index.setdefault((first.kind, first.value), []).append(e)
    frozen_index = {k: tuple(v) for k, v in index.items()}
    return Lexicon(lang, tuple(entries), fw, groups, roots, version, frozen_index,
                   {k: tuple(v) for k, v in refine.items()})


@lru_cache(maxsize=8)
def default_lexicon(lang: str) -> Lexicon:
    from .ontology import default_ontology

    return load_lexicon(lang, default_ontology().is_valid)
