"""Actors the article names by title alone: "Presiden", "pemerintah", "Penjaga Pantai".

A reader resolves a bare title from the article, not from the sentence:

1. **anaphora** - the title refers to the last actor the article named with
   the same office or the same title words: "Presiden Joko Widodo menerima
   ... Dalam pertemuan tersebut, Presiden mengundang ..." (Jokowi, IDN);
   "Penjaga Pantai China ... Penjaga Pantai mengambil tindakan" (China's);
2. **the outlet's home side** - in an Indonesian outlet "Presiden",
   "Kepala Negara", "pemerintah", "Kemlu" with no country are Indonesia's
   when the article's frame is domestic, i.e. when the article names the home
   state at all (``LanguagePack.home_country``; which titles: the pack's
   function words ``home_title``). English has no home side.

Titles that fit neither stay unresolved: no actor is invented.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterable

from ..models import Actor, PartialDate
from ..resolve.actors import ActorMatch


#: roles of a state's own institutions: a bare title with one of them (or with an office) may
#: point back at a named actor; civilians, protesters, businesses, media never do
STATE_ROLES = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})


@dataclass
class Discourse:
    """What the article has named so far, for its bare titles."""

    home: str | None  # the outlet's home state, when the article's frame is domestic
    home_titles: tuple[tuple[str, ...], ...]
    quantifiers: frozenset[str]
    resolver: object
    when: PartialDate | None
    by_office: dict[str, Actor] = field(default_factory=dict)
    by_title: dict[str, Actor] = field(default_factory=dict)

    @classmethod
    def start(cls, home_country: str | None, lex, article_matches: Iterable[Iterable[ActorMatch]],
              resolver: object, when: PartialDate | None) -> "Discourse":
        """Set up for one article (``lex``: the language's lexicon, for its ``home_title`` and
        ``quantifier`` words): the home side counts only if the article names it."""
        named = {m.actor.country for ms in article_matches for m in ms if m.kind != "bare"}
        home = home_country if home_country in named else None
        return cls(home, lex.phrases("home_title"), lex.words("quantifier"), resolver, when)

    def sentence(self, matches: list[ActorMatch], text: str, offset: int) -> list[ActorMatch]:
        """The sentence's matches with its bare titles resolved (or dropped), in order; the
        named ones are remembered for the titles of later sentences. A title after a
        quantifier ("kedua menteri", "para menteri") names several actors: not resolved."""
        out: list[ActorMatch] = []
        for m in matches:
            if m.kind != "bare":
                out.append(m)
                continue
            before = text[:m.start - offset].split()
            if before and before[-1].lower() in self.quantifiers:
                continue
            actor = self._resolve(m)
            if actor is not None:
                out.append(replace(m, actor=actor, kind="role"))
        for m in out:  # a title's words and office now point at this actor
            if m.title and (m.actor.country or m.actor.org):
                self.by_title[m.title] = m.actor
                if m.office:
                    self.by_office[m.office] = m.actor
        return out

    def _resolve(self, m: ActorMatch) -> Actor | None:
        role = m.actor.role
        if m.office is None and role not in STATE_ROLES:
            return None  # "pihak", "orang", "warga", "pengusaha": too general to point at anyone
        prior = (self.by_office.get(m.office) if m.office else None) or self.by_title.get(m.title)
        if prior is not None:
            same = prior.role == role or role is None
            return prior if same else Actor(code=(prior.country or prior.org or "") + (role or ""),
                                            country=prior.country, org=prior.org, role=role)
        if self.home is None or not self._home_title(m.title):
            return None
        name = actor_id = None
        if m.office:
            t = self.resolver.office_holder(m.office, self.home, self.when)
            if t is not None:
                name, actor_id = t.name, t.person_id
        return Actor(code=self.home + (role or ""), country=self.home, role=role, name=name,
                     actor_id=actor_id)

    def _home_title(self, title: str) -> bool:
        words = tuple(title.split())
        return any(words[:len(p)] == p for p in self.home_titles)


__all__ = ["STATE_ROLES", "Discourse"]
