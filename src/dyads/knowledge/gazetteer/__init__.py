"""An offline gazetteer: every place name we can resolve, with a point and what kind of place it is.

The layers, each a module: ``entries`` (what an entry is, the name key, look-up), ``build``
(reading the installed data packages and our ``knowledge/places/`` files into one index),
``compact`` (the columnar form it is saved in) and ``cache`` (one index per process, built once
and saved into a cache folder). The names the rest of dyads uses are gathered here::

    from dyads.knowledge.gazetteer import load_gazetteer, normalize

    gaz = load_gazetteer()
    gaz.lookup("Gao")           # [Entry(geonameid, name, lat, lon, country (ISO2), admin1, …)]
    gaz.country_iso3("ML")      # "MLI"
"""

from dyads.knowledge.gazetteer.cache import cache_dir, load_gazetteer, populous_city_names
from dyads.knowledge.gazetteer.entries import (
    ADMIN1,
    ADMIN2,
    CITY,
    CONTINENT,
    COUNTRY,
    REGION,
    Entry,
    Gazetteer,
    haversine_km,
    normalize,
)

__all__ = [
    "ADMIN1",
    "ADMIN2",
    "CITY",
    "CONTINENT",
    "COUNTRY",
    "REGION",
    "Entry",
    "Gazetteer",
    "cache_dir",
    "haversine_km",
    "load_gazetteer",
    "normalize",
    "populous_city_names",
]
