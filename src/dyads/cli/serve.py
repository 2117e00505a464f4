"""``dyads serve``: the dashboard and REST API over a store."""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Annotated

import typer

from dyads.cli.options import fail
from dyads.store import StoreError, open_store


def serve(
    db: Annotated[Path, typer.Option(help="The corpus store to serve (opened read-only).")] = Path(
        "dyads.db"
    ),
    host: Annotated[
        str, typer.Option(help="Address to bind; loopback unless you say otherwise.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Start the web dashboard and the REST API (OpenAPI docs at /docs).

    Example: dyads serve --db dyads.db --port 8000
    """
    # the web stack (FastAPI, Starlette, uvicorn) loads here, late: only this command needs it
    import uvicorn

    from dyads.web.app import create_app

    try:
        open_store(db, readonly=True).close()
    except StoreError as err:
        raise fail(str(err)) from None
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host == "localhost"
    where = "loopback only" if loopback else "REACHABLE FROM OTHER MACHINES"
    typer.echo(f"dyads: serving {db} on http://{host}:{port} ({where}); API docs at /docs", err=True)
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")
