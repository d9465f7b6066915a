"""One sentence as the coder sees it: tokens, actor mentions and time
expressions indexed by token, and the mentions joined into coordinated
groups ("Kazakhstan dan Uzbekistan" -> one group of two).

:mod:`jalin.coding.roles` reads sources and targets off a view.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from ..models import Actor, DateMention, Mention, Sentence
from ..nlp.automaton import StringMatcher
from ..nlp.tokens import Token
from .lexicon import Lexicon, TriggerMatch

_PUNCT_BOUNDARY = {",", ";", ":", "“", "”", '"', "(", ")", "–", "—"}


@dataclass
class Group:
    members: list[Mention]
    t0: int  # first token index
    t1: int  # one past the last token index

    def distinct(self) -> list[Mention]:
        seen, out = set(), []
        for m in self.members:
            if m.actor.key not in seen:
                seen.add(m.actor.key)
                out.append(m)
        return out

    @property
    def keys(self) -> set[str]:
        return {m.actor.key for m in self.members}


@dataclass
class SentenceView:
    sentence: Sentence
    tokens: list[Token]
    lower: list[str]
    mentions: list[Mention]
    mention_spans: list[tuple[int, int]]
    dates: list[DateMention]
    date_spans: list[tuple[int, int]]
    _groups: list[Group] | None  # built on first use: most sentences never need them
    token_mention: list[int]
    has_group_anaphor: bool
    past_markers: tuple[int, ...]  # token indexes of background markers ("sebelumnya", "pernah")
    lex: Lexicon
    # token indices where a verbal trigger of this sentence begins (set by the coder once the
    # sentence's triggers are known): a noun right after one is its object, not a new event
    verb_triggers: frozenset[int] = frozenset()
    # the people of the state hosting a foreign mission the sentence names (protests at an
    # embassy are theirs: jalin.coding.discourse), set by the coder
    host_crowd: Mention | None = None
    _date_marks: list[bool] | None = None  # in_date of each token, marked on first use

    @classmethod
    def build(cls, sentence: Sentence, tokens: list[Token], mentions: list[Mention],
              dates: list[DateMention], lex: Lexicon) -> "SentenceView":
        lower = [t.lower for t in tokens]
        # what the language adds: "President X ... in Sudan", a bare role word of the sentence's one state
        mentions = lex.pack.sentence_mentions(sentence, tokens, mentions)
        starts = [t.start for t in tokens]
        ends = [t.end for t in tokens]
        spans = [_token_span(starts, ends, m.start, m.end) for m in mentions]
        keep = [(m, s) for m, s in zip(mentions, spans) if s[0] < s[1]]
        mentions = [m for m, _ in keep]
        spans = [s for _, s in keep]
        dspans = [_token_span(starts, ends, d.start, d.end) for d in dates]
        token_mention = [-1] * len(tokens)
        for k, (a, b) in enumerate(spans):
            for i in range(a, b):
                token_mention[i] = k
        text = " ".join(lower)
        anaphor = any(p in text for p in lex.derived("anaphor_phrases", _anaphor_phrases))
        past = _past_markers(lower, lex)
        return cls(sentence, tokens, lower, mentions, spans, dates, dspans, None, token_mention,
                   anaphor, past, lex)

    @property
    def groups(self) -> list[Group]:
        """The sentence's actor groups (coordinated and appositive mentions joined)."""
        if self._groups is None:
            self._groups = build_groups(self, self.lex)
        return self._groups

    # -- token helpers
    def in_mention(self, i: int) -> bool:
        return self.token_mention[i] >= 0

    def in_date(self, i: int) -> bool:
        marks = self._date_marks
        if marks is None:  # which tokens lie in a time expression, marked once
            marks = self._date_marks = [False] * len(self.tokens)
            for a, b in self.date_spans:
                for k in range(a, min(b, len(marks))):
                    marks[k] = True
        return 0 <= i < len(marks) and marks[i]

    def is_boundary(self, i: int) -> bool:
        return self.lower[i] in _PUNCT_BOUNDARY

    def text_between(self, i: int, j: int) -> str:
        s = self.sentence
        return s.text[self.tokens[i].start - s.start:self.tokens[j].end - s.start]

    def date_for(self, trig: TriggerMatch, target: Mention | None,
                 triggers: list[TriggerMatch] = ()) -> DateMention | None:
        """The time expression that dates this trigger/target, if any.

        A date right after the target dates that target; a date fronted at
        the start of the sentence ("Pada 2009, ...") dates every trigger;
        any other date belongs to the trigger nearest to it.
        """
        if not self.dates:
            return None
        # a date right after the target ("Kazakhstan pada 29 Oktober dan Uzbekistan pada 5-6 November")
        try:
            k = self.mentions.index(target) if target is not None else -1
        except ValueError:
            k = -1
        if k >= 0:
            t_end = self.mention_spans[k][1]
            nxt_mention = min((a for a, _ in self.mention_spans if a >= t_end), default=len(self.tokens))
            for d, (a, b) in zip(self.dates, self.date_spans):
                if t_end <= a <= t_end + 2 and a < nxt_mention:
                    return d
        def dist(t: TriggerMatch, a: int, b: int) -> int:
            return max(a - t.last if a > t.last else t.first - b + 1, 0)

        openers, pairs = self.lex.pack.clause_openers, self.lex.pack.clause_opener_pairs

        def behind_clause(a: int, b: int) -> bool:
            """A date in a non-restrictive clause (", yang ...", ", di mana ...") is that clause's."""
            lo, hi = (trig.last, a) if a > trig.last else (b, trig.first)
            between = self.lower[lo:hi] + [""]
            return any(w == "," and (nx in openers or (nx, nx2) in pairs)
                       for w, nx, nx2 in zip(between, between[1:], between[2:]))

        best, best_dist = None, None
        for d, (a, b) in zip(self.dates, self.date_spans):
            if self.in_relative_clause(trig, a):
                continue
            fronted = a <= 1 and b < len(self.lower) and self.lower[b] == "," and b < trig.first
            mine = dist(trig, a, b)
            if not fronted and any(dist(o, a, b) < mine for o in triggers if o is not trig):
                continue
            if not fronted and behind_clause(a, b):
                continue
            if best_dist is None or mine < best_dist:
                best, best_dist = d, mine
        if best is not None:
            return best
        # no date of its own: the nearest one not behind a non-restrictive clause
        for d, (a, b) in sorted(zip(self.dates, self.date_spans), key=lambda x: dist(trig, *x[1])):
            if not behind_clause(a, b) and not self.in_relative_clause(trig, a):
                return d
        return None

    def background_for(self, trig: TriggerMatch) -> bool:
        """Does a background marker ("sebelumnya", "sejak") bear on this trigger, not only on a
        relative clause after it ("yang ditahan sejak 2022")?"""
        return any(not self.in_relative_clause(trig, k) for k in self.past_markers)

    def in_relative_clause(self, trig: TriggerMatch, a: int) -> bool:
        """Is the time expression at token ``a`` inside a restrictive relative clause, or the
        purpose clause ("untuk", "agar") of an appeal or invitation, after the trigger, that has
        a verb of its own ("membebaskan dua warga Prancis yang ditahan sejak 2022",
        "mengecam serangan yang terjadi pada Minggu")? It dates that clause's act, not the event."""
        if a <= trig.last:
            return False
        rel = self.lex.pack.relative_pronouns
        purpose = self.lex.pack.purpose_words | self.lex.words("appeal_marker")
        asks = trig.entry.cameo[:2] in ASKING_ROOTS
        between = self.lower[trig.last + 1:a]
        for k, w in enumerate(between):
            if w in purpose and asks and any(self.lex.pack.looks_verbal(x, self.lex) for x in between[k + 1:]):
                return True  # "mengundang X untuk menghadiri forum ... pada bulan depan": the act asked for
            if w in rel and (k == 0 or between[k - 1] != ",") \
                    and any(self.lex.pack.looks_verbal(x, self.lex) for x in between[k + 1:]):
                return True  # a restrictive clause: one set off by a comma may tell background
        return False


