"""The user's own places, layered over the built-in gazetteer.

A knowledge folder or YAML file given with ``--knowledge`` (``Options.knowledge_dirs``) may
hold a ``places`` list, for sites no gazetteer has or names a region uses locally:

    places:
      - {name: Menaka camp, lat: 15.92, lon: 2.40, country: MLI, feature: landmark}
      - {name: Liptako, lat: 14.5, lon: 0.5, feature: region, aliases: [Liptako-Gourma]}

``country`` is ISO3 (or ISO2); ``feature`` one of city, country, region, admin, landmark
(city when absent); ``population`` ranks a city among its namesakes (100,000 when absent).
"""

from __future__ import annotations

import math
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from dyads.knowledge.gazetteer import (
    ADMIN1,
    CITY,
    COUNTRY,
    REGION,
    Entry,
    Gazetteer,
    load_gazetteer,
    normalize,
)
from dyads.knowledge.registry import KnowledgeError, read_yaml, user_files

# A landmark is a point like a town, ranked by its population (the default) among namesakes.
LANDMARK = "landmark"
_KIND_OF_FEATURE = {"city": CITY, "country": COUNTRY, "region": REGION, "admin": ADMIN1, "landmark": LANDMARK}
DEFAULT_POPULATION = 100_000


def _number(value: Any, low: float, high: float) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) and low <= number <= high else None


def _entry(raw: Any, source: Path, gaz: Gazetteer) -> tuple[Entry, list[str]]:
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str) or not raw["name"].strip():
        raise KnowledgeError(str(source), f"each place needs a name, lat and lon: {raw!r}")
    name = raw["name"].strip()
    lat, lon = _number(raw.get("lat"), -90, 90), _number(raw.get("lon"), -180, 180)
    if lat is None or lon is None:
        raise KnowledgeError(str(source), f"place {name!r}: lat/lon missing or out of range")
    feature = str(raw.get("feature") or "city")
    if feature not in _KIND_OF_FEATURE:
        raise KnowledgeError(str(source), f"place {name!r}: unknown feature {feature!r}")
    country = str(raw.get("country") or "").upper() or None
    if country and len(country) == 3:
        iso2 = {iso3: iso2 for iso2, iso3 in gaz.iso3.items()}.get(country)
        if iso2 is None:
            raise KnowledgeError(str(source), f"place {name!r}: unknown country {country!r}")
        country = iso2
    population = int(_number(raw.get("population", DEFAULT_POPULATION), 0, 1e10) or 0)
    aliases = [str(a) for a in raw.get("aliases") or [] if str(a).strip()]
    kind = _KIND_OF_FEATURE[feature]
    entry = Entry(None, name, lat, lon, country, None, population, kind)
    return entry, [name, *aliases]


@lru_cache(maxsize=8)
def gazetteer_for(knowledge_dirs: tuple[str, ...]) -> Gazetteer:
    """The built-in gazetteer, with the places of the user's knowledge files added when given."""
    base = load_gazetteer()
    additions: list[tuple[Entry, list[str]]] = []
    for path in user_files(knowledge_dirs):
        places = read_yaml(path, "a mapping with keys such as 'places'").get("places", [])
        if not isinstance(places, list):
            raise KnowledgeError(str(path), "'places' must be a list of entries")
        additions.extend(_entry(raw, path, base) for raw in places)
    if not additions:
        return base
    entries = list(base.entries)
    by_name = dict(base.by_name)
    matcher_names = dict(base.matcher_names)
    for entry, names in additions:
        index = len(entries)
        entries.append(entry)
        for name in names:
            key = normalize(name)
            # The user's place comes first among its namesakes.
            by_name[key] = [index, *by_name.get(key, [])]
            matcher_names[name] = entry.kind
    return replace(base, entries=entries, by_name=by_name, matcher_names=matcher_names)
