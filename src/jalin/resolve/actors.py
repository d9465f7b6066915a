"""Actor mentions: states, capitals, metonyms, demonyms, organisations, role
phrases and named office holders, resolved to CAMEO-style actors.

    >>> r = default_resolver()
    >>> [m.actor.code for m in r.find("Presiden Rusia Vladimir Putin tiba.", "id", None)]
    ['RUSGOV']

How a text is read:

1. it is cut into tokens (words and single punctuation marks);
2. a token trie of every alias in ``data/actors/`` finds the leftmost-longest
   *atoms* (a state, a person, a role word, ...), each checked against its case
   rule ("AS" only upper case, proper names capitalised);
3. a small grammar joins adjacent atoms into one mention:

   - ``[mantan] ROLE+ [dari|of] ANCHOR [untuk|di STATE] [,] [PERSON|Name]``
     "mantan Presiden Kyrgyz Almazbek Atambaev", "Duta Besar Kazakhstan untuk
     Rusia", "Juru Bicara Kepresidenan Turki Ibrahim Kalin", "pasukan Rusia";
   - modifier-first order ``[former] ANCHOR ROLE+ [PERSON|Name]`` ("Russian
     President Vladimir Putin") when the text's language pack or the role
     word's language puts modifiers first (``LanguagePack.modifier_first``);
   - ``[mantan] ROLE+ PERSON`` ("Presiden Tokayev").

   ANCHOR is a state, demonym, capital, metonym or organisation.

Resolution rules (documented choices):

- a bare state is ``Actor(ISO3, country=ISO3, role=None)``;
- capitals and seats of power are the government (``RUSGOV`` for Moskow and
  Kremlin); institutions carry their own role (Pentagon -> USAMIL, Duma ->
  RUSLEG); other cities are not actors;
- demonyms ("Kazakh", "Kirgiz", "Uzbek") are mentions only inside a role phrase,
  after a lower-case noun ("hubungan Kazakh"), in a hyphenated pair
  ("Kazakh-Kyrgyz") or, in a modifier-first language, before a lower-case noun
  ("Russian troops");
- named people resolve by tenure at ``when``: in office -> the office's role
  (GOV; defence ministers MIL); out of office before ``when`` -> role ``ELI``
  (former officials and elites), same country; not yet in office -> role None;
- "mantan"/"former" always gives ``ELI``;
- a title without a name ("Presiden Turki") gets the office holder at ``when``
  as ``name``/``actor_id`` when the people table knows the office and one
  person holds it (not "Menteri Perdagangan", "juru bicara", "Duta Besar");
- a title's own short form in brackets belongs to it: "Perdana Menteri (PM)
  Jepang";
- protesters and demonstrators are coded ``OPP`` (not ``CVL``): they act
  against the government, as CAMEO's opposition role;
- "Barat"/"the West" is the group ``WST`` (kind group, no country);
- named armed groups (``nonstate.tsv``) are kind group with their home country
  and the role they had at ``when`` (``PSEREB`` for Hamas, ``AFGGOV`` for the
  Taliban after 2021-08-15); transnational ones (ISIL, Al-Qaeda) have no
  country: ``Actor(code=org="ISIL", role="REB")``; after a role word the group
  keeps its own role ("militan Hamas", "juru bicara Taliban");
- a title of an organisation falls back to the organisation's head
  ("Presiden Komisi Eropa" -> the Commission president);
- a state's mission abroad ("KBRI Kairo", roles.tsv ``mission``) is the state
  it represents; the host capital after it is part of the mention;
- an organisation's acronym inside a domestic name is no organisation (see
  :func:`_embedded_acronym`): "TNI AU" is the Indonesian air force, "Kabupaten
  OKI" a regency, "Partai Bulan Bintang (PBB)" a party;
- ``when=None`` means "now": only open-ended tenures count as in office.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from ..cache import cached
from ..datafiles import data_hash, data_path
from ..lang import find_pack
from ..models import Actor, PartialDate
from .actors_data import (FILES, Entry, Lexicon, Tenure, load_tables, norm, strip_accents,
                          tokenize, when_interval)
from .scan import Scan

__all__ = ["ActorMatch", "ActorResolver", "default_resolver", "validate"]

_ANCHORS = frozenset({"state", "demonym", "capital", "metonym", "org", "group"})
# grammar words (roles.tsv functions) a mention may start with
_STARTS_PHRASE = frozenset({"mission", "block_next", "former", "role"})
_OFFICE_RANK = {"HOS": 0, "HOG": 1, "VP": 2, "FM": 3, "DM": 4, "SG": 5}
# Offices several people hold at once: a title naming one ("Menteri Perdagangan",
# "juru bicara Kremlin") names no holder.
_MANY = frozenset({"MIN", "AMB", "SPOX"})
# Offices of an organisation's head tried when a title names no national office.
_ORG_HEADS = {"HOS": ("PRES", "CHR", "SG", "DG"), "HOG": ("PRES", "CHR")}


@dataclass(frozen=True, slots=True)
class ActorMatch:
    """One actor mention: ``start``/``end`` are ``offset`` + position in the text."""

    start: int
    end: int
    text: str
    actor: Actor
    kind: str  # state | capital | metonym | demonym | org | person | role | group | bare
    title: str = ""  # the phrase's role words, normalised ("presiden", "penjaga pantai")
    office: str | None = None  # the office its title names (HOS, FM, ...), when one


@dataclass(frozen=True, slots=True)
class _Atom:
    i: int  # first token
    j: int  # one past the last token
    e: Entry

    @property
    def kind(self) -> str:
        return self.e.kind

    def is_word(self, *funcs: str) -> bool:
        return self.e.kind == "word" and self.e.func in funcs


class _Text:
    """Tokens of one text with their matching keys and line-break gaps."""

    __slots__ = ("text", "toks", "norms", "broken")

    def __init__(self, text: str, toks: list[tuple[int, int, str]] | None = None,
                 norms: list[str] | None = None):
        self.text = text
        self.toks = tokenize(text) if toks is None else toks
        self.norms = [norm(t[2]) for t in self.toks] if norms is None else norms
        # broken[i]: a line break separates token i-1 and token i
        self.broken = [False] * len(self.toks)
        if "\n" in text:
            for i in range(1, len(self.toks)):
                if "\n" in text[self.toks[i - 1][1]:self.toks[i][0]]:
                    self.broken[i] = True

    def adjacent(self, a: _Atom, b: _Atom) -> bool:
        return b.i == a.j and not self.broken[b.i]

    def after_genitive(self, a: _Atom, b: _Atom) -> bool:
        """``b`` follows ``a``'s: "Russia's foreign ministry"."""
        return (b.i == a.j + 2 and self.norms[a.j] == "'" and self.norms[a.j + 1] == "s"
                and not self.broken[b.i])

    def after_comma(self, a: _Atom, b: _Atom) -> bool:
        return b.i == a.j + 1 and self.norms[a.j] == "," and not self.broken[b.i]


