"""Article → Analysis: the Language's components run over each article in batches (``nlp.pipe``),
and each Doc's annotations become one Analysis."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from dyads.model import Analysis, Article, Options
from dyads.nlp.doc_data import analysis_of, make_doc
from dyads.nlp.pipeline import build_nlp


def analyze_articles(
    articles: Iterable[Article], options: Options | None = None, batch_size: int = 16
) -> Iterator[Analysis]:
    """Analyse a stream of articles, batching through ``nlp.pipe``; memory bounded by the batch."""
    options = options or Options()
    nlp = build_nlp(options.model, options.knowledge_dirs)
    docs = (make_doc(nlp, article) for article in articles)
    for doc in nlp.pipe(docs, batch_size=batch_size):
        yield analysis_of(doc)


def analyze_article(article: Article, options: Options | None = None) -> Analysis:
    return next(analyze_articles([article], options))
