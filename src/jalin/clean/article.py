"""``clean_article``: Article -> CleanedArticle | Rejection.

Line by line: each line of ``article.text`` is kept, cut (a spam or
sign-off tail is dropped, the sentence before it kept) or removed with a
reason; blank lines are neither. On top of the per-line rules
(:mod:`jalin.clean.lines`) come two article-level rules:

* ``duplicate_line`` -- a line identical to an earlier kept line (a repeated
  photo caption, a section heading repeating the headline or part of it);
* the headline itself (the first line, when it is ``article.title``) is kept.

Languages: the given ``article.language`` wins, else it is detected on the
kept text. Only the languages of coded packs (:func:`jalin.lang.supported`)
are coded; a language a pack recognises but does not code yet is rejected
("language", "ms (Malay): not supported yet"), and so is any other.
"""

from __future__ import annotations

import re
from typing import Iterator

from ..lang import find_pack, supported
from ..models import Article, CleanedArticle, Rejection, RemovedLine
from .language import UNDETERMINED, detect_language
from .lines import judge_line, kept_pieces

_NORM_PUNCT_RE = re.compile(r"[\s\W_]+", re.UNICODE)
_TITLE_SPLIT_RE = re.compile(r"\s*(?:[:|?!]|\s[-–—]\s)\s*")


def iter_lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every line's non-blank content (whitespace stripped)."""
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            yield pos + lead, pos + lead + len(stripped)
        pos += len(raw) + 1


def _norm(text: str) -> str:
    return _NORM_PUNCT_RE.sub(" ", text.casefold()).strip()


def _title_variants(title: str) -> set[str]:
    """The title and its parts before/after ':' '|' ' - ' (3+ words each)."""
    out = {_norm(title)}
    for part in _TITLE_SPLIT_RE.split(title):
        if len(part.split()) >= 3:
            out.add(_norm(part))
    out.discard("")
    return out


def clean_lines(article: Article) -> tuple[tuple[tuple[int, int], ...], tuple[RemovedLine, ...]]:
    """Kept spans and removed pieces of ``article.text``."""
    text = article.text
    kept: list[tuple[int, int]] = []
    removed: list[RemovedLine] = []
    seen: set[str] = set()
    title_norm = _norm(article.title) if article.title else None
    previous: str | None = None
    for start, end in iter_lines(text):
        line = text[start:end]
        norm = _norm(line)
        if norm and (norm in seen or norm == previous):
            removed.append(RemovedLine(article.doc_id, start, end, line, "duplicate_line"))
            previous = norm
            continue
        previous = norm
        cuts = judge_line(line)
        for cut in cuts:
            piece = line[cut.start:cut.end]
            lead = len(piece) - len(piece.lstrip())
            removed.append(RemovedLine(article.doc_id, start + cut.start + lead,
                                       start + cut.start + len(piece.rstrip()), piece.strip(), cut.reason))
        parts = kept_pieces(line, cuts) if cuts else [(0, len(line))]
        for a, b in parts:
            kept.append((start + a, start + b))
        if not parts:
            continue
        kept_norm = _norm(" ".join(line[a:b] for a, b in parts))
        if kept_norm:
            seen.add(kept_norm)
        if title_norm and kept_norm == title_norm and article.title:
            seen |= _title_variants(article.title)
    return tuple(kept), tuple(removed)


def _language_rejection(article: Article, lang: str, source: str) -> Rejection:
    pack = find_pack(lang)
    if pack is not None:
        detail = f"{source} {lang} ({pack.name}): not supported yet"
    elif lang == UNDETERMINED:
        detail = f"{source} {lang}: language could not be determined"
    else:
        detail = f"{source} {lang}"
    return Rejection(article.origin, "language", detail, article.doc_id)


def clean_article(article: Article) -> CleanedArticle | Rejection:
    """Drop boilerplate/spam lines with reasons; settle the language."""
    kept, removed = clean_lines(article)
    if not kept:
        return Rejection(article.origin, "empty_after_clean",
                         f"{len(removed)} lines removed, nothing left", article.doc_id)
    if article.language:
        lang, source = article.language.lower(), "given"
    else:
        sample = "\n".join(article.text[s:e] for s, e in kept)
        lang, _ = detect_language(sample)
        source = "detected"
    if lang not in supported():
        return _language_rejection(article, lang, source)
    return CleanedArticle(
        article=article,
        language=lang,
        language_source=source,
        kept=kept,
        removed=removed,
    )
