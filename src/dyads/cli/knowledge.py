"""``dyads knowledge``: what the actor knowledge holds, and what a name resolves to on a date."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from dyads.cli.config import load_options
from dyads.cli.options import KnowledgeOption, fail
from dyads.cli.output import emit
from dyads.knowledge import load_knowledge
from dyads.knowledge.overview import knowledge_stats, lookup

knowledge_app = typer.Typer(
    name="knowledge",
    help="What the actor knowledge holds and what a name resolves to.\n\n"
    "Examples: dyads knowledge stats; dyads knowledge lookup 'Jeremy Hunt' --date 2019-03-01",
    no_args_is_help=True,
)

TableOrJson = Annotated[str, typer.Option("--format", "-f", help="Output: table or json.")]


def _check(fmt: str) -> None:
    if fmt not in ("table", "json"):
        raise fail(f"--format: expected table or json, got {fmt!r}")


@knowledge_app.command()
def stats(fmt: TableOrJson = "table", knowledge: KnowledgeOption = None) -> None:
    """Entries by kind and source, people with dated roles, role coverage by year.

    Example: dyads knowledge stats --format json
    """
    _check(fmt)
    options = load_options(tuple(knowledge or ()))
    report = knowledge_stats(load_knowledge(options.knowledge_dirs))
    if fmt == "json":
        typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    emit(report["entries"], "table", title="entries by kind and source")
    dated = [{"source": s, "people": n} for s, n in report["people_with_dated_roles"].items()]
    emit(dated, "table", title="people with dated roles")
    years = [{"year": y, "people holding a role": n} for y, n in report["roles_by_year"].items()]
    emit(years, "table", title="role coverage by year")


@knowledge_app.command("lookup")
def lookup_name(
    name: Annotated[str, typer.Argument(help="A name, alias, acronym or country word.")],
    date: Annotated[str | None, typer.Option("--date", help="ISO date the roles are read on.")] = None,
    fmt: TableOrJson = "table",
    knowledge: KnowledgeOption = None,
) -> None:
    """What a name resolves to on a date, and why.

    Example: dyads knowledge lookup "Staffan de Mistura" --date 2017-05-01
    """
    _check(fmt)
    options = load_options(tuple(knowledge or ()))
    try:
        found = lookup(load_knowledge(options.knowledge_dirs), name, date)
    except ValueError as error:
        raise fail(f"--date: {error}") from None
    if not found:
        raise fail(f"{name!r}: not in the knowledge base", code=1)
    if fmt == "json":
        typer.echo(json.dumps(found, ensure_ascii=False, indent=2))
    else:
        emit(found, "table", columns=("kind", "name", "country", "sector", "org", "source", "why"))
