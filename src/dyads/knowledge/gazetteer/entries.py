"""What the gazetteer holds: its entries, the kinds of place, and look-up by name.

``normalize`` is the key every name is stored and looked up under; ``Gazetteer`` maps those keys
to ``Entry`` records (wherever they came from: built, loaded from the cache, or the user's).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

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
