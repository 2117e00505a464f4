"""Time expressions normalised to TIMEX3 values against the article date. Placeholder."""

from __future__ import annotations

from spacy.tokens import Doc

from dyads.model import TimeExpr


def find_times(doc: Doc, published: str | None) -> list[TimeExpr]:
    return []
