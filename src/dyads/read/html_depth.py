"""Markup nested deeper than the HTML parser goes, made shallow enough to read.

libxml2 (under lxml, and so under trafilatura) stops building the tree at 256
levels of nesting and silently drops everything below, so a page whose text
sits inside a few hundred ``<div>``s read as empty. Such pages are rewritten
before parsing: a streaming pass over the markup with the standard library's
tokenizer, which keeps no tree and so has no depth limit, leaves out the tags
that would open a level below ``MAX_DEPTH`` and keeps all their text. A block
tag left out becomes a paragraph break, so the text below the limit does not
run together.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser
from typing import Any

# Far below libxml2's 256 and deep enough for any real page's layout.
MAX_DEPTH = 128

# The depth at which libxml2 gives up; a parsed tree this deep has lost what was below.
PARSER_DEPTH_LIMIT = 255

# HTML tag names (identifiers, not words)
_VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
})  # fmt: skip
# HTML tag names (identifiers, not words)
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "li", "main", "nav", "ol", "p", "pre",
    "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})  # fmt: skip
_RAW_TEXT = frozenset({"script", "style"})


def tree_depth(tree: Any) -> int:
    """The number of levels of the deepest element of an lxml tree (the root is level 1)."""
    # Imported here: lxml comes with trafilatura, which only the HTML reader loads.
    from lxml import etree

    depth = deepest = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def lost_depth(tree: Any) -> bool:
    """True when the parser reached its nesting limit and so dropped part of the page."""
    return tree_depth(tree) >= PARSER_DEPTH_LIMIT


def _attributes(attrs: list[tuple[str, str | None]]) -> str:
    return "".join(f' {name}="{html.escape(value, quote=True)}"' if value is not None else f" {name}"
                   for name, value in attrs)  # fmt: skip


class _Flattener(HTMLParser):
    def __init__(self, max_depth: int) -> None:
        super().__init__(convert_charrefs=True)
        self.max_depth = max_depth
        self.out: list[str] = []
        # One entry per open element: whether its tags were written.
        self.open: list[tuple[str, bool]] = []
        self.depth = 0  # how many of them were written
        # Inside a <script> or <style>: whether its tags were written (its text goes with them).
        self.raw_written: bool | None = None

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            self.out.append(f"<{tag}{_attributes(attrs)}>")
            return
        written = self.depth < self.max_depth
        if written:
            self.out.append(f"<{tag}{_attributes(attrs)}>")
            self.depth += 1
        elif tag in _BLOCKS:
            self._paragraph_break()
        self.open.append((tag, written))
        self.raw_written = written if tag in _RAW_TEXT else None

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID or self.depth < self.max_depth:
            self.out.append(f"<{tag}{_attributes(attrs)}>")

    def handle_endtag(self, tag: str) -> None:
        self.raw_written = None
        # Close up to the matching open element; an end tag nothing opened is left out.
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                for name, written in reversed(self.open[index:]):
                    if written:
                        self.out.append(f"</{name}>")
                        self.depth -= 1
                    elif name in _BLOCKS:
                        self._paragraph_break()
                del self.open[index:]
                return

    def _paragraph_break(self) -> None:
        # One break stands for any run of them: a thousand empty paragraphs would only slow the reader.
        if not self.out or self.out[-1] != "<p>":
            self.out.append("<p>")

    def handle_data(self, data: str) -> None:
        if self.raw_written is None:
            self.out.append(html.escape(data, quote=False))
        elif self.raw_written:
            self.out.append(data)


def flatten_deep_markup(markup: str, max_depth: int = MAX_DEPTH) -> str:
    """The markup with no element nested deeper than ``max_depth``; every piece of text kept."""
    flattener = _Flattener(max_depth)
    flattener.feed(markup)
    flattener.close()
    return "".join(flattener.out)
