"""The shipped event-confidence model file (``models/event_confidence.yaml``, written by
``scripts/fit_confidence.py``), read once per process: the events stage scores with its weights,
the store counts by its threshold unless told otherwise."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from dyads.knowledge.registry import builtin_path, read_yaml

MODEL_FILE = "models/event_confidence.yaml"


@lru_cache(maxsize=1)
def shipped_model() -> dict[str, Any]:
    """The model file's content; empty when no model is shipped."""
    path = builtin_path(MODEL_FILE)
    return dict(read_yaml(path)) if path.is_file() else {}
