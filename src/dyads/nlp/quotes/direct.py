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
from collections.abc import Callable

from spacy.tokens import Doc, Token

from dyads.nlp.quotes.found import Attribution, Char, text_of
from dyads.nlp.quotes.lexicon import SpeechLexicon
from dyads.nlp.quotes.marks import QuotedSpan
from dyads.nlp.quotes.speakers import subject_of

_INTRODUCERS = ":,—–-("
_MIN_FREE_STANDING_WORDS = 8
_AFTER_WINDOW = 30  # tokens after a quotation in which its cue may stand
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


def _looks_like_title(inner: str) -> bool:
    """“Orange Is the New Black”: capitalised words and no sentence punctuation."""
    words = _WORD.findall(inner)
    if len(words) > 8 or re.search(r"[.!?,]\s*$", inner):
        return False
    capitalised = sum(1 for w in words if w[0].isupper() or w[0].isdigit())
    return len(words) >= 2 and capitalised / len(words) >= 0.6


def _is_utterance(doc: Doc, q: QuotedSpan, lexicon: SpeechLexicon) -> bool:
    text = text_of(doc)
    inner = text[q.inner[0] : q.inner[1]].strip()
    words = len(_WORD.findall(inner))
    if words == 0 or _looks_like_title(inner):
        return False
    prev, newline = _prev_char(text, q.start)
    lower_start = inner[:1].islower() or (inner[:1] in "‘'" and inner[1:2].islower())
    if newline:
        return True
    if prev in _INTRODUCERS or _TERMINAL.match(prev) is not None:
        # '…, calling the plan “a hammock for the idle.”' continues a sentence; 'He said,
        # “we won.”' starts one: a lower-case start counts only after a cue word.
        if lower_start and not _after_cue_word(doc, q.start, lexicon):
            return False
        return words >= 2 or inner[-1:] in ",.!?"
    # Inside a sentence: 'said the plans “must be careful …”' is part of a reported clause.
    if lower_start:
        return False
    return words >= _MIN_FREE_STANDING_WORDS and inner[-1:] in ",.!?"


def _after_cue_word(doc: Doc, start: int, lexicon: SpeechLexicon) -> bool:
    i = _first_token_at(doc, start) - 1
    while i >= 0 and (doc[i].is_punct or doc[i].is_space):
        i -= 1
    if i < 0:
        return False
    entry = lexicon.cue(doc[i])
    return entry is not None and entry.quotes


def _span_of(token: Token) -> Char:
    return token.idx, token.idx + len(token)


def _first_token_at(doc: Doc, pos: int) -> int:
    span = doc.char_span(pos, min(pos + 1, len(text_of(doc))), alignment_mode="expand")
    return span.start if span is not None else len(doc)


def _cue_after(doc: Doc, q: QuotedSpan, lexicon: SpeechLexicon) -> Token | None:
    """'“…,” the minister said' / '“…,” said Smith' / '“…,” according to the ministry'."""
    text = text_of(doc)
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
        entry = lexicon.cue(token)
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
    """'He said: “…”', 'He said the offers were “…”' and a paragraph ending in a colon or
    comma before the quotation."""
    prev, newline = _prev_char(text_of(doc), q.start)
    introduced = prev in ":,—–"
    if not introduced and (newline or not (prev.isalnum() or prev in "%)")):
        return None  # a quotation opening a sentence is introduced by nothing before it
    end = _first_token_at(doc, q.start)
    if end == 0:
        return None
    last = doc[end - 1]
    while last.i > 0 and (last.is_space or last.is_punct):
        last = doc[last.i - 1]
    sentence = last.sent
    start = sentence.start
    for t in doc[sentence.start : last.i + 1]:
        if t.text in ("”", '"', "''", "»"):
            start = t.i + 1  # words of an earlier quotation in the sentence are not its cue
    verbs = [t for t in doc[start : last.i + 1] if t.pos_ == "VERB"]
    if introduced and verbs and verbs[-1].i >= last.i - 1:
        # '…, Spicer said, adding, “…”': the cue right before the quotation introduces it.
        entry = lexicon.cue(verbs[-1])
        if entry is not None and entry.quotes and subject_of(verbs[-1], lexicon.documents) is not None:
            return verbs[-1]
    if introduced:
        # "After Brown criticized him, Hillary shot back, “…”": the clause right before the
        # quotation introduces it, unless that clause is itself reported by a cue verb.
        with_subject = [t for t in verbs if any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)]
        if with_subject:
            return _reporting_ancestor(with_subject[-1], lexicon) or with_subject[-1]
    for token in reversed(verbs):
        entry = lexicon.cue(token)
        if entry is not None and entry.quotes:
            return token
    return None


