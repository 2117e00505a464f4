"""The imported layer of the actor knowledge: tables converted from open dictionaries.

``imported/phoenix_*.tsv`` are written by ``scripts/import_phoenix.py`` (``make knowledge``) from
the Phoenix/PETRARCH2 dictionaries and read here, once per process, as entries of the same
shape as the curated YAML (``people``, ``organizations``, ``sectors``), each with its ``source``
(file and line of the dictionary). TSV rather than YAML: twenty thousand rows load in a tenth
of the time.

Layering (``actors.load_knowledge``): the user's files over the curated files over these; a
curated entry replaces an imported one of the same name.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from dyads.knowledge.registry import BUILTIN_DIR, KnowledgeError, read_yaml, words

IMPORTED_DIR = BUILTIN_DIR / "imported"
SOURCE = "phoenix"


def read_codes() -> dict[str, Any]:
    """How the importer reads CAMEO codes (``imported/phoenix_codes.yaml``)."""
    return read_yaml(IMPORTED_DIR / "phoenix_codes.yaml")


def _rows(name: str) -> list[dict[str, str]]:
    path = IMPORTED_DIR / name
    if not path.is_file():
        return []  # a checkout without imported tables still runs, on curated knowledge alone
    try:
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    except (OSError, UnicodeDecodeError) as error:
        raise KnowledgeError(str(path), f"cannot read ({error.__class__.__name__})") from None
    columns = lines[0].split("\t")
    rows = []
    for number, line in enumerate(lines[1:], 2):
        fields = line.split("\t")
        if len(fields) != len(columns):
            raise KnowledgeError(str(path), f"row {number} has {len(fields)} fields, not {len(columns)}")
        rows.append(dict(zip(columns, fields, strict=True)))
    return rows


def _list(text: str) -> list[str]:
    return [t for t in text.split("|") if t]


def _role(text: str) -> dict[str, Any]:
    title, of, sector, start, end = text.split(",")
    return {
        "title": title,
        "of": of or None,
        "sector": sector or None,
        "from": start or None,
        "to": end or None,
    }


@lru_cache(maxsize=1)
def imported_people() -> tuple[dict[str, Any], ...]:
    """People entries, in the curated YAML's shape, with ``source``."""
    return tuple(
        {
            "name": r["name"],
            "aliases": _list(r["aliases"]),
            "country": r["country"] or None,
            "sector": r["sector"] or None,
            "roles": [_role(t) for t in r["roles"].split(";") if t],
            "source": f"{SOURCE} {r['source']}",
        }
        for r in _rows("phoenix_people.tsv")
    )


@lru_cache(maxsize=1)
def imported_organizations() -> tuple[dict[str, Any], ...]:
    """Organisation and group entries, in the curated YAML's shape, with ``source``."""
    return tuple(
        {
            "name": r["name"],
            "org": r["org"],
            "aliases": _list(r["aliases"]),
            "country": r["country"] or None,
            "sector": r["sector"] or None,
            "kind": r["kind"],
            "source": f"{SOURCE} {r['source']}",
        }
        for r in _rows("phoenix_organizations.tsv")
    )


@lru_cache(maxsize=1)
def imported_agents() -> dict[str, str]:
    """Generic noun (lower case) -> sector code, without the nouns and sectors dyads does not
    read as actors (``lexicons/knowledge_agent_exclusions.yaml``)."""
    excluded = words("knowledge_agent_exclusions")
    nouns, sectors = set(excluded["nouns"]), set(excluded["sectors"])
    return {
        r["noun"]: r["sector"]
        for r in _rows("phoenix_agents.tsv")
        if r["sector"] not in sectors and r["noun"].split()[-1] not in nouns
    }


def source_of(path: Path) -> str:
    return f"{SOURCE} {path.name}"