def _past_markers(lower: list[str], lex: Lexicon) -> tuple[int, ...]:
    """Where the sentence marks background ("sebelumnya", "pernah"). A marker word inside a
    phrase of ``past_not`` ("lebih dulu": first, not formerly) does not count."""
    words = lex.words("past")
    hits = [i for i, w in enumerate(lower) if w in words]
    if not hits:
        return ()
    covered: set[int] = set()
    for p in lex.phrases("past_not"):
        n = len(p)
        for i in range(len(lower) - n + 1):
            if tuple(lower[i:i + n]) == p:
                covered.update(range(i, i + n))
    return tuple(i for i in hits if i not in covered)


_ANAPHOR_CATEGORIES = ("group2", "group3", "group5", "anaphor_state", "plural_pronoun")


def _anaphor_phrases(lex: Lexicon) -> tuple[str, ...]:
    """The phrases that make a sentence's group anaphor ("kedua negara"), as joined words."""
    return tuple(" ".join(x) for cat in _ANAPHOR_CATEGORIES for x in lex.phrases(cat))


def _token_span(starts: list[int], ends: list[int], start: int, end: int) -> tuple[int, int]:
    """Tokens ``[a, b)`` covering ``start..end``: ``a`` the first token ending after ``start``,
    ``b`` the first from ``a`` on starting at or after ``end`` (token starts and ends ascend)."""
    a = bisect_right(ends, start)
    return a, max(a, bisect_left(starts, end, a))