def _reporting_ancestor(verb: Token, lexicon: SpeechLexicon) -> Token | None:
    entry = lexicon.cue(verb)
    if entry is not None and entry.quotes:
        return verb
    token = verb
    while token.dep_ in ("ccomp", "conj") and token.head.i != token.i:
        token = token.head
        entry = lexicon.cue(token)
        if entry is not None and entry.quotes:
            return token
    return None


def _according_speaker(token: Token) -> Token | None:
    to = token.doc[token.i + 1]
    objects = [c for c in to.children if c.dep_ == "pobj"]
    return objects[0] if objects else None


def _attribute(doc: Doc, q: QuotedSpan, cue: Token, rule: str, lexicon: SpeechLexicon) -> Attribution:
    if cue.lower_ == "according":
        subject = _according_speaker(cue)
        cue_span = (cue.idx, doc[cue.i + 1].idx + len(doc[cue.i + 1]))
    else:
        subject = subject_of(cue, lexicon.documents, (q.start, q.end))
        cue_span = _span_of(cue)
    return Attribution((q.start, q.end), True, cue_span, cue, subject, rule=rule)


def _fragment(doc: Doc, q: QuotedSpan, lexicon: SpeechLexicon) -> Attribution | None:
    """Quoted words inside a reported clause ('said they “deserve better than this”'):
    kept as reported speech in case the parse finds no clause around them."""
    inner = text_of(doc)[q.inner[0] : q.inner[1]]
    if len(_WORD.findall(inner)) < 4 or _looks_like_title(inner.strip()):
        return None
    cue = _cue_before(doc, q, lexicon)
    if cue is None:
        return None
    found = _attribute(doc, q, cue, "quoted words in a reported clause", lexicon)
    found.direct = False
    found.fragment = True
    return found


# Where the cue of a quotation is looked for, in order; the name is the quotation's ``why``.
CueRule = Callable[[Doc, QuotedSpan, SpeechLexicon], Token | None]
CUE_RULES: tuple[tuple[str, CueRule], ...] = (
    ("quote, cue after", _cue_after),
    ("quote, cue before", _cue_before),
)


def _cued(doc: Doc, q: QuotedSpan, lexicon: SpeechLexicon) -> Attribution | None:
    """The quotation attributed through the first cue ``CUE_RULES`` find, or None."""
    for name, rule in CUE_RULES:
        cue = rule(doc, q, lexicon)
        if cue is not None:
            return _attribute(doc, q, cue, name, lexicon)
    return None


def _only_attribution_between(text: str, previous: Attribution, start: int) -> bool:
    """True when nothing but the previous quotation's own attribution separates it from
    ``start``: '“A,” he said. “B.”' and '“A.”⏎⏎“B.”' read as one utterance."""
    gap = text[previous.content[1] : start]
    if not gap.strip():
        return True
    if previous.cue is None or not previous.content[1] <= previous.cue[0] < start:
        return False
    return len(gap) < 200 and "\n" not in gap.strip()


def find_direct_quotes(doc: Doc, spans: list[QuotedSpan], lexicon: SpeechLexicon) -> list[Attribution]:
    text = text_of(doc)
    found: list[Attribution] = []
    for q in spans:
        previous = next((a for a in reversed(found) if not a.fragment), None)
        if (
            previous is not None
            and previous.cue is not None
            and text[q.inner[0] : q.inner[1]].lstrip()[:1].islower()
            and text[: q.start].rstrip().endswith(",")
            and _only_attribution_between(text, previous, q.start)
        ):
            # '“Trump says he is with the workers,” Trumka said, “but it is hot air.”'
            previous.content = (previous.content[0], q.end)
            continue
        if not _is_utterance(doc, q, lexicon):
            fragment = _fragment(doc, q, lexicon)
            if fragment is not None:
                found.append(fragment)
            continue
        cued = _cued(doc, q, lexicon)
        if cued is not None:
            found.append(cued)
            continue
        if previous is not None and _only_attribution_between(text, previous, q.start):
            previous.content = (previous.content[0], q.end)
            continue
        found.append(Attribution((q.start, q.end), True, rule="quote, no cue"))
    return found
