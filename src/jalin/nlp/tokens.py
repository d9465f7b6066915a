"""Word tokens with article offsets (language-neutral)."""

from __future__ import annotations

import re
from typing import NamedTuple

_TOKEN = re.compile(r"\d+(?:[.,:/]\d+)*|\w+(?:[-'’]\w+)*|[^\w\s]", re.UNICODE)


class Token(NamedTuple):
    """One word or punctuation mark (a tuple: cheap to build by the thousand)."""

    text: str
    lower: str
    start: int  # article offset
    end: int


def tokenize(text: str, offset: int = 0) -> list[Token]:
    return [Token(m.group(), m.group().lower(), offset + m.start(), offset + m.end())
            for m in _TOKEN.finditer(text)]
