"""Quotation marks → quoted stretches of text, without any parsing.

Works on the raw text so that quotes spanning paragraphs are found whole. Handles straight,
curly and low double marks, guillemets and the doubled apostrophes some wires use (''like
this''). Single marks are left alone: they are mostly apostrophes or quotes nested inside
double ones.

Unbalanced marks are contained, not propagated: a quote left open is closed at the end of
its paragraph unless the next paragraph continues it, so one stray mark cannot swallow the
rest of an article (the usual failure of mark-pairing by parity).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

# Doubled apostrophes first so that '' is read as one mark, not two apostrophes.
_MARK = re.compile(r"''|``|[\"“”„«»]")
_OPENERS = {"“", "„", "«", "``"}
_CLOSERS = {"”", "»"}
# Plain-text articles often end paragraphs with a single newline; a Markdown line wrap inside
# a paragraph then counts as a break too, which only matters inside an unclosed quote.
_PARAGRAPH_BREAK = re.compile(r"[ \t]*\n\s*")


@dataclass(frozen=True)
class QuotedSpan:
    """A stretch between quotation marks; ``start``/``end`` include the marks when present."""

    start: int
    end: int
    closed: bool = True  # False: no closing mark was found, the span ends at a paragraph end

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - (1 if self.closed else 0)


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    role: str  # "open" | "close" | "either" | "none"


def _role(text: str, start: int, end: int, mark: str) -> str:
    if mark in _OPENERS:
        return "open"
    if mark in _CLOSERS:
        return "close"
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    opens = before.isspace() or before in "([{—–-/:;,"
    closes = after.isspace() or after in ".,;:!?)]}—–-/"
    if before.isspace() and after.isspace():
        return "none"  # a mark standing alone between spaces quotes nothing
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def _marks(text: str) -> list[_Mark]:
    out = []
    for m in _MARK.finditer(text):
        # An apostrophe pair inside a word ("rock''n''roll") is no quotation mark.
        if m.group() == "''" and m.start() > 0 and text[m.start() - 1].isalnum():
            after = text[m.end()] if m.end() < len(text) else " "
            if after.isalnum():
                continue
        role = _role(text, m.start(), m.end(), m.group())
        if role != "none":
            out.append(_Mark(m.start(), m.end(), role))
    return out


def _paragraph_ends(text: str) -> list[int]:
    """Offsets where paragraphs end (before the blank line), plus the end of the text."""
    ends = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)]
    return [*ends, len(text)]


def _next_paragraph_start(text: str, paragraph_end: int) -> int:
    m = _PARAGRAPH_BREAK.match(text, paragraph_end)
    return m.end() if m else paragraph_end


def _trim_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Every top-level quoted stretch of ``text``, in order, non-overlapping."""
    marks = _marks(text)
    para_ends = _paragraph_ends(text)
    spans: list[QuotedSpan] = []
    open_at: int | None = None
    open_para = 0  # index into para_ends of the paragraph holding the latest opening/continuation
    i = 0

    def paragraph_of(pos: int) -> int:
        return bisect.bisect_left(para_ends, pos)

    while i < len(marks):
        mark = marks[i]
        para = paragraph_of(mark.start)
        if open_at is not None and para != open_para:
            # The quote crossed a paragraph end without closing: it goes on only if the new
            # paragraph reopens it (English convention) or, right after, closes it.
            para_start = _next_paragraph_start(text, para_ends[para - 1])
            adjacent = para == open_para + 1
            reopens = adjacent and mark.start == para_start and mark.role != "close"
            closes_next = adjacent and mark.role != "open"
            if reopens:
                open_para = para
                i += 1
                continue
            if not closes_next:
                spans.append(QuotedSpan(open_at, _trim_end(text, para_ends[open_para]), False))
                open_at = None
                continue  # read this mark again, outside any quote
        if open_at is None:
            if mark.role in ("open", "either"):
                open_at, open_para = mark.start, para
        elif mark.role in ("close", "either"):
            spans.append(QuotedSpan(open_at, mark.end))
            open_at = None
        else:
            # A second opening inside an open quote on the same paragraph: the first was stray.
            open_at = mark.start
        i += 1
    if open_at is not None:
        spans.append(QuotedSpan(open_at, _trim_end(text, para_ends[open_para]), closed=False))
    return [s for s in spans if s.end - s.start > 2]
