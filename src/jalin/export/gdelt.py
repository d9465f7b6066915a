"""``--format gdelt``: stories as rows of the GDELT 2.0 event table, mentions as its mentions table.

The 61 columns of the GDELT 2.0 event codebook in its order (the fact list
of linwoodc3/gdelt2HeaderRows, ``GDELT_2.0_Column_Labels_Header_Row_Sep2016``),
tab-separated, one header row with the codebook's column names; one row per
story (GDELT's event: one act, with how many mentions, sources and articles
report it). ``--table mentions`` writes the 16 columns of the mentions table
instead. What jalin fills and leaves empty is documented column by column in
``docs/export-formats.md``; empty means "not known to jalin", never zero.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any, Callable, TextIO

from ..stories.sources import outlet

GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode",
    "Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code",
    "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode",
    "Actor2EthnicCode", "Actor2Religion1Code", "Actor2Religion2Code",
    "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)


def gdelt_event_id(event_id: str) -> int:
    """GLOBALEVENTID: a positive 60-bit integer from jalin's event id (SHA-1)."""
    return int(hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:15], 16)


def _date_cells(date: str | None) -> dict[str, Any]:
    """SQLDATE only for day dates; MonthYear for day/month; Year for any date."""
    if not date:
        return {}
    parts = [int(p) for p in date.split("-")]
    cells: dict[str, Any] = {"Year": parts[0]}
    if len(parts) >= 2:
        cells["MonthYear"] = parts[0] * 100 + parts[1]
    if len(parts) == 3:
        y, m, d = parts
        cells["SQLDATE"] = y * 10000 + m * 100 + d
        cells["FractionDate"] = round(y + (m * 30 + d) / 365, 4)  # the codebook's formula
    return cells


def _actor_cells(n: int, actor: dict[str, Any]) -> dict[str, Any]:
    if not actor.get("code"):
        return {}
    name = actor.get("name")
    return {
        f"Actor{n}Code": actor["code"],
        f"Actor{n}Name": name.upper() if name else None,
        f"Actor{n}CountryCode": actor.get("country"),
        f"Actor{n}KnownGroupCode": actor.get("org"),
        f"Actor{n}Type1Code": actor.get("role"),
    }


# ActionGeo_Type of the codebook: 1 COUNTRY, 2 USSTATE, 3 USCITY, 4 WORLDCITY, 5 WORLDSTATE
_GEO_TYPES = {"country": (1, 1), "region": (5, 2), "city": (4, 3)}  # (world, United States)


def _geo_cells(loc: dict[str, Any] | None, country_name: Callable[[str], str | None]
               ) -> dict[str, Any]:
    """ActionGeo_* from a story's location: its type, full name ("City, Region, Country")
    and position. The country and ADM1 codes stay empty: GDELT writes FIPS 10-4 codes
    there, jalin knows ISO 3166 codes and region names; the feature id too (no GNS id)."""
    if not loc or loc.get("lat") is None or loc.get("lon") is None:
        return {}
    kind = _GEO_TYPES.get(loc.get("precision") or "")
    country = loc.get("country")
    parts = [loc.get("name")]
    if loc.get("precision") != "country":
        parts += [loc.get("admin1"), country_name(country) if country else None]
    names: list[str] = []
    for p in parts:
        if p and p not in names:
            names.append(p)
    return {
        "ActionGeo_Type": (kind[1] if country == "USA" else kind[0]) if kind else None,
        "ActionGeo_FullName": ", ".join(names) or None,
        "ActionGeo_Lat": loc["lat"],
        "ActionGeo_Long": loc["lon"],
    }


def _stamp(value: Any) -> str | None:
    return value.strftime("%Y%m%d%H%M%S") if isinstance(value, datetime) else None


def gdelt_row(rec: dict[str, Any], row: dict[str, Any],
              country_name: Callable[[str], str | None] = lambda code: None) -> list[Any]:
    """One story record (with its flat store ``row``) as the 61 GDELT event cells.

    A GDELT event is a story: GLOBALEVENTID comes from the story id, the counts
    from its reports, DATEADDED and SOURCEURL from its first report, ActionGeo
    from its location (``country_name`` names a state for the full name).
    """
    cameo = rec["cameo"] or ""
    cells: dict[str, Any] = {
        "GLOBALEVENTID": gdelt_event_id(rec["story_id"]),
        **_date_cells(rec["date"]),
        **_actor_cells(1, rec["source"]),
        **_actor_cells(2, rec["target"]),
        "IsRootEvent": 1 if row.get("is_root") else 0,
        "EventCode": cameo,
        "EventBaseCode": cameo[:3],
        "EventRootCode": rec["cameo_root"],
        "QuadClass": rec["quad_class"],
        "GoldsteinScale": rec["goldstein"],
        "NumMentions": rec["num_mentions"],
        "NumSources": rec["num_sources"],
        "NumArticles": rec["num_articles"],
        **_geo_cells(rec.get("location"), country_name),
        "DATEADDED": _stamp(row.get("first_added")),
        "SOURCEURL": rec["url"] or rec["doc_id"],
    }
    return [cells.get(c) for c in GDELT_COLUMNS]


# The 16 columns of the GDELT 2.0 mentions table, in the codebook's order (the fact
# list of linwoodc3/gdelt2HeaderRows, GDELT_2.0_eventMentions_Column_Labels_Header_Row_Sep2016).
MENTION_COLUMNS = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset",
    "ActionCharOffset", "InRawText", "Confidence", "MentionDocLen", "MentionDocTone",
    "MentionDocTranslationInfo", "Extras",
)


def mention_row(row: dict[str, Any]) -> list[Any]:
    """One event mention (a row of :func:`jalin.store.story_rows.iter_mention_rows`) as
    the 16 GDELT mention cells: the story is the GDELT event it mentions."""
    url = row.get("url")
    action = row.get("trigger_start")
    cells: dict[str, Any] = {
        "GLOBALEVENTID": gdelt_event_id(row["story_id"]) if row.get("story_id") else None,
        "EventTimeDate": _stamp(row.get("story_added")),
        "MentionTimeDate": _stamp(row.get("ingested_at")),
        "MentionType": 1 if url else 2,  # 1 WEB (a URL), 2 CITATIONONLY (our doc id)
        "MentionSourceName": outlet(url) or row.get("doc_id"),
        "MentionIdentifier": url or row.get("doc_id"),
        "SentenceID": (row.get("sentence_idx") or 0) + 1,
        "ActionCharOffset": action if action is not None and action >= 0 else None,
        "InRawText": 1,
        "MentionDocLen": row.get("doc_length"),
    }
    return [cells.get(c) for c in MENTION_COLUMNS]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    text = str(value)
    # a tab or newline inside a cell would break the row: GDELT has no quoting
    return text.replace("\t", " ").replace("\r", " ").replace("\n", " ")


def write_header(fh: TextIO, columns: tuple[str, ...] = GDELT_COLUMNS) -> None:
    fh.write("\t".join(columns) + "\n")


def write_row(fh: TextIO, cells: list[Any]) -> None:
    fh.write("\t".join(_cell(v) for v in cells) + "\n")
