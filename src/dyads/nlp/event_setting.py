"""When, where and in which context an event happened.

Date: a DATE time expression in the trigger's clause, else in its sentence (nearest to
the trigger), not later than the article date unless the event is announced for the
future; else the article date, marked ``date_precision="article"``.
Location: the place mentioned in the sentence nearest to the trigger.
Context: the sense's own contexts, then context words of the sentence.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from dyads.model import Article, Place, Span as CharSpan, TimeExpr
from dyads.nlp.event_lexicon import Lexicon

MAX_CONTEXTS = 3


def precision_of(value: str) -> str | None:
    parts = value.split("-")
    if not parts[0].isdigit() or len(parts[0]) != 4:
        return None
    return {1: "year", 2: "month"}.get(len(parts), "day")


def _clause_span(trigger: Token) -> CharSpan:
    """Characters of the trigger's clause: the subtree of the nearest verb head."""
    node = trigger
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    tokens = list(node.subtree)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def event_date(
    trigger: Token, sentence: Span, times: Sequence[TimeExpr], article: Article, future: bool
) -> tuple[str | None, str | None]:
    """(date, date_precision) for an event."""
    published = article.published
    s_start, s_end = sentence.start_char, sentence.end_char
    c_start, c_end = _clause_span(trigger)
    best: tuple[tuple[int, int], TimeExpr] | None = None
    for t in times:
        if t.type != "DATE" or precision_of(t.value) is None:
            continue
        start, end = t.span
        if start < s_start or end > s_end:
            continue
        n = min(len(t.value), len(published or ""))
        if published and not future and t.value[:n] > published[:n]:
            continue  # a past event cannot postdate its report
        in_clause = 0 if c_start <= start and end <= c_end else 1
        distance = min(abs(start - trigger.idx), abs(end - trigger.idx))
        key = (in_clause, distance)
        if best is None or key < best[0]:
            best = (key, t)
    if best is not None:
        return best[1].value, precision_of(best[1].value)
    if published:
        return published, "article"
    return None, None


def event_location(trigger: Token, sentence: Span, places: Sequence[Place]) -> str | None:
    best: tuple[int, str] | None = None
    for place in places:
        for start, end in place.mentions:
            if start >= sentence.start_char and end <= sentence.end_char:
                distance = min(abs(start - trigger.idx), abs(end - trigger.idx))
                if best is None or distance < best[0]:
                    best = (distance, place.id)
    return best[1] if best else None


def event_contexts(own: Sequence[str], sentence: Span, lexicon: Lexicon) -> tuple[str, ...]:
    out: list[str] = [c for c in own]
    words = lexicon.context_words
    lemmas = [t.lemma_.lower() for t in sentence]
    bigrams = [f"{a} {b}" for a, b in zip(lemmas, lemmas[1:], strict=False)]
    for word in bigrams + lemmas:
        context = words.get(word)
        if context and context not in out:
            out.append(context)
        if len(out) >= MAX_CONTEXTS:
            break
    return tuple(out)
