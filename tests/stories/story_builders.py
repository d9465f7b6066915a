"""Hand-built coded events for the story tests (team-written sentences)."""

from __future__ import annotations

from jalin.models import UNKNOWN_ACTOR, Actor, Event, Evidence, Location, PartialDate


def actor(key: str, name: str | None = None) -> Actor:
    """A state by its ISO code, a person when ``name`` is given; '' the unknown source of an
    agentless event."""
    if not key:
        return UNKNOWN_ACTOR
    return Actor(code=key + ("GOV" if name else ""), country=key, role="GOV" if name else None,
                 name=name)


def place(name: str, country: str, source: str = "sentence") -> Location:
    """A city of ``country`` (the position does not matter to the story tests)."""
    return Location(name, country, None, 0.0, 0.0, "city", source, (country,))


def ev(eid: str, source: str, target: str | None, cameo: str, date: str | None = None, *,
       sentence: int = 1, date_source: str | None = None, doc: str = "d", negated: bool = False,
       source_name: str | None = None, target_name: str | None = None,
       text: str = "Kedua pihak bertemu di ibu kota.", modality: str = "asserted",
       trigger: int = 12, location: Location | None = None) -> Event:
    """One coded event; ``date`` as YYYY[-MM[-DD]], its source 'sentence' unless given;
    ``trigger`` the trigger's offset in its sentence."""
    d = PartialDate.parse(date) if date else None
    start = sentence * 100
    return Event(
        event_id=eid, doc_id=doc, sentence_index=sentence,
        source=actor(source, source_name),
        target=actor(target, target_name) if target else None,
        cameo=cameo, cameo_root=cameo[:2], plover="", goldstein=0.0, quad_class=1,
        evidence=Evidence(text, start, start + len(text)), language="id", date=d,
        date_source=date_source or ("sentence" if d else "none"), modality=modality,
        negated=negated, trigger="bertemu", trigger_start=start + trigger,
        trigger_end=start + trigger + 7, coder="test", location=location,
    )
