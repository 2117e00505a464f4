"""Per-Doc values that several stages need, computed once per Doc.

``Doc.text`` joins every token's text on each access, and the stages read it about eight times
per article; the joined string is kept in ``doc.user_data`` (a plain string, so a Doc still
serialises) under the key the quote stage already uses.
"""

from __future__ import annotations

from spacy.tokens import Doc

_TEXT_KEY = "dyads.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc (the tokens of a Doc never change their text)."""
    cached = doc.user_data.get(_TEXT_KEY)
    if not isinstance(cached, str):
        cached = doc.text
        doc.user_data[_TEXT_KEY] = cached
    return cached
