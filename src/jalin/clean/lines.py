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
MAX_SPAM_PIECE_WORDS = 12
MODES = ("full", "loose", "tail")

_WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)
# Where a sentence may end inside a line: terminal punctuation, optional
# closing quotes/brackets, then space or "|" separators.
_BOUNDARY_RE = re.compile(r"(?:[.!?…]+[”\"’')\]]*\s+|\s+[|•·]\s*|[.!?](?=[A-Z]))")
_HAS_WORD_RE = re.compile(r"\w")
# me-/di-/ter-/ber- verbs: memblokir, menyerang, mengirim, diblokir, ditangkap.
_VERBISH_RE = re.compile(r"^(?:mem|men|meng|meny|di|ter|ber)[a-z]{4,}$")


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
def event_words() -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    """(exact words, prefixes, not-verbs) from ``clean/event_words.tsv``."""
    exact, prefixes, notverbs = set(), [], set()
    for row in read_tsv("clean/event_words.tsv", required=("word",)):
        word, kind = row["word"].lower(), row.get("kind", "event")
        if kind not in ("event", "notverb"):
            raise row.error(f"kind must be event or notverb, not {kind!r}")
        if kind == "notverb":
            notverbs.add(word)
        elif word.endswith("*"):
            if len(word) < 4:
                raise row.error("a prefix needs at least 3 letters")
            prefixes.append(word[:-1])
        else:
            exact.add(word)
    return frozenset(exact), tuple(prefixes), frozenset(notverbs)


def has_event_word(text: str, verb_re: re.Pattern[str] = _VERBISH_RE) -> bool:
    """An event word from the list, or a word shaped like a prefixed verb."""
    exact, prefixes, notverbs = event_words()
    for m in _WORD_RE.finditer(text):
        w = m.group().lower()
        if w in exact or w.startswith(prefixes):
            return True
        if w not in notverbs and verb_re.match(w):
            return True
    return False


_ACTION_VERB_RE = re.compile(r"^(?:mem|men|meng|meny|di)[a-z]{4,}$")


def _has_action_verb(text: str) -> bool:
    """An event word or a meN-/di- verb (ter-/ber- words are often adjectives: terbaru)."""
    return has_event_word(text, _ACTION_VERB_RE)


def is_guarded(text: str) -> bool:
    """Long or event-bearing lines are protected from loose rules."""
    return word_count(text) > GUARD_WORDS or has_event_word(text)


def pieces(text: str) -> list[tuple[int, int]]:
    """Sentence-like pieces of a line: (start, end), separators left between."""
    out, cur = [], 0
    for m in _BOUNDARY_RE.finditer(text):
        out.append((cur, m.start() + len(m.group().rstrip(" \t\u00a0|•·"))))
        cur = m.end()
    out.append((cur, len(text)))
    return [(a, b) for a, b in out if text[a:b].strip()]


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


def _tail_rule_cut(text: str) -> Cut | None:
    """One sign-off/credit tail to cut from the end of ``text``."""
    for rule in rules():
        if rule.mode != "tail":
            continue
        m = rule.regex.search(text)
        if m and m.start() > 0 and (rule.max_words == 0 or word_count(m.group()) <= rule.max_words):
            return Cut(m.start(), len(text), rule.reason)
    return None


def _spam_cuts(text: str, guarded: bool) -> list[Cut]:
    """Spam pieces of a line. On a guarded line only short, event-free pieces
    go; a news sentence that merely mentions gambling stays."""
    spam = spam_regex()
    if spam.search(text) is None:
        return []  # no term anywhere in the line, so in none of its pieces
    cuts = []
    for a, b in pieces(text):
        piece = text[a:b]
        hits = len(spam.findall(piece))
        if not hits:
            continue
        # two or more spam terms in one short piece are advertising whatever its verbs
        dense = hits >= 2 and word_count(piece) <= MAX_SPAM_PIECE_WORDS * 2 and not _has_action_verb(piece)
        if guarded and not dense and (word_count(piece) > MAX_SPAM_PIECE_WORDS or has_event_word(piece)):
            continue
        cuts.append(Cut(a, b, "spam"))
    return cuts


def _merge(text: str, cuts: list[Cut]) -> tuple[Cut, ...]:
    """Sorted cuts; neighbours with the same reason and only separators
    between them become one cut."""
    out: list[Cut] = []
    for cut in sorted(cuts, key=lambda c: c.start):
        if out and out[-1].reason == cut.reason and not _HAS_WORD_RE.search(text, out[-1].end, cut.start):
            out[-1] = Cut(out[-1].start, max(out[-1].end, cut.end), cut.reason)
        else:
            out.append(cut)
    return tuple(out)


def kept_pieces(text: str, cuts: tuple[Cut, ...]) -> list[tuple[int, int]]:
    """The parts of a line that survive ``cuts``, whitespace-trimmed, with a word."""
    out, cur = [], 0
    for cut in sorted(cuts, key=lambda c: c.start) + [Cut(len(text), len(text), "")]:
        a, b = cur, cut.start
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b and _HAS_WORD_RE.search(text, a, b):
            out.append((a, b))
        cur = max(cur, cut.end)
    return out


def judge_line(text: str) -> tuple[Cut, ...]:
    """What to drop from one stripped line: nothing, the whole line, or pieces.

    Returns sorted cuts in line coordinates (a whole-line cut is
    ``Cut(0, len(text), reason)``); :func:`kept_pieces` gives what is left.
    """
    if not text:
        return ()
    reason = _full_rule(text)
    if reason:
        return (Cut(0, len(text), reason),)
    guarded = is_guarded(text)
    if not guarded:
        reason = _loose_rule(text)
        if reason:
            return (Cut(0, len(text), reason),)
    cuts = _spam_cuts(text, guarded)
    # Sign-offs and credits at the end of what is left ("... wartawan.sinpo").
    left = kept_pieces(text, tuple(cuts))
    while left:
        a, b = left[-1]
        cut = _tail_rule_cut(text[a:b])
        if cut is None:
            break
        cuts.append(Cut(a + cut.start, b, cut.reason))
        left = kept_pieces(text, tuple(cuts))
    # What is left may itself be a boilerplate line ("Foto ... /Reuters").
    if cuts and len(left) == 1:
        a, b = left[0]
        reason = _full_rule(text[a:b])
        if reason:
            cuts.append(Cut(a, b, reason))
    if cuts and not kept_pieces(text, tuple(cuts)):
        reasons = sorted({c.reason for c in cuts}, key=[c.reason for c in cuts].index)
        return (Cut(0, len(text), reasons[0]),)
    return _merge(text, cuts)
