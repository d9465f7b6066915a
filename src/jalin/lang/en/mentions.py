"""English mentions the actor tables alone do not give.

* **role words in context** — "President Omar al-Bashir ... in Sudan", "the
  rebels", "police": a bare role word takes the state when its sentence
  names exactly one; the bare "Security Council" is the UN's;
* **datelines** — "ALMATY, Jan 7 (Reuters) -": the place the story was filed
  is not an actor of its first sentence;
* **people by surname** — "Ding also met ..." after "Chinese Vice Premier Ding
  Xuexiang": one part of a name mentioned in full earlier names the same actor.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...datafiles import read_tsv
from ...models import Actor, Mention
from ..datelines import dateline_end, drop_dateline_mentions
from .phrases import DETERMINERS

def name_parts(mentions: list[Mention]) -> dict[str, Actor]:
    """Capitalised parts of the names of people mentioned ("Ding", "Xuexiang" of
    "Chinese Vice Premier Ding Xuexiang"), as they stand in the text."""
    out: dict[str, Actor] = {}
    for m in mentions:
        if m.kind != "person" or not m.actor.name:
            continue
        for part in m.actor.name.split():
            if len(part) > 2 and part[:1].isupper() and re.search(rf"\b{re.escape(part)}\b", m.text):
                out[part] = m.actor
    return out


def later_name_mentions(sentence, mentions: list[Mention], known: dict[str, Actor]) -> list[Mention]:
    """A person named in full earlier in the article, now by one part of the name:
    "Ding also met ..." after "Chinese Vice Premier Ding Xuexiang" (wire-story usage)."""
    if not known:
        return mentions
    out = list(mentions)
    for m in re.finditer(r"\b[A-Z][\w'-]+\b", sentence.text):
        word = m.group(0)
        actor = known.get(word)
        if actor is None:
            continue
        s, e = sentence.start + m.start(), sentence.start + m.end()
        if any(x.start < e and s < x.end for x in out):
            continue
        out.append(Mention(sentence.doc_id, sentence.index, s, e, word, actor, "person"))
    out.sort(key=lambda x: (x.start, x.end))
    return out


# ---------------------------------------------------------------- role words in context
# Roles a bare role word ("the rebels", "police", "President X") may take from the one
# state its sentence names. Business and media words, and roles of no country
# ("head", "side"), are left out: they are as often foreign or not actors at all.
CONTEXT_ROLES = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "SEP", "SPY", "REF",
                           "LAB", "CVL", "RAD", "AGR", "EDU"})
# role words that usually name someone from elsewhere or are mostly adjectives
_CONTEXT_SKIP = frozenset({"peacekeepers", "peacekeeping forces", "official", "public", "people",
                           "population", "tourists", "migrants", "migrant workers", "nationals",
                           "diplomat", "diplomats", "envoy", "special envoy", "ambassador", "embassy",
                           "consul", "consulate", "delegation", "counterpart", "permanent representative",
                           "security council"})
_ORG_ROLES = frozenset({"GOV", "MIL", "COP", "SPY", "LEG"})
_NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "van", "von", "den", "de", "da", "dos", "la", "le"})


@lru_cache(maxsize=1)
def _context_roles() -> dict[tuple[str, ...], tuple[str, bool]]:
    """English role phrases (data/actors/roles.tsv) -> (role code, takes a name after it)."""
    out: dict[tuple[str, ...], tuple[str, bool]] = {}
    for row in read_tsv("actors/roles.tsv", required=("alias", "function")):
        if row["function"] != "role" or row.get("lang") != "en" or row.get("default_country"):
            continue
        role = row.get("role") or ""
        if role not in CONTEXT_ROLES:
            continue
        for alias in row["alias"].split("|"):
            alias = alias.strip().lower()
            if alias and alias not in _CONTEXT_SKIP:
                out[tuple(alias.split())] = (role, bool(row.get("office")) or alias in ("judge", "general"))
    return out


def _name_end(tokens: list, k: int, taken: list[bool]) -> int:
    """One past an unknown capitalised name starting at token k ("Omar Hassan al-Bashir"), else k."""
    end, words, p = k, 0, k
    while p < len(tokens) and words < 5 and not taken[p]:
        t = tokens[p].text
        if t[:1].isupper() and t[:1].isalpha():
            words += 1
            p += 1
            end = p
        elif t.lower() in _NAME_PARTICLES and words and p + 1 < len(tokens) and tokens[p + 1].text[:1].isupper():
            p += 1
        else:
            break
    return end


def _security_council(sentence, tokens: list, mentions: list[Mention]) -> list[Mention]:
    """"the Security Council" with no state before it is the UN Security Council (world news usage);
    "Kazakhstan's Security Council" stays the national body (the actor tables resolve it)."""
    out = list(mentions)
    for i in range(len(tokens) - 1):
        if tokens[i].text != "Security" or tokens[i + 1].text != "Council":
            continue
        s, e = tokens[i].start, tokens[i + 1].end
        if any(m.start < e and s < m.end for m in mentions):
            continue
        prev = tokens[i - 1].lower if i > 0 else ""
        if prev in ("'s", "’s", "national", "state") or (
                i > 0 and tokens[i - 1].text[:1].isupper() and prev not in DETERMINERS):
            continue
        out.append(Mention(sentence.doc_id, sentence.index, s, e, "Security Council",
                            Actor(code="UN", org="UN", name="UN Security Council"), "org"))
    out.sort(key=lambda m: (m.start, m.end))
    return out


def context_role_mentions(sentence, tokens: list, mentions: list[Mention]) -> list[Mention]:
    """Bare role phrases of a sentence that names exactly one state, as that state's actors.

    "President Omar al-Bashir shortened the curfew imposed in Sudan" -> SDNGOV;
    "Rebels in the Ivory Coast dismissed an appeal" -> CIVREB. A role word
    inside a longer capitalised name ("Homeland Union") or followed by "of" and
    a name the tables do not know ("the government of Sindh province") is left
    alone, and so is every role word when the sentence names no state or
    several (then nothing tells whose it is).
    """
    mentions = _security_council(sentence, tokens, drop_dateline_mentions(sentence, mentions))
    countries = {m.actor.country for m in mentions if m.actor.country}
    if len(countries) != 1:
        return mentions
    country = next(iter(countries))
    # with an organisation in the sentence, officials and troops may be its own ("UN personnel")
    org_named = any(m.kind == "org" and not m.actor.country for m in mentions)
    n = len(tokens)
    taken = [False] * n
    for m in mentions:
        for i, t in enumerate(tokens):
            if t.start < m.end and m.start < t.end:
                taken[i] = True
    phrases = _context_roles()
    lower = [t.lower for t in tokens]
    out = list(mentions)
    i = 0
    while i < n:
        if taken[i]:
            i += 1
            continue
        # the longest run of role phrases ("military government", "riot police")
        j, role, named = i, None, False
        while j < n and not taken[j]:
            hit = next(((length, phrases[tuple(lower[j:j + length])]) for length in (3, 2, 1)
                        if j + length <= n and tuple(lower[j:j + length]) in phrases
                        and not any(taken[j:j + length])), None)
            if hit is None:
                break
            j += hit[0]
            role, named = hit[1]
        if role is None:
            i += 1
            continue
        prev = tokens[i - 1].text if i > 0 else ""
        in_name = i > 0 and prev[:1].isupper() and not taken[i - 1] and tokens[i].text[:1].isupper()
        foreign_of = (j + 1 < n and lower[j] == "of" and not taken[j + 1]
                      and tokens[j + 1].text[:1].isupper() and (lower[j + 1],) not in phrases)
        if in_name or foreign_of or (org_named and role in _ORG_ROLES):
            i = j
            continue
        end = _name_end(tokens, j, taken) if named else j
        s, e = tokens[i].start, tokens[end - 1].end
        text = sentence.text[s - sentence.start:e - sentence.start]
        out.append(Mention(sentence.doc_id, sentence.index, s, e, text,
                            Actor(code=country + role, country=country, role=role), "role"))
        i = end
    out.sort(key=lambda m: (m.start, m.end))
    return out


__all__ = ["context_role_mentions", "dateline_end", "drop_dateline_mentions", "later_name_mentions",
           "name_parts"]
