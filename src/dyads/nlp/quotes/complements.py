"""Where a cue verb's reported content hangs in the parse: its complement, by ordered rules.

The lexicon gives each cue verb the relations that may hold its content, in order of
preference (knowledge/speech_verbs.yaml: ``ccomp``, ``xcomp``, ``dobj``, ``prep``, ``oprd``,
``clause``). For each relation in that order, each of the verb's children is tried against
the rules of the relation (``COMPLEMENT_RULES``), in the order declared; the first rule that
applies decides the content, even when the words it points to are only punctuation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from spacy.tokens import Doc, Token

from dyads.nlp.quotes.found import Char
from dyads.nlp.quotes.lexicon import CueVerb, SpeechLexicon
from dyads.nlp.quotes.nominal import reports_by_itself

# Prepositions that carry reported content: "accused X of", "called for", "warned against".
_CONTENT_PREPOSITIONS = {"of", "for", "about", "to", "as", "against", "on", "that"}
# Objects that are no content of their own ("said it", "told him").
_EMPTY_OBJECTS = {"it", "this", "that", "so", "something", "anything", "nothing", "what"}
_OBJECT_COMPLEMENTS = {"xcomp", "oprd", "acomp", "ccomp"}
_QUOTATION_MARKS = ('"', "“", "”", "''", "«", "»", "„")


def content_span(doc: Doc, left: int, right: int) -> Char | None:
    """Characters of tokens [left, right] without punctuation or spaces at either end;
    quotation marks stay, as they show the content is quoted."""
    while left <= right and (doc[left].is_punct or doc[left].is_space) and not _is_mark(doc[left]):
        left += 1
    while right >= left and (doc[right].is_punct or doc[right].is_space) and not _is_mark(doc[right]):
        right -= 1
    if left > right:
        return None
    return doc[left].idx, doc[right].idx + len(doc[right])


def _is_mark(token: Token) -> bool:
    return token.text in _QUOTATION_MARKS


def subtree_span(token: Token, lexicon: SpeechLexicon | None = None) -> Char | None:
    """The content headed by ``token``; with a lexicon, cut before a conjoined cue verb."""
    return content_span(token.doc, token.left_edge.i, _right_end(token, lexicon))


def _right_end(token: Token, lexicon: SpeechLexicon | None) -> int:
    """Last token of the content headed by ``token``; a conjoined cue verb the parse hung
    inside it ("… gave his campaign momentum and said that …") starts a new attribution."""
    right = token.right_edge.i
    if lexicon is None:
        return right
    for t in token.subtree:
        entry = lexicon.cue(t) if t.dep_ == "conj" and t.pos_ == "VERB" and t.i > token.i else None
        if entry is not None and entry.quotes:
            cut = t.left_edge.i - 1
            while cut > token.i and (token.doc[cut].dep_ == "cc" or token.doc[cut].is_punct):
                cut -= 1
            right = min(right, cut)
    return right


def _with_reasons(verb: Token, child: Token, right: int) -> int:
    """'criticised Obama for proposing …', 'showed Clinton with a lead', 'urged the regime
    to abandon …': what follows the object, before any comma, belongs to it."""
    doc = verb.doc
    for sibling in verb.rights:
        if sibling.i <= child.i or doc[sibling.left_edge.i - 1].text == ",":
            continue
        if sibling.dep_ in _OBJECT_COMPLEMENTS or (
            sibling.dep_ == "prep" and sibling.lower_ in ("for", "over", "as", "with", "to", "on", "against")
        ):
            right = max(right, sibling.right_edge.i)
    return right


def _same_paragraph(a: Token, b: Token) -> bool:
    lo, hi = sorted((a.i, b.i))
    return not any("\n" in t.text or "\n" in t.whitespace_ for t in a.doc[lo:hi])


def _ordered_children(verb: Token) -> tuple[Token, ...]:
    """The verb's children in its own paragraph, those after it first: a sentence the
    parser ran over a paragraph break ('“Why?”⏎⏎The office said it …') hangs the earlier
    paragraph on the cue as a second complement."""
    own = [c for c in verb.children if _same_paragraph(verb, c)]
    # Before the verb the nearest clause is the one reported: "A is good, but B, she said."
    return (*[c for c in own if c.i > verb.i], *[c for c in reversed(own) if c.i < verb.i])


@dataclass(frozen=True)
class Cue:
    """A cue verb with its lexicon entry and its children in the order they are tried."""

    verb: Token
    entry: CueVerb
    lexicon: SpeechLexicon
    children: tuple[Token, ...]

    def objects_before(self, child: Token, relations: tuple[str, ...] = ("dobj",)) -> list[Token]:
        return [c for c in self.children if c.dep_ in relations and c.i < child.i]

    def carries_content(self, token: Token) -> bool:
        """A preposition after the verb that carries its content ("called for talks")."""
        return (
            token.dep_ == "prep"
            and token.i > self.verb.i
            and token.lower_ in (self.entry.preps or _CONTENT_PREPOSITIONS)
            and any(c.dep_ in ("pobj", "pcomp") for c in token.children)
        )


