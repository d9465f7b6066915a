"""Line judgements: is this line (or its tail) boilerplate or spam, and why?

Rules come from data files under ``jalin/data/clean/``:

* ``boilerplate.tsv`` -- regexes by reason, each ``full`` (must match the
  whole line), ``loose`` (anywhere in a line) or ``tail`` (at the end of a
  line: only the tail is cut);
* ``spam.tsv`` -- gambling/SEO spam terms;
* ``event_words.tsv`` -- words that mark a line as carrying an event.

The guard: a line that is long (more than ``GUARD_WORDS`` words) or holds an
event word is only removed by a ``full`` rule (anchored to the whole line);
loose matches and spam terms can then only cut a short, event-free tail
after the line's last sentence boundary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..datafiles import read_tsv
from ..errors import DataFileError

GUARD_WORDS = 25
MAX_SPAM_TAIL_WORDS = 12
MODES = ("full", "loose", "tail")

_WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)
# Where a sentence may end inside a line: terminal punctuation, optional
# closing quotes/brackets, then space or "|" separators.
_BOUNDARY_RE = re.compile(r"(?:[.!?…]+[”\"’')\]]*\s+|\s+[|•·]\s*|[.!?](?=[A-Z]))")


@dataclass(frozen=True, slots=True)
class Rule:
    reason: str
    mode: str
    max_words: int
    regex: re.Pattern[str]
    line: int  # line in the data file, for debugging


@dataclass(frozen=True, slots=True)
class Cut:
    """A piece of a line to drop: ``start``/``end`` index the line text."""

    start: int
    end: int
    reason: str


def word_count(text: str) -> int:
    return len(text.split())


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    """Boilerplate rules from ``clean/boilerplate.tsv`` (validated)."""
    out = []
    for row in read_tsv("clean/boilerplate.tsv", required=("reason", "mode", "max_words", "pattern")):
        mode = row["mode"]
        if mode not in MODES:
            raise row.error(f"mode must be one of {MODES}, not {mode!r}")
        if not row["max_words"].isdigit():
            raise row.error(f"max_words must be a number, not {row['max_words']!r}")
        pattern = row["pattern"]
        if mode == "tail":
            pattern = f"(?:{pattern})$"
        try:
            regex = re.compile(pattern, re.IGNORECASE)
        except re.error as exc:
            raise row.error(f"bad regex: {exc}") from exc
        out.append(Rule(row["reason"], mode, int(row["max_words"]), regex, row.line))
    return tuple(out)


@lru_cache(maxsize=1)
def spam_regex() -> re.Pattern[str]:
    """One regex for every term in ``clean/spam.tsv``."""
    terms = []
    for row in read_tsv("clean/spam.tsv", required=("term",)):
        try:
            re.compile(row["term"])
        except re.error as exc:
            raise row.error(f"bad regex: {exc}") from exc
        terms.append(f"(?:{row['term']})")
    if not terms:
        raise DataFileError("jalin/data/clean/spam.tsv", None, "no spam terms")
    return re.compile(r"\b(?:" + "|".join(terms) + r")\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def event_words() -> tuple[frozenset[str], tuple[str, ...]]:
    """(exact words, prefixes) from ``clean/event_words.tsv``."""
    exact, prefixes = set(), []
    for row in read_tsv("clean/event_words.tsv", required=("word",)):
        word = row["word"].lower()
        if word.endswith("*"):
            if len(word) < 4:
                raise row.error("a prefix needs at least 3 letters")
            prefixes.append(word[:-1])
        else:
            exact.add(word)
    return frozenset(exact), tuple(prefixes)


def has_event_word(text: str) -> bool:
    exact, prefixes = event_words()
    for m in _WORD_RE.finditer(text):
        w = m.group().lower()
        if w in exact or w.startswith(prefixes):
            return True
    return False


def is_guarded(text: str) -> bool:
    """Long or event-bearing lines are protected from loose rules."""
    return word_count(text) > GUARD_WORDS or has_event_word(text)


def _last_boundary_before(text: str, pos: int) -> int:
    """Start of the sentence that contains ``pos`` (0 if none before it)."""
    start = 0
    for m in _BOUNDARY_RE.finditer(text, 0, pos):
        start = m.end()
    return start


def _full_rule(text: str) -> str | None:
    words = word_count(text)
    for rule in rules():
        if rule.mode == "full" and (rule.max_words == 0 or words <= rule.max_words):
            if rule.regex.fullmatch(text):
                return rule.reason
    return None


def _loose_rule(text: str) -> str | None:
    for rule in rules():
        if rule.mode == "loose" and (rule.max_words == 0 or word_count(text) <= rule.max_words):
            if rule.regex.search(text):
                return rule.reason
    return None


def _tail_cut(text: str) -> Cut | None:
    """One tail to cut from the end of ``text`` (spam first, then tail rules)."""
    m = spam_regex().search(text)
    if m:
        start = _last_boundary_before(text, m.start())
        tail = text[start:]
        if 0 < start and word_count(tail) <= MAX_SPAM_TAIL_WORDS and not has_event_word(tail):
            return Cut(start, len(text), "spam")
    for rule in rules():
        if rule.mode != "tail":
            continue
        m = rule.regex.search(text)
        if m and m.start() > 0 and (rule.max_words == 0 or word_count(m.group()) <= rule.max_words):
            return Cut(m.start(), len(text), rule.reason)
    return None


def judge_line(text: str) -> tuple[Cut, ...]:
    """What to drop from one stripped line: nothing, the whole line, or tails.

    Returns cuts in line coordinates, whole-line cuts as ``Cut(0, len, r)``.
    The kept part of the line is everything before the first cut.
    """
    if not text:
        return ()
    reason = _full_rule(text)
    if reason:
        return (Cut(0, len(text), reason),)
    if not is_guarded(text):
        m = spam_regex().search(text)
        if m and _last_boundary_before(text, m.start()) == 0:
            return (Cut(0, len(text), "spam"),)
        reason = _loose_rule(text)
        if reason:
            return (Cut(0, len(text), reason),)
    cuts: list[Cut] = []
    end = len(text)
    while True:
        cut = _tail_cut(text[:end])
        if cut is None:
            break
        keep_end = len(text[: cut.start].rstrip())
        cuts.append(Cut(cut.start, end, cut.reason))
        end = keep_end
        if end == 0:
            break
    # Whatever is left may itself be a boilerplate line ("... /Reuters").
    if cuts and end > 0:
        rest = text[:end]
        reason = _full_rule(rest)
        if reason is None and not is_guarded(rest) and spam_regex().search(rest):
            reason = "spam"
        if reason:
            cuts.append(Cut(0, end, reason))
    return tuple(sorted(cuts, key=lambda c: c.start))
