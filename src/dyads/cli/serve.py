"""``dyads serve``: the dashboard and REST API over a store."""

from __future__ import annotations

import ipaddress
import socket
from typing import Annotated

import typer

from dyads.cli.options import DEFAULT_DB, DbOption, fail
from dyads.store import StoreError, open_store


def check_port(host: str, port: int) -> None:
    """A one-line error naming the port when ``host:port`` cannot be listened on, checked before
    "serving" is printed. (The server then binds it itself: handing it this socket made uvicorn
    answer some 50 ms slower per request.)"""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        sock = socket.socket(family, socket.SOCK_STREAM)
    except OSError as err:
        raise fail(f"--host {host}: {err.strerror or err}") from None
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(128)
    except OSError as err:
        sock.close()
        raise fail(f"--port {port}: cannot listen on {host}:{port}: {err.strerror or err}") from None
    sock.close()


def serve(
    db: DbOption = DEFAULT_DB,
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
    check_port(host, port)
    typer.echo(f"dyads: serving {db} on http://{host}:{port} ({where}); API docs at /docs", err=True)
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")
