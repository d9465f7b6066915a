"""Malay (``ms``): Indonesian's sister language, recognised so it is not miscoded.

Detected (its own function words against Indonesian's) and named in
rejections; not coded yet.
"""

from __future__ import annotations

from ..id import IndonesianPack

# Words Malay uses where Indonesian says something else (standard Malaysian usage;
# written for jalin).
MARKERS = frozenset(
    "ialah kerana daripada iaitu boleh kerajaan bahawa wang semalam sahaja berkata "
    "manakala selepas mahkamah polis hospital tentera jabatan menerusi bagaimanapun "
    "baharu akhbar sekiranya ramai kenyataan mesyuarat berbanding bilangan pejabat "
    "agensi syarikat".split()
)


class MalayPack(IndonesianPack):
    code = "ms"
    name = "Malay"
    coded = False
    aliases = ("msa", "may", "zsm", "malay", "bahasa melayu")

    date_languages = ()  # no date words of its own yet: every language's at once
    lexicon_dirs = ()

    markers = MARKERS
    family_default = False
    min_markers = 2
    margin_ratio = 1.5


PACK = MalayPack()

__all__ = ["PACK", "MalayPack"]
