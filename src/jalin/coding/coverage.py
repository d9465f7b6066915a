"""How much of the CAMEO ontology a trigger lexicon covers, code by code.

For every CAMEO code the table counts the lexicon's patterns by the word
form they match:

* ``active``  a single verb in meN-/ber- (or a bare verb);
* ``passive`` a single verb in di-/ter-;
* ``nominal`` a single noun (peN-an, per-an, ke-an, -an, or the bare root
  used as a noun: "sanksi", "invasi");
* ``multi``   a pattern of several words: light-verb constructions
  ("menjatuhkan .. sanksi", "melakukan kunjungan"), fixed phrases;

and the other routes by which a code is reached: ``refine`` rules
(``refine.tsv``: "bantuan kemanusiaan" turns 070 into 073) and ``intent``
(an announced act, "akan memberikan bantuan", becomes 033 through
:func:`jalin.coding.modality.intent_code`).

Examples are real surface words: the words of a pattern's note that the
morphology analyses back to the pattern's root, else forms generated from
the root by the language pack (each checked by
the pack's morphology, so an example is a form the coder does match;
forms come from the pack's :meth:`~jalin.lang.base.LanguagePack.surface_forms`). ``jalin lexicon coverage`` prints the table.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from ..lang.analysis import Analysis
from ..lang import get_pack
from ..lang.base import LanguagePack
from .lexicon import Lexicon, PatternItem, TriggerEntry
from .modality import intent_code
from .ontology import Ontology

FORMS = ("active", "passive", "nominal", "multi")
_KIND = {"va": "active", "vp": "passive", "n": "nominal", "b": "nominal"}


def _accepts(item: PatternItem, a: Analysis) -> bool:
    """Does pattern ``item`` accept analysis ``a`` (the rule of jalin.coding.triggers)?"""
    if a.root != item.value:
        return False
    if item.pos == "v" and a.form not in ("va", "vp"):
        return False
    if item.pos == "n" and a.form != "n":
        return False
    return not (item.exclude and (a.suffix in item.exclude or any(x in a.prefix for x in item.exclude)))


def _word_kind(item: PatternItem) -> str:
    """The form of an exact-word item from its marked part of speech or its shape."""
    w = item.value
    if item.pos:
        return "active" if item.pos == "v" else "nominal"
    if w.startswith("di") and len(w) > 5:
        return "passive"
    if w.startswith(("me", "ber")) and len(w) > 5:
        return "active"
    return "nominal"


@dataclass(frozen=True)
class PatternForms:
    entry: TriggerEntry
    kinds: frozenset[str]
    examples: tuple[str, ...]


def _note_words(note: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", note or "")]


def _root_words(item: PatternItem, pack: LanguagePack, note: list[str]) -> tuple[list[str], set[str]]:
    """Example words for one root item (the note's words it matches, else one generated word per
    form) and the forms (va, vp, n, b) it matches among the generated ones."""
    roots = frozenset({item.value})
    analyse = pack.analyse
    gen = pack.surface_forms if pack.generates_forms else None
    noted = [w for w in note if any(_accepts(item, a) for a in analyse(w, roots))]
    generated: dict[str, str] = {}
    for form, w in gen(item.value) if gen else ():
        if any(_accepts(item, a) and a.form == form for a in analyse(w, roots)):
            generated.setdefault(form, w)
    if not gen:
        return list(dict.fromkeys(noted)) or [item.value], set()
    order = ("b", "va", "vp", "n") if item.pos == "" else ("va", "vp", "n", "b")
    plain = [generated[f] for f in order if f in generated]  # a bare loan noun first: sanksi, suaka
    return list(dict.fromkeys(noted)) or plain, set(generated)


def _phrase_word(item: PatternItem, pack: LanguagePack, note: list[str]) -> str:
    """One word for a root item inside a multi-word pattern: from the note, else a plain form."""
    words, forms = _root_words(item, pack, note)
    if words and words[0] in note:
        return words[0]
    if item.pos == "" and ("b" in forms or not forms):
        return item.value  # "sanksi", "kerja"
    return words[0] if words else item.value


def pattern_forms(entry: TriggerEntry, pack: LanguagePack) -> PatternForms:
    """Which forms one pattern matches, with example surface words or phrases."""
    note = _note_words(entry.note)
    words = [i for i in entry.items if i.kind not in ("gap", "actor")]
    if len(words) > 1:
        parts = [".." if i.kind == "gap" else "@" if i.kind == "actor" else i.value if i.kind == "word"
                 else _phrase_word(i, pack, note) for i in entry.items]
        return PatternForms(entry, frozenset({"multi"}), (" ".join(parts),))
    item = words[0]
    if item.kind == "word":
        return PatternForms(entry, frozenset({_word_kind(item)}), (item.value,))
    examples, forms = _root_words(item, pack, note)
    if not pack.generates_forms:  # no generator: the part of speech decides
        kinds = {"v": {"active", "passive"}, "n": {"nominal"}}.get(item.pos, {"active", "passive", "nominal"})
    else:
        kinds = {_KIND[f] for f in forms}
    return PatternForms(entry, frozenset(kinds), tuple(examples[:4]))


# ---- the table ------------------------------------------------------------------------

@dataclass
class CodeCoverage:
    code: str
    name: str
    active: int = 0
    passive: int = 0
    nominal: int = 0
    multi: int = 0
    refine: int = 0
    intent: int = 0
    examples: list[str] = field(default_factory=list)

    @property
    def patterns(self) -> int:
        return self.active + self.passive + self.nominal + self.multi

    @property
    def reached(self) -> bool:
        return bool(self.patterns or self.refine or self.intent)


@dataclass
class Coverage:
    lang: str
    rows: list[CodeCoverage]
    n_patterns: int
    by_form: dict[str, int]

    @property
    def leaves(self) -> list[CodeCoverage]:
        """Rows of 3- and 4-digit codes (the 2-digit cue categories are summaries)."""
        return [r for r in self.rows if len(r.code) > 2]

    @property
    def without_patterns(self) -> list[str]:
        return [r.code for r in self.leaves if not r.patterns]

    @property
    def unreached(self) -> list[str]:
        return [r.code for r in self.leaves if not r.reached]

    def totals(self) -> dict[str, int]:
        leaves = self.leaves
        return {
            "patterns": self.n_patterns, **{f"patterns_{k}": v for k, v in self.by_form.items()},
            "codes": len(leaves),
            "codes_with_patterns": sum(1 for r in leaves if r.patterns),
            "codes_reached": sum(1 for r in leaves if r.reached),
            "codes_without_trigger": len(self.unreached),
            "roots_with_patterns": sum(1 for r in self.rows if len(r.code) == 2 and r.patterns),
        }

    def to_json(self) -> dict:
        return {"lang": self.lang, "codes": [{**asdict(r), "patterns": r.patterns} for r in self.rows],
                "totals": self.totals(), "without_trigger": self.unreached}


def coverage(lex: Lexicon, ontology: Ontology, code: str | None = None) -> Coverage:
    """The coverage of ``lex`` over every CAMEO code (or those under ``code``)."""
    pack = lex.pack or get_pack(lex.lang)  # a lexicon loaded from a folder has no pack of its own
    forms = [pattern_forms(e, pack) for e in lex.entries]
    by_code: dict[str, list[PatternForms]] = {}
    for pf in forms:
        by_code.setdefault(pf.entry.cameo, []).append(pf)
    refine_into: dict[str, int] = {}
    for rules in lex.refine.values():
        for _words, refined in rules:
            refine_into[refined] = refine_into.get(refined, 0) + 1
    intent_into: dict[str, int] = {}
    for c, pfs in by_code.items():
        announced = intent_code(c, ontology.is_valid)
        if announced != c:
            intent_into[announced] = intent_into.get(announced, 0) + len(pfs)
    rows: list[CodeCoverage] = []
    for cc in ontology:
        if code and not cc.code.startswith(code):
            continue
        row = CodeCoverage(cc.code, cc.name)
        subtree = [c for c in by_code if c.startswith(cc.code)] if len(cc.code) == 2 else [cc.code]
        for c in subtree:
            for pf in by_code.get(c, ()):
                for k in pf.kinds:
                    setattr(row, k, getattr(row, k) + 1)
                for ex in pf.examples:
                    if ex not in row.examples and len(row.examples) < 4:
                        row.examples.append(ex)
        keys = [c for c in refine_into if c.startswith(cc.code)] if len(cc.code) == 2 else [cc.code]
        row.refine = sum(refine_into.get(c, 0) for c in keys)
        keys = [c for c in intent_into if c.startswith(cc.code)] if len(cc.code) == 2 else [cc.code]
        row.intent = sum(intent_into.get(c, 0) for c in keys)
        rows.append(row)
    by_form = {k: sum(1 for pf in forms if k in pf.kinds) for k in FORMS}
    return Coverage(lex.lang, rows, len(forms), by_form)


def render(cov: Coverage, width: int = 150) -> str:
    """A plain-text table: one line per code, cue categories in capitals, totals at the end."""
    head = f"{'code':<5} {'name':<38} {'act':>4} {'pas':>4} {'nom':>4} {'mult':>4} {'ref':>4} {'int':>4}  examples"
    lines = [head, "-" * min(width, len(head) + 40)]
    for r in cov.rows:
        name = r.name if len(r.name) <= 38 else r.name[:37] + "~"
        mark = "" if r.reached or len(r.code) == 2 else "  (no trigger)"
        ex = ", ".join(r.examples)
        line = (f"{r.code:<5} {name:<38} {r.active:>4} {r.passive:>4} {r.nominal:>4} {r.multi:>4} "
                f"{r.refine:>4} {r.intent:>4}  {ex}{mark}")
        lines.append(line if len(line) <= width else line[:width - 1] + "~")
    t = cov.totals()
    lines += [
        "",
        f"patterns: {t['patterns']} (active {t['patterns_active']}, passive {t['patterns_passive']}, "
        f"nominal {t['patterns_nominal']}, multi-word {t['patterns_multi']}; a single-word pattern "
        f"counts under every form it matches)",
        f"codes (3-4 digits): {t['codes']}; with patterns {t['codes_with_patterns']}; "
        f"reached through patterns, refinements or intent {t['codes_reached']}; "
        f"without any trigger {t['codes_without_trigger']}",
    ]
    if cov.unreached:
        lines.append("without any trigger: " + " ".join(cov.unreached))
    return "\n".join(lines)


__all__ = ["FORMS", "CodeCoverage", "Coverage", "coverage", "pattern_forms", "render"]
