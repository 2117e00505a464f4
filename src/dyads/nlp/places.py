"""Toponyms resolved offline to coordinates and ISO3. Placeholder."""

from __future__ import annotations

from spacy.tokens import Doc

from dyads.model import Actor, Options, Place


def find_places(doc: Doc, actors: list[Actor], options: Options) -> list[Place]:
    return []
