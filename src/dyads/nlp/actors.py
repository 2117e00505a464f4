"""Actor resolution: who is who (countries, organisations, people, roles). Placeholder."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dyads.model import Actor, Article, Options


def add_actor_ruler(nlp: Language, knowledge_dirs: tuple[str, ...] = ()) -> None:
    """Add the knowledge-base entity ruler ahead of NER."""


def find_actors(doc: Doc, article: Article, options: Options) -> list[Actor]:
    return []
