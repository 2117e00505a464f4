"""The times component: time expressions, normalised against the article's date."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dyads.model import Options
from dyads.nlp.doc_data import article_of
from dyads.nlp.times.find import find_times

NAME = "dyads_times"


@Language.factory(NAME, default_config={"knowledge_dirs": []})
def make_time_component(nlp: Language, name: str, knowledge_dirs: list[str]) -> TimeFinder:
    return TimeFinder(tuple(knowledge_dirs))


class TimeFinder:
    """Writes ``doc._.times``; reads ``doc._.article`` (its publication date anchors relative times)."""

    def __init__(self, knowledge_dirs: tuple[str, ...] = ()) -> None:
        self.options = Options(knowledge_dirs=knowledge_dirs)

    def __call__(self, doc: Doc) -> Doc:
        doc._.times = find_times(doc, article_of(doc).published)
        return doc
