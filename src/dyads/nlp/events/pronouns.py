"""What a pronoun participant refers to, read from the clause that governs it.

A subject pronoun in a reported clause is the reporter ("Iran said it would …"); an object
pronoun in a participle clause is whom the main clause acted upon ("imposed sanctions on X,
accusing them of …").
"""

from __future__ import annotations

from spacy.tokens import Token

from dyads.knowledge import registry
from dyads.nlp.doc_cache import doc_text, sentence_start
from dyads.nlp.events.syntax import SUBJECT_DEPS, dependents, prep_objects

PRONOUNS = frozenset(registry.words("events_grammar")["pronouns"])

OBJECT_PRONOUNS = {"them", "him", "her", "it"}


def resolve_object_pronoun(token: Token) -> list[Token]:
    """An object pronoun in a participle clause ("imposed sanctions on X, accusing them of …")
    refers back to those the main clause acted upon."""
    if token.lower_ not in OBJECT_PRONOUNS:
        return []
    clause = token.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "advcl" or clause.tag_ != "VBG":
        return []
    main = clause.head
    objects = [c for c in main.children if c.dep_ in ("dobj", "dative") and c.lower_ not in PRONOUNS]
    found = [o for o in objects if o.pos_ == "PROPN"]  # "sanctioned Camara, accusing him …"
    for obj in [main, *objects]:  # "imposed sanctions on officials, accusing them …"
        found += prep_objects(obj, {"on", "against", "to", "with"})
    return found


def resolve_pronoun(token: Token) -> Token | None:
    """A subject pronoun inside a reported clause refers to the reporter ("Iran said it would …");
    inside the reporter's own quoted words it does not ("'They attacked us,' the army said")."""
    if token.lower_ not in PRONOUNS or in_quotation(token):
        return None
    node = token.head
    for _ in range(6):
        if node.dep_ in ("ccomp", "xcomp", "advcl", "conj") and node.head.i != node.i:
            node = node.head
            for subject in dependents(node, SUBJECT_DEPS):
                if subject.lower_ not in PRONOUNS:
                    return subject
        else:
            break
    return None


QUOTE_MARKS = '"“”'


def in_quotation(token: Token) -> bool:
    """Is the token inside quotation marks opened earlier in its sentence?"""
    doc = token.doc
    before = doc_text(doc)[doc[sentence_start(doc, token.i)].idx : token.idx]
    return sum(before.count(mark) for mark in QUOTE_MARKS) % 2 == 1
