"""Read-only queries for the dashboard's map: event locations as points.

Kept apart from :mod:`jalin.store.analytics` (which it builds on) so the map
can grow without touching the other views. Like the network, the map counts
stories by default (each real-world act once, at its location: the most
frequent location of its reports, :mod:`jalin.stories.summary`) and reports
(every article's event, at its own location) with ``count="reports"``.
"""

from __future__ import annotations

from typing import Any

from ..errors import UsageError
from .analytics import _REAL, EventFilter, _exec, _rows, relation

__all__ = ["map_points"]

MAX_POINTS = 2000


def map_points(con, flt: EventFilter, limit: int = 500, count: str = "stories") -> dict[str, Any]:
    """Places with the number of stories (or reports) there matching ``flt``, by QuadClass.

    Each point: ``key`` ("name|country", the ``place`` filter of /api/events),
    ``name``, ``country``, ``admin1``, ``lat``, ``lon``, ``precision``
    (city/region/country), ``events``, ``quad`` (events per QuadClass 1-4),
    ``main_quad`` (the most frequent QuadClass, the lower on a tie),
    ``mean_goldstein``, ``first_day``/``last_day``. ``unlocated`` counts the
    matching events without a location. ``events`` and ``located``/``unlocated`` count
    stories, or reports with ``count="reports"`` (``count`` says which).
    """
    if not 1 <= limit <= MAX_POINTS:
        raise UsageError(f"limit must be 1..{MAX_POINTS}, got {limit}")
    rel = relation(count)
    where, params = flt.where()
    rows = _rows(
        con,
        f"""
        SELECT location_name AS name, coalesce(location_country, '') AS country,
               any_value(location_admin1) AS admin1, any_value(location_countries) AS countries,
               round(avg(location_lat), 3) AS lat, round(avg(location_lon), 3) AS lon,
               any_value(location_precision) AS precision, count(*)::INTEGER AS events,
               sum(CASE WHEN quad_class = 1 THEN 1 ELSE 0 END)::INTEGER AS q1,
               sum(CASE WHEN quad_class = 2 THEN 1 ELSE 0 END)::INTEGER AS q2,
               sum(CASE WHEN quad_class = 3 THEN 1 ELSE 0 END)::INTEGER AS q3,
               sum(CASE WHEN quad_class = 4 THEN 1 ELSE 0 END)::INTEGER AS q4,
               round(avg(goldstein), 2) AS mean_goldstein, min(day) AS first_day, max(day) AS last_day
        FROM {rel} WHERE {where} AND {_REAL} AND location_name IS NOT NULL
        GROUP BY 1, 2 ORDER BY events DESC, name LIMIT ?
        """,
        params + [limit],
    )
    unlocated = _exec(con, f"SELECT count(*) FROM {rel} WHERE {where} AND {_REAL} AND location_name IS NULL",
                      params).fetchone()[0]
    points = []
    for r in rows:
        quad = {str(q): r.pop(f"q{q}") for q in (1, 2, 3, 4)}
        main = max((1, 2, 3, 4), key=lambda q: (quad[str(q)], -q))
        countries = r.pop("countries")
        points.append({**r, "key": f"{r['name']}|{r['country']}", "country": r["country"] or None,
                       "countries": countries.split("|") if countries else [],
                       "quad": quad, "main_quad": main})
    return {"count": count, "points": points, "located": sum(p["events"] for p in points),
            "unlocated": int(unlocated)}
