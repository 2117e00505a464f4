"""Writing the imported knowledge files: the Phoenix dictionaries' texts in, dyads' TSV files out.

Run by ``scripts/import_phoenix.py`` (``make knowledge``) only; the reading of the dictionaries is
:mod:`dyads.knowledge.phoenix`, the loading of what this writes :mod:`dyads.knowledge.imported`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dyads.knowledge.actors import Knowledge, normalize
from dyads.knowledge.phoenix import CodeReader, convert_actors, convert_agents


def render_tsv(header: str, columns: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    """A TSV file: comment header, column names, rows (tabs and newlines never occur in fields)."""
    lines = [f"# {line}".rstrip() for line in header.splitlines()]
    lines.append("\t".join(columns))
    lines.extend("\t".join(r.replace("\t", " ") for r in row) for row in rows)
    return "\n".join(lines) + "\n"


PEOPLE_COLUMNS = ("name", "aliases", "country", "sector", "roles", "source")
ORGANISATION_COLUMNS = ("name", "org", "aliases", "country", "sector", "kind", "source")
AGENT_COLUMNS = ("noun", "sector", "source")
HEADER = """{what}, imported from the Phoenix/PETRARCH2 dictionaries (MIT licence: LICENSE.phoenix).
Written by scripts/import_phoenix.py (make knowledge); do not edit: curated files override it.
Fields are tab-separated; lists are |-separated; a role is title,of,sector,from,to (;-separated).
source is the dictionary file and line each row came from."""


def build(files: Mapping[str, str], kb: Knowledge, table: Mapping[str, Any]) -> dict[str, str]:
    """The imported knowledge files (name -> text) from the dictionaries' texts (name -> text)."""
    reader = CodeReader(kb, table)
    people: list[tuple[str, ...]] = []
    bodies: list[tuple[str, ...]] = []
    for name in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt"):
        found_people, found_bodies = convert_actors(files[name].splitlines(), name, reader)
        people += found_people
        bodies += found_bodies
    groups = "Phoenix.MilNonState.actors.txt"
    bodies += convert_actors(files[groups].splitlines(), groups, reader, groups=True)[1]
    agents = convert_agents(files["Phoenix.agents.txt"].splitlines(), "Phoenix.agents.txt", reader)
    return {
        "phoenix_people.tsv": render_tsv(
            HEADER.format(what="People with dated roles"), PEOPLE_COLUMNS, _once(people)
        ),
        "phoenix_organizations.tsv": render_tsv(
            HEADER.format(what="Organisations and armed groups"), ORGANISATION_COLUMNS, _once(bodies)
        ),
        "phoenix_agents.tsv": render_tsv(
            HEADER.format(what="Generic nouns and their sectors"), AGENT_COLUMNS, agents
        ),
        "LICENSE.phoenix": files["LICENSE"],
    }


def _once(rows: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The first row of each name: the dictionaries repeat some entries."""
    seen: dict[str, tuple[str, ...]] = {}
    for row in rows:
        seen.setdefault(normalize(row[0]), row)
    return list(seen.values())
