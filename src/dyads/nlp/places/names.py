"""Shaping a name found in text into a toponym's span, with the word lists that guide it.

The word lists are data (``knowledge/lexicons/places_name_words.yaml``): which words open a phrase
without being part of the name ("Northeast Georgia"), which end street or river names,
which belong to a name and cannot be trimmed off ("Lake Ontario").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span

from dyads.knowledge.gazetteer import ADMIN1, CITY, COUNTRY, REGION, Gazetteer, normalize
from dyads.knowledge.registry import words


@dataclass(frozen=True)
class NameWords:
    direction: frozenset[str]
    organisation_heads: frozenset[str]
    thoroughfares: frozenset[str]
    geographic_heads: frozenset[str]
    generic: frozenset[str]
    head_name_parts: frozenset[str]
    tail_name_parts: frozenset[str]
    place_prepositions: frozenset[str]
    calendar: frozenset[str]
    divisions: frozenset[str]
    occasion_heads: frozenset[str]


@lru_cache(maxsize=1)
def name_words() -> NameWords:
    data = words("places_name_words")

    def listed(key: str) -> frozenset[str]:
        return frozenset(str(w).casefold() for w in data[key])

    geographic = listed("geographic_heads")
    return NameWords(
        direction=listed("direction_words"),
        organisation_heads=listed("organisation_heads"),
        thoroughfares=listed("thoroughfares"),
        geographic_heads=geographic,
        generic=listed("generic_words"),
        head_name_parts=listed("head_name_parts"),
        tail_name_parts=listed("tail_name_parts"),
        place_prepositions=listed("place_prepositions"),
        calendar=listed("calendar_words"),
        divisions=listed("division_words"),
        occasion_heads=listed("occasion_heads"),
    )


WORDS = name_words()


_TRAILING = re.compile(r"(?:['’]s|['’]|[\s,.;:]+)$")

_LEADING = re.compile(r"^(?:the|The|THE)\s+")


def clean_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim articles, possessives and punctuation from a span; None if nothing placeable is left."""
    span = text[start:end]
    lead = _LEADING.match(span)
    if lead:
        start += lead.end()
    while True:
        span = text[start:end]
        trail = _TRAILING.search(span)
        if not trail or trail.start() == 0:
            break
        # Keep the final period of abbreviations such as "D.C." or "Ga.".
        if span.endswith(".") and re.search(r"(?:\b[A-Z][a-z]{0,4}|[A-Z]\.[A-Z]?[a-z]?)\.$", span):
            break
        end = start + trail.start()
    span = text[start:end]
    if not span or not any(ch.isalpha() for ch in span) or not span[0].isupper():
        return None
    return start, end


def split_commas(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """ "Paris, Texas" is two toponyms."""
    parts, cursor = [], start
    for match in re.finditer(r",\s*", text[start:end]):
        parts.append((cursor, start + match.start()))
        cursor = start + match.end()
    parts.append((cursor, end))
    return [p for p in parts if p[1] > p[0]]


def is_known(gaz: Gazetteer, surface: str) -> bool:
    return bool(gaz.by_name.get(normalize(surface)))


def is_thoroughfare(ent: Span) -> bool:
    """Streets, roads and highways are places (without coordinates in our gazetteer)."""
    words = [t.lower_ for t in ent]
    return len(words) >= 2 and (
        words[-1] in WORDS.thoroughfares or words[0] in ("interstate", "highway", "route")
    )


def _sizeable(gaz: Gazetteer, name: str) -> bool:
    """Known as a division, region or country, or as a town of 10,000 or more."""
    if name.casefold() in WORDS.generic:
        return False
    return any(e.kind != CITY or e.population >= 10_000 for e in gaz.lookup(name))


def shape_name(text: str, start: int, end: int, gaz: Gazetteer) -> tuple[int, int]:
    """ "Northeast Georgia" names Georgia: when the whole is not a place of some size (there
    is an East Texas in Pennsylvania, a hamlet) but the rest is, keep the rest."""
    surface = text[start:end]
    first, _, rest = surface.partition(" ")
    if rest and first.casefold() in WORDS.direction:
        whole_known, rest_sizeable = is_known(gaz, surface), _sizeable(gaz, rest)
        wide_rest = any(e.kind in (COUNTRY, ADMIN1, REGION) for e in gaz.lookup(rest))
        if (not whole_known and rest_sizeable) or (wide_rest and not _sizeable(gaz, surface)):
            return end - len(rest), end
    return _known_part(text, start, end, gaz)


def _known_part(text: str, start: int, end: int, gaz: Gazetteer) -> tuple[int, int]:
    """ "Rodeo Gainesville", "Gainesville Rodeo": when the whole name is unknown and is not a
    street or park, the part that is a sizeable place is the toponym. Not when the part left
    out belongs to the name: "Lake Ontario", "Los Feliz", "Tennessee Colony"."""
    words = text[start:end].split(" ")
    if (
        len(words) < 2
        or is_known(gaz, text[start:end])
        or words[-1].casefold().rstrip(".") in WORDS.geographic_heads
    ):
        return start, end
    for size in range(len(words) - 1, 0, -1):
        suffix, dropped_head = " ".join(words[-size:]), words[: len(words) - size]
        prefix, dropped_tail = " ".join(words[:size]), words[size:]
        if not any(_bare(w) in WORDS.head_name_parts for w in dropped_head) and _sizeable(gaz, suffix):
            return end - len(suffix), end
        if _bare(dropped_tail[0]) not in WORDS.tail_name_parts and _sizeable(gaz, prefix):
            return start, start + len(prefix)
    return start, end


def _bare(word: str) -> str:
    return word.casefold().rstrip(".,")
