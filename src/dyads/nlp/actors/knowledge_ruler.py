"""The knowledge ruler: labels known countries, organisations and people before the NER runs.

The statistical NER reads "Mali" as a person in some contexts and "Rosatom" as a place; the
ruler fixes what the knowledge base knows, and the NER then fills in the rest around it (a
pre-set entity constrains the NER's predictions). Every span carries a ``kb_id`` that says which
entry it matched:

    country:MLI      a country name ("Mali")              label GPE
    adjective:MLI    a demonym or adjective ("Malian")    label NORP
    capital:MLI      a capital ("Bamako")                 label GPE
    seat:RUS:GOV     a seat of power ("the Kremlin")      label ORG
    org:<key>        an organisation                      label ORG (NORP for armed groups)
    person:<key>     a person                             label PERSON
    region:<key>     a region or its adjective ("Sahel")  label LOC (NORP for adjectives)
    people:<key>     an adjective of a people ("Kurdish") label NORP: it modifies actors, is none

Matching is token-exact (case-sensitive) through one PhraseMatcher built once per Language;
accent-free spellings and "-an"/"-i" plural demonyms are derived from the knowledge entries.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from dyads.knowledge import Knowledge, load_knowledge, normalize

RULER_NAME = "dyads_actor_ruler"
ARTICLES = {"the", "The"}


def _fold(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text)
    return "".join(c for c in folded if not unicodedata.combining(c))


def _spellings(text: str) -> set[str]:
    """The written form, its accent-free form and its curly-apostrophe form."""
    forms = {text, _fold(text)}
    forms |= {f.replace("'", "’") for f in forms}
    return forms


def _plural_demonyms(adjective: str) -> list[str]:
    # "Malian" -> "Malians", "South African" -> "South Africans", "Iraqi" -> "Iraqis";
    # "-ese", "-ish", "-ch" forms have no plural.
    if adjective.endswith(("an", "i")):
        return [adjective + "s"]
    return []


def knowledge_patterns(kb: Knowledge) -> Iterator[tuple[str, str, str]]:
    """(label, kb_id, text) for every name the knowledge base knows."""
    for country in kb.countries:
        for name in country.all_names:
            yield "GPE", f"country:{country.iso3}", name
        for adjective in country.adjectives:
            for form in (adjective, *_plural_demonyms(adjective)):
                yield "NORP", f"adjective:{country.iso3}", form
        for capital in country.capitals:
            yield "GPE", f"capital:{country.iso3}", capital
        for seat, sector in country.seats:
            yield "ORG", f"seat:{country.iso3}:{sector or ''}", seat
    # Imported entries (tens of thousands) stay out of the matcher: building it would cost
    # seconds per process, and the NER finds such names; they are looked up by their text then.
    for org in kb.organizations:
        if org.source is not None:
            continue
        label = "NORP" if org.kind == "group" else "ORG"
        for name in org.all_names:
            yield label, f"org:{normalize(org.name)}", name
    for person in kb.people:
        if person.source is not None:
            continue
        for name in (person.name, *person.aliases):
            yield "PERSON", f"person:{normalize(person.name)}", name
    for region in kb.regions:
        label = "NORP" if region[:1].isupper() and region.endswith(("an", "ern")) else "LOC"
        yield label, f"region:{normalize(region)}", region
    for people in kb.peoples:
        yield "NORP", f"people:{normalize(people)}", people


class ActorRuler:
    """Sets knowledge-base entities on a Doc; the NER that follows keeps them."""

    def __init__(self, nlp: Language, knowledge_dirs: tuple[str, ...] = ()) -> None:
        self.kb = load_knowledge(tuple(knowledge_dirs))
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.entries: dict[str, tuple[str, str]] = {}  # match key -> (label, kb_id)
        pairs: dict[tuple[str, str], None] = {}  # (match key, spelling), in order, once each
        for label, kb_id, text in knowledge_patterns(self.kb):
            key = f"{label}|{kb_id}"
            self.entries[key] = (label, kb_id)
            for form in _spellings(text):
                pairs[(key, form)] = None
        by_key: dict[str, list[Doc]] = {}
        forms = [form for _, form in pairs]
        patterns = nlp.tokenizer.pipe(forms)  # type: ignore[union-attr]
        for (key, _), pattern in zip(pairs, patterns, strict=True):
            by_key.setdefault(key, []).append(pattern)
        for key, docs in by_key.items():
            self.matcher.add(key, docs)

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        for match_id, start, end in self.matcher(doc):
            label, kb_id = self.entries[doc.vocab.strings[match_id]]
            if doc[start].text in ARTICLES and end - start > 1:
                start += 1  # "the Kremlin": the entity is "Kremlin", matched only after "the"
            spans.append(Span(doc, start, end, label=label, kb_id=kb_id))
        kept = filter_spans(spans)  # longest first: "Guinea-Bissau" over "Guinea"
        doc.set_ents(kept, default="unmodified")
        return doc


def add_actor_ruler(nlp: Language, knowledge_dirs: tuple[str, ...] = ()) -> None:
    """Add the knowledge-base entity ruler ahead of NER (once per Language)."""
    if RULER_NAME in nlp.pipe_names:
        return
    before = "ner" if "ner" in nlp.pipe_names else None
    nlp.add_pipe(RULER_NAME, before=before, config={"knowledge_dirs": list(knowledge_dirs)})


@Language.factory(RULER_NAME, default_config={"knowledge_dirs": []})
def make_actor_ruler(nlp: Language, name: str, knowledge_dirs: list[str]) -> ActorRuler:
    return ActorRuler(nlp, tuple(knowledge_dirs))
