"""When, where and in which context an event happened.

Date: the DATE time expression of the sentence nearest to the trigger and not inside
another clause (a "while …"/"after …" or relative clause that leaves the trigger out), not later than the article date unless the event is announced for the
future; else the article date, marked ``date_precision="article"``.
Location: the place mentioned in the sentence nearest to the trigger.
Context: the sense's own contexts, then context words of the sentence.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from spacy.tokens import Span, Token

from dyads.model import Article, Place, TimeExpr
from dyads.nlp.events.lexicon import Lexicon
from dyads.nlp.times.find import calendar_date

MAX_CONTEXTS = 3


SUBORDINATE = {"advcl", "relcl", "acl", "ccomp", "parataxis", "conj", "xcomp", "pcomp"}


def _foreign(time_token: Token, trigger: Token) -> bool:
    """Does the time expression sit in another clause than the trigger's ("while …, last month")?"""
    node = time_token
    for _ in range(20):
        clause = node.dep_ in SUBORDINATE and node.pos_ in ("VERB", "AUX")
        # a relative clause on the event noun tells of that event ("sanctions that ECOWAS
        # imposed on Sunday")
        describes = node.dep_ in ("relcl", "acl") and node.head.i == trigger.i
        # a present participle on a noun happens with its clause ("blocked a statement backing
        # the sanctions on Tuesday")
        describes = describes or (node.dep_ == "acl" and node.tag_ == "VBG")
        outside = not node.left_edge.i <= trigger.i <= node.right_edge.i
        if clause and outside and not describes and not _shared(node, trigger):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _shared(conjunct: Token, trigger: Token) -> bool:
    """A time at the end of a later verb of the same subject dates the earlier ones too
    ("closed its borders and halted financial flows on Thursday")."""
    if conjunct.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in conjunct.children):
        return False
    return trigger in conjunct.conjuncts and trigger.i < conjunct.i


def event_date(
    trigger: Token, sentence: Span, times: Sequence[TimeExpr], article: Article, future: bool
) -> tuple[str | None, str | None]:
    """(date, date_precision) for an event."""
    published = article.published
    s_start, s_end = sentence.start_char, sentence.end_char
    best: tuple[int, str, str] | None = None
    for t in times:
        # calendar_date reads every TIMEX3 form: "2020-W39" is a month, "2020-Q3" a year,
        # "2020-09-25TNI" a day; vague references and durations date nothing.
        found = calendar_date(t.value) if t.type in ("DATE", "TIME") else None
        if found is None:
            continue
        value, precision = found
        start, end = t.span
        if start < s_start or end > s_end:
            continue
        n = min(len(value), len(published or ""))
        if published and not future and value[:n] > published[:n]:
            continue  # a past event cannot postdate its report
        time_token = next((tok for tok in sentence if tok.idx <= start < tok.idx + len(tok.text) + 1), None)
        if time_token is None or _foreign(time_token, trigger):
            continue
        distance = min(abs(start - trigger.idx), abs(end - trigger.idx))
        if best is None or distance < best[0]:
            best = (distance, value, precision)
    if best is not None:
        return best[1], best[2]
    if published:
        return published, "article"
    return None, None


def event_location(
    trigger: Token, sentence: Span, places: Sequence[Place], actor_tokens: Sequence[Token] = ()
) -> str | None:
    """The place named nearest the trigger in its sentence. A place name that is the actor's own
    name ("The United States suspended …") says who acted, not where."""
    naming_actor = [(t.idx, t.idx + len(t.text)) for t in actor_tokens]
    best: tuple[int, str] | None = None
    for place in places:
        for start, end in place.mentions:
            if any(start < e and end > s for s, e in naming_actor):
                continue
            if start >= sentence.start_char and end <= sentence.end_char:
                distance = min(abs(start - trigger.idx), abs(end - trigger.idx))
                if best is None or distance < best[0]:
                    best = (distance, place.id)
    return best[1] if best else None


def event_contexts(
    own: Sequence[str], sentence: Span, lexicon: Lexicon, title: str | None = None
) -> tuple[str, ...]:
    """The sense's contexts, then those of the sentence's words, then of the headline's words
    (PLOVER contexts are often a matter of the whole story)."""
    out: list[str] = [c for c in own]
    words = lexicon.context_words
    lemmas = [t.lemma_.lower() for t in sentence]
    bigrams = [f"{a} {b}" for a, b in itertools.pairwise(lemmas)]
    headline = [w.strip(".,:;!?'\"()").lower() for w in (title or "").split()]
    for word in bigrams + lemmas + headline:
        context = words.get(word)
        if context and context not in out:
            out.append(context)
        if len(out) >= MAX_CONTEXTS:
            break
    return tuple(out)
