"""The PLOVER event types: name, quad class, score, modes and nearest CAMEO root, in codebook order.

``plover.yaml`` is the one source; event coding, the store and the web pages read the types from
here rather than listing them. A user folder may hold its own ``plover.yaml``: its types replace
the built-in ones type by type (a new type is added at the end).

    from dyads.knowledge.plover import plover_types

    for info in plover_types():          # AGREE, CONSULT, … ASSAULT
        info.name, info.quad, info.score, info.cameo, info.modes
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from dyads.knowledge.registry import KnowledgeError, load

QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")


@dataclass(frozen=True)
class PloverType:
    """One PLOVER event type as dyads codes it."""

    name: str
    score: float  # conflict/cooperation score, -10 … +10, of the type with no mode
    cameo: str | None  # nearest CAMEO root code ("180")
    modes: dict[str, float] = field(default_factory=dict)  # mode → its own score
    quad: str = ""  # one of QUADS

    @property
    def cooperative(self) -> bool:
        return self.quad.endswith("_cooperation")

    @property
    def verbal(self) -> bool:
        return self.quad.startswith("verbal")


def plover_types(user_dirs: Iterable[str] = ()) -> tuple[PloverType, ...]:
    """The PLOVER types in file order, the user's files layered over the built-in one."""
    return _types(tuple(user_dirs))


@lru_cache(maxsize=8)
def _types(user_dirs: tuple[str, ...]) -> tuple[PloverType, ...]:
    types: dict[str, PloverType] = {}
    for layer in load("plover.yaml", user_dirs):
        for name, spec in (layer.data.get("types") or {}).items():
            if not isinstance(spec, dict) or "score" not in spec:
                raise KnowledgeError(str(layer.path), f"type {name!r} needs a score")
            modes = {str(k): float(v) for k, v in (spec.get("modes") or {}).items()}
            types[str(name).upper()] = PloverType(
                name=str(name).upper(),
                score=float(spec["score"]),
                cameo=spec.get("cameo"),
                modes=modes,
                quad=str(spec.get("quad") or ""),
            )
    return tuple(types.values())
