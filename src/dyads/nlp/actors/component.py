"""The actors component: who is named in the text, resolved to countries, sectors and roles."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dyads.model import Options
from dyads.nlp.actors.find import find_actors
from dyads.nlp.doc_data import article_of

NAME = "dyads_actors"


@Language.factory(NAME, default_config={"knowledge_dirs": []})
def make_actor_component(nlp: Language, name: str, knowledge_dirs: list[str]) -> ActorFinder:
    return ActorFinder(tuple(knowledge_dirs))


class ActorFinder:
    """Writes ``doc._.actors``; reads ``doc._.article`` (its date dates the roles)."""

    def __init__(self, knowledge_dirs: tuple[str, ...] = ()) -> None:
        self.options = Options(knowledge_dirs=knowledge_dirs)

    def __call__(self, doc: Doc) -> Doc:
        doc._.actors = find_actors(doc, article_of(doc), self.options)
        return doc
