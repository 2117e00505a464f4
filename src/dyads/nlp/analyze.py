"""Article → Analysis: runs the Language over texts in batches and each stage over each Doc."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from dyads.model import Analysis, Article, Options
from dyads.nlp.actors.find import find_actors
from dyads.nlp.events.find import find_events
from dyads.nlp.pipeline import build_nlp
from dyads.nlp.places.find import find_places
from dyads.nlp.quotes.find import find_quotes
from dyads.nlp.times.find import find_times


def analyze_doc(doc: Doc, article: Article, options: Options) -> Analysis:
    """Run every stage over one parsed article. Pure: no I/O."""
    actors = find_actors(doc, article, options)
    times = find_times(doc, article.published)
    places = find_places(doc, actors, options)
    quotes = find_quotes(doc, actors, options.knowledge_dirs)
    events = find_events(doc, article, actors, times, places, options)
    return Analysis(
        article=article,
        actors=tuple(actors),
        events=tuple(events),
        quotes=tuple(quotes),
        places=tuple(places),
        times=tuple(times),
    )


def analyze_articles(
    articles: Iterable[Article], options: Options | None = None, batch_size: int = 16
) -> Iterator[Analysis]:
    """Analyse a stream of articles, batching through ``nlp.pipe``; memory bounded by the batch."""
    options = options or Options()
    nlp = build_nlp(options.model, options.knowledge_dirs)
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield analyze_doc(doc, article, options)


def analyze_article(article: Article, options: Options | None = None) -> Analysis:
    return next(analyze_articles([article], options))
