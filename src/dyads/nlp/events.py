"""Event detection and PLOVER/CAMEO coding. Placeholder."""

from __future__ import annotations

from spacy.tokens import Doc

from dyads.model import Actor, Article, Event, Options, Place, TimeExpr


def find_events(
    doc: Doc,
    article: Article,
    actors: list[Actor],
    times: list[TimeExpr],
    places: list[Place],
    options: Options,
) -> list[Event]:
    return []
