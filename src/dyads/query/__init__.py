"""The questions analysts ask of a corpus store: events, dyads, timelines, comparisons, quotes, search.

Every function takes an open :class:`~dyads.store.Store` (``open_store(path, readonly=True)``) and
returns plain rows (``dict``) or a :class:`~dyads.store.Page` of rows, ready for JSON, tables or
pandas (``pandas.DataFrame(rows)``). All SQL uses bound parameters. Which events a question is about
is an :class:`EventFilter` (:mod:`dyads.query.filters`, the grammar of parties, dates and periods).

- :func:`find_events` — events filtered by actor/recipient, type, quad class, dates, place, text; paged.
- :func:`get_event` — one event with every mention: sentence, trigger, article.
- :func:`dyad_series` — counts by period and type, summed and mean scores, in both directions.
- :func:`timeline` — the key events of one party, in date order, with sources.
- :func:`compare` — how much cooperation and conflict each partner has with a target, by period.
- :func:`search_quotes` / :func:`search_sentences` — full text search (FTS5) with speaker filter.
- :func:`top_actors` / :func:`top_places` — what the corpus talks about most.

The counting views (dyad series, timelines, comparisons, the overview) count the events at or above
``EventFilter.min_confidence``, else the store's confidence threshold; :func:`threshold_for` says
which a view used. The listing lists every event unless its filter names a threshold.

The modules: ``filters`` (EventFilter and its grammar), ``events`` (the listing, one event),
``listing`` (the listing read off the indexes), ``confidence`` (the threshold of a counting view),
``series`` (dyads, timelines, compare), ``rollups`` (the same from pre-aggregated tables),
``search`` (full text), ``overview`` (corpus-wide summaries).
"""

from __future__ import annotations

from dyads.query.confidence import threshold_for
from dyads.query.events import EventPage, find_events, get_event
from dyads.query.filters import EventFilter
from dyads.query.overview import top_actors, top_places
from dyads.query.search import search_quotes, search_sentences
from dyads.query.series import compare, dyad_series, timeline

__all__ = [
    "EventFilter",
    "EventPage",
    "compare",
    "dyad_series",
    "find_events",
    "get_event",
    "search_quotes",
    "search_sentences",
    "threshold_for",
    "timeline",
    "top_actors",
    "top_places",
]