class ActorResolver:
    """Finds and resolves actor mentions. Build with :meth:`load` or :func:`default_resolver`."""

    def __init__(self, lexicon: Lexicon, packaged: bool = False, data_key: str | None = None):
        self.lex = lexicon
        self._packaged = packaged  # the shipped tables: languages may add their overlays
        self._overlaid: dict[tuple[str, ...], ActorResolver] = {}
        # what the tables were built from (None: not from the package's files, never cached)
        self.data_key = data_key
        self.scanners: dict = {}  # language -> jalin.resolve.scan.Scanner over these tables

    @classmethod
    def load(cls, directory: Path | str | None = None) -> "ActorResolver":
        """Load and validate the tables (package data, or a directory of the same files).

        The package's tables come from the disk cache (:mod:`jalin.cache`) when it holds
        a copy built from the same files by the same code."""
        if directory is not None:
            return cls(load_tables(directory))
        key = _tables_key(())
        return cls(cached("actor-tables", key, load_tables, code=_TABLE_CODE), packaged=True, data_key=key)

    def for_language(self, lang: str | None) -> "ActorResolver":
        """The resolver for text in ``lang``: these tables plus the language's own names
        (``LanguagePack.actor_dirs``: Malay "kerajaan", "Jepun"), loaded once on first use.
        Tables loaded from a directory have no overlays."""
        pack = find_pack(lang)
        dirs = pack.actor_dirs if pack is not None else ()
        if not dirs or not self._packaged:
            return self
        got = self._overlaid.get(dirs)
        if got is None:
            key = _tables_key(dirs)
            lex = cached("actor-tables", key, lambda: load_tables(overlays=dirs), code=_TABLE_CODE)
            got = self._overlaid[dirs] = ActorResolver(lex, data_key=key)
        return got

    # ------------------------------------------------------------ public

    def find(self, text: str, lang: str, when: PartialDate | None,
             offset: int = 0, bare: bool = False, scan: Scan | None = None) -> list[ActorMatch]:
        """All longest, non-overlapping actor mentions in ``text``.

        With ``bare``, a title or institution that names no state, organisation
        or person ("Presiden", "pemerintah", "Penjaga Pantai") is returned too,
        as kind ``bare`` with an actor that has only its role (code ""): the
        coder resolves it from the article ("Presiden" after "Presiden Joko
        Widodo", or the outlet's home state).

        ``scan``: ``text`` already scanned by ``jalin.resolve.scan.scanner_for(self, lang)``
        (the coder's one pass per sentence): the same mentions, without walking the alias
        trie token by token."""
        return self.for_language(lang)._find(text, lang, when, offset, relaxed=False, bare=bare,
                                             scan=scan)

    def resolve(self, phrase: str, lang: str, when: PartialDate | None) -> Actor | None:
        """The actor a single phrase denotes (case rules relaxed for proper names)."""
        matches = self.for_language(lang)._find(phrase, lang, when, 0, relaxed=True)
        if not matches:
            return None
        return max(matches, key=lambda m: (m.end - m.start, -m.start)).actor

    def office_holder(self, office: str, key: str, when: PartialDate | None) -> Tenure | None:
        """Who held ``office`` (HOS, HOG, FM, DM, SG, ...) of a country or org at ``when``."""
        lo, hi = when_interval(when)
        best, score = None, 0
        for t in self.lex.by_office.get((office, key), ()):
            ov = t.overlap(lo, hi)
            if ov > score or (ov == score and ov and best and t.start > best.start):
                best, score = t, ov
        return best

    def group_actor(self, e: Entry, when: PartialDate | None) -> Actor:
        """The actor of a group entry at ``when``: blocs ("Barat") have no
        country; armed groups carry their home country and the role they had
        then (the Taliban are REB in 2010, GOV in 2022)."""
        periods = self.lex.groups.get(e.code)
        if not periods:
            return Actor(code=e.code, name=e.name)
        lo, hi = when_interval(when)
        best = max(periods, key=lambda g: g.overlap(lo, hi))
        if not best.overlap(lo, hi):
            before = [g for g in periods if g.start is None or g.start < hi]
            best = before[-1] if before else periods[0]
        if best.country:
            return _actor(best.country, None, best.role, e.name, e.code)
        return Actor(code=e.code, org=e.code, role=best.role, name=e.name, actor_id=e.code)

    def person(self, person_ids: tuple[str, ...], when: PartialDate | None
               ) -> tuple[Tenure, str | None]:
        """The tenure that decides who a name denotes at ``when``, and the role then."""
        lo, hi = when_interval(when)
        best, best_score = None, None
        for pid in person_ids:
            for t in self.lex.tenures[pid]:
                ov = t.overlap(lo, hi)
                if ov:
                    score = (ov, -_OFFICE_RANK.get(t.office, 9), t.start)
                    if best_score is None or score > best_score:
                        best, best_score = t, score
        if best is not None:
            return best, best.role
        rows = [t for pid in person_ids for t in self.lex.tenures[pid]]
        past = [t for t in rows if t.end is not None and t.end <= lo]
        if past:
            return max(past, key=lambda t: (t.end, -_OFFICE_RANK.get(t.office, 9))), "ELI"
        return min(rows, key=lambda t: t.start), None

    # ------------------------------------------------------------ matching

    def _atoms_from_hits(self, tx: _Text, hits: list, relaxed: bool) -> list[_Atom]:
        """:meth:`_atoms` from the scanner's alias hits ``(i, j, entries)``, sorted by (i, j):
        at each start the longest alias whose case rule holds, leftmost first."""
        norms, toks = tx.norms, tx.toks
        n, out, i = len(toks), [], 0
        k, nh = 0, len(hits)
        while k < nh:
            start = hits[k][0]
            stop = k
            while stop < nh and hits[stop][0] == start:
                stop += 1
            if start >= i:
                best = None
                for h in range(stop - 1, k - 1, -1):  # longest first
                    e = self._pick(hits[h][2], toks, start, hits[h][1], relaxed)
                    if e is not None:
                        best = (hits[h][1], e)
                        break
                if best is not None:
                    j, e = best
                    if (e.kind == "word" and j - start == 1 and j + 1 < n and norms[j] == "-"
                            and norms[j + 1] == norms[start]):
                        j += 2  # reduplicated plural of a one-word role, as in _atoms
                    out.append(_Atom(start, j, e))
                    i = j
            k = stop
        return out

    def _atoms(self, tx: _Text, relaxed: bool) -> list[_Atom]:
        trie, norms, toks = self.lex.trie, tx.norms, tx.toks
        n, out, i = len(toks), [], 0
        while i < n:
            node, best, j = trie, None, i
            while j < n:
                node = node.get(norms[j])
                if node is None:
                    break
                j += 1
                entries = node.get(None)
                if entries:
                    e = self._pick(entries, toks, i, j, relaxed)
                    if e is not None:
                        best = (j, e)
            if best is None:
                i += 1
                continue
            j, e = best
            # reduplicated plural of a one-word role: "bank-bank", "pasukan-pasukan"
            if (e.kind == "word" and j - i == 1 and j + 1 < n and norms[j] == "-"
                    and norms[j + 1] == norms[i]):
                j += 2
            out.append(_Atom(i, j, e))
            i = j
        return out

    @staticmethod
    def _pick(entries: list[Entry], toks, i: int, j: int, relaxed: bool) -> Entry | None:
        first = toks[i][2]
        cap_ok = relaxed or first[:1].isupper() or not first[:1].isalpha()
        surface = None
        for e in entries:
            if e.case == "exact":
                if surface is None:
                    surface = tuple(strip_accents(t[2]) for t in toks[i:j])
                if surface == e.surface:
                    return e
        for e in entries:
            if e.case == "any" or (e.case == "cap" and (cap_ok or _particle_name(e, toks, i, j))):
                return e
        return None

    def _find(self, text: str, lang: str, when: PartialDate | None, offset: int,
              relaxed: bool, bare: bool = False, scan: Scan | None = None) -> list[ActorMatch]:
        if scan is None:
            tx = _Text(text)
            atoms = self._atoms(tx, relaxed)
        else:
            tx = _Text(text, scan.toks, scan.norms)
            atoms = self._atoms_from_hits(tx, scan.hits.of("actor"), relaxed)
        atoms = [a for k, a in enumerate(atoms) if not _embedded_acronym(tx, atoms, k, lang, self.lex)]
        out: list[ActorMatch] = []
        k = 0
        while k < len(atoms):
            nxt, match = self._mention(tx, atoms, k, lang, when, offset, relaxed)
            if match is not None and (bare or match.kind != "bare"):
                out.append(match)
            k = nxt
        return out

    # ------------------------------------------------------------ grammar

    def _mention(self, tx: _Text, atoms: list[_Atom], k: int, lang: str,
                 when: PartialDate | None, offset: int, relaxed: bool
                 ) -> tuple[int, ActorMatch | None]:
        n = len(atoms)
        a0 = atoms[k]
        e0 = a0.e
        if e0.kind == "block" or (e0.kind == "word" and e0.func not in _STARTS_PHRASE):
            return k + 1, None  # a link, stop or unit word, a blocked phrase: no mention starts here
        if a0.is_word("mission"):
            return self._mission(tx, atoms, k, offset)
        if a0.is_word("block_next"):
            # "bahasa Rusia": a language, not an actor
            if k + 1 < n and atoms[k + 1].kind in ("state", "demonym") and \
                    tx.adjacent(a0, atoms[k + 1]):
                return k + 2, None
            return k + 1, None

        i, last = k, None
        former = anchor = person = None
        roles: list[_Atom] = []

        def adj(b: _Atom) -> bool:
            return last is None or tx.adjacent(last, b)

        if a0.is_word("former") and k + 1 < n and tx.adjacent(a0, atoms[k + 1]):
            former, last, i = a0, a0, k + 1
        # modifier-first order: "Russian President", "Kazakh foreign minister", "Russia's army"
        if (i + 1 < n and atoms[i].kind in ("state", "demonym", "org", "group") and adj(atoms[i])
                and atoms[i + 1].is_word("role")
                and (tx.adjacent(atoms[i], atoms[i + 1]) or tx.after_genitive(atoms[i], atoms[i + 1]))
                and (_modifier_first(lang) or _modifier_first(atoms[i + 1].e.lang))):
            anchor = atoms[i]
            roles.append(atoms[i + 1])
            last, i = atoms[i + 1], i + 2
        while i < n and atoms[i].is_word("role") and adj(atoms[i]):
            roles.append(atoms[i])
            last, i = atoms[i], i + 1
        if roles and i < n and _bracketed(tx, last, atoms[i]):
            # the title's own short form in brackets: "Perdana Menteri (PM) Jepang"
            roles.append(atoms[i])
            last, i = _Atom(atoms[i].i, atoms[i].j + 1, atoms[i].e), i + 1
        if roles and anchor is None:
            if (i + 1 < n and atoms[i].is_word("link") and adj(atoms[i])
                    and atoms[i + 1].kind in _ANCHORS and tx.adjacent(atoms[i], atoms[i + 1])):
                anchor, last, i = atoms[i + 1], atoms[i + 1], i + 2
            elif i < n and atoms[i].kind in _ANCHORS and adj(atoms[i]):
                anchor, last, i = atoms[i], atoms[i], i + 1
            if (anchor is not None and any(r.e.office == "AMB" for r in roles)
                    and i + 1 < n and atoms[i].is_word("amb_link", "link") and adj(atoms[i])
                    and atoms[i + 1].kind in ("state", "capital", "org")
                    and tx.adjacent(atoms[i], atoms[i + 1])):
                last, i = atoms[i + 1], i + 2
        name_end = None
        if roles or former:
            if i < n and atoms[i].kind == "person" and (
                    adj(atoms[i]) or (anchor is not None and tx.after_comma(last, atoms[i]))):
                if anchor is None or self._compatible(atoms[i].e.person_ids, anchor.e):
                    person, last, i = atoms[i], atoms[i], i + 1
            elif anchor is not None and any(r.e.office for r in roles):
                name_end = self._unknown_name(tx, last.j, atoms[i].i if i < n else len(tx.toks))

        if not roles and anchor is None and former is None:
            return k + 1, self._single(tx, atoms, k, lang, when, offset, relaxed)
        if former is not None and not roles and person is None and anchor is None:
            return k + 1, None

        # --- resolve the compound
        if anchor is not None and anchor.kind == "group":
            # "militan Hamas", "pemimpin Taliban Hibatullah Akhundzada": the group's own role
            actor = self.group_actor(anchor.e, when)
            if person is not None:
                t, prole = self.person(person.e.person_ids, when)
                actor = _actor(t.country, t.org, prole or actor.role, t.name, t.person_id)
            kind = "person" if person is not None else "group"
            return i, self._match(tx, a0.i, last.j, actor, kind, offset)
        country = org = None
        if anchor is not None:
            country, org = anchor.e.country, anchor.e.org
        role = next((r.e.role for r in reversed(roles) if r.e.role), None)
        if role is None and anchor is not None and anchor.kind in ("capital", "metonym"):
            role = anchor.e.role
        name = actor_id = None
        if person is not None:
            t, prole = self.person(person.e.person_ids, when)
            if country is None and org is None:
                country, org = t.country, t.org
            role = role or prole
            name, actor_id = t.name, t.person_id
        elif name_end is not None:
            name = tx.text[tx.toks[last.j][0]:tx.toks[name_end - 1][1]]
        elif country is None and org is None:
            dc = next((r.e.country for r in roles if r.e.country), None)
            if dc is None:  # a bare role word ("pemerintah"): no actor of its own
                if former is not None or not roles:
                    return k + 1, None
                return i, self._bare(tx, a0, last, roles, role, offset)
            country = dc
        if former is not None:
            role = "ELI"
        elif person is None and name is None and not any(r.e.office == "DEP" for r in roles):
            office = next((r.e.office for r in reversed(roles) if r.e.office), None)
            if office and office not in _MANY:
                t = self.office_holder(office, country or org, when)
                if t is None and org is not None and not country:
                    # "Presiden Komisi Eropa", "Presiden Bank Dunia": an org's head
                    t = next((h for o in _ORG_HEADS.get(office, ())
                              if (h := self.office_holder(o, org, when)) is not None), None)
                if t is not None:
                    name, actor_id = t.name, t.person_id
        if org is not None and name is None and anchor is not None:
            name = anchor.e.name
        kind = "person" if (person is not None or name_end is not None) else (
            "role" if roles else anchor.kind if anchor is not None else "role")
        tok_end = name_end if name_end is not None else last.j
        actor = _actor(country, org, role, name, actor_id)
        match = self._match(tx, a0.i, tok_end, actor, kind, offset)
        if roles:
            title, office = _title(tx, roles)
            match = replace(match, title=title, office=office)
        return i, match

    def _bare(self, tx: _Text, a0: _Atom, last: _Atom, roles: list[_Atom], role: str | None,
              offset: int) -> ActorMatch:
        """A title or institution with no state ("Presiden", "Kementerian Luar Negeri")."""
        title, office = _title(tx, roles)
        m = self._match(tx, a0.i, last.j, Actor(code="", role=role), "bare", offset)
        return replace(m, title=title, office=office)

    def _single(self, tx: _Text, atoms: list[_Atom], k: int, lang: str,
                when: PartialDate | None, offset: int, relaxed: bool) -> ActorMatch | None:
        a = atoms[k]
        e = a.e
        if e.kind == "state":
            actor = Actor(code=e.country, country=e.country)
        elif e.kind in ("capital", "metonym"):
            if e.since is not None and when_interval(when)[1] <= e.since:
                return None  # Juba in 1999: a city of Sudan, not yet a capital
            actor = _actor(e.country, None, e.role, None, None)
        elif e.kind == "org":
            actor = Actor(code=e.org, org=e.org, name=e.name)
        elif e.kind == "group":
            actor = self.group_actor(e, when)
        elif e.kind == "person":
            t, role = self.person(e.person_ids, when)
            actor = _actor(t.country, t.org, role, t.name, t.person_id)
        elif e.kind == "demonym":
            if not (relaxed or self._demonym_ok(tx, atoms, k, lang)):
                return None
            actor = Actor(code=e.country, country=e.country)
        elif e.kind == "word" and e.func == "role" and e.country:
            actor = _actor(e.country, None, e.role, None, None)
            t = (self.office_holder(e.office, e.country, when)
                 if e.office and e.office not in _MANY else None)
            if t is not None:
                actor = _actor(e.country, None, e.role, t.name, t.person_id)
            return self._match(tx, a.i, a.j, actor, "role", offset)
        else:
            return None
        return self._match(tx, a.i, a.j, actor, e.kind, offset)

    @staticmethod
    def _mission(tx: _Text, atoms: list[_Atom], k: int, offset: int) -> tuple[int, ActorMatch]:
        """A state's mission abroad ("KBRI Kairo", "KJRI di Jeddah"): the state it
        represents (``default_country``); the host state or capital after it is
        where it sits and belongs to the mention."""
        a0, n = atoms[k], len(atoms)
        last, i = a0, k + 1
        host = ("state", "capital")
        if i < n and atoms[i].kind in host and tx.adjacent(a0, atoms[i]):
            last, i = atoms[i], i + 1
        elif (i + 1 < n and atoms[i].is_word("amb_link") and tx.adjacent(a0, atoms[i])
              and atoms[i + 1].kind in host and tx.adjacent(atoms[i], atoms[i + 1])):
            last, i = atoms[i + 1], i + 2
        actor = _actor(a0.e.country, None, a0.e.role, None, None)
        return i, ActorResolver._match(tx, a0.i, last.j, actor, "role", offset)

    @staticmethod
    def _demonym_ok(tx: _Text, atoms: list[_Atom], k: int, lang: str) -> bool:
        a, toks, norms = atoms[k], tx.toks, tx.norms
        # hyphenated pair with another state or demonym: "Kazakh-Kyrgyz"
        if k > 0 and atoms[k - 1].j == a.i - 1 and norms[a.i - 1] == "-" \
                and atoms[k - 1].kind in ("state", "demonym"):
            return True
        if k + 1 < len(atoms) and atoms[k + 1].i == a.j + 1 and a.j < len(norms) \
                and norms[a.j] == "-" and atoms[k + 1].kind in ("state", "demonym"):
            return True
        if k + 1 < len(atoms) and atoms[k + 1].is_word("block_next") \
                and tx.adjacent(a, atoms[k + 1]):
            return False  # "Russian language", "Russian-speaking"
        first = _modifier_first(lang)
        # adjective after a lower-case noun (Indonesian): "orang Uzbek", "hubungan Kazakh"
        if not first and a.i > 0 and not tx.broken[a.i]:
            prev = toks[a.i - 1][2]
            if prev.isalpha() and prev.islower():
                return True
        # English adjective before a lower-case noun: "Kazakh oil"
        if first and a.j < len(toks) and not tx.broken[a.j]:
            nxt = toks[a.j][2]
            if nxt.isalpha() and nxt.islower():
                return True
        return False

    @staticmethod
    def _unknown_name(tx: _Text, start: int, limit: int) -> int | None:
        """End token of an unknown two- to four-word capitalised name ("Berik Uali")."""
        toks, end, words, p = tx.toks, None, 0, start
        while p < limit and words < 4 and not tx.broken[p]:
            t = toks[p][2]
            if t[:1].isupper() and t.isalpha():
                words += 1
                p += 1
                end = p
            elif t == "-" and end == p and p + 1 < limit and toks[p + 1][2][:1].isupper() \
                    and toks[p + 1][0] == toks[p][1]:
                p += 1
            else:
                break
        return end if words >= 2 else None  # one capitalised word is too often not a name

    def _compatible(self, person_ids: tuple[str, ...], anchor: Entry) -> bool:
        want = anchor.country or anchor.org or (anchor.code if anchor.kind == "group" else None)
        return any(t.country == want or t.org == want
                   for pid in person_ids for t in self.lex.tenures[pid])

    @staticmethod
    def _match(tx: _Text, ti: int, tj: int, actor: Actor, kind: str, offset: int) -> ActorMatch:
        s, e = tx.toks[ti][0], tx.toks[tj - 1][1]
        return ActorMatch(offset + s, offset + e, tx.text[s:e], actor, kind)


