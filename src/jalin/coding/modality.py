"""Intent: an announced action ("akan memberikan bantuan") becomes CAMEO 03x.

CAMEO codes the announcement of a cooperative act under root 03 ("express
intent to ...") and the announcement of a hostile one under root 13
("threaten"). The mapping below is our own reading of the CAMEO 1.1b3
codebook's parallel structure (071 economic aid -> 0331 intent to provide
economic aid, ...).
"""

from __future__ import annotations

from collections.abc import Callable

_EXACT = {
    "040": "036", "041": "036", "042": "036", "043": "036", "044": "036", "045": "039", "046": "036",
    "050": "032", "051": "032", "052": "032", "053": "032", "054": "032", "055": "032", "056": "032",
    "057": "030",
    "060": "031", "061": "0311", "062": "0312", "063": "0313", "064": "0314",
    "070": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334", "075": "033",
    "080": "035", "081": "0351", "085": "0354", "0841": "035", "0871": "035", "0874": "035",
    "160": "131", "161": "1313", "162": "1311", "1621": "1311", "1622": "1311", "1623": "1311",
    "163": "1312", "164": "134", "165": "135",
    "170": "137", "171": "137", "173": "137", "174": "137",
    "180": "1383", "181": "1383", "186": "1383",
    "190": "1384", "191": "1381", "192": "1382", "195": "1384", "196": "1384",
    "200": "1383", "202": "1383",
}


def intent_code(code: str, is_valid: Callable[[str], bool] | None = None) -> str:
    """The CAMEO code for announcing the act ``code``; unchanged when CAMEO has none."""
    new = _EXACT.get(code)
    if new is None:
        root = code[:2]
        if root in ("04", "05", "06", "07", "08"):
            new = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}[root]
        elif root in ("16",):
            new = "131"
        elif root in ("17", "18", "19", "20"):
            new = "138"
        else:
            return code
    if is_valid is not None:
        for cand in (new, new[:3], new[:2] + "0"):
            if is_valid(cand):
                return cand
        return code
    return new
