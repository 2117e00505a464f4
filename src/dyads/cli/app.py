"""The ``dyads`` command line: one Typer app and, in one place, every command it offers.

Each command parses its options, calls one library function and formats the result; the shared
options are defined once in :mod:`dyads.cli.options`. Commands are listed here in the order
``dyads --help`` shows them.

Exit codes: 0 ok, 1 some inputs failed (batch work), 2 usage or fatal error.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Annotated, Any

import typer

from dyads import __version__
from dyads.cli.analyze import analyze, extract
from dyads.cli.corpus import (
    actors,
    articles,
    dedup,
    failures,
    ingest,
    load,
    places,
    quotes,
    schema,
    search,
    show,
)
from dyads.cli.demo import demo
from dyads.cli.events import compare, dyad, event, events, timeline
from dyads.cli.export import export
from dyads.cli.knowledge import knowledge_app
from dyads.cli.serve import serve
from dyads.cli.threshold import threshold
from dyads.knowledge import KnowledgeError

app = typer.Typer(
    name="dyads",
    help="Political event data from news text: who did what to whom, when and where.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

COMMANDS: tuple[Callable[..., Any], ...] = (
    # one article, no store
    extract,
    analyze,
    demo,
    # filling and keeping a store
    ingest,
    load,
    failures,
    dedup,
    threshold,
    schema,
    # questions about events
    events,
    event,
    dyad,
    timeline,
    compare,
    # searching and reading a store out
    quotes,
    search,
    actors,
    places,
    articles,
    show,
    export,
    serve,
)
for command in COMMANDS:
    app.command()(command)
app.add_typer(knowledge_app)  # dyads knowledge stats | lookup


def show_version(value: bool) -> None:
    if value:
        typer.echo(f"dyads {__version__}")
        raise typer.Exit()


@app.callback()
def options(
    version: Annotated[
        bool,
        typer.Option("--version", callback=show_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Political event data from news text: who did what to whom, when and where."""


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("dyads: interrupted", err=True)
        sys.exit(130)
    except KnowledgeError as err:  # a user's knowledge file: bad input, not a bug
        typer.echo(f"dyads: {err}", err=True)
        sys.exit(2)
    except Exception as err:
        # A bug, not bad input: still one line for the user; DYADS_DEBUG=1 shows the traceback.
        if os.environ.get("DYADS_DEBUG"):
            raise
        first = str(err).splitlines()[0] if str(err) else ""
        typer.echo(
            f"dyads: internal error: {type(err).__name__}: {first} (DYADS_DEBUG=1 for details)", err=True
        )
        sys.exit(2)


if __name__ == "__main__":
    main()
