"""A sentence never runs across a paragraph break.

The parser decides sentence boundaries from syntax alone, and a heading, a byline or a paragraph
without final punctuation ("Mali Opens Its Doors to Russia" followed by a blank line) is read as
the start of the next sentence: events, quotes and times then take their subject or their speaker
from the wrong paragraph. This component runs before the parser and marks the first word after a
blank line as a sentence start, which the parser keeps; everything else it leaves to the parser,
including a long paragraph with no closing punctuation, which a crawl broke mid-sentence.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

NAME = "dyads_paragraphs"


def is_paragraph_break(text: str) -> bool:
    """Whitespace holding a blank line: two line breaks, with nothing but spaces between them."""
    return text.replace(" ", "").replace("\t", "").replace("\r", "").count("\n") >= 2


# A paragraph this long that ends with no closing punctuation is a sentence a crawl broke in two
# ("… Russian Ministry of Foreign" / "Affairs (MFA) hoped …"), not a heading or a byline.
BROKEN_PARAGRAPH_WORDS = 12
CLOSING = frozenset('.!?:;"”’)…')


@Language.component(NAME)
def mark_paragraph_starts(doc: Doc) -> Doc:
    after_break = False
    opened = -1  # the index of the last paragraph's first word
    words = 0  # words of the paragraph so far
    last = ""  # its last word
    for token in doc:
        if token.is_space:
            after_break = after_break or is_paragraph_break(token.text)
            continue
        if after_break and token.i > 0:
            broken = words > BROKEN_PARAGRAPH_WORDS and last[-1:] not in CLOSING
            if not broken:
                token.is_sent_start = True
                opened = token.i
            words = 0
        elif token.i == opened + 1 and opened >= 0 and not token.is_punct:
            # Held to its first word, the parser sometimes cuts the paragraph's first word off as a
            # sentence of its own ("Russia | signed a deal …"); the second word continues it.
            token.is_sent_start = False
        words += not token.is_punct
        last = token.text
        after_break = is_paragraph_break(token.whitespace_)
    return doc
