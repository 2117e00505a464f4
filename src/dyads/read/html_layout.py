"""Where the extracted text sits in the page: its text laid out in reading order, each stretch with its element.

The extractor returns text, not elements. The rules that look around the article's body
(a standfirst above it, more of the body in the blocks beside it) need to know which
element a paragraph came from; they find it by searching the page's text for the paragraph.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

_SPACES = re.compile(r"\s+")

# Elements whose text is never read (identifiers, not words)
_UNREAD = frozenset(
    {"script", "style", "noscript", "template", "head", "title", "svg", "button", "select", "option"}
)
# HTML tag names (identifiers, not words)
BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
    "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})  # fmt: skip


def norm(text: str | None) -> str:
    return _SPACES.sub(" ", text or "").strip()


@dataclass
class PageText:
    """The page's text in reading order, whitespace collapsed; ``starts[i]`` is where ``owners[i]``'s text begins."""

    text: str = ""
    starts: list[int] = field(default_factory=list)
    owners: list[Any] = field(default_factory=list)
    # Where each element's text begins: the offset of the first text at or after its start tag.
    first: dict[Any, int] = field(default_factory=dict)
    # Where each element's text ends.
    last: dict[Any, int] = field(default_factory=dict)

    def owner_at(self, offset: int) -> Any:
        return self.owners[bisect.bisect_right(self.starts, offset) - 1] if self.starts else None

    def text_of(self, element: Any) -> str:
        """The element's text as read (scripts and styles left out)."""
        return self.text[self.first.get(element, 0) : self.last.get(element, 0)].strip()

    def find(self, paragraph: str, start: int = 0) -> int:
        """Where the paragraph's opening words are in the page, or -1."""
        probe = norm(paragraph)[:80]
        return self.text.find(probe, start) if probe else -1


class _Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.page = PageText()

    def add(self, piece: str | None, owner: Any) -> None:
        if not piece:
            return
        text = _SPACES.sub(" ", piece)
        if self.length == 0 or self.parts[-1].endswith(" "):
            text = text.lstrip()
        if not text:
            return
        self.page.starts.append(self.length)
        self.page.owners.append(owner)
        self.parts.append(text)
        self.length += len(text)

    def boundary(self) -> None:
        if self.parts and not self.parts[-1].endswith(" "):
            self.parts.append(" ")
            self.length += 1


def page_text(tree: Any) -> PageText:
    """The text of the page's ``<body>`` (the whole tree without one) in reading order."""
    # Imported here: lxml comes with trafilatura, which only the HTML reader loads.
    from lxml import etree

    root = tree.find(".//body")
    root = tree if root is None else root
    builder = _Builder()
    skipping: Any = None
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else None
        if event == "start":
            if skipping is None and (tag is None or tag in _UNREAD):
                skipping = element
            if skipping is None:
                if tag in BLOCKS:
                    builder.boundary()
                builder.page.first[element] = builder.length
                builder.add(element.text, element)
            continue
        if skipping is element:
            skipping = None
        elif skipping is None:
            builder.page.last[element] = builder.length
            if tag in BLOCKS:
                builder.boundary()
        if skipping is None and element is not root:
            builder.add(element.tail, element.getparent())
    builder.page.text = "".join(builder.parts)
    return builder.page


def ancestors(element: Any) -> list[Any]:
    """The element's ancestors, nearest first."""
    out = []
    node = element.getparent()
    while node is not None:
        out.append(node)
        node = node.getparent()
    return out


def is_inside(element: Any, container: Any) -> bool:
    return element is container or container in ancestors(element)


def common_ancestor(first: Any, second: Any) -> Any:
    mine = {id(node) for node in [first, *ancestors(first)]}
    for node in [second, *ancestors(second)]:
        if id(node) in mine:
            return node
    return None


def class_tokens(element: Any) -> set[str]:
    """The words of an element's class and id ("article__intro", "storyLead" → article, intro, story, lead)."""
    value = f"{element.get('class') or ''} {element.get('id') or ''}"
    value = re.sub(r"([a-z])([A-Z])", r"\1 \2", value)
    return {token for token in re.split(r"[^A-Za-z]+", value.lower()) if token}
