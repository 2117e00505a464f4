"""Markdown crawls of news pages → Article.

Crawlers that save pages as Markdown keep the page's furniture: a byline
("By [Name](…)"), a dateline ("Outlet, September 25, 2020"), label lines
("Region: …", "Tags: …"), share and subscribe prompts and a footer. We read the
first three as metadata (see ``meta_lines``), drop the rest (see ``boilerplate``),
remove the Markdown syntax (see ``markdown_syntax``) and mend paragraphs the crawl
split mid-sentence.
"""

from __future__ import annotations

import re

from dyads.model import Article
from dyads.read.boilerplate import is_caption, is_decoration, is_prompt, opens_footer
from dyads.read.markdown_syntax import Block, markdown_blocks
from dyads.read.meta_lines import (
    MAX_META_WORDS,
    Meta,
    is_author_note,
    is_label_line,
    read_footer_metadata,
    read_front_matter,
    read_head_line,
    read_label,
)
from dyads.read.paragraphs import join_broken
from dyads.read.text import article_id

_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def _is_body_paragraph(block: Block) -> bool:
    return block.kind in ("para", "item") and not block.link_only and len(block.text.split()) > MAX_META_WORDS


def _title_like(line: str) -> bool:
    return 0 < len(line.split()) <= 20 and not re.search(r"[.!:;,…]['\"’”]?$", line)


def _plain_blocks(text: str) -> list[Block]:
    """Blocks of a plain-text article: paragraphs, with a headline and dateline lines told apart.

    The first line is the headline when it reads like one (short, no closing full stop) and either
    stands alone or is followed by lines of byline, date or labels.
    """
    text = text.strip()
    raw_blocks = re.split(r"\n[ \t]*\n", text) if re.search(r"\n[ \t]*\n", text) else text.split("\n")
    blocks: list[Block] = []
    for index, raw in enumerate(raw_blocks):
        lines = [" ".join(line.split()) for line in raw.split("\n") if line.strip()]
        if not lines:
            continue
        if index == 0 and _title_like(lines[0]) and len(raw_blocks) > 1:
            rest = lines[1:]
            if not rest or all(read_head_line(line, Meta()) or is_label_line(line) for line in rest):
                blocks.append(Block("heading", lines[0], level=1))
                blocks.extend(Block("para", line) for line in rest)
                continue
        blocks.append(Block("para", " ".join(lines)))
    return blocks


def read_plain_text(text: str, source: str) -> Article:
    """A text file read like a Markdown crawl without the syntax: headline, dateline and boilerplate."""
    return read_markdown(text, source, plain=True)


def read_markdown(markdown: str, source: str, plain: bool = False) -> Article:
    meta = Meta()
    markdown = markdown.replace("\r\n", "\n").replace("\r", "\n")
    if plain:
        blocks = _plain_blocks(markdown)
    else:
        markdown = read_front_matter(_HTML_COMMENT.sub("", markdown).lstrip("\n"), meta)
        blocks = markdown_blocks(markdown)

    paragraphs: list[str] = []
    headings: set[int] = set()
    started = False
    body_chars = 0
    for index, block in enumerate(blocks):
        text = block.text
        if block.kind == "rule":
            if started and _footer_follows(blocks, index, body_chars):
                break
            continue
        if block.link_only or is_decoration(text):
            continue
        if not started:
            if block.kind == "heading" and meta.title is None:
                meta.title = text
                continue
            if read_head_line(text, meta) or read_label(text, meta):
                continue
            if opens_footer(text) or is_prompt(text) or is_caption(text):
                continue
            # Short lines and headings before the first paragraph: kicker, section name, or furniture.
            if block.kind == "heading" or len(text.split()) < 4:
                continue
            started = True
        if opens_footer(text):
            if _more_article_before(blocks, index, body_chars):
                read_footer_metadata(blocks[index:], meta)
                break
            continue
        if read_label(text, meta) or is_prompt(text) or is_caption(text):
            continue
        if is_author_note(text, meta):
            break
        if block.kind == "heading":
            headings.add(len(paragraphs))
        paragraphs.append(text)
        body_chars += len(text)

    paragraphs = join_broken(paragraphs, keep=headings)
    text = "\n\n".join(paragraphs)
    return Article(
        id=article_id(text),
        text=text,
        url=meta.url,
        title=meta.title,
        authors=tuple(dict.fromkeys(meta.authors)),
        published=meta.published,
        outlet=meta.outlet,
        source=source,
    )


def _more_article_before(blocks: list[Block], index: int, body_chars: int) -> bool:
    """A footer opener ends the article when more article text stands before it than after."""
    after = sum(
        len(b.text)
        for b in blocks[index + 1 :]
        if _is_body_paragraph(b) and not opens_footer(b.text) and not is_prompt(b.text)
    )
    return body_chars > after


def _footer_follows(blocks: list[Block], index: int, body_chars: int) -> bool:
    """A horizontal rule opens the footer when what follows is short and holds furniture."""
    section = [b for b in blocks[index + 1 :]]
    prose = sum(len(b.text) for b in section if _is_body_paragraph(b))
    furniture = any(b.link_only or opens_footer(b.text) or is_prompt(b.text) for b in section)
    return not section or (furniture and prose < body_chars / 2)
