"""Whole-article fixtures written by the team: load them, code them, score them.

A fixture folder holds ``articles.tsv`` (id, published, title), one
``<id>.txt`` per article and ``expected.tsv`` (article, source, target,
root, date, either, status): the events a careful coder finds. Scoring is
one-to-one on (source key, target key, CAMEO root):

* recall    - required rows found;
* precision - coded events (not negated, not hypothetical) that match a
  required or optional row; an article without rows must give no event;
* dates     - matched required rows with a date, whose coded date starts
  with it (the shared scorer's rule: "2022-04" matches "2022").
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jalin.datafiles import read_tsv_file
from jalin.models import Article, Event, PartialDate
from jalin.pipeline import Pipeline


@dataclass(frozen=True)
class Expected:
    article: str
    source: tuple[str, ...]  # any of them
    target: tuple[str | None, ...]
    roots: tuple[str, ...]
    date: str
    either: bool
    required: bool

    def matches(self, e: Event) -> bool:
        tgt = e.target.key if e.target else None
        if e.cameo_root not in self.roots:
            return False
        if e.source.key in self.source and tgt in self.target:
            return True
        return self.either and tgt in self.source and e.source.key in self.target


@dataclass(frozen=True)
class Fixtures:
    folder: Path
    language: str
    articles: tuple[tuple[str, str, str], ...]  # id, published ("" = unknown), title
    expected: tuple[Expected, ...]

    @classmethod
    def load(cls, folder: Path, language: str) -> "Fixtures":
        arts = tuple((r["id"], r.get("published") or "", r.get("title") or "")
                     for r in read_tsv_file(folder / "articles.tsv", ("id",)))
        rows = tuple(
            Expected(r["article"], tuple(r["source"].split("|")),
                     tuple(None if t == "-" else t for t in r["target"].split("|")),
                     tuple(r["root"].split("|")), r.get("date") or "", r.get("either") == "yes",
                     r["status"] == "required")
            for r in read_tsv_file(folder / "expected.tsv", ("article", "source", "target", "root", "status")))
        return cls(folder, language, arts, rows)

    def code(self, pipeline: Pipeline | None = None) -> dict[str, list[Event]]:
        pipeline = pipeline or Pipeline()
        out = {}
        for doc_id, published, title in self.articles:
            text = (self.folder / f"{doc_id}.txt").read_text(encoding="utf-8")
            art = Article(doc_id=doc_id, text=text, title=title or None,
                          published=PartialDate.parse(published) if published else None,
                          language=self.language)
            res = pipeline.process(art)
            assert not hasattr(res, "reason"), f"{doc_id} rejected: {res}"
            out[doc_id] = [e for e in res.events if not e.negated and e.modality != "hypothetical"]
        return out

    def rows(self, doc_id: str) -> list[Expected]:
        return [r for r in self.expected if r.article == doc_id]

    def score(self, coded: dict[str, list[Event]]) -> dict[str, float]:
        req = hits = n_events = n_wrong = dated = dated_ok = 0
        for doc_id, _, _ in self.articles:
            rows = self.rows(doc_id)
            found, wrong = match(coded[doc_id], rows)
            req += sum(r.required for r in rows)
            hits += len(found)
            n_events += len(coded[doc_id])
            n_wrong += len(wrong)
            for k, e in found.items():
                if rows[k].date:
                    dated += 1
                    dated_ok += e.date is not None and e.date.iso().startswith(rows[k].date)
        return {"recall": hits / max(req, 1), "precision": 1 - n_wrong / max(n_events, 1),
                "dates": dated_ok / max(dated, 1)}

    def report(self, coded: dict[str, list[Event]]) -> str:
        """Misses and wrong events, one per line (for assertion messages)."""
        lines = []
        for doc_id, _, _ in self.articles:
            rows = self.rows(doc_id)
            found, wrong = match(coded[doc_id], rows)
            for k, r in enumerate(rows):
                if r.required and k not in found:
                    lines.append(f"MISS {doc_id} {'|'.join(r.source)}->{'|'.join(map(str, r.target))} "
                                 f"{'|'.join(r.roots)} {r.date}")
                elif k in found and r.date and not (found[k].date and found[k].date.iso().startswith(r.date)):
                    lines.append(f"DATE {doc_id} {'|'.join(r.source)}->{'|'.join(map(str, r.target))} want {r.date} got "
                                 f"{found[k].date} ({found[k].date_source})")
            for e in wrong:
                lines.append(f"WRONG {doc_id} {e.source.key}->{e.target.key if e.target else '-'} "
                             f"{e.cameo} {e.date}: {e.evidence.sentence[:70]}")
        return "\n".join(lines)


def match(events: list[Event], rows: list[Expected]) -> tuple[dict[int, Event], list[Event]]:
    """One-to-one: each required row takes the first unused event it matches (exact direction
    first, then an event of its date first); the other events must match some row (required or
    optional) to be correct."""
    used: set[int] = set()
    found: dict[int, Event] = {}
    # exact direction first, and within it an event of the row's date first (two rows of one
    # dyad and root, an agreement today and relations opened in 1992, each take their own)
    for exact, dated in ((True, True), (True, False), (False, True), (False, False)):
        for k, row in enumerate(rows):
            if not row.required or k in found:
                continue
            for j, e in enumerate(events):
                if j in used or not row.matches(e):
                    continue
                if exact and e.source.key not in row.source:
                    continue
                if dated and not (row.date and e.date and e.date.iso().startswith(row.date)):
                    continue
                found[k] = e
                used.add(j)
                break
    wrong = [e for j, e in enumerate(events) if j not in used and not any(r.matches(e) for r in rows)]
    return found, wrong