class Complement(NamedTuple):
    """What a rule that applies decides: the content, None when it holds no words."""

    content: Char | None


# A rule looks at one child of the cue; None: the rule does not apply to that child.
ComplementRule = Callable[[Cue, Token], Complement | None]


def _impression(cue: Cue, child: Token) -> Complement | None:
    """'The court seemed to send a signal': an impression, the whole clause."""
    if child.dep_ != "xcomp":
        return None
    verb = cue.verb
    return Complement(content_span(verb.doc, verb.left_edge.i, _right_end(verb, cue.lexicon)))


def _clause(cue: Cue, child: Token) -> Complement | None:
    """'said that the talks failed': the clause, up to a conjoined cue verb."""
    if child.dep_ != "ccomp":
        return None
    return Complement(subtree_span(child, cue.lexicon))


def _yes_or_no(cue: Cue, child: Token) -> Complement | None:
    """'46 percent said yes', 'He said no to the war'."""
    if not (child.dep_ == "intj" and child.lower_ in ("yes", "no") and child.i > cue.verb.i):
        return None
    return Complement(content_span(cue.verb.doc, child.i, _with_reasons(cue.verb, child, child.i)))


def _infinitive(cue: Cue, child: Token) -> Complement | None:
    """'urged Paris to leave': the object belongs to the content; 'The bank is expected to
    act': with nobody named, the whole clause."""
    if not (child.dep_ == "xcomp" and child.i > cue.verb.i):
        return None
    objects = cue.objects_before(child, ("dobj", "nsubjpass"))
    if any(c.dep_ == "agent" for c in cue.children):
        objects = [c for c in objects if c.dep_ == "dobj"]
    left = objects[0].left_edge.i if objects else child.left_edge.i
    return Complement(content_span(cue.verb.doc, left, child.right_edge.i))


def _object(cue: Cue, child: Token) -> Complement | None:
    """'criticised the plan': the object with what follows it; not an empty one ('said
    it') nor a cue noun with content of its own ('repeated his criticism of …')."""
    if not (
        child.dep_ == "dobj"
        and child.lower_ not in _EMPTY_OBJECTS
        and not reports_by_itself(child, cue.lexicon)
    ):
        return None
    right = _with_reasons(cue.verb, child, child.right_edge.i)
    return Complement(content_span(cue.verb.doc, child.left_edge.i, right))


def _prepositional_object(cue: Cue, child: Token) -> Complement | None:
    """'accused Bamako of lying' (from the object on), 'called for talks' (the preposition
    belongs to the cue)."""
    if not cue.carries_content(child):
        return None
    objects = cue.objects_before(child)
    left = objects[0].left_edge.i if objects else child.i + 1
    return Complement(content_span(cue.verb.doc, left, child.right_edge.i))


def _marked_clause(cue: Cue, child: Token) -> Complement | None:
    """'called for the strongholds to be hit': 'for' parsed as the clause's marker."""
    if not (child.dep_ == "advcl" and child.i > cue.verb.i):
        return None
    prepositions = cue.entry.preps or _CONTENT_PREPOSITIONS
    marks = [c for c in child.children if c.dep_ == "mark" and c.lower_ in prepositions]
    if not marks or marks[0].i != child.left_edge.i:
        return None
    return Complement(content_span(cue.verb.doc, marks[0].i + 1, child.right_edge.i))


def _preposition_on_the_object(cue: Cue, child: Token) -> Complement | None:
    """'accused the junta of delaying': the parse may hang "of" on the object."""
    if child.dep_ != "dobj":
        return None
    for grandchild in child.rights:
        if cue.carries_content(grandchild):
            return Complement(content_span(cue.verb.doc, child.left_edge.i, grandchild.right_edge.i))
    return None


def _object_predicate(cue: Cue, child: Token) -> Complement | None:
    """'called the vote a farce': the object and what is said of it."""
    if child.dep_ != "oprd":
        return None
    objects = cue.objects_before(child)
    left = objects[0].left_edge.i if objects else child.left_edge.i
    return Complement(content_span(cue.verb.doc, left, child.right_edge.i))


# The rules of each content relation of the lexicon, in the order they are tried on a child.
COMPLEMENT_RULES: dict[str, tuple[ComplementRule, ...]] = {
    "clause": (_impression,),
    "ccomp": (_clause, _yes_or_no),
    "xcomp": (_infinitive,),
    "dobj": (_object,),
    "prep": (_prepositional_object, _marked_clause, _preposition_on_the_object),
    "oprd": (_object_predicate,),
}


def complement_of(verb: Token, entry: CueVerb, lexicon: SpeechLexicon) -> Char | None:
    """The content a cue verb reports through its complement, or None."""
    cue = Cue(verb, entry, lexicon, _ordered_children(verb))
    for relation in entry.content:
        for child in cue.children:
            for rule in COMPLEMENT_RULES.get(relation, ()):
                found = rule(cue, child)
                if found is not None:
                    return found.content
    return None
