"""Which events a question is about: the grammar of parties, dates, periods and types, and its SQL.

One parser for the command line and the web: both build an :class:`EventFilter`, and every query of
:mod:`dyads.query` turns it into conditions over the deduplicated events ``e``. All SQL uses bound
parameters.

Party specs (who): ``"MLI"`` a country — anyone in it (government, army, rebels, people);
``"MLI:MIL"`` or ``"MLIMIL"`` a country's sector; anything else a name or organisation
(``"Wagner Group"``, ``"ECOWAS"``), matched without regard to case. Six capitals without a colon
are a country and sector only when the last three are a sector code ("ECOWAS" is an organisation,
not "ECO:WAS"). What a user types ("mali", "Lavrov", "ecowas") becomes such a spec in :mod:`dyads.query.parties`.

How sure an event must be is ``min_confidence`` (:mod:`dyads.query.confidence`: the counting views
apply the store's threshold when it is not given; the listing applies none).

Dates are ISO dates; a year or a month stands for its whole span (``--since 2020`` counts from its
first day, ``--until 2020-08`` to its last). Periods are day, week, month, quarter or year; an event
known only to a coarser period than the series' counts in a period of its own precision
(:func:`bucket_sql`), so totals do not depend on the period chosen.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from dyads.knowledge import load_knowledge
from dyads.knowledge.plover import plover_types as plover_entries
from dyads.store.dedup import date_range

PERIODS = {
    "day": "substr({d}, 1, 10)",
    "week": "strftime('%Y-W%W', {d})",
    "month": "substr({d}, 1, 7)",
    "quarter": "substr({d}, 1, 4) || '-Q' || ((CAST(substr({d}, 6, 2) AS INTEGER) + 2) / 3)",
    "year": "substr({d}, 1, 4)",
}
# The coarser periods an event may fall back to when its dates span more than one period of the
# series, finest first (a week is not within a month, so a week series falls back to months).
COARSER = {
    "day": ("month", "quarter", "year"),
    "week": ("month", "quarter", "year"),
    "month": ("quarter", "year"),
    "quarter": ("year",),
    "year": (),
}
DEFAULT_PERIOD = "month"  # the grain of dyad and compare series when none is asked for
# The same grammar as patterns, for request validation (the web API checks values before a query).
PERIOD_PATTERN = f"^({'|'.join(PERIODS)})$"
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
# A party: ISO3 ("MLI"), country+sector ("MLI:MIL"), or a name/organisation ("Wagner Group").
PARTY_PATTERN = r"^[\w][\w .,:'&()\-]{0,99}$"
# A country spec: its code (group 1) and, for a sector, the sector's code (group 2).
COUNTRY_SPEC = re.compile(r"^([A-Z]{3})(?::?([A-Z]{3}))?$")
NOT_FACTUAL = ("negation", "future", "hypothetical")
# Scores are summed as integers in billionths of a point: exact, so a sum does not depend on the
# order rows are added in, and the events and the rollups of schema 6 give the same figures.
SCORE_NANOS = "CAST(round(e.score * 1000000000) AS INTEGER)"


def plover_types() -> tuple[str, ...]:
    """The PLOVER event type names, in the order of the ontology (:mod:`dyads.knowledge.plover`)."""
    return tuple(info.name for info in plover_entries())


@lru_cache(maxsize=1)
def known_sectors() -> frozenset[str]:
    """The sector codes the knowledge base uses (sector words, organisations, people's roles)."""
    kb = load_knowledge(())
    codes = set(kb.sector_terms.values())
    codes.update(o.sector for o in kb.organizations if o.sector)
    codes.update(p.sector for p in kb.people if p.sector)
    codes.update(r.sector for p in kb.people for r in p.roles if r.sector)
    return frozenset(codes)


def country_spec(spec: str) -> tuple[str, str | None] | None:
    """A country spec's code and sector (``"MLI:MIL"`` → ``("MLI", "MIL")``), or None for a name.

    Without a colon the sector must be a sector code the knowledge base uses, so "ECOWAS" stays
    an organisation rather than country ECO, sector WAS. (Which code-shaped words a user means as
    countries, "IMF" or "MLI", is for :mod:`dyads.query.parties` to say: it knows the store.)"""
    match = COUNTRY_SPEC.match(spec.strip())
    if match is None:
        return None
    if match[2] and ":" not in spec and match[2] not in known_sectors():
        return None
    return match[1], match[2]


def split_list(value: str | None) -> tuple[str, ...]:
    """A comma-separated list as given by a user ("RUS, FRA,"), without blanks."""
    return tuple(v.strip() for v in (value or "").split(",") if v.strip())


def is_party(value: str) -> bool:
    """Whether ``value`` reads as a party spec (a code, a code and sector, or a name)."""
    return re.match(PARTY_PATTERN, value) is not None


def is_country(spec: str) -> bool:
    """Whether a party spec is a plain country code (no sector)."""
    found = country_spec(spec)
    return found is not None and not found[1]


def period_sql(by: str, column: str = "e.date") -> str:
    """The SQL expression that buckets ``column`` by day, week, month, quarter or year."""
    if by not in PERIODS:
        raise ValueError(f"unknown period {by!r}: expected one of {', '.join(PERIODS)}")
    return PERIODS[by].format(d=column)


def bucket_sql(by: str) -> str:
    """SQL giving each dated event (``e``) its period in a ``by`` series: the finest of ``by`` and
    the coarser periods (:data:`COARSER`) one period of which holds its whole date range, labelled
    as that period is ("2019" in a monthly series for an event known only as 2019: it would
    otherwise pile up in January, or drop out). NULL for undated events and for those vaguer than
    a year, which no series counts, whatever its period. Labels are those of the rollups of
    schema 6 (``event_facts``), read off ``e.date``."""
    period_sql(by)  # refuses an unknown period
    cases = [
        f"WHEN {period_sql(grain, 'e.date_lo')} = {period_sql(grain, 'e.date_hi')}"
        f" THEN {period_sql(grain, 'e.date')}"
        for grain in (by, *COARSER[by])
    ]
    return f"(CASE WHEN e.date IS NULL THEN NULL {' '.join(cases)} END)"


def grain_of(period: str) -> str:
    """The grain of a period label: ``2019`` year, ``2019-Q2`` quarter, ``2019-W23`` week,
    ``2019-06`` month, ``2019-06-25`` day."""
    if "Q" in period:
        return "quarter"
    if "W" in period:
        return "week"
    return {4: "year", 7: "month"}.get(len(period), "day")


def date_bound(value: str | None, end: bool) -> str | None:
    """The first (or, with ``end``, the last) day an ISO date stands for, as ``YYYY-MM-DD``."""
    if not value:
        return None
    span = date_range(value)
    if span is None:
        raise ValueError(f"not an ISO date: {value!r}")
    return (span[1] if end else span[0]).isoformat()


def party_side(spec: str, alias: str = "ea") -> tuple[str, list[Any]]:
    """The condition on one event_actors row for a party spec, whatever its role."""
    spec = spec.strip()
    found = country_spec(spec)
    if found and found[1]:
        return f"{alias}.country = ? AND {alias}.sector = ?", list(found)
    if found:
        return f"{alias}.country = ?", [found[0]]
    return f"({alias}.name = ? COLLATE NOCASE OR {alias}.org = ? COLLATE NOCASE)", [spec, spec]


def party_condition(spec: str, role: str | None, alias: str = "ea") -> tuple[str, list[Any]]:
    """SQL (over events ``e``) and parameters selecting the events whose ``role`` side matches ``spec``."""
    inner, params = party_side(spec, alias)
    if role:
        inner, params = f"{alias}.role = ? AND {inner}", [role, *params]
    return f"e.id IN (SELECT {alias}.event_id FROM event_actors {alias} WHERE {inner})", params


def dyad_condition(source: str, target: str) -> tuple[str, list[Any]]:
    """SQL (over events ``e``) selecting events from ``source``'s side to ``target``'s.

    Two plain countries read the ``event_dyads`` table (one index range); anything else
    intersects the two sides through event_actors."""
    if is_country(source) and is_country(target):
        return (
            "e.id IN (SELECT d.event_id FROM event_dyads d WHERE d.source = ? AND d.target = ?)",
            [source.strip(), target.strip()],
        )
    a_sql, a_params = party_condition(source, "actor", "ea1")
    b_sql, b_params = party_condition(target, "recipient", "ea2")
    return f"{a_sql} AND {b_sql}", [*a_params, *b_params]


# Control characters (C0, DEL, C1): SQLite's FTS5 stops reading a query at a NUL, and none of them
# is a word anyone searches for.
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def clean_text(text: str) -> str:
    """A user's text without control characters (a tab or newline becomes a space)."""
    return CONTROL.sub(" ", text)


def fts_query(text: str) -> str:
    """A user's words as a safe FTS5 query: each word quoted, all required ("U.S." stays a word;
    ``AND``, ``NEAR(``, ``*`` and ``col:`` are words, not operators). Raises ValueError when no word
    is left (an empty FTS5 query is a syntax error, not "everything")."""
    words = [w for w in clean_text(text).split() if w]
    if not words:
        raise ValueError(f"no words to search for in {text[:50]!r}")
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


@dataclass(frozen=True)
class EventFilter:
    """Which deduplicated events to select. Empty fields select everything."""

    actor: str | None = None  # party spec on the actor (source) side
    recipient: str | None = None  # party spec on the recipient (target) side
    party: str | None = None  # party spec on either side
    types: tuple[str, ...] = ()  # PLOVER types
    quad: int | None = None  # 1 verbal cooperation … 4 material conflict
    since: str | None = None  # ISO date (a year or month counts from its start)
    until: str | None = None  # ISO date (a year or month counts to its end)
    place: str | None = None  # place name, or a country code for events placed in that country
    text: str | None = None  # words that a sentence reporting the event contains (full text search)
    min_mentions: int = 1
    include_auxiliary: bool = False  # also negated, future and hypothetical events
    # events at least this sure (events.confidence); None: every event in a listing, the store's
    # threshold in a counting view (dyads.query.confidence); 0: every event
    min_confidence: float | None = None
    extra: tuple[tuple[str, tuple[Any, ...]], ...] = field(default=())  # internal: more conditions

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []

        def add(sql: str, values: Sequence[Any] = ()) -> None:
            clauses.append(sql)
            params.extend(values)

        for spec, role in ((self.actor, "actor"), (self.recipient, "recipient"), (self.party, None)):
            if spec:
                add(*party_condition(spec, role))
        if self.types:
            add(f"e.type IN ({','.join('?' * len(self.types))})", [t.upper() for t in self.types])
        if self.quad:
            add("e.quad = ?", [self.quad])
        since, until = date_bound(self.since, False), date_bound(self.until, True)
        if since:
            add("e.date >= ?", [since])
        if until:
            add("e.date <= ?", [until])
        if self.place:
            if is_country(self.place):
                add("e.place_country = ?", [self.place])
            else:
                add("e.place_name = ? COLLATE NOCASE", [self.place])
        if self.text:
            add(
                "e.id IN (SELECT m.event_id FROM sentences_fts JOIN event_mentions m"
                " ON m.sentence_id = sentences_fts.rowid WHERE sentences_fts MATCH ?)",
                [fts_query(self.text)],
            )
        if self.min_mentions > 1:
            add("e.n_mentions >= ?", [self.min_mentions])
        if self.min_confidence:
            add("e.confidence >= ?", [self.min_confidence])
        if not self.include_auxiliary:
            add(
                f"(e.auxiliary IS NULL OR e.auxiliary NOT IN ({','.join('?' * len(NOT_FACTUAL))}))",
                NOT_FACTUAL,
            )
        for sql, values in self.extra:
            add(sql, values)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def with_conditions(self, *conditions: tuple[str, tuple[Any, ...]]) -> EventFilter:
        """This filter with more SQL conditions over ``e`` (each with its parameters)."""
        return EventFilter(**{**self.__dict__, "extra": (*self.extra, *conditions)})
