"""The record of one place name found in a text, shared by the detectors and the resolver."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Toponym:
    start: int
    end: int
    text: str
    source: str  # "ner", "demonym", "gazetteer", "context", "pattern", "embedded"
    demonym_of: str | None = None  # ISO2 when the span is an adjective of nationality
    lookup: str | None = None  # the gazetteer name to look up when not the text itself
