"""Malay (``ms``): Indonesian's sister language, coded as an overlay on Indonesian.

Malay and Indonesian share their grammar: the same affixes (meN-, di-,
ber-, peN-...-an), the same head-first word order, the same relative
"yang". :class:`MalayPack` therefore subclasses the Indonesian pack and
keeps its morphology and every syntax hook; what differs is vocabulary and
spelling, stated as overlays that hold only the differences:

* triggers and function words — ``data/lexicon/ms/`` over ``data/lexicon/id/``
  ("mesyuarat", "menggesa", "menyokong", "bantahan"; "kerana", "bahawa",
  "daripada", "kedua-dua negara", "bercadang");
* dates — the ``ms`` rows of ``data/dates/ms/`` over the ``id`` rows of
  ``data/dates/`` (Isnin, Khamis, Jumaat; Mac, Julai, Ogos, Disember;
  "minggu lepas", "kelmarin");
* actors — ``data/actors/ms/``: names of known actors ("Amerika Syarikat",
  "Jepun", "Kesatuan Eropah") and role words ("kerajaan", "polis",
  "tentera", "Timbalan Perdana Menteri") that mean something else, or
  nothing, in Indonesian, so they are read only in Malay text.
"""

from __future__ import annotations

from ..id import IndonesianPack

# Words Malay uses where Indonesian says something else (standard Malaysian usage:
# spelling, vocabulary, weekday and month names; written for jalin). Words Indonesian
# also uses ("pejabat" is an official there, an office in Malay) are left out.
MARKERS = frozenset(
    "ialah kerana daripada iaitu boleh kerajaan bahawa wang semalam sahaja berkata "
    "manakala selepas mahkamah polis hospital tentera jabatan menerusi bagaimanapun "
    "baharu akhbar sekiranya ramai kenyataan mesyuarat berbanding bilangan "
    "agensi syarikat "
    "lawatan rundingan timbalan jurucakap pertubuhan eropah antarabangsa rasmi ketenteraan "
    "kewangan parlimen perbincangan serantau hala sokongan menyokong menggesa sekatan "
    "bercadang dijangka jepun sepanyol itali kemboja isnin khamis jumaat mac julai "
    "ogos disember berkenaan berterusan awam ubat menghantar pelarian menceroboh pencerobohan "
    "penguatkuasaan jawatankuasa penganalisis persefahaman pelaburan meneroka tumpuan rentas "
    "menganggarkan askar berhampiran pertikaian dijadual teruk pakej menyasarkan eksport keupayaan "
    "menghalang disenaraikan senarai tempatan rakan bilion peratus teknikal pusingan berkaitan punca "
    "terutamanya menafikan memulakan".split()
)


class MalayPack(IndonesianPack):
    code = "ms"
    name = "Malay"
    aliases = ("msa", "may", "zsm", "malay", "bahasa melayu", "bahasa malaysia")
    lexicon_dirs = ("lexicon/id", "lexicon/ms")
    date_languages = ("id", "ms")
    date_dirs = ("dates", "dates/ms")
    actor_dirs = ("actors/ms",)

    capacity_words = frozenset({"selaku", "sebagai"})
    home_country = "MYS"

    markers = MARKERS
    family_default = False
    min_markers = 2
    margin_ratio = 1.5


PACK = MalayPack()

__all__ = ["PACK", "MalayPack"]