def _modifier_first(lang: str | None) -> bool:
    """Does ``lang`` (a text's or a role word's language) put modifiers before the head?"""
    pack = find_pack(lang)
    return pack is not None and pack.modifier_first


# Name particles written in lower case inside a sentence: "al-Burhan", "bin Salman".
_PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "ben", "van", "von"})


def _title(tx: _Text, roles: list[_Atom]) -> tuple[str, str | None]:
    """The normalised words of a phrase's role atoms and the office they name (the last one)."""
    words = " ".join(w for r in roles for w in tx.norms[r.i:r.j] if w not in ("(", ")"))
    office = next((r.e.office for r in reversed(roles) if r.e.office), None)
    return words, office


def _bracketed(tx: _Text, last: _Atom, a: _Atom) -> bool:
    """``a`` is a role word in brackets right after ``last``: "(PM)", "(Menlu)"."""
    return (a.is_word("role") and a.i == last.j + 1 and a.j < len(tx.norms)
            and tx.norms[last.j] == "(" and tx.norms[a.j] == ")"
            and not tx.broken[a.i] and not tx.broken[a.j])


def _particle_name(e: Entry, toks, i: int, j: int) -> bool:
    """A name that starts with a particle ("Al-Sharaa", "bin Salman") matches the
    particle in lower case when a later word of the name is capitalised."""
    first = e.surface[0] if e.surface else ""
    return ((first[:1].islower() or first.lower() in _PARTICLES)
            and strip_accents(toks[i][2]) == first.lower()
            and any(t[2][:1].isupper() for t in toks[i + 1:j]))


