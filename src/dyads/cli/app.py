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
from typing import Any

import typer

from dyads.cli import analyze, corpus, demo, events, serve
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
    analyze.extract,
    analyze.analyze,
    demo.demo,
    # filling and keeping a store
    corpus.ingest,
    corpus.load,
    corpus.failures,
    corpus.dedup,
    corpus.schema,
    # questions about events
    events.events,
    events.event,
    events.dyad,
    events.timeline,
    events.compare,
    # searching and reading a store out
    corpus.quotes,
    corpus.search,
    corpus.actors,
    corpus.places,
    corpus.articles,
    corpus.show,
    corpus.export,
    serve.serve,
)
for command in COMMANDS:
    app.command()(command)


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
