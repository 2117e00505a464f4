"""Run options from the command line and an optional config file (``dyads.toml``)."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from dyads.model import Options

CONFIG_ENV = "DYADS_CONFIG"


def load_options(
    knowledge_dirs: tuple[str, ...] = (), model: str = "md", allow_private: bool = False
) -> Options:
    """Options from ``$DYADS_CONFIG`` or ``./dyads.toml`` (if present), then the CLI's."""
    path = Path(os.environ.get(CONFIG_ENV, "dyads.toml"))
    settings: dict[str, object] = {}
    if path.is_file():
        with path.open("rb") as handle:
            settings = tomllib.load(handle).get("dyads", {})
    # knowledge folders in the config file are relative to the file, not to where dyads runs
    configured = tuple(
        str(d if Path(str(d)).is_absolute() else path.parent / str(d))
        for d in settings.get("knowledge", ()) or ()  # type: ignore[attr-defined]
    )
    return Options(
        model=str(settings.get("model", model)) if model == "md" else model,
        knowledge_dirs=configured + knowledge_dirs,
        allow_private=allow_private,
    )