def _embedded_acronym(tx: _Text, atoms: list[_Atom], k: int, lang: str, lex: Lexicon) -> bool:
    """Is the organisation acronym ``atoms[k]`` part of another, domestic name here?

    - after a unit word (roles.tsv ``unit``): "Kabupaten OKI", "Partai PBB";
    - after a domestic institution's word (a role word with a default country:
      "Bupati OKI", "Pemkab OKI") or a national institution's own acronym
      ("TNI AU", the air force);
    - in brackets after the words it abbreviates, when they share no word with
      the org's names: "Ogan Komering Ilir (OKI)", "Pajak Bumi dan Bangunan
      (PBB)" (but "International Labor Office (ILO)" is the org);
    - an acronym marked ambiguous in this language (orgs.tsv ``context``) with
      none of the organisation's names in the text: Indonesian "AU" is the air
      force unless "Uni Afrika" is named.
    """
    a = atoms[k]
    if a.kind != "org" or a.e.case != "exact":
        return False
    prev = atoms[k - 1] if k and tx.adjacent(atoms[k - 1], a) else None
    if prev is not None and (prev.is_word("unit") or (prev.e.country and (
            prev.kind == "word" or (prev.kind == "metonym" and _upper_acronym(tx, prev))))):
        return True
    if lang in a.e.context and not any(b.kind == "org" and b.e.org == a.e.org and b.e.case != "exact"
                                       for b in atoms):
        return True
    return _abbreviates_words_before(tx, atoms, k, lex)


