"""Reports grouped into events by the dedup rule, the same way whatever order they arrived in.

:func:`cluster` takes every report of a neighbourhood (a connected part of the graph whose edges are
the pairs :func:`dyads.store.dedup.compatible` accepts, plus the pairs a user joined) and returns its
events. It depends only on the set of reports, never on the order they were stored in:

1. Reports are taken most specific first (:func:`dyads.store.dedup.specificity`: a day before a
   month before a year before a report dated only by its article; a named place before a country
   before none; resolved parties before unresolved; then by content hash and local id).
2. Reports that say exactly the same (same type, parties, dates, place) form one unit; so do reports
   a user joined (``together``).
3. Each unit, in that order, joins the one event it fits: it meets the rule with one of the event's
   reports and contradicts none (:func:`dyads.store.dedup.conflicts`), and no user split it from
   them (``apart``). A unit that fits no event — or fits several, so that nothing says which — starts
   its own. Vaguer reports come last, so a month never chains two days of that month into one.

Each report gets the reason it is in its event (:class:`Placement`): the first report, a report
saying the same, the report it matched and on what, or a user's join.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dyads.store.dedup import (
    DedupParams,
    MentionKey,
    compatible,
    conflicts,
    eligible,
    precision,
    specificity,
)


@dataclass(frozen=True)
class Placement:
    """One report in its event, and why it is there (None for the event's first report)."""

    mention: int
    because: str | None


@dataclass(frozen=True)
class Cluster:
    """One event: its reports, most specific first."""

    placements: tuple[Placement, ...]

    @property
    def mentions(self) -> tuple[int, ...]:
        return tuple(p.mention for p in self.placements)


def _date_words(a: MentionKey, b: MentionKey) -> str:
    assert a.lo and b.lo

    def shown(key: MentionKey) -> str:
        assert key.lo and key.hi
        whole = (key.hi - key.lo).days
        return key.lo.isoformat()[: 10 if whole == 0 else 7 if whole <= 31 else 4]

    if a.basis == "published" and b.basis == "published":
        if a.article == b.article:
            return f"both undated in one article of {a.lo.isoformat()}, the same verb and parties"
        return f"both undated (published {a.lo.isoformat()}, {b.lo.isoformat()}), alike in verb, parties and place"
    if a.basis == "published" or b.basis == "published":
        dated = b if a.basis == "published" else a
        return f"undated, the same verb in the article that dates it {shown(dated)}"
    same_article = "; the same verb in one article" if a.article == b.article else ""
    if (a.lo, a.hi) == (b.lo, b.hi):
        return f"both {shown(a)}{same_article}"
    inner, outer = (a, b) if precision(a) < precision(b) else (b, a)
    return f"{shown(inner)} lies in {shown(outer)} and no other event there fits{same_article}"


def explain(a: MentionKey, b: MentionKey) -> str:
    """Why report ``a`` was merged with report ``b`` (which the rule accepts), in a line."""
    sides = " → ".join(", ".join(sorted(p.label for p in side)) or "—" for side in (b.actors, b.recipients))
    place = b.place or a.place
    where = f"; place {place.name}" if place and place.name else ""
    mode = f" ({b.mode or a.mode})" if b.mode or a.mode else ""
    return f"matches report {b.id}: same {b.type}{mode}; {sides}; {_date_words(a, b)}{where}"


def _signature(key: MentionKey) -> tuple[object, ...]:
    return (key.type, key.mode, key.actors, key.recipients, key.lo, key.hi, key.basis, key.place)


class _Pairs:
    """The pairs of reports a user kept apart."""

    def __init__(self, pairs: Iterable[tuple[int, int]]):
        self.pairs = {frozenset(p) for p in pairs}

    def any_between(self, a: Iterable[int], b: Iterable[int]) -> bool:
        return any(frozenset((x, y)) in self.pairs for x in a for y in b)


def _units(
    keys: Sequence[MentionKey],
    params: DedupParams,
    threshold: float,
    apart: _Pairs,
    together: Iterable[tuple[int, int]],
) -> list[list[tuple[MentionKey, str | None]]]:
    """Reports saying exactly the same, and reports joined by hand, as units (most specific first)."""
    units: list[list[tuple[MentionKey, str | None]]] = []
    by_signature: dict[tuple[object, ...], list[int]] = {}
    for key in keys:
        home = None
        if eligible(key, threshold):
            for index in by_signature.get(_signature(key), []):
                first = units[index][0][0]
                ids = [k.id for k, _ in units[index]]
                if compatible(key, first, params, threshold) and not apart.any_between([key.id], ids):
                    home = index
                    break
        if home is None:
            by_signature.setdefault(_signature(key), []).append(len(units))
            units.append([(key, None)])
        else:
            units[home].append((key, f"says the same as report {units[home][0][0].id}"))
    # Joined by hand: the units holding the two reports become one (the first unit's place kept).
    where = {key.id: i for i, unit in enumerate(units) for key, _ in unit}
    parent = list(range(len(units)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in sorted(together):
        if a in where and b in where:
            ra, rb = root(where[a]), root(where[b])
            if ra != rb:
                keep, drop = min(ra, rb), max(ra, rb)
                units[keep].extend((k, why or "joined by hand") for k, why in units[drop])
                units[drop] = []
                parent[drop] = keep
    return [u for u in units if u]


def cluster(
    keys: Sequence[MentionKey],
    params: DedupParams,
    threshold: float = 0.0,
    apart: Iterable[tuple[int, int]] = (),
    together: Iterable[tuple[int, int]] = (),
) -> list[Cluster]:
    """The events of a neighbourhood of reports (see the module docstring), most specific first."""
    kept_apart = _Pairs(apart)
    ordered = sorted(keys, key=specificity)
    events: list[list[tuple[MentionKey, str | None]]] = []
    for unit in _units(ordered, params, threshold, kept_apart, together):
        unit_ids = [k.id for k, _ in unit]
        fits: list[tuple[int, MentionKey, MentionKey]] = []
        for index, event in enumerate(events):
            link = next(
                ((k, e) for k, _ in unit for e, _ in event if compatible(k, e, params, threshold)),
                None,
            )
            if link is None or kept_apart.any_between(unit_ids, [e.id for e, _ in event]):
                continue
            if any(conflicts(k, e, params) for k, _ in unit for e, _ in event):
                continue
            fits.append((index, *link))
        if len(fits) == 1:
            index, mine, theirs = fits[0]
            head = (unit[0][0], unit[0][1] or explain(mine, theirs))
            events[index].extend([head, *unit[1:]])
        else:
            events.append(list(unit))
    return [
        Cluster(tuple(Placement(k.id, None if i == 0 else why) for i, (k, why) in enumerate(event)))
        for event in events
    ]
