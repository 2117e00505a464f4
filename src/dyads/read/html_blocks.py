"""The rest of a long article the extractor cut short: the blocks beside the one it kept.

Magazine pages and long features set their text in a run of like blocks (one
``<div class="text-module">`` for each few paragraphs, with pictures and quotes between);
the extractor keeps the block it scores best and may drop the others, so a long article
comes out a third long. The blocks that hold the kept text are found in the page; their
siblings of the same kind (same tag, same classes) that hold paragraphs the extractor left
out are the rest of the article, and their paragraphs go back in page order.
"""

from __future__ import annotations

import re
from typing import Any

from dyads.knowledge.registry import words
from dyads.read.html_layout import BLOCKS, PageText, ancestors, class_tokens, norm

_LAYOUT_CLASSES = frozenset(words("read_layout")["layout_classes"])
_FURNITURE_CLASSES = frozenset(words("read_layout")["furniture_classes"]) | frozenset(
    words("read_layout")["listing_classes"]
)
# A paragraph long enough to be found in the page without being mistaken for a label.
_MIN_LOCATED_WORDS = 8
# The share of the kept text the article's container must hold.
_MAJORITY = 0.8
# How far above the kept text the run of blocks may start.
_MAX_LEVELS = 4
# A block worth adding holds prose: this many words in paragraphs of its own.
_MIN_BLOCK_WORDS = 40
_MIN_PROSE_WORDS = 10
_MIN_PROSE_SHARE = 0.6
# A paragraph that is all link is a link to another page; a block of links lists other pages.
_MAX_LEAF_LINKS = 0.9
_MAX_LINK_SHARE = 0.2
# Its opening words in the text already: the extractor kept that paragraph.
_SEEN_PROBE = 60


def _block_of(element: Any) -> Any:
    node = element
    while node is not None and node.tag not in BLOCKS:
        node = node.getparent()
    return node


def _kind(element: Any) -> tuple[str, str]:
    """Tag and classes, numbers left out ("post-613" and "post-614" are of a kind)."""
    return element.tag, " ".join(sorted(re.sub(r"\d+", "", c) for c in (element.get("class") or "").split()))


def _located(paragraphs: list[str], page: PageText) -> list[tuple[int, int]]:
    """(index, offset in the page) of each kept paragraph long enough to be found there."""
    out = []
    for index, paragraph in enumerate(paragraphs):
        if len(paragraph.split()) >= _MIN_LOCATED_WORDS:
            offset = page.find(paragraph)
            if offset >= 0:
                out.append((index, offset))
    return out


def _container(blocks: list[tuple[Any, int]]) -> Any:
    """The deepest element that holds most of the kept text (a stray caption or box elsewhere aside)."""
    weight: dict[Any, int] = {}
    depth: dict[Any, int] = {}
    for block, words_count in blocks:
        if block is None:
            continue
        chain = [block, *ancestors(block)]
        for level, node in enumerate(reversed(chain)):
            weight[node] = weight.get(node, 0) + words_count
            depth[node] = level
    total = sum(words_count for block, words_count in blocks if block is not None)
    holding = [node for node, held in weight.items() if held >= _MAJORITY * total]
    return max(holding, key=lambda node: depth[node]) if holding else None


def _leaf_blocks(element: Any) -> list[Any]:
    """The block elements inside ``element`` that hold no other block: its paragraphs, headings, items."""
    blocks = [
        node
        for node in element.iter()
        if isinstance(node.tag, str) and node.tag in BLOCKS and node.tag != "br"
    ]
    holders: set[Any] = set()
    for node in blocks:
        parent = node.getparent()
        while parent is not None and parent not in holders and parent is not element.getparent():
            holders.add(parent)
            parent = parent.getparent()
    return [node for node in blocks if node not in holders]


def _has_a_kind(element: Any) -> bool:
    # An element without classes, or classed only by the grid, is of no kind: any <div> would be its sibling.
    return bool({t for t in class_tokens(element) if len(t) > 1} - _LAYOUT_CLASSES)


