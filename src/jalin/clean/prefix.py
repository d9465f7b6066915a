"""News dateline prefixes at the start of a paragraph.

"JAKARTA, KOMPAS.com -- ", "Jakarta (ANTARA) - ", "SinPo.id - ",
"ALMATY (Reuters) - ", "Liputan6.com, Jakarta - ". Cleaning keeps them (the
article text is never altered); the coder may skip them with these helpers.
"""

from __future__ import annotations

import re

_PLACE = r"[A-Z][A-Za-z'’\-]+(?:\s[A-Z][A-Za-z'’\-]+){0,2}"
_OUTLET = (
    r"(?:[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z]{2,4}){1,2}"  # kompas.com, TEMPO.CO, SinPo.id, REPUBLIKA.CO.ID
    r"|CNN Indonesia|ANTARA(?: News)?|Antara(?: News)?|VIVA|detik[A-Za-z]*|Okezone|iNews(?:\.id)?)"
)
_AGENCY = r"\((?:ANTARA|Antara|AFP|Reuters|AP|Xinhua|Anadolu|Bernama|Sputnik|TASS|dpa|Kyodo|UPI|IANS|VOA|BBC)\)"
_DASH = r"\s*[-–—]{1,2}\s*"

_PREFIX_RE = re.compile(
    r"(?:"
    rf"{_PLACE},\s*{_OUTLET}{_DASH}"  # JAKARTA, KOMPAS.com --
    rf"|{_OUTLET},\s*{_PLACE}{_DASH}"  # Liputan6.com, Jakarta -
    rf"|{_PLACE}\s*{_AGENCY}{_DASH}"  # Jakarta (ANTARA) -
    rf"|{_OUTLET}{_DASH}"  # SinPo.id -
    r"|[A-Z]{3,}(?:[\s-][A-Z]{3,})?(?:,\s*[A-Z][a-z]+)?\s*[-–—]{1,2}\s+"  # MOSKOW -
    r")(?=\S)"
)


def dateline_prefix_end(text: str, start: int = 0) -> int:
    """Offset just after a dateline prefix at ``text[start:]``; ``start`` if none."""
    pos = start
    while pos < len(text) and text[pos] in " \t\u00a0":
        pos += 1
    m = _PREFIX_RE.match(text.replace("\u00a0", " "), pos)
    return m.end() if m else start


def strip_dateline_prefix(text: str) -> str:
    """``text`` without a leading news dateline prefix."""
    return text[dateline_prefix_end(text):]
