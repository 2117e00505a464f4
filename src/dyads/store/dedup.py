"""Event deduplication: the same real-world event reported in several sentences or articles.

Each coded event (an *event mention*) becomes a :class:`MentionKey`: its PLOVER type, the keys of its
actors and recipients, a date range, a place and its auxiliary status. A mention joins an existing
deduplicated event when :func:`compatible` holds between the two keys:

- the same PLOVER type and the same auxiliary status (a denied attack is not the attack);
- the actor sides share at least one key, and so do the recipient sides — a side that is empty on
  either mention does not block the match (``allow_missing_recipient``). For the symmetric types
  (``symmetric_types``, e.g. CONSULT: "A met B" is "B met A") the swapped pairing also counts;
- the date ranges lie within ``window_days`` of each other. A range wider than
  ``max_uncertainty_days`` ("2019", "last year") is too vague to merge on: it matches only the
  identical range;
- the places are the same, or at least one mention has no place, or one place is a whole
  country and the other lies in it.

Actor keys are country-level where a country is known (``c:RUS`` for "Russia", "Russian troops",
"the Kremlin"), else the organisation (``o:ECOWAS``), else the lowercased name (``n:...``), so that
reports naming the same side differently still meet.

The store applies this online (:func:`best_match` over the candidates that share type, date window
and an actor key): a mention joins the best compatible event — nearest in date, then most keys
shared, then the oldest — or starts a new one. An event's date range and place are those of its
first report, so a recurring story (weekly strikes) does not chain into one event.
:func:`cluster` runs the same rule over a list in memory, for tests and for re-clustering a store.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from dyads.model import Actor, Place


@dataclass(frozen=True)
class DedupParams:
    """Tunable parameters of event deduplication (defaults in brackets)."""

    window_days: int = 2  # [2] largest gap between two mentions' date ranges
    max_uncertainty_days: int = 31  # [31] wider date ranges merge only with the identical range
    allow_missing_recipient: bool = True  # [True] an empty recipient side matches any recipient
    use_published_date: bool = True  # [True] undated mentions take the article's publication date
    symmetric_types: frozenset[str] = field(
        default_factory=lambda: frozenset({"CONSULT", "AGREE", "COOPERATE"})
    )


@dataclass(frozen=True)
class PlaceKey:
    name: str | None = None
    geonameid: int | None = None
    country: str | None = None
    is_country: bool = False


@dataclass(frozen=True)
class MentionKey:
    type: str
    actors: frozenset[str]
    recipients: frozenset[str]
    lo: date | None  # first and last day of the date range; None when undated
    hi: date | None
    place: PlaceKey | None = None
    auxiliary: str | None = None


def party_key(name: str, country: str | None, org: str | None) -> str:
    """The key dedup compares actors by: country, else organisation, else name."""
    if country:
        return f"c:{country}"
    if org:
        return f"o:{org}"
    return f"n:{' '.join(name.lower().split())}"


def actor_key(actor: Actor) -> str:
    return party_key(actor.name, actor.country, actor.org)


def place_key(place: Place | None) -> PlaceKey | None:
    if place is None:
        return None
    return PlaceKey(
        name=" ".join(place.name.lower().split()) or None,
        geonameid=place.geonameid,
        country=place.country,
        is_country=place.feature == "country",
    )


def date_range(value: str | None) -> tuple[date, date] | None:
    """The days an ISO date covers: "2020" → the year, "2020-08" → the month, "2020-08-21" → a day.

    Anything else (TIMEX values like "2020-W39", "PRESENT_REF", garbage) counts as undated.
    """
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        if len(parts) == 1 and len(parts[0]) == 4:
            year = int(parts[0])
            return date(year, 1, 1), date(year, 12, 31)
        if len(parts) == 2:
            year, month = int(parts[0]), int(parts[1])
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        if len(parts) == 3:
            day = date(int(parts[0]), int(parts[1]), int(parts[2]))
            return day, day
    except ValueError:
        return None
    return None


def mention_range(
    event_date: str | None, published: str | None, params: DedupParams
) -> tuple[tuple[date, date] | None, str]:
    """The date range dedup uses for a mention and what it rests on: event, published or none."""
    own = date_range(event_date)
    if own:
        return own, "event"
    if params.use_published_date:
        fallback = date_range(published)
        if fallback:
            return fallback, "published"
    return None, "none"


def _overlap(a: frozenset[str], b: frozenset[str], allow_missing: bool) -> bool:
    if not a or not b:
        return allow_missing
    return not a.isdisjoint(b)


def _sides_match(a: MentionKey, b: MentionKey, params: DedupParams) -> bool:
    straight = bool(a.actors & b.actors) and _overlap(
        a.recipients, b.recipients, params.allow_missing_recipient
    )
    if straight or a.type not in params.symmetric_types:
        return straight
    return bool(a.actors & b.recipients) and bool(a.recipients & b.actors)


def date_gap(a: MentionKey, b: MentionKey) -> int | None:
    """Days between two date ranges (0 when they overlap); None when either is undated."""
    if a.lo is None or a.hi is None or b.lo is None or b.hi is None:
        return None
    if a.hi < b.lo:
        return (b.lo - a.hi).days
    if b.hi < a.lo:
        return (a.lo - b.hi).days
    return 0


def _dates_match(a: MentionKey, b: MentionKey, params: DedupParams) -> bool:
    gap = date_gap(a, b)
    if gap is None or a.lo is None or a.hi is None or b.lo is None or b.hi is None:
        return False
    limit = timedelta(days=params.max_uncertainty_days)
    if a.hi - a.lo > limit or b.hi - b.lo > limit:
        return (a.lo, a.hi) == (b.lo, b.hi)
    return gap <= params.window_days


def _places_match(a: PlaceKey | None, b: PlaceKey | None) -> bool:
    if a is None or b is None:
        return True
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if a.name and a.name == b.name:
        return True
    if a.is_country != b.is_country:
        return a.country is not None and a.country == b.country
    return False


def compatible(a: MentionKey, b: MentionKey, params: DedupParams) -> bool:
    """Whether two mentions may report the same real-world event (see the module docstring)."""
    return (
        a.type == b.type
        and a.auxiliary == b.auxiliary
        and _sides_match(a, b, params)
        and _dates_match(a, b, params)
        and _places_match(a.place, b.place)
    )


def best_match(
    mention: MentionKey, candidates: Iterable[tuple[int, MentionKey]], params: DedupParams
) -> int | None:
    """The id of the candidate event the mention joins, or None for a new event."""
    best: tuple[int, int, int] | None = None
    for event_id, key in candidates:
        if not compatible(mention, key, params):
            continue
        shared = len(mention.actors & key.actors) + len(mention.recipients & key.recipients)
        rank = (date_gap(mention, key) or 0, -shared, event_id)
        if best is None or rank < best:
            best = rank
    return None if best is None else best[2]


def cluster(mentions: Sequence[MentionKey], params: DedupParams | None = None) -> list[int]:
    """Cluster mentions in order with the store's online rule; returns a cluster index per mention.

    A cluster is keyed by its first mention's date range and place and by the union of its
    mentions' actor keys, exactly as the store keeps it.
    """
    params = params or DedupParams()
    clusters: list[MentionKey] = []
    assigned = []
    for mention in mentions:
        choice = best_match(mention, enumerate(clusters), params)
        if choice is None:
            clusters.append(mention)
            assigned.append(len(clusters) - 1)
        else:
            anchor = clusters[choice]
            clusters[choice] = MentionKey(
                type=anchor.type,
                actors=anchor.actors | mention.actors,
                recipients=anchor.recipients | mention.recipients,
                lo=anchor.lo,
                hi=anchor.hi,
                place=anchor.place or mention.place,
                auxiliary=anchor.auxiliary,
            )
            assigned.append(choice)
    return assigned