def _children_of_a_kind(container: Any, blocks: list[Any]) -> list[Any]:
    """The container's children of the kinds that hold the kept text, which hold none of it."""
    holding: list[Any] = []
    for block in blocks:
        chain = [block, *ancestors(block)] if block is not None else []
        holding.extend(node for node in chain if node.getparent() is container)
    kinds = {_kind(child) for child in holding if _has_a_kind(child)}
    return [
        child
        for child in container
        if isinstance(child.tag, str) and child not in holding and _kind(child) in kinds
    ]


def _siblings_of_a_kind(container: Any) -> list[Any]:
    """The siblings of ``container``, or of one of its ancestors, of the same kind as it (nearest level first)."""
    node = container
    for _ in range(_MAX_LEVELS):
        parent = node.getparent() if node is not None else None
        if parent is None or node.tag in ("body", "html"):
            return []
        if _has_a_kind(node):
            kind = _kind(node)
            same = [s for s in parent if s is not node and isinstance(s.tag, str) and _kind(s) == kind]
            if same:
                return same
        node = parent
    return []


def _is_furniture(leaf: Any, block: Any) -> bool:
    """The leaf sits in a box of the page's own inside the block ("most read", share buttons)."""
    for node in [leaf, *ancestors(leaf)]:
        if node is block:
            return False
        if class_tokens(node) & _FURNITURE_CLASSES:
            return True
    return False


def _link_share(element: Any, text: str) -> float:
    return sum(len(norm(link.text_content())) for link in element.iter("a")) / max(len(text), 1)


def _reads_as_prose(found: list[tuple[int, str]], linked: float) -> bool:
    """Most of the block is paragraphs of sentences, few of its words are links, and there are enough of them."""
    total = sum(len(text) for _, text in found)
    prose = [text for _, text in found if len(text.split()) >= _MIN_PROSE_WORDS]
    return (
        sum(len(text) for text in prose) >= _MIN_PROSE_SHARE * total
        and linked <= _MAX_LINK_SHARE * total
        and sum(len(text.split()) for text in prose) >= _MIN_BLOCK_WORDS
    )


def _new_paragraphs(block: Any, page: PageText, kept: str) -> list[tuple[int, str]]:
    """(offset, text) of the block's paragraphs, if it is more of the article and none of it was kept."""
    if any(class_tokens(node) & _FURNITURE_CLASSES for node in [block, *ancestors(block)[:2]]):
        return []
    found = []
    linked = 0.0
    for leaf in _leaf_blocks(block):
        text = page.text_of(leaf)
        if not text or leaf not in page.first or _is_furniture(leaf, block):
            continue
        share = _link_share(leaf, text)
        if share > _MAX_LEAF_LINKS:
            continue
        if text[:_SEEN_PROBE] in kept:
            # Part of this block is in the text already: the extractor chose what to keep of it.
            return []
        found.append((page.first[leaf], text))
        linked += share * len(text)
    return found if found and _reads_as_prose(found, linked) else []


def with_sibling_blocks(paragraphs: list[str], page: PageText) -> list[str]:
    """The paragraphs with those of the article's other blocks, in page order."""
    located = _located(paragraphs, page)
    if not located:
        return paragraphs
    blocks = [_block_of(page.owner_at(offset)) for _, offset in located]
    container = _container(
        [(block, len(paragraphs[i].split())) for block, (i, _) in zip(blocks, located, strict=True)]
    )
    if container is None:
        return paragraphs
    kept = norm(" ".join(paragraphs))
    others = _children_of_a_kind(container, blocks) + _siblings_of_a_kind(container)
    added = [item for block in others for item in _new_paragraphs(block, page, kept)]
    if not added:
        return paragraphs
    return _in_page_order(paragraphs, dict(located), sorted(added))


def _in_page_order(paragraphs: list[str], offsets: dict[int, int], added: list[tuple[int, str]]) -> list[str]:
    """The kept paragraphs in their order, each added one before the first kept one found below it."""
    out: list[str] = []
    pending = list(added)
    for index, paragraph in enumerate(paragraphs):
        offset = offsets.get(index)
        while offset is not None and pending and pending[0][0] < offset:
            out.append(pending.pop(0)[1])
        out.append(paragraph)
    out.extend(text for _, text in pending)
    return out
