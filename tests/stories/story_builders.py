"""Hand-built coded events for the story tests (team-written sentences)."""

from __future__ import annotations

from jalin.models import Actor, Event, Evidence, PartialDate


def actor(key: str, name: str | None = None) -> Actor:
    """A state by its ISO code, a person when ``name`` is given."""
    return Actor(code=key + ("GOV" if name else ""), country=key, role="GOV" if name else None,
                 name=name)


def ev(eid: str, source: str, target: str | None, cameo: str, date: str | None = None, *,
       sentence: int = 1, date_source: str | None = None, doc: str = "d", negated: bool = False,
       source_name: str | None = None, target_name: str | None = None,
       text: str = "Kedua pihak bertemu di ibu kota.", modality: str = "asserted") -> Event:
    """One coded event; ``date`` as YYYY[-MM[-DD]], its source 'sentence' unless given."""
    d = PartialDate.parse(date) if date else None
    start = sentence * 100
    return Event(
        event_id=eid, doc_id=doc, sentence_index=sentence,
        source=actor(source, source_name),
        target=actor(target, target_name) if target else None,
        cameo=cameo, cameo_root=cameo[:2], plover="", goldstein=0.0, quad_class=1,
        evidence=Evidence(text, start, start + len(text)), language="id", date=d,
        date_source=date_source or ("sentence" if d else "none"), modality=modality,
        negated=negated, trigger="bertemu", trigger_start=start + 12, trigger_end=start + 19,
        coder="test",
    )