def _upper_acronym(tx: _Text, a: _Atom) -> bool:
    word = tx.text[tx.toks[a.i][0]:tx.toks[a.j - 1][1]]
    return a.j - a.i == 1 and len(word) >= 2 and word.isupper()


def _abbreviates_words_before(tx: _Text, atoms: list[_Atom], k: int, lex: Lexicon) -> bool:
    """"Ogan Komering Ilir (OKI)": the bracketed acronym spells the initials of
    the capitalised words before it, which share no word with the org's names."""
    a = atoms[k]
    if a.i < 2 or tx.norms[a.i - 1] != "(":
        return False
    if k and atoms[k - 1].j == a.i - 1 and atoms[k - 1].kind == "org" \
            and atoms[k - 1].e.org == a.e.org:
        return False  # "Uni Afrika (AU)", "African Union (AU)"
    letters = [c.upper() for c in tx.text[tx.toks[a.i][0]:tx.toks[a.j - 1][1]] if c.isalnum()]
    initials: list[str] = []
    own = lex.org_words.get(a.e.org, set())
    p, skipped = a.i - 2, False
    while p >= 0 and len(initials) < len(letters):
        t = tx.toks[p][2]
        if t[:1].isupper() and t.isalpha():
            if tx.norms[p] in own:
                return False  # "International Labor Office (ILO)": a variant of its name
            initials.append(t[0].upper())
            skipped = False
        elif t.isalpha() and t.islower() and initials and not skipped:
            skipped = True  # a connector: "Pajak Bumi dan Bangunan"
        else:
            break
        p -= 1
    return initials[::-1] == letters