def group_phrases_in(low: str, lex: Lexicon) -> list[tuple[str, tuple[str, ...]]]:
    """The lexicon's group phrases ("negara-negara Asia Tengah") that occur in ``low`` (a
    sentence in lower case), longest first as the coder tries them: what sorting every
    phrase and searching each in turn keeps, found in one pass of the phrase automaton."""
    matcher = lex.derived("group_matcher", _group_matcher)
    return [matcher.values[k] for k in sorted({k for _, k in matcher.occurrences(low)})]


def _group_matcher(lex: Lexicon) -> StringMatcher:
    ordered = sorted(lex.groups.items(), key=lambda kv: -len(kv[0]))
    return StringMatcher([(phrase.lower(), (phrase, members)) for phrase, members in ordered])


def same_actor(a: Actor, b: Actor) -> bool:
    """One actor for coding purposes: same state/org and no different roles.

    "pasukan Rusia" (RUSMIL) and "Rusia" are one actor; KAZGOV and KAZOPP
    are two (a domestic event); KAZ and KGZ are two.
    """
    return a.key == b.key and (a.role is None or b.role is None or a.role == b.role)


def _new_actor(g: "Group", exclude) -> bool:
    """Has group ``g`` an actor that is none of the mentions in ``exclude``?"""
    ex = [m.actor for m in exclude]
    return any(all(not same_actor(m.actor, x) for x in ex) for m in g.members)


# appeals, invitations and demands (CAMEO 02, 10): a purpose clause after them names the act asked for
ASKING_ROOTS = frozenset({"02", "10"})
# roots whose target may be named as a place: concern about events in X, aid to people in X,
# an investigation of a conflict in X, troops massed in X, fighting in X
PLACE_TARGET_ROOTS = {"01", "06", "07", "09", "14", "15", "18", "19", "20"}
DEFUNCT_STATES = {"SUN", "YUG", "CSK", "DDR"}


def can_act(view: SentenceView, m: Mention, start_token: int) -> bool:
    """May this mention be a source or target? States and organisations only."""
    a = m.actor
    if not a.country and not a.org:
        return False  # regions and blocs without a code of their own ("the West")
    if a.country in DEFUNCT_STATES and \
            set(view.lower[max(0, start_token - 3):start_token]) & view.lex.pack.former_words:
        return False  # "bekas Uni Soviet": a region, not an actor
    return True


def build_groups(view: SentenceView, lex: Lexicon) -> list[Group]:
    """Join coordinated and appositive mentions into groups."""
    coord = lex.words("coord")
    fillers, articles = lex.pack.coordination_fillers, lex.pack.coordination_articles
    groups: list[Group] = []
    seps: list[list[str]] = []
    for m, (a, b) in zip(view.mentions, view.mention_spans):
        if not can_act(view, m, a):
            continue
        if groups:
            g = groups[-1]
            if a < g.t1:  # overlapping spans (group phrases): same group
                g.members.append(m)
                g.t1 = max(g.t1, b)
                seps[-1].append("overlap")
                continue
            gap = range(g.t1, a)
            if len(gap) <= 6:  # a longer gap never joins
                words = [view.lower[i] for i in gap if not view.in_date(i) and view.lower[i] not in fillers
                         and not (view.lower[i] in articles and i > g.t1)]  # "X and the Y"
                dated = len(words) < len(gap)
                same = m.actor.key in g.keys
                joinable = all(w in coord for w in words) and not (dated and set(words) <= {","})
            if len(gap) <= 6 and joinable:
                kind = "and" if any(w != "," for w in words) else ("adj" if not words else "comma")
                if same and kind in ("comma", "adj"):
                    kind = "same"
                g.members.append(m)
                g.t1 = b
                seps[-1].append(kind)
                continue
        groups.append(Group([m], a, b))
        seps.append([])
    # a comma joins different actors only inside a list that ends with "dan"
    out: list[Group] = []
    first: dict[Mention, int] = {}  # what view.mentions.index(m) gives: the first equal mention
    for k, m in enumerate(view.mentions):
        first.setdefault(m, k)
    for g, sp in zip(groups, seps):
        cur = Group([g.members[0]], g.t0, view.mention_spans[first[g.members[0]]][1])
        for k, kind in enumerate(sp, start=1):
            m = g.members[k]
            mb = view.mention_spans[first[m]]
            if kind == "comma" and "and" not in sp[k:]:
                out.append(cur)
                cur = Group([m], mb[0], mb[1])
            else:
                cur.members.append(m)
                cur.t1 = max(cur.t1, mb[1])
        out.append(cur)
    return out
