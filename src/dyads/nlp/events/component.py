"""The events component: who did what to whom, when and where, coded in PLOVER."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dyads.model import Options
from dyads.nlp.doc_data import actors_of, article_of, places_of, quotes_of, times_of
from dyads.nlp.events.find import find_events

NAME = "dyads_events"


@Language.factory(NAME, default_config={"knowledge_dirs": []})
def make_event_component(nlp: Language, name: str, knowledge_dirs: list[str]) -> EventFinder:
    return EventFinder(tuple(knowledge_dirs))


class EventFinder:
    """Writes ``doc._.events``; reads what the components before it wrote (the article, actors,
    times, places, and quotes, whose speakers are the "I" and "we" inside them)."""

    def __init__(self, knowledge_dirs: tuple[str, ...] = ()) -> None:
        self.options = Options(knowledge_dirs=knowledge_dirs)

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = find_events(
            doc, article_of(doc), actors_of(doc), times_of(doc), places_of(doc), self.options, quotes_of(doc)
        )
        return doc
