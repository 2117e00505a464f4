"""The quotes component: quotations and reported speech, attributed to their speakers."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dyads.model import Options
from dyads.nlp.doc_data import actors_of
from dyads.nlp.quotes.find import find_quotes

NAME = "dyads_quotes"


@Language.factory(NAME, default_config={"knowledge_dirs": []})
def make_quote_component(nlp: Language, name: str, knowledge_dirs: list[str]) -> QuoteFinder:
    return QuoteFinder(tuple(knowledge_dirs))


class QuoteFinder:
    """Writes ``doc._.quotes``; reads ``doc._.actors`` (speakers are actors)."""

    def __init__(self, knowledge_dirs: tuple[str, ...] = ()) -> None:
        self.options = Options(knowledge_dirs=knowledge_dirs)

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = find_quotes(doc, actors_of(doc), self.options.knowledge_dirs)
        return doc
