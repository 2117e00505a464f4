"""Markdown syntax: a page's blocks (paragraphs, headings, rules, list items) as plain text.

Headings, list items and horizontal rules are blocks of their own (the reader tells the article
from the page's furniture by them); code listings, link reference definitions and table rules are
dropped; inline syntax — links, images, emphasis, code, escapes, HTML tags — is reduced to its text.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass


@dataclass
class Block:
    kind: str  # "para" | "heading" | "rule" | "item"
    text: str
    level: int = 0
    link_only: bool = False


_ATX_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+(?=\S)")
_QUOTE_MARK = re.compile(r"^\s*(?:>\s?)+")
_REFERENCE_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")


def markdown_blocks(markdown: str) -> list[Block]:
    """Blocks in page order; a list item or heading is a block of its own."""
    blocks: list[Block] = []
    lines: list[str] = []
    in_fence = False

    def flush(kind: str = "para") -> None:
        if lines:
            raw = "\n".join(lines)
            blocks.append(Block(kind, raw, link_only=_is_link_only(raw)))
            lines.clear()

    for line in markdown.split("\n"):
        if _FENCE.match(line):
            # Code listings are not article prose.
            in_fence = not in_fence
            flush()
            continue
        if in_fence or _REFERENCE_DEF.match(line) or _TABLE_RULE.match(line):
            continue
        heading = _ATX_HEADING.match(line)
        if heading:
            flush()
            blocks.append(Block("heading", heading.group(2), level=len(heading.group(1))))
            continue
        if _SETEXT.match(line) and len(lines) == 1 and not _RULE.match(lines[0]):
            level = 1 if line.strip().startswith("=") else 2
            blocks.append(Block("heading", lines.pop(), level=level))
            continue
        if _RULE.match(line):
            flush()
            blocks.append(Block("rule", ""))
            continue
        line = _QUOTE_MARK.sub("", line)
        if not line.strip():
            flush()
            continue
        if _LIST_ITEM.match(line):
            flush()
            lines.append(_LIST_ITEM.sub("", line))
            flush("item")
            continue
        if line.lstrip().startswith("|"):
            line = " ".join(cell.strip() for cell in line.strip().strip("|").split("|"))
        lines.append(line)
    flush()
    for block in blocks:
        block.text = clean_inline(block.text)
    return [b for b in blocks if b.kind == "rule" or b.text]


_IMAGE = re.compile(r"!\[[^\]]*\]\((?:[^()\s]|\([^)]*\))*(?:\s+\"[^\"]*\")?\)")
_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()\s]|\([^)]*\))*(?:\s+\"[^\"]*\")?\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<(?:mailto:)?([^<>\s]+@[^<>\s]+|https?://[^<>\s]+)>")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_STRONG_EM = re.compile(r"(?<![\\*])(\*{1,3})(?=\S)(.+?)(?<=[^\s\\])\1(?!\*)", re.DOTALL)
_UNDERSCORE_EM = re.compile(r"(?<![\w\\])(_{1,3})(?=\S)(.+?)(?<=[^\s\\])\1(?!\w)", re.DOTALL)
_STRIKE = re.compile(r"~~(.+?)~~", re.DOTALL)
_CODE = re.compile(r"`+([^`]+)`+")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")
_HARD_BREAK = re.compile(r"(?: {2,}|\\)\n")


def clean_inline(text: str) -> str:
    """Plain text of a Markdown fragment: link texts without targets, no emphasis, no images."""
    text = _HARD_BREAK.sub("\n", text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    text = _CODE.sub(r"\1", text)
    for _ in range(3):  # nested emphasis (***a* b**) unwraps from the outside in
        text = _STRONG_EM.sub(r"\2", text)
        text = _UNDERSCORE_EM.sub(r"\2", text)
    text = _STRIKE.sub(r"\1", text)
    text = _ESCAPE.sub(r"\1", text)
    text = html.unescape(text)
    return " ".join(text.split())


def _is_link_only(raw: str) -> bool:
    """A block made only of links (menus, "Comment on our Facebook page" buttons)."""
    if "](" not in raw:
        return False
    rest = _LINK.sub("", _IMAGE.sub("", raw))
    return not re.search(r"\w", rest)
