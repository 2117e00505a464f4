"""Per-Doc values that several stages need, computed once per Doc.

``Doc.text`` joins every token's text on each access, and the stages read it about eight times
per article; the joined string is kept in ``doc.user_data`` (a plain string, so a Doc still
serialises) under the key the quote stage already uses. ``Doc.ents`` builds a new Span for every
entity on each access, and some stages ask for it inside loops over tokens; the tuple is kept per
Doc in a weak map, valid because no stage changes a Doc's entities after the pipeline has run.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from spacy.tokens import Doc, Span

_TEXT_KEY = "dyads.text"
_ENTS: WeakKeyDictionary[Doc, tuple[Span, ...]] = WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc (the tokens of a Doc never change their text)."""
    cached = doc.user_data.get(_TEXT_KEY)
    if not isinstance(cached, str):
        cached = doc.text
        doc.user_data[_TEXT_KEY] = cached
    return cached


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per Doc."""
    ents = _ENTS.get(doc)
    if ents is None:
        ents = _ENTS[doc] = tuple(doc.ents)
    return ents


def sentence_start(doc: Doc, i: int) -> int:
    """The index of the first token of the sentence holding token ``i``. ``Token.sent`` builds
    every sentence of the Doc up to it on each access; this walks back from the token only."""
    while i > 0 and not doc[i].is_sent_start:
        i -= 1
    return i