def _actor(country: str | None, org: str | None, role: str | None, name: str | None,
           actor_id: str | None) -> Actor:
    if country:
        code = country + (role or "")
    else:
        code = org or "UNK"
    return Actor(code=code, country=country, org=org if not country else None, role=role,
                 name=name, actor_id=actor_id)


def validate(directory: Path | str | None = None) -> None:
    """Load the actor tables and raise :class:`jalin.errors.DataFileError` on the first problem.

    Checked: headers and column counts; ISO alpha-3 country codes (documented
    exceptions need status 'exception'); role codes from a closed list; every
    office has a start date and ends after it starts; no alias means two
    different actors (two people may share a name only if they never held
    office at the same time); no two holders of a one-person office (HOS,
    HOG, FM, DM, ...) overlap by more than a month unless marked "shared".
    """
    load_tables(directory, strict=True)


# modules whose code decides what load_tables returns (a change rebuilds the cached tables)
_TABLE_CODE = ("jalin.resolve.actors_data", "jalin.models", "jalin.datafiles")


def _tables_key(overlays: tuple[str, ...]) -> str:
    """The cache key of the package's actor tables with ``overlays``: the files' hash."""
    files = [f"actors/{name}" for name in FILES]
    files += [f"{d}/{name}" for d in overlays for name in ("aliases.tsv", "metonyms.tsv", "roles.tsv")
              if data_path(f"{d}/{name}").is_file()]
    return f"{','.join(overlays)}|{data_hash(*files)}"


@lru_cache(maxsize=1)
def default_resolver() -> ActorResolver:
    """The resolver over the shipped tables, loaded and validated once per process."""
    return ActorResolver.load()
