"""dyads: political event data from news text.

The public API: :func:`extract` reads an input into an Article, :func:`analyze`
turns an article into an Analysis (the records of ``dyads.model``).
"""

from __future__ import annotations

from dyads.model import Analysis, Article, Options

__version__ = "0.1.0"
__all__ = ["Analysis", "Article", "Options", "analyze", "extract"]


def extract(target: str, options: Options | None = None) -> Article:
    # the readers and spaCy load when first used, so that importing dyads stays light
    from dyads.read import read_input

    return read_input(target, options)


def analyze(article: Article | str, options: Options | None = None) -> Analysis:
    """Analyse an Article, or a plain string taken as the article's text."""
    # spaCy and the model load when first used, so that importing dyads stays light
    from dyads.nlp.analyze import analyze_article
    from dyads.read.text import read_text

    if isinstance(article, str):
        article = read_text(article, "<string>")
    return analyze_article(article, options)
