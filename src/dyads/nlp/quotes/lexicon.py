"""The cue lexicon for quotations (knowledge/speech_verbs.yaml), loaded once."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Token

from dyads.knowledge.registry import load

_RELATIONS = {"ccomp", "xcomp", "dobj", "prep", "oprd", "clause"}
_NOUN_RELATIONS = {"clause", "infinitive", "prep"}


@dataclass(frozen=True)
class CueVerb:
    lemma: str
    content: tuple[str, ...]  # dependency relations that may hold the reported content
    quotes: bool  # a verb of speaking or writing: may introduce a quotation in marks
    preps: tuple[str, ...] = ()  # prepositions that carry the content; empty: the usual ones
    speech: bool = True  # False: thought, perception, plan or evidence, said by nobody


@dataclass(frozen=True)
class CueNoun:
    lemma: str
    content: tuple[str, ...]  # "clause" (that …), "infinitive" (to …), "prep" (of/for … X)
    preps: tuple[str, ...] = ()  # prepositions that carry the content
    speech: bool = True  # False: a belief, a hope, a plan — nobody's words


@dataclass(frozen=True)
class SpeechLexicon:
    verbs: dict[str, CueVerb]
    according_to: tuple[str, ...]
    nominal_kind: dict[str, str]  # head noun -> "person" | "organization" | "document"
    nouns: dict[str, CueNoun] = field(default_factory=dict)  # nouns that are cues themselves

    def is_speech(self, cue: Token | None) -> bool:
        """Does the cue report someone's words (not a thought, a plan or what a study found)?
        A quotation in marks with no cue is speech."""
        if cue is None:
            return True
        if cue.pos_ in ("NOUN", "PROPN"):
            noun = self.nouns.get(cue.lemma_.lower())
            return noun.speech if noun is not None else True
        verb = self.cue(cue)
        return verb.speech if verb is not None else True

    def verb(self, lemma: str) -> CueVerb | None:
        return self.verbs.get(lemma.lower())

    def cue(self, token: Token) -> CueVerb | None:
        """The entry for a verb token. The lemmatiser sometimes strips too much ("hoped" →
        "hop"), so the word's own regular stems are tried after its lemma. A participle
        used as an adjective ("an emailed statement") is no cue."""
        if token.dep_ == "amod":
            return None
        found = self.verbs.get(token.lemma_.lower())
        if found is not None:
            return found
        word = token.lower_
        stems: tuple[str, ...] = ()
        if word.endswith(("ed", "es", "s")):
            stems = (word[:-1], word[:-2], word[:-3])
        elif word.endswith("ing"):
            stems = (word[:-3] + "e", word[:-3], word[:-4])  # hoping, saying, planning
        for stem in stems:
            found = self.verbs.get(stem)
            if found is not None:
                return found
        return None

    @property
    def documents(self) -> frozenset[str]:
        return frozenset(n for n, kind in self.nominal_kind.items() if kind == "document")


@lru_cache(maxsize=8)
def load_speech_lexicon(knowledge_dirs: tuple[str, ...] = ()) -> SpeechLexicon:
    """The built-in lexicon with any user ``speech_verbs.yaml`` layered over it."""
    layers = [layer.data for layer in load("speech_verbs.yaml", knowledge_dirs)]
    verbs: dict[str, CueVerb] = {}
    according: list[str] = []
    nominal_kind: dict[str, str] = {}
    nouns: dict[str, CueNoun] = {}
    for layer in layers:
        for lemma, entry in (layer.get("verbs") or {}).items():
            entry = entry or {}
            content = tuple(r for r in entry.get("content", ["ccomp"]) if r in _RELATIONS)
            preps = tuple(str(p).lower() for p in entry.get("preps") or ())
            verbs[str(lemma).lower()] = CueVerb(
                str(lemma).lower(),
                content,
                bool(entry.get("quotes")),
                preps,
                entry.get("speech") is not False,
            )
        for lemma, entry in (layer.get("nouns") or {}).items():
            entry = entry or {}
            relations = tuple(r for r in entry.get("content", ["prep"]) if r in _NOUN_RELATIONS)
            preps = tuple(str(p).lower() for p in entry.get("preps") or ())
            nouns[str(lemma).lower()] = CueNoun(
                str(lemma).lower(), relations, preps, entry.get("speech") is not False
            )
        according += [str(p).lower() for p in layer.get("according_to") or ()]
        for kind, names in (layer.get("nominals") or {}).items():
            for noun in names or ():
                nominal_kind[str(noun).lower()] = str(kind)
    return SpeechLexicon(verbs, tuple(dict.fromkeys(according)), nominal_kind, nouns)
