"""The places component: toponyms, geocoded offline."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dyads.model import Options
from dyads.nlp.doc_data import actors_of
from dyads.nlp.places.find import find_places

NAME = "dyads_places"


@Language.factory(NAME, default_config={"knowledge_dirs": []})
def make_place_component(nlp: Language, name: str, knowledge_dirs: list[str]) -> PlaceFinder:
    return PlaceFinder(tuple(knowledge_dirs))


class PlaceFinder:
    """Writes ``doc._.places``; reads ``doc._.actors`` (a name that is a person is no place)."""

    def __init__(self, knowledge_dirs: tuple[str, ...] = ()) -> None:
        self.options = Options(knowledge_dirs=knowledge_dirs)

    def __call__(self, doc: Doc) -> Doc:
        doc._.places = find_places(doc, actors_of(doc), self.options)
        return doc
