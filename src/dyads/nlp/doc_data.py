"""What the components leave on a Doc: the article it was made from and each component's records.

Every component reads the extensions of the components before it and writes its own, so a user
can run ``nlp.pipe`` and read ``doc._.events``, or drop a component and keep the rest:

    doc._.article   the Article the text came from (publication date, title …)
    doc._.actors    list[Actor]     written by ``dyads_actors``
    doc._.times     list[TimeExpr]  written by ``dyads_times``
    doc._.places    list[Place]     written by ``dyads_places``
    doc._.quotes    list[Quote]     written by ``dyads_quotes``
    doc._.events    list[Event]     written by ``dyads_events``
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from dyads.model import Actor, Analysis, Article, Event, Place, Quote, TimeExpr

EXTENSIONS = ("article", "actors", "times", "places", "quotes", "events")

for _name in EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def make_doc(nlp: Language, article: Article) -> Doc:
    """The tokenised Doc of an article's text, carrying the article for the components."""
    doc = nlp.make_doc(article.text)
    doc._.article = article
    return doc


def article_of(doc: Doc) -> Article:
    """The article a Doc was made from; a bare Doc (``nlp("text")``) stands for an undated one."""
    article = doc._.article
    if article is None:
        article = Article(id="doc", text=doc.text)
        doc._.article = article
    return article


def _written(doc: Doc, name: str) -> list[Any]:
    # the list itself, not a copy: a later component sees exactly what an earlier one left
    value = doc._.get(name)
    return value if value is not None else []


def actors_of(doc: Doc) -> list[Actor]:
    """The actors the actors component found; empty when it was left out."""
    return _written(doc, "actors")


def times_of(doc: Doc) -> list[TimeExpr]:
    return _written(doc, "times")


def places_of(doc: Doc) -> list[Place]:
    return _written(doc, "places")


def quotes_of(doc: Doc) -> list[Quote]:
    return _written(doc, "quotes")


def events_of(doc: Doc) -> list[Event]:
    return _written(doc, "events")


def analysis_of(doc: Doc) -> Analysis:
    """The Doc's annotations as one Analysis record (the shape every later layer takes)."""
    return Analysis(
        article=article_of(doc),
        actors=tuple(actors_of(doc)),
        events=tuple(events_of(doc)),
        quotes=tuple(quotes_of(doc)),
        places=tuple(places_of(doc)),
        times=tuple(times_of(doc)),
    )
