"""Labelled statements: "Gingrich: Trump Must Decide …", "TAPPER: Do you think …".

Headlines and transcripts name the speaker before a colon at the start of a paragraph and
give the words after it. The label must be short and read like a name (capitalised, no
verb), so that ordinary sentences with a colon ("The reason is simple: …") are left alone.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from dyads.knowledge.registry import words
from dyads.nlp.quotes.found import Attribution, text_of

# A paragraph (or line) that opens with up to six words and a colon, then the statement.
_LABELLED = re.compile(
    r"(?m)^[ \t]*[\"“']?(?P<label>[A-Z][^\n:.!?\"“”]{0,60}?)[ \t]*:[ \t]+(?P<said>\S[^\n]*)$"
)
_MAX_LABEL_WORDS = 6
# The speaker in "Obama To Asians Worried About …:" or "Gillibrand on Hillary's speeches:".
_ABOUT = re.compile(r"\s+(?:on|to|To|On|About|about|in|In|at|At|for|For)\s+")


def find_labelled_statements(doc: Doc) -> list[Attribution]:
    text = text_of(doc)
    found: list[Attribution] = []
    for m in _LABELLED.finditer(text):
        label = m.group("label")
        if len(label.split()) > _MAX_LABEL_WORDS or not _reads_like_a_name(
            doc, m.start("label"), m.end("label")
        ):
            continue
        cut = _ABOUT.search(label)
        speaker_end = m.start("label") + (cut.start() if cut else len(label.rstrip()))
        said_end = m.end("said")
        while said_end > m.start("said") and text[said_end - 1] in " .\t":
            said_end -= 1
        colon = text.index(":", m.end("label"))
        found.append(
            Attribution(
                (m.start("said"), said_end),
                False,
                (colon, colon + 1),
                named=(m.start("label"), speaker_end),
                rule="labelled statement",
            )
        )
    return found


# Labels of the page, not of a speaker: "Editor's note:", "Update:".
_PAGE_LABELS = frozenset(words("quotes_exclusions")["page_labels"])


def _reads_like_a_name(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    words = [t for t in span if t.is_alpha]
    if len(span.text.strip()) <= 2 or not words:
        return False  # interview turns ("Q:", "A:") are not attributed as a whole
    if words[-1].lower_ in _PAGE_LABELS or (span[0].tag_ == "VB" and span[0].i == span.start):
        return False  # "Editor's note:", "Follow the author on Twitter:"
    if any(t.pos_ in ("VERB", "AUX") and not t.text[:1].isupper() for t in span):
        return False
    return any(t.pos_ == "PROPN" or t.ent_type_ or t.text.isupper() for t in span)
