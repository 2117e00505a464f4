"""Direct quotations: quoted stretches that are someone's words, with their cue and speaker.

A quoted stretch counts as an utterance when it stands where speech stands: at the start of
a sentence or paragraph, after a colon, comma or dash, or when it is long enough to be a
sentence of its own. Short quoted words inside a sentence ("called the vote a “farce”") are
left to the reported-speech finder, which takes the whole clause.

The cue is looked for after the quotation ("…,” the minister said), then before it (He said:
“…”; a paragraph ending with a colon or comma introduces the next one). A quotation with
no cue of its own that follows another one closely continues it.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from dyads.nlp.quote_found import Attribution, Char
from dyads.nlp.quote_lexicon import SpeechLexicon
from dyads.nlp.quote_marks import QuotedSpan

_INTRODUCERS = ":,—–-("
_MIN_FREE_STANDING_WORDS = 8
_AFTER_WINDOW = 14  # tokens after a quotation in which its cue may stand
_TERMINAL = re.compile(r"[.!?]")
_WORD = re.compile(r"\w+")


def _prev_char(text: str, pos: int) -> tuple[str, bool]:
    """The nearest non-space character before ``pos`` and whether a newline lies between."""
    i = pos - 1
    newline = False
    while i >= 0 and text[i].isspace():
        newline = newline or text[i] == "\n"
        i -= 1
    return (text[i] if i >= 0 else "\n"), newline or i < 0


def _is_utterance(text: str, q: QuotedSpan) -> bool:
    inner = text[q.inner[0] : q.inner[1]]
    words = len(_WORD.findall(inner))
    if words == 0:
        return False
    prev, newline = _prev_char(text, q.start)
    starts_freely = newline or prev in _INTRODUCERS or _TERMINAL.match(prev) is not None
    if starts_freely:
        return words >= 2 or inner.rstrip()[-1:] in ",.!?"
    return words >= _MIN_FREE_STANDING_WORDS and inner.rstrip()[-1:] in ",.!?"


def _span_of(token: Token) -> Char:
    return token.idx, token.idx + len(token)


def _first_token_at(doc: Doc, pos: int) -> int:
    span = doc.char_span(pos, min(pos + 1, len(doc.text)), alignment_mode="expand")
    return span.start if span is not None else len(doc)


def _cue_after(doc: Doc, q: QuotedSpan, lexicon: SpeechLexicon) -> Token | None:
    """'“…,” the minister said' / '“…,” said Smith' / '“…,” according to the ministry'."""
    text = doc.text
    ends_open = text[q.inner[0] : q.inner[1]].rstrip()[-1:] in ",!?—-" or text[q.end : q.end + 1] == ","
    start = _first_token_at(doc, q.end)
    if start >= len(doc):
        return None
    if text[q.inner[0] : q.inner[1]].rstrip()[-1:] == "." and not doc[start].is_lower:
        return None  # '“… .” He added …' starts a new sentence with its own attribution
    fallback = None
    for token in doc[start : start + _AFTER_WINDOW]:
        if token.idx >= q.end and ("\n" in token.text or token.text in ('"', "“", "''", "«")):
            break
        if token.text in (".", "!", "?", ";") and token.idx >= q.end:
            break
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            return token
        if token.pos_ not in ("VERB", "AUX"):
            continue
        entry = lexicon.verb(token.lemma_)
        if entry is not None and entry.quotes:
            return token
        if (
            fallback is None
            and token.pos_ == "VERB"
            and ends_open
            and any(c.dep_ == "nsubj" for c in token.children)
        ):
            fallback = token
    return fallback


def _cue_before(doc: Doc, q: QuotedSpan, lexicon: SpeechLexicon) -> Token | None:
    """'He said: “…”' and a paragraph ending in a colon or comma before the quotation."""
    prev, _ = _prev_char(doc.text, q.start)
    if prev not in ":,—–":
        return None
    end = _first_token_at(doc, q.start)
    if end == 0:
        return None
    last = doc[end - 1]
    while last.i > 0 and (last.is_space or last.is_punct):
        last = doc[last.i - 1]
    sentence = last.sent
    verbs = [t for t in doc[sentence.start : last.i + 1] if t.pos_ == "VERB"]
    for token in reversed(verbs):
        entry = lexicon.verb(token.lemma_)
        if entry is not None and entry.quotes:
            return token
    # "X issued a statement to the nation, “…”": any main verb with a subject introduces it.
    for token in reversed(verbs):
        if token.dep_ in ("ROOT", "conj") and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
            return token
    return None


def _according_speaker(token: Token) -> Token | None:
    to = token.doc[token.i + 1]
    objects = [c for c in to.children if c.dep_ == "pobj"]
    return objects[0] if objects else None


def _attribute(doc: Doc, q: QuotedSpan, cue: Token, rule: str) -> Attribution:
    if cue.lower_ == "according":
        subject = _according_speaker(cue)
        cue_span = (cue.idx, doc[cue.i + 1].idx + len(doc[cue.i + 1]))
    else:
        from dyads.nlp.quote_speakers import subject_of

        subject = subject_of(cue)
        cue_span = _span_of(cue)
    return Attribution((q.start, q.end), True, cue_span, cue, subject, rule=rule)


def _only_attribution_between(text: str, previous: Attribution, start: int) -> bool:
    """True when nothing but the previous quotation's own attribution separates it from
    ``start``: '“A,” he said. “B.”' and '“A.”⏎⏎“B.”' read as one utterance."""
    gap = text[previous.content[1] : start]
    if not gap.strip():
        return True
    if previous.cue is None or not previous.content[1] <= previous.cue[0] < start:
        return False
    return len(_TERMINAL.findall(gap)) <= 1 and len(gap) < 200 and "\n" not in gap.strip()


def find_direct_quotes(doc: Doc, spans: list[QuotedSpan], lexicon: SpeechLexicon) -> list[Attribution]:
    text = doc.text
    found: list[Attribution] = []
    for q in spans:
        if not _is_utterance(text, q):
            continue
        cue = _cue_after(doc, q, lexicon)
        rule = "quote, cue after"
        if cue is None:
            cue = _cue_before(doc, q, lexicon)
            rule = "quote, cue before"
        if cue is not None:
            found.append(_attribute(doc, q, cue, rule))
            continue
        previous = found[-1] if found else None
        if previous is not None and _only_attribution_between(text, previous, q.start):
            previous.content = (previous.content[0], q.end)
            continue
        found.append(Attribution((q.start, q.end), True, rule="quote, no cue"))
    return found
