"""Where a person is from, read from the words around one mention of their name.

A private person's country is seldom given by a title; the text says it in other ways:

- a demonym right before the name: "Canadian Hanna Bohman";
- a noun in apposition that is a demonym or carries one: "Bashiurul Shikder, 37, an American",
  "Her Dutch husband, Yago Riedijk", "Two other Syrian men, Basel Abou Hammrah and …";
- a place the person or that noun is from, or a clause saying where they live: "a fighter from
  Brighton", "John Letts and Sally Lane, who live in Oxford";
- a copula: "Shikder is American", "Riedijk was a Dutch convert";
- a relative whose country the text gives: "Sergei Skripal and his daughter Yulia", "Her father,
  Dirk Campbell". ``kin_anchor`` finds where the relative is named (a name or a possessive
  pronoun); ``relative_named`` finds the relative's draft, whose country ``people.py``
  reads once every person is decided.

Only demonyms count inside a noun phrase, not country names: "a Syria analyst" is not Syrian.
Pure functions over a parsed Doc and the knowledge base.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dyads.knowledge import Knowledge, Organization
from dyads.knowledge.registry import words
from dyads.nlp.actors.drafts import Draft
from dyads.nlp.actors.name_context import named_countries, town_country
from dyads.nlp.actors.titles import entity_country, is_markup

_NOUNS = words("actors_nouns")
KIN_NOUNS = frozenset(_NOUNS["kin_nouns"])
RESIDENCE_VERBS = frozenset(_NOUNS["residence_verbs"])
NATIONALITY_NOUNS = frozenset(_NOUNS["nationality_nouns"])
HEADING_VERBS = frozenset(_NOUNS["heading_verbs"])
# Nouns a sentence may open with that stand for a body, not the person named just before it
# ("The Syrian government said").
BODY_NOUNS = frozenset(
    _NOUNS["body_nouns"]
    + _NOUNS["collective_nouns"]
    + _NOUNS["institution_nouns"]
    + _NOUNS["organization_nouns"]
)


@dataclass(frozen=True)
class Origin:
    """A country the text gives a person, and the words that give it."""

    country: str
    why: str


def _demonym(token: Token, kb: Knowledge) -> str | None:
    """ISO3 of a demonym ("Dutch", "an American"); country and capital names do not count."""
    if token.ent_type_ == "NORP" and token.ent_kb_id_.startswith("adjective:"):
        return entity_country(token, kb)
    return None


def name_nodes(doc: Doc, start: int, end: int) -> list[Token]:
    """The name's head word and, for a conjunct ("Basel … and Morhaf Aldiri"), the first conjunct,
    whose attachments the whole coordination shares."""
    root = doc[start:end].root
    nodes = [root]
    top = root
    while top.dep_ == "conj" and top.head is not top and top.head.ent_type_ == "PERSON":
        top = top.head
        nodes.append(top)
    return nodes


def appositions(nodes: list[Token]) -> list[Token]:
    """Nouns in apposition to the name, either side of it ("Her Dutch husband, X"; "X, an
    American"); another person's full name is not one."""
    found: list[Token] = []
    for node in nodes:
        if node.dep_ == "appos":
            found.append(node.head)
        found.extend(c for c in node.children if c.dep_ == "appos")
    return [
        t
        for t in found
        if t.pos_ in {"NOUN", "PROPN", "ADJ"}
        and t.ent_type_ not in {"DATE", "CARDINAL", "ORG", "GPE"}
        and not (t.ent_type_ == "PERSON" and t.dep_ != "appos")
    ]


def _place(pobj: Token, kb: Knowledge, named: frozenset[str]) -> Origin | None:
    """The country of a place named as the object of "from" or "in": a country, a capital, or
    a town the gazetteer knows; names with an organisation in them do not count ("from Syria
    Solidarity Australia")."""
    if any(t.ent_type_ == "ORG" for t in pobj.subtree):
        return None
    code = entity_country(pobj, kb)
    if code:
        return Origin(code, f"from '{pobj.text}'")
    if pobj.pos_ != "PROPN" and not pobj.ent_type_:
        return None
    first = pobj.i
    while first > 0 and pobj.doc[first - 1].dep_ == "compound" and pobj.doc[first - 1].pos_ == "PROPN":
        first -= 1
    name = pobj.doc[first : pobj.i + 1].text
    code = town_country(name, named)
    return Origin(code, f"from '{name}'") if code else None


def _origin_in(noun: Token, leading: bool, kb: Knowledge, named: frozenset[str]) -> Origin | None:
    """What one noun says of the person it stands for: a demonym as the noun or before it
    ("an American", "Dutch husband"), a place it is from ("a fighter from Brighton")."""
    if code := _demonym(noun, kb):
        return Origin(code, f"'{noun.text}'")
    if leading:
        for left in noun.lefts:
            for t in left.subtree:
                if t.pos_ == "ADP":
                    break
                if code := _demonym(t, kb):
                    return Origin(code, f"'{t.text} {noun.text}'")
                # "a UK national": a country's name gives nationality before these nouns only
                if noun.lower_ in NATIONALITY_NOUNS and (code := entity_country(t, kb)):
                    return Origin(code, f"'{t.text} {noun.text}'")
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "from":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and (origin := _place(pobj, kb, named)):
                return origin
        if child.dep_ == "relcl" and child.lemma_.lower() in RESIDENCE_VERBS:
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in {"in", "from"}:
                    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    if pobj is not None and (origin := _place(pobj, kb, named)):
                        return Origin(origin.country, f"lives in '{pobj.text}'")
    return None


def origin_of(doc: Doc, start: int, end: int, kb: Knowledge) -> Origin | None:
    """The country the words around the name [start, end) give the person, if any."""
    i = start - 1
    while i >= 0 and is_markup(doc[i]):
        i -= 1
    if i >= 0 and (code := _demonym(doc[i], kb)) and doc[i].head.i >= start:
        return Origin(code, f"'{doc[i].text}' before the name")
    nodes = name_nodes(doc, start, end)
    named = named_countries(doc)  # a town's namesakes in the countries the article names win
    # "John Letts and Sally Lane, who live in Oxford": a clause or a "from" after the last of
    # several people named together says it of them all
    partners = [c for c in nodes[-1].conjuncts if c.ent_type_ == "PERSON" and c.i > nodes[-1].i]
    for node in nodes + partners:
        if origin := _origin_in(node, False, kb, named):
            return origin
    for noun in appositions(nodes):
        if origin := _origin_in(noun, True, kb, named):
            return origin
    for node in nodes:  # "Shikder is American", "Riedijk was a Dutch convert"
        if node.dep_ == "nsubj" and node.head.lemma_ in {"be", "become"}:
            for c in node.head.children:
                if c.dep_ in {"attr", "acomp"} and (origin := _origin_in(c, True, kb, named)):
                    return Origin(origin.country, f"is {origin.why}")
    return _described_next(doc, start, kb, named)


def _described_next(doc: Doc, start: int, kb: Knowledge, named: frozenset[str]) -> Origin | None:
    """A sentence that names one person, followed by one whose subject describes someone with a
    demonym: "Ricardo Vilanova never wanted to be part of the story. The Spanish photojournalist
    went to Syria …" (the usual way a report introduces a person)."""
    sentence = doc[start].sent
    if sentence.end >= len(doc) or sum(1 for e in sentence.ents if e.label_ == "PERSON") != 1:
        return None
    following = doc[sentence.end].sent
    if following[0].lower_ != "the":
        return None
    subject = next(
        (t for t in following if t.dep_ in {"nsubj", "nsubjpass"} and t.head == following.root), None
    )
    if (
        subject is None
        or subject.left_edge.i != following.start
        or subject.tag_ not in {"NN", "NNP"}
        or subject.lower_ in BODY_NOUNS
        or not (_demonym(subject, kb) or kb.sector_for(subject.lower_))  # a person's noun: "photojournalist"
        or any(t.ent_type_ in {"PERSON", "ORG"} for t in subject.subtree)
    ):
        return None
    origin = _origin_in(subject, True, kb, named)
    if origin is None:
        return None
    return Origin(origin.country, f"{origin.why} in the next sentence")


def kin_anchor(doc: Doc, start: int, end: int) -> int | None:
    """Where the relative of a person named [start, end) is named: the possessor of a kinship
    noun in apposition ("his daughter Yulia" -> "his"; "Skripal's daughter, Yulia" ->
    "Skripal") or the object of its "of" ("Yulia, the daughter of Sergei Skripal")."""
    for noun in appositions(name_nodes(doc, start, end)):
        if noun.lower_ not in KIN_NOUNS:
            continue
        for child in noun.children:
            if child.dep_ == "poss":
                return child.i
            if child.dep_ == "prep" and child.lower_ == "of":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None and pobj.ent_type_ == "PERSON":
                    return pobj.i
    return None


def relative_named(doc: Doc, anchor: int, person: Draft, people: list[Draft]) -> Draft | None:
    """The person the anchor names: the draft one of whose mentions holds it, or for a pronoun
    the nearest other person named before it in its sentence or the one before."""
    token = doc[anchor]
    if token.pos_ != "PRON":
        return next((d for d in people if any(s <= token.idx < e for s, e in d.mentions)), None)
    sentence = token.sent
    previous = doc[sentence.start - 1].sent if sentence.start > 0 else sentence
    floor = previous.start_char
    best: tuple[int, Draft] | None = None
    for draft in people:
        if draft is person or any(doc[k].sent == sentence for k in draft.kin):
            continue  # "his mother, Michelle, his brother, Alex": "his" is neither relative
        for s, e in draft.mentions:
            if floor <= s and e <= token.idx and (best is None or s > best[0]):
                best = (s, draft)
    return best[1] if best else None


def organisation_named_with(doc: Doc, start: int, end: int, kb: Knowledge) -> Organization | None:
    """The known organisation a person named [start, end) works for, as the words around the name
    say it: a possessive on a noun in apposition or before the name ("Geert Cappelaere, Unicef's
    regional director"; "Save the Children's response director Sonia Khush"), or a clause saying
    the person heads one of its parts ("X, who heads the Unicef field office")."""
    nodes = name_nodes(doc, start, end)
    nouns = appositions(nodes)
    # a title of no sector before the name ("response director"), which the title reader skips
    nouns.extend(t for t in nodes[0].lefts if t.i < start and t.dep_ == "compound" and t.pos_ == "NOUN")
    for node in nodes:
        nouns.extend(
            obj
            for clause in node.children
            if clause.dep_ == "relcl" and clause.lemma_.lower() in HEADING_VERBS
            for obj in clause.children
            if obj.dep_ == "dobj"
        )
    for noun in nouns:
        for t in noun.subtree:
            if t.i >= noun.i and t.dep_ != "compound":
                break
            if t.ent_kb_id_.startswith("org:") and (org := kb.organization_for(t.ent_kb_id_[4:])):
                return org
    return None
