"""The last step: drafts frozen into ``Actor`` records, numbered in the order of first mention."""

from __future__ import annotations

from dyads.model import Actor
from dyads.nlp.actors.drafts import Draft


def code_for(country: str | None, sector: str | None) -> str | None:
    """CAMEO-style code: country then sector ("MLIMIL"), either alone, or None."""
    return (country or "") + (sector or "") or None


def freeze(drafts: list[Draft]) -> list[Actor]:
    """Records with ids a1, a2, … in the order of their first mention."""
    ordered = sorted((d for d in drafts if d.mentions), key=lambda d: min(d.mentions))
    return [
        Actor(
            id=f"a{number}",
            name=d.name,
            kind=d.kind,
            country=d.country,
            sector=d.sector,
            org=d.org,
            code=code_for(d.country, d.sector),
            roles=tuple(dict.fromkeys(d.roles)),
            mentions=tuple(sorted(d.mentions)),
            why="; ".join(d.why) or None,
        )
        for number, d in enumerate(ordered, 1)
    ]
