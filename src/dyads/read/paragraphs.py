"""Paragraphs of clean text: splitting, tidying, and mending paragraphs a crawl broke apart."""

from __future__ import annotations

import re

from dyads.knowledge.registry import words

# A paragraph that ends on one of these finished its sentence (closing quotes and brackets may follow).
_TERMINAL = re.compile(r"[.!?…:;]['\"’”»)\]]*$|[\"”»]$")
_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")
_SPACES = re.compile(r"[ \t\u00a0]+")

# Words a sentence cannot end on: a paragraph ending with one was cut mid-sentence.
_CONTINUING_WORDS = frozenset(words("read_paragraphs")["continuing_words"])

# A heading-like line is short; only longer unfinished paragraphs are taken as cut mid-sentence.
_MIN_WORDS_FOR_BROKEN = 8


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs separated by blank lines; the lines of one paragraph joined by a space.

    A text without any blank line uses one line a paragraph (many exports do);
    ``join_broken`` then mends hard-wrapped sentences.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    blocks = _BLANK_LINES.split(text) if _BLANK_LINES.search(text) else text.split("\n")
    out = []
    for block in blocks:
        lines = [_SPACES.sub(" ", line).strip() for line in block.split("\n")]
        para = " ".join(line for line in lines if line)
        if para:
            out.append(para)
    return out


def _starts_paragraph_continuation(nxt: str) -> bool:
    first = nxt.lstrip("\"'“‘(«")[:1]
    return bool(first) and (first.isalnum())


def is_broken_pair(prev: str, nxt: str, long_lines: bool = True) -> bool:
    """True when ``prev`` stops mid-sentence and ``nxt`` carries the sentence on.

    Either the next paragraph starts in lower case, or the previous one ends on a
    comma or a word no sentence ends on ("… in Mali and"), or (``long_lines``) it is
    a long unfinished sentence ("… the Russian Ministry of Foreign" / "Affairs …"):
    a heading is short. Where paragraph breaks come from markup (HTML) a long
    unpunctuated line is more often a headline, so callers turn that last test off.
    """
    prev, nxt = prev.rstrip(), nxt.lstrip()
    if not prev or not nxt or _TERMINAL.search(prev):
        return False
    if not _starts_paragraph_continuation(nxt):
        return False
    if nxt[0].islower():
        return True
    last_word = re.sub(r"\W+$", "", prev.rsplit(None, 1)[-1]).lower()
    if prev.endswith(",") or last_word in _CONTINUING_WORDS:
        return True
    return long_lines and len(prev.split()) >= _MIN_WORDS_FOR_BROKEN and prev[-1].isalnum()


def join_broken(paragraphs: list[str], keep: set[int] | None = None, long_lines: bool = True) -> list[str]:
    """Join each paragraph that a crawl split mid-sentence with its continuation.

    ``keep`` lists indexes that are never joined (headings); ``long_lines`` as in ``is_broken_pair``.
    """
    keep = keep or set()
    out: list[str] = []
    last_index = -1
    for index, para in enumerate(paragraphs):
        if out and last_index not in keep and index not in keep and is_broken_pair(out[-1], para, long_lines):
            out[-1] = out[-1].rstrip() + " " + para.lstrip()
        else:
            out.append(para)
        last_index = index
    return out


def tidy(text: str) -> str:
    """Paragraphs separated by one blank line, broken ones mended."""
    return "\n\n".join(join_broken(split_paragraphs(text)))
