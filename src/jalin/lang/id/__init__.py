"""Indonesian (``id``): the pack the coder was first written for.

Morphology in :mod:`jalin.lang.id.morph` (meN-/di-/ber-/ter-/peN-...-an,
clitics, reduplication) over the lexicon's root list; trigger lexicon in
``data/lexicon/id/``; dates in the ``id`` rows of ``data/dates/``. Word
order is head first ("Presiden Rusia", "orang Uzbek"); a verb shows its
voice on its prefix (me-/ber- active, di- passive, peN-...-an nominal).
Malay (:mod:`jalin.lang.ms`) inherits all of it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import names as title_names
from ..datelines import drop_dateline_mentions
from ..analysis import BARE, NOUN, VERB_ACTIVE, VERB_PASSIVE, Analysis
from ..base import LanguagePack
from . import forms, morph
from . import names as names_mod

if TYPE_CHECKING:
    from ...coding.lexicon import Lexicon
    from ...coding.ontology import CameoCode, QuadClass
    from ...coding.roles import _Finder
    from ...coding.view import Group, SentenceView
    from ...models import Mention, Sentence
    from ...nlp.tokens import Token

# Language detection profiles: function words shared by Indonesian and Malay, and
# words only Indonesian uses (standard Indonesian usage; written for jalin).
FAMILY_WORDS = frozenset(
    "yang dan di ke dengan ini itu untuk pada dalam tidak akan juga oleh dari kepada "
    "telah atau ada mereka kami kita negara bagi antara serta lebih tersebut sebagai "
    "para secara namun hingga masih menteri presiden kata ia dia sebuah seorang "
    "terhadap selama sejak ketika jika".split()
)
MARKERS = frozenset(
    "adalah karena yaitu bisa pemerintah pemerintahan sudah setelah bahwa uang kemarin "
    "polisi kepolisian tentara mengatakan saat pengadilan tapi nggak enggak pernyataan "
    "ujar ungkap sekitar pekan kantor lewat meski seusai jelang kendati rapat "
    "serikat tiongkok keamanan "
    "memulai menyebutkan senin kamis jumat maret juni juli agustus desember persen miliar ekspor "
    "resmi eropa jepang prancis spanyol kamboja terkait analis pengungsi fasilitas obat paket teknis "
    "putaran rekan".split()
)


#: capitalised words that stand in a title + name but are no part of a person's name
NOT_NAMES = frozenset("""
utara selatan barat timur tengah tenggara laut raya kota kabupaten provinsi daerah wilayah
jenderal letnan kolonel mayor laksamana marsekal dr drs ir prof haji hj bapak ibu pak bu
yang mulia besar luar negeri dalam republik kerajaan federasi persatuan
senin selasa rabu kamis jumat sabtu minggu januari februari maret april mei juni juli
agustus september oktober november desember
""".split())
#: a capitalised word after these is a place ("ke Luwu Utara"), not the person of that name
PLACE_PREPS = frozenset({"di", "ke", "dari", "asal", "kota", "provinsi", "kabupaten", "wilayah",
                         "daerah", "kawasan", "negara"})


def _active_shape(word: str) -> bool:
    """Does ``word`` begin like a meN- verb? meN- shows as me- before l, r, w, y and as mem-,
    men-, meng-, meny- otherwise, so "me" + another consonant ("mediasi", "media", "meja",
    "metode") is no verb."""
    return word.startswith("me") and len(word) > 2 and word[2] in "lmnrwy"


class IndonesianPack(LanguagePack):
    code = "id"
    name = "Indonesian"
    aliases = ("in", "ind", "indonesian", "bahasa indonesia")
    lexicon_dirs = ("lexicon/id",)
    date_languages = ("id",)

    family = "malay"
    family_words = FAMILY_WORDS
    markers = MARKERS
    family_default = True

    relative_pronouns = frozenset({"yang"})
    comma_relative_pronouns = frozenset({"yang"})
    nonrestrictive_openers = frozenset({"yang"})
    complementizers = frozenset({"bahwa", "yang"})
    clause_openers = frozenset({"yang", "dimana"})
    clause_opener_pairs = (("di", "mana"),)
    verb_coordinators = frozenset({"dan", "serta"})
    and_words = frozenset({"dan"})
    between_words = frozenset({"antara"})
    partner_preps = frozenset({"dengan"})
    complement_markers = frozenset({"akan", "untuk"})
    purpose_words = frozenset({"untuk"})
    continuation_openers = frozenset({"yang"})
    former_words = frozenset({"bekas", "mantan", "eks"})
    home_country = "IDN"
    head_initial_nouns = True
    coordination_fillers = frozenset({"pada"})

    bare_is_nominal = True
    subject_through_relative = True
    object_can_be_subject = True
    reporter_after_comma = True

    # ---------------------------------------------------------------- morphology
    def analyse(self, word: str, roots: frozenset[str]) -> tuple[Analysis, ...]:
        return morph.analyse(word, roots)

    generates_forms = True

    def surface_forms(self, root: str) -> list[tuple[str, str]]:
        return forms.id_forms(root)

    def surface_form(self, word: str) -> str:
        if _active_shape(word) or word.startswith("ber"):
            return VERB_ACTIVE
        if word.startswith("di"):
            return VERB_PASSIVE
        if word.startswith("pe") and word.endswith("an"):
            return NOUN
        return BARE

    def looks_verbal(self, word: str, lex: Lexicon) -> bool:
        return (len(word) > 4 and word.isalpha()
                and (_active_shape(word) or word.startswith(("ber", "di")))
                and word not in lex.words("not_verb"))

    def is_active_verb(self, word: str, lex: Lexicon) -> bool:
        return word.startswith("me") and self.looks_verbal(word, lex)

    def object_by_verb(self, view: SentenceView, t0: int, word: str, lex: Lexicon) -> bool:
        return self.is_active_verb(word, lex)  # "menyebabkan Kazakhstan ...": the verb's object

    # ---------------------------------------------------------------- mentions
    def sentence_mentions(self, sentence: Sentence, tokens: list[Token],
                          mentions: list[Mention]) -> list[Mention]:
        return drop_dateline_mentions(sentence, mentions)  # "JAKARTA, KOMPAS.com -": where it was filed

    def later_mentions(self, sentence: Sentence, mentions: list[Mention], names_seen: dict) -> list[Mention]:
        """"ujar Satkaliyev" after "Menteri Energi Kazakhstan Almasadam Satkaliyev", "ujar Andi
        Rahim" after "Bupati Luwu Utara Andi Abdullah Rahim": the side the name came with."""
        mentions = names_mod.later_mentions(sentence, mentions, names_seen, PLACE_PREPS)
        for part, m in title_names.role_names(sentence, mentions, NOT_NAMES).items():
            names_seen.setdefault(part, m.actor)  # a title's unknown name right after it
        return mentions

    # ---------------------------------------------------------------- roles
    def agentless_passive_source(self, f: _Finder) -> Group | None:
        """"Dua WNI ditangkap di Malaysia": the state where an arrest happened makes it;
        "dideportasi dari Arab Saudi": the state that deported them."""
        from ...coding.roles import passive_place
        return passive_place(f, frozenset({"di"}), frozenset({"dari"}))

    # ---------------------------------------------------------------- ontology labels
    def event_name(self, rec: CameoCode) -> str:
        return rec.nama or super().event_name(rec)

    def quad_label(self, quad: QuadClass) -> str:
        return quad.label_id or quad.label


PACK = IndonesianPack()

__all__ = ["PACK", "IndonesianPack"]
