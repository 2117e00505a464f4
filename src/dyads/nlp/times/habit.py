"""Habitual clauses: a clock time in "she would leave at 6am every day" names no one day.

``habitual(span)`` says whether the clause holding ``span``, or a clause it hangs from, is
marked as a habit or a rule: an adverb such as "usually", a set such as "every morning",
"daily". The clock is then valued with an open date (``XXXX-XX-XXT06:00``) instead of
being pinned to the article's day. The markers come from ``lexicons/times_habitual.yaml``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from dyads.knowledge.registry import words
from dyads.nlp.times.grammar import WEEKDAYS
from dyads.nlp.times.parse import governing_verb

_LEXICON = words("times_habitual")
_ADVERBS = frozenset(_LEXICON["adverbs"]) | frozenset(_LEXICON["periodic"])
_QUANTIFIERS = frozenset(_LEXICON["quantifiers"])
# Nouns that "every" or "each" turns into a set of days or times of day.
_RECURRING = frozenset(_LEXICON["recurring"]) | frozenset(WEEKDAYS)


def habitual(span: Span) -> bool:
    """Whether ``span`` sits in a clause (or under a clause) that states a habit."""
    verb = governing_verb(span)
    if verb is None:
        return False
    clauses = _clauses_above(verb)
    return any(_marks_habit(token) and _clause_of(token) in clauses for token in span.sent)


def _marks_habit(token: Token) -> bool:
    if token.lower_ in _ADVERBS and token.pos_ in ("ADV", "ADJ"):
        return True
    return token.lower_ in _QUANTIFIERS and token.head.lemma_.lower() in _RECURRING


def _clause_of(token: Token) -> int:
    """Index of the verb whose clause holds ``token`` (the sentence root's when none)."""
    for _ in range(12):
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            break
        token = token.head
    return token.i


def _clauses_above(verb: Token) -> set[int]:
    """The verb and the verbs of the clauses it hangs from, up to the sentence root."""
    found = {verb.i}
    token = verb
    for _ in range(12):
        if token.head is token:
            break
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            found.add(token.i)
    return found
