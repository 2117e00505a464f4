"""PLOVER type → quad class and CAMEO root, read from ``knowledge/plover.yaml``.

The quad classes are GDELT's QuadClass numbers: 1 verbal cooperation, 2 material cooperation,
3 verbal conflict, 4 material conflict. When a type is missing from the knowledge file the CAMEO
root code decides (01–05, 06–08, 09–13, 14–20, as in GDELT), and failing that the sign of the score.
"""

from __future__ import annotations

from functools import lru_cache

from dyads.knowledge.plover import QUADS, PloverType
from dyads.knowledge.plover import plover_types as known_types

# GDELT's QuadClass numbers, in the codebook's order of the quads
QUAD_NAMES = {name: number for number, name in enumerate(QUADS, 1)}
QUAD_LABELS = {number: name.replace("_", " ") for name, number in QUAD_NAMES.items()}


@lru_cache(maxsize=1)
def plover_types() -> dict[str, PloverType]:
    """The PLOVER types by name, from the one table of them (``dyads.knowledge.plover``)."""
    return {t.name: t for t in known_types()}


def _quad_from_cameo(cameo: str | None) -> int | None:
    if not cameo or not cameo[:2].isdigit():
        return None
    root = int(cameo[:2])
    for limit, quad in ((5, 1), (8, 2), (13, 3), (20, 4)):
        if 1 <= root <= limit:
            return quad
    return None


def quad_class(event_type: str, cameo: str | None = None, score: float = 0.0) -> int:
    """GDELT QuadClass (1–4) of a PLOVER event type."""
    entry = plover_types().get(event_type.upper())
    if entry and entry.quad in QUAD_NAMES:
        return QUAD_NAMES[entry.quad]
    from_cameo = _quad_from_cameo(cameo)
    if from_cameo:
        return from_cameo
    return 1 if score >= 0 else 3


def cameo_root(event_type: str, cameo: str | None = None) -> str | None:
    """The two-digit CAMEO root of an event: from its own code, else the type's nearest root."""
    if cameo and cameo[:2].isdigit():
        return cameo[:2]
    entry = plover_types().get(event_type.upper())
    code = str(entry.cameo or "") if entry else ""
    return code[:2] if code[:2].isdigit() else None


def quad_of(spec: str) -> int:
    """Parse a quad given by number (1–4) or name ("verbal_conflict", "material cooperation")."""
    cleaned = spec.strip().lower().replace(" ", "_").replace("-", "_")
    if cleaned in {"1", "2", "3", "4"}:
        return int(cleaned)
    if cleaned in QUAD_NAMES:
        return QUAD_NAMES[cleaned]
    raise ValueError(f"unknown quad class {spec!r} (1-4 or e.g. material_conflict)")


def is_mutual(event_type: str) -> bool:
    """Whether joint actors of this type act towards each other: verbal cooperation (agreeing,
    consulting, supporting, conceding) and COOPERATE, which PLOVER defines as mutual."""
    return event_type.upper() == "COOPERATE" or quad_class(event_type) == 1
