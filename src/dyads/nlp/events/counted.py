"""Counted references to countries named together: "the two countries", "both nations", "the
three military-led nations" refer back to the last sentence that listed that many countries side
by side ("Burkina Faso, Mali and Niger withdrew …"). A general reading of a definite plural,
not of one article: the count and the list must agree.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from dyads.knowledge.registry import words
from dyads.nlp.doc_cache import sentence_start
from dyads.nlp.events.index import ActorIndex
from dyads.nlp.events.syntax import conjuncts

LOOK_BACK_SENTENCES = 6  # how far back a counted phrase may point


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[frozenset[str], dict[str, int]]:
    data = words("events_grammar")
    counts = {w: n for n in range(2, 6) for w in data[f"counted_{n}"]}
    return frozenset(data["counted_nouns"]), counts


def counted(token: Token) -> int | None:
    """How many countries ``token`` says it is ("the two countries" → 2), or None."""
    nouns, counts = _vocabulary()
    if token.tag_ not in ("NNS", "NNPS") and token.lower_ not in counts:
        return None
    if token.lower_ in counts:  # "the trio"
        return counts[token.lower_] if any(c.lower_ == "the" for c in token.children) else None
    if token.lemma_.lower() not in nouns:
        return None
    for child in token.children:
        if child.dep_ in ("nummod", "det", "predet", "quantmod") and child.lower_ in counts:
            return counts[child.lower_]
    return None


def counted_countries(token: Token, index: ActorIndex) -> list[str]:
    """The country actors a counted phrase refers back to: the nearest list of exactly that many
    countries named side by side, in this sentence before it or in the few sentences before."""
    number = counted(token)
    if number is None:
        return []
    doc = token.doc
    first = sentence_start(doc, token.i)
    for _ in range(LOOK_BACK_SENTENCES):
        if first > 0:
            first = sentence_start(doc, first - 1)
    for candidate in reversed(doc[first : token.left_edge.i]):
        if candidate.dep_ == "conj":
            continue  # a list is read from its first member
        members = conjuncts(candidate)
        if len(members) != number:
            continue
        found = [_country(t, index) for t in members]
        if all(found) and len(set(found)) == number:
            return [f for f in found if f]
    return []


def _country(token: Token, index: ActorIndex) -> str | None:
    own = index.at(token.idx, token.idx + len(token.text))
    return next((a for a in own if index.kind(a) == "country"), None)
