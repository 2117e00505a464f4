"""The ``dyads`` command line (``dyads --help``): the app and its entry point, :func:`main`.

:mod:`dyads.cli.app` lists the commands; :mod:`dyads.cli.options` defines the options they share.
One module per group of commands: ``analyze`` (one article), ``corpus`` (filling, keeping, searching
and reading out a store), ``events`` (questions about its events), ``serve`` (the web dashboard),
``demo`` (the bundled examples); ``output`` prints rows, ``report`` prints an analysis.
"""

from __future__ import annotations

from dyads.cli.app import app, main

__all__ = ["app", "main"]
