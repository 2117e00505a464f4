"""Quotations attributed to their speakers. Placeholder."""

from __future__ import annotations

from spacy.tokens import Doc

from dyads.model import Actor, Quote


def find_quotes(doc: Doc, actors: list[Actor]) -> list[Quote]:
    return []
