"""The gazetteer's saved form: columns of typed arrays and newline-joined strings.

Entries become ``Entry`` tuples only when a lookup asks for them: unpickling a quarter of a
million tuples and a dict of lists cost a second at every start.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, overload

from dyads.knowledge.gazetteer.entries import Entry, Gazetteer

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


def to_compact(gaz: Gazetteer) -> dict[str, Any]:
    """The gazetteer as plain columns, ready to pickle."""
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


def from_compact(data: dict[str, Any]) -> Gazetteer:
    """The gazetteer read back from its columns."""
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
