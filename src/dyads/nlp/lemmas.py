"""Verb lemmas the rule lemmatizer gets wrong, repaired against the verbs our lexicons know.

The English model's lemmatizer strips suffixes by rule and sometimes strips the wrong one:
"staged" → "stag", so "Protesters staged a protest" never reaches the light verb "stage". This
component runs after the lemmatizer: a verb whose lemma no lexicon knows, but one of whose
regular base forms a lexicon does know, gets that base form. Every other lemma is left alone, so
it can only turn an unknown verb into a known one.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from dyads.nlp.events.lexicon import load_lexicon
from dyads.nlp.quotes.lexicon import load_speech_lexicon

NAME = "dyads_lemmas"


def base_forms(form: str) -> list[str]:
    """The regular base forms an inflected verb may have: "staged" → stage, stag; "carried" → carry."""
    form = form.lower()
    out: list[str] = []
    if form.endswith("ied"):
        out.append(form[:-3] + "y")
    if form.endswith("ed"):
        out += [form[:-1], form[:-2]]
        if len(form) > 4 and form[-3] == form[-4]:
            out.append(form[:-3])  # "stopped" → stop
    if form.endswith("ing"):
        out += [form[:-3] + "e", form[:-3]]
        if len(form) > 5 and form[-4] == form[-5]:
            out.append(form[:-4])
    if form.endswith("ies"):
        out.append(form[:-3] + "y")
    if form.endswith("es"):
        out.append(form[:-2])
    if form.endswith("s"):
        out.append(form[:-1])
    return [f for f in dict.fromkeys(out) if len(f) > 1]


@lru_cache(maxsize=8)
def known_verbs(knowledge_dirs: tuple[str, ...]) -> frozenset[str]:
    """Every verb lemma an event or speech lexicon has an entry for (first word of phrases)."""
    events = load_lexicon(knowledge_dirs)
    speech = load_speech_lexicon(knowledge_dirs)
    words = [key.split()[0] for key in events.verbs]
    words += [key.split()[0] for key in events.light_verbs | events.happen_verbs]
    words += [key.split()[0] for key in (*events.governors, *events.transparent)]
    words += [key.split()[0] for key in speech.verbs]
    return frozenset(words)


@Language.factory(NAME, default_config={"knowledge_dirs": []})
def make_lemma_repair(nlp: Language, name: str, knowledge_dirs: list[str]) -> LemmaRepair:
    return LemmaRepair(tuple(knowledge_dirs))


class LemmaRepair:
    """Gives a verb the base form a lexicon knows when its own lemma is unknown to all of them."""

    def __init__(self, knowledge_dirs: tuple[str, ...] = ()) -> None:
        self.verbs = known_verbs(knowledge_dirs)

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if token.pos_ != "VERB" or token.lemma_.lower() in self.verbs:
                continue
            base = next((b for b in base_forms(token.text) if b in self.verbs), None)
            if base is not None:
                token.lemma_ = base
        return doc
