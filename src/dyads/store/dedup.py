"""Event deduplication: when two reports of an event are reports of the same real event.

The rule, in one sentence: two reports are one event when they have the same type (and mode, where
both give one), the same actor and the same recipient at the level both reports know, dates that
overlap at their own precision, and compatible places, when neither is negated, hypothetical or
otherwise qualified (auxiliary) and both are at least as confident as the store's threshold.

- Parties (:func:`parties_match`): each side is compared by country (``c:RUS``), else organisation,
  else name — the parties one report names on a side must all be named by the other (which may name
  more, except among the participants of a symmetric event, "A met B" being "B met A"); a party
  without a country matches a party the other report resolves from the same words. Where both know
  a country's sector (RUS:MIL) the sectors must agree; where both name a person, the same person. An
  empty side matches only an empty side, and then the other side must be named in the same words.
- Dates (:func:`dates_match`): a report dated by its text covers a day, a month or a year. Two such
  reports match on the same range; a month holds the days within it only between reports that know
  both sides, and :mod:`dyads.store.dedup_clusters` lets it join only when exactly one event of that
  month fits; a year merges only within its article. A report the text does not date (``basis``
  "published": it carries its article's publication date) matches only reports of its own article —
  dated within the ``published_days`` before publication and naming the same parties to the sector,
  or undated and naming the same parties exactly, both naming who acted — or its exact twin in
  another article (:func:`exact_twins`).
- Places (:func:`places_match`): the same place, or one inside the other (a city in the named
  country); a report without a place does not block.
- Two reports of one article must be coded from the same verb (the article telling one act twice,
  not two acts of the same parties); a report told in a background clause that its text does not
  date merges only with its exact twin.

:func:`conflicts` is the weaker test that a report joining an event must pass with every report
already in it: they must not contradict each other on a fact both state.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta

from dyads.model import Place
from dyads.store.dedup_parties import Party, named_alike, sides_match


@dataclass(frozen=True)
class DedupParams:
    """Tunable parameters of event deduplication (defaults in brackets)."""

    published_days: int = 7  # [7] an undated report may join its article's events of the last week
    twin_days: int = 2  # [2] undated reports of other articles merge only if published this close
    symmetric_types: frozenset[str] = field(
        default_factory=lambda: frozenset({"CONSULT", "AGREE", "COOPERATE"})
    )


DEFAULT_PARAMS = DedupParams()


@dataclass(frozen=True)
class PlaceKey:
    name: str | None = None
    geonameid: int | None = None
    country: str | None = None
    is_country: bool = False


@dataclass(frozen=True)
class MentionKey:
    """What dedup knows of one event mention (one report of an event in one sentence)."""

    id: int  # the mention's row
    order: str  # a key that does not depend on when it was stored (content hash and local id)
    article: int
    type: str
    actors: frozenset[Party]
    recipients: frozenset[Party]
    lo: date | None  # first and last day of the date range; None when undated
    hi: date | None
    basis: str = "event"  # event (the text dates it) | published (its article's date) | none
    place: PlaceKey | None = None
    mode: str | None = None
    auxiliary: str | None = None
    confidence: float = 1.0
    verb: str | None = None  # the lemma the event was coded from ("accuse", "call on")
    background: bool = False  # told in a background clause ("Kurdish militias, backed by the US, …")


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
    event_date: str | None,
    precision: str | None,
    published: str | None,
    span: tuple[str, str] | None = None,
) -> tuple[tuple[date, date] | None, str]:
    """The date range of a mention and what it rests on: event (its text dates it), published (only
    its article's date does: ``precision`` "article", or no date given) or none. A week is its
    ``span`` of days ("last week" and "next week" are different weeks of one month)."""
    week = _days(span) if span and precision == "week" else None
    if week is not None:
        return week, "event"
    own = date_range(event_date)
    if own and precision != "article":
        return own, "event"
    if own and own[0] == own[1]:
        return own, "published"
    fallback = date_range(published)
    if fallback and fallback[0] == fallback[1]:
        return fallback, "published"
    return None, "none"


def _days(span: tuple[str, str]) -> tuple[date, date] | None:
    """The first and last day of a span of two ISO dates, or None if either is not one."""
    try:
        first, last = date.fromisoformat(span[0]), date.fromisoformat(span[1])
    except ValueError:
        return None
    return (first, last) if first <= last else None


# -- parties ---------------------------------------------------------------------------------------


def _participants(key: MentionKey, params: DedupParams) -> tuple[frozenset[Party], ...]:
    if key.type in params.symmetric_types:
        return (key.actors | key.recipients,)
    return key.actors, key.recipients


def parties_match(a: MentionKey, b: MentionKey, params: DedupParams) -> bool:
    """Both sides match; and where one side is unknown to both, the other is named in the same words
    (two reports that "the government agreed" the same day need not be one agreement)."""
    pairs = list(zip(_participants(a, params), _participants(b, params), strict=True))
    # The participants of a symmetric event are one set: naming fewer of them is another meeting.
    if not all(sides_match(x, y, more=len(pairs) == 2) for x, y in pairs):
        return False
    if len(pairs) == 2 and any(not x for x, _ in pairs):
        return all(named_alike(x, y) for x, y in pairs if x)
    return True


def same_levels(a: MentionKey, b: MentionKey, params: DedupParams) -> bool:
    """The same parties on each side, to the sector (a country named bare is not its government)."""

    def levels(key: MentionKey) -> tuple[frozenset[tuple[str, str | None]], ...]:
        return tuple(frozenset((p.identity, p.sector) for p in side) for side in _participants(key, params))

    return levels(a) == levels(b)


def exactly_alike(a: MentionKey, b: MentionKey, params: DedupParams) -> bool:
    """The same parties to the sector, the same place (or none), the same mode."""
    places = (a.place is None and b.place is None) or same_place(a.place, b.place)
    return same_levels(a, b, params) and places and a.mode == b.mode


def fully_resolved(key: MentionKey) -> bool:
    """Both sides known, every party resolved to a country."""
    parties = key.actors | key.recipients
    return bool(key.actors) and bool(key.recipients) and all(p.country for p in parties)


# -- dates and places ------------------------------------------------------------------------------


def precision(key: MentionKey) -> int:
    """0 a day, 1 a month, 2 a year (or wider), 3 dated only by publication, 4 undated."""
    if key.lo is None or key.hi is None:
        return 4
    if key.basis == "published":
        return 3
    width = (key.hi - key.lo).days
    return 0 if width == 0 else 1 if width <= 31 else 2


def _holds(outer: MentionKey, inner: MentionKey) -> bool:
    assert outer.lo and outer.hi and inner.lo and inner.hi
    return outer.lo <= inner.lo and inner.hi <= outer.hi


def _specific(place: PlaceKey | None) -> bool:
    return place is not None and not place.is_country


def same_place(a: PlaceKey | None, b: PlaceKey | None) -> bool:
    if a is None or b is None:
        return False
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    return bool(a.name) and a.name == b.name


def places_match(a: PlaceKey | None, b: PlaceKey | None) -> bool:
    if a is None or b is None or same_place(a, b):
        return True
    if a.is_country != b.is_country:
        return a.country is not None and a.country == b.country
    return False


def exact_twins(a: MentionKey, b: MentionKey, params: DedupParams) -> bool:
    """Two reports dated only by their articles, published within ``twin_days`` of each other, that
    agree on everything exactly: the same verb, mode and place (or none), every party of both
    sides known and resolved to the same countries and sectors."""
    assert a.lo and b.lo
    return (
        abs((a.lo - b.lo).days) <= params.twin_days
        and a.verb is not None
        and a.verb == b.verb
        and fully_resolved(a)
        and fully_resolved(b)
        and exactly_alike(a, b, params)
    )


def dates_match(a: MentionKey, b: MentionKey, params: DedupParams) -> bool:
    if precision(a) == 4 or precision(b) == 4:
        return False
    if precision(a) == 2 or precision(b) == 2:
        return a.article == b.article and (a.lo, a.hi) == (b.lo, b.hi)
    if a.basis == "published" and b.basis == "published":
        # Neither dated: within one article they must name the same parties exactly.
        same_article = a.article == b.article and exactly_alike(a, b, params) and _agents_known(a, b)
        return same_article or exact_twins(a, b, params)
    if a.basis == "published" or b.basis == "published":
        if not _agents_known(a, b):
            return False
        # An undated report may tell again an act its article dates, naming its parties alike
        # ("Corbyn urged the UK …" is not "Corbyn urged Theresa May …" of Sunday).
        undated, dated = (a, b) if a.basis == "published" else (b, a)
        return (
            dated.article == undated.article
            and _before_publication(undated, dated, params)
            and same_levels(a, b, params)
        )
    if (a.lo, a.hi) == (b.lo, b.hi):
        return True
    # A vaguer date holds a finer one: only between reports that know both sides.
    both_sides = all(side for side in (a.actors, a.recipients, b.actors, b.recipients))
    return (_holds(a, b) or _holds(b, a)) and both_sides


def _agents_known(a: MentionKey, b: MentionKey) -> bool:
    """Both reports say who acted. An undated report without an actor says only that something
    happens to someone ("civilians are being killed", "women are no longer repatriated"): often a
    generic statement, and no evidence that it tells the act another report of its article tells."""
    return bool(a.actors) and bool(b.actors)


def _before_publication(undated: MentionKey, dated: MentionKey, params: DedupParams) -> bool:
    assert undated.lo and dated.lo and dated.hi
    return undated.lo - timedelta(days=params.published_days) <= dated.lo and dated.hi <= undated.lo


# -- the rule --------------------------------------------------------------------------------------


def eligible(key: MentionKey, threshold: float) -> bool:
    """Whether a report may be merged at all: factual (no auxiliary), dated, naming a party,
    confident enough."""
    return (
        key.auxiliary is None
        and key.confidence >= threshold
        and key.lo is not None
        and bool(key.actors or key.recipients)
    )


def _undated_background(key: MentionKey) -> bool:
    """A report told in a background clause that its text does not date: a recollection carrying
    its article's date. One the text dates ("during his phone call with Erdoğan five days
    earlier") names its event as well as any report."""
    return key.background and key.basis != "event"


def _background_twins(a: MentionKey, b: MentionKey, params: DedupParams) -> bool:
    """A report told in a background clause ("after Trump's decision to withdraw …") recalls an
    event rather than reports it: it merges only with its exact twin (:func:`exact_twins`)."""
    return a.basis == b.basis == "published" and exact_twins(a, b, params)


def compatible(
    a: MentionKey, b: MentionKey, params: DedupParams = DEFAULT_PARAMS, threshold: float = 0.0
) -> bool:
    """Whether two reports are of the same real event (see the module docstring)."""
    return (
        eligible(a, threshold)
        and eligible(b, threshold)
        and a.type == b.type
        and (a.article != b.article or (a.verb is not None and a.verb == b.verb))
        and (not (_undated_background(a) or _undated_background(b)) or _background_twins(a, b, params))
        and (a.mode is None or b.mode is None or a.mode == b.mode)
        and parties_match(a, b, params)
        and dates_match(a, b, params)
        and places_match(a.place, b.place)
    )


def _span(key: MentionKey, params: DedupParams) -> tuple[date, date] | None:
    """The days a report may be about: its range, or the week before its article for an undated one."""
    if key.lo is None or key.hi is None:
        return None
    if key.basis == "published":
        return key.lo - timedelta(days=params.published_days), key.hi
    return key.lo, key.hi


def conflicts(a: MentionKey, b: MentionKey, params: DedupParams) -> bool:
    """Whether two reports contradict each other on a fact both state (type, mode, parties, the
    days they can be about, place): such reports never share an event, whatever links them."""
    if a.type != b.type or (a.mode and b.mode and a.mode != b.mode):
        return True
    if not parties_match(a, b, params) or not places_match(a.place, b.place):
        return True
    span_a, span_b = _span(a, params), _span(b, params)
    if span_a is None or span_b is None:
        return False
    if precision(a) < 3 and precision(b) < 3:
        return not (_holds(a, b) or _holds(b, a))
    return span_a[1] < span_b[0] or span_b[1] < span_a[0]


def specificity(key: MentionKey) -> tuple[int, int, int, str]:
    """Sort key, most specific report first: date precision, place, unresolved parties, then a
    key independent of the order reports were stored in."""
    place = 0 if _specific(key.place) else 1 if key.place else 2
    parties = key.actors | key.recipients
    vague = sum(1 for p in parties if not p.country) + sum(1 for p in parties if not p.sector)
    return precision(key), place, vague, key.order
