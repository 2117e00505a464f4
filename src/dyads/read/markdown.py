"""Markdown crawls of news pages → Article.

Crawlers that save pages as Markdown keep the page's furniture: a byline
("By [Name](…)"), a dateline ("Outlet, September 25, 2020"), label lines
("Region: …", "Tags: …"), share and subscribe prompts and a footer. We read the
first three as metadata, drop the rest (see ``boilerplate``), remove the
Markdown syntax and mend paragraphs the crawl split mid-sentence.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from dyads.model import Article
from dyads.read.boilerplate import is_caption, is_decoration, is_prompt, opens_footer
from dyads.read.dates import find_date, normalise_date
from dyads.read.paragraphs import join_broken
from dyads.read.text import article_id


@dataclass
class Block:
    kind: str  # "para" | "heading" | "rule" | "item"
    text: str
    level: int = 0
    link_only: bool = False


@dataclass
class Meta:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    outlet: str | None = None
    url: str | None = None


# ---------------------------------------------------------------- block structure

_ATX_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+(?=\S)")
_QUOTE_MARK = re.compile(r"^\s*(?:>\s?)+")
_REFERENCE_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*\n", re.DOTALL)


def _blocks(markdown: str) -> list[Block]:
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


# ---------------------------------------------------------------- inline syntax

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


# ---------------------------------------------------------------- metadata lines

_BYLINE = re.compile(r"^(?:by|written\s+by|words\s+by|reporting\s+by)\s*:?\s+(?P<names>.+)$", re.IGNORECASE)
_LABEL = re.compile(
    r"^(?P<label>regions?|themes?|tags?|tagged(?:\s+with)?|categor(?:y|ies)|topics?|sections?|keywords?|"
    r"filed\s+(?:under|in)|posted\s+(?:in|on|under)|published(?:\s+on)?|updated(?:\s+on)?|last\s+updated|"
    r"date|dateline|authors?|source|countr(?:y|ies)|location|subjects?|in\s+this\s+article|"
    r"reading\s+time|estimated\s+reading\s+time)\s*:\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_DATE_LABELS = ("published", "updated", "last updated", "date", "dateline", "posted on")
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b)\s*")
_NAME_TAIL = re.compile(r"\s*(?:[|·•–—]|\s-\s|\bon\b|\bpublished\b|\bupdated\b).*$", re.IGNORECASE)
_MAX_META_WORDS = 14


def _names(value: str) -> list[str]:
    value = _NAME_TAIL.sub("", value)
    names = [n.strip(" .") for n in _NAME_SPLIT.split(value)]
    # A name has a capitalised word and few words; "staff" or "the editors" are not read as people.
    return [n for n in names if n and len(n.split()) <= 5 and any(w[:1].isupper() for w in n.split())]


# Words an outlet's name may have in lower case ("Bureau of Investigative Journalism", "El País").
_NAME_LINKS = {
    "of",
    "the",
    "and",
    "for",
    "on",
    "de",
    "del",
    "la",
    "le",
    "el",
    "du",
    "des",
    "der",
    "die",
    "das",
    "&",
}
_TIME_TAIL = re.compile(
    r"(?:at\s+)?\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}|GMT[+-]?\d*)?\.?", re.I
)
_READING_TIME = re.compile(r"^\d+\s*(?:-\s*)?(?:min(?:ute)?s?\.?)(?:\s+read(?:ing)?(?:\s+time)?)?$", re.I)
_SEGMENTS = re.compile(r"\s+[|·•]\s+|\s+[–—]\s+")


def _outlet_like(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 6 and all(
        w[:1].isupper() or w[:1].isdigit() or w.lower() in _NAME_LINKS for w in words
    )


def _read_byline(text: str, found: Meta) -> bool:
    """ "By Jane Roe and John Smith" (a date after the names is read too)."""
    match = _BYLINE.match(text)
    if not match:
        return False
    value = match.group("names")
    dated = find_date(value)
    if dated:
        found.published = found.published or dated[0]
        value = value[: dated[1][0]]
    names = _names(value)
    if not names:
        return False
    found.authors = found.authors or names
    return True


def _read_dateline(text: str, found: Meta) -> bool:
    """ "Global Research, September 25, 2020", "Published March 3, 2021 by Jane Roe", "12 May 2019, 10:30 GMT"."""
    if len(text.split()) > _MAX_META_WORDS:
        return False
    dated = find_date(text)
    if not dated:
        return False
    iso, (start, end) = dated
    before = text[:start].strip(" ,–—-|·:")
    before = re.sub(r"^(?:first\s+)?(?:published|posted|updated|dated?)(?:\s+on)?\b", "", before, flags=re.I)
    before = before.strip(" ,–—-|·:")
    after = text[end:].strip(" ,.–—-|·")
    if after and not _TIME_TAIL.fullmatch(after) and not _read_byline(after, found):
        return False
    if before and not _outlet_like(before):
        return False
    found.published = found.published or iso
    found.outlet = found.outlet or before or None
    return True


def _read_label(text: str, meta: Meta) -> bool:
    """Take a label line's value into ``meta``; True when ``text`` is a label line."""
    match = _LABEL.match(text)
    if not match or len(text.split()) > 40:
        return False
    label = " ".join(match.group("label").lower().split())
    value = match.group("value").strip()
    if label in _DATE_LABELS:
        meta.published = meta.published or normalise_date(value)
    elif label.startswith("author") and not meta.authors:
        meta.authors = _names(value)
    elif label == "source" and not meta.outlet and 0 < len(value.split()) <= 6:
        meta.outlet = value.rstrip(".")
    return True


def _front_matter(markdown: str, meta: Meta) -> str:
    """Read and remove a YAML front matter block (``---`` … ``---``) of simple ``key: value`` lines."""
    match = _FRONT_MATTER.match(markdown)
    if not match:
        return markdown
    fields: dict[str, str] = {}
    for line in match.group(1).split("\n"):
        key, sep, value = line.partition(":")
        if not sep or not re.fullmatch(r"[A-Za-z_][\w-]*", key.strip()):
            continue
        fields[key.strip().lower()] = value.strip().strip("'\"")
    if not fields:
        return markdown
    meta.title = fields.get("title") or None
    meta.published = normalise_date(fields.get("date") or fields.get("published"))
    author = fields.get("author") or fields.get("authors") or ""
    meta.authors = _names(author.strip("[]"))
    meta.url = fields.get("url") or fields.get("source_url") or None
    meta.outlet = fields.get("site") or fields.get("outlet") or fields.get("sitename") or None
    return markdown[match.end() :]


_ORIGINAL_SOURCE = re.compile(
    r"original\s+source\s+of\s+this\s+article\s+is\s+(?P<outlet>.{2,60}?)(?=\s*(?:$|[.©]|copyright\b))",
    re.IGNORECASE,
)


# ---------------------------------------------------------------- the reader


def _is_body_paragraph(block: Block) -> bool:
    return (
        block.kind in ("para", "item") and not block.link_only and len(block.text.split()) > _MAX_META_WORDS
    )


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
            if not rest or all(_read_head_line(line, Meta()) or _LABEL.match(line) for line in rest):
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
        markdown = _front_matter(_HTML_COMMENT.sub("", markdown).lstrip("\n"), meta)
        blocks = _blocks(markdown)

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
            if _read_head_line(text, meta) or _read_label(text, meta):
                continue
            if opens_footer(text) or is_prompt(text) or is_caption(text):
                continue
            # Short lines and headings before the first paragraph: kicker, section name, or furniture.
            if block.kind == "heading" or len(text.split()) < 4:
                continue
            started = True
        if opens_footer(text):
            if _more_article_before(blocks, index, body_chars):
                _read_footer_metadata(blocks[index:], meta)
                break
            continue
        if _read_label(text, meta) or is_prompt(text) or is_caption(text):
            continue
        if _is_author_note(text, meta):
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


def _read_head_line(text: str, meta: Meta) -> bool:
    """A line of bylines, dates and labels before the article, e.g. "By X | March 3, 2021 | 5 min read".

    Read into ``meta`` only when every part of the line is understood, so a short first
    sentence that happens to hold a date stays in the article.
    """
    if len(text.split()) > 2 * _MAX_META_WORDS:
        return False
    found = Meta()
    named: list[str] = []  # parts that may name the outlet ("The Daily Ledger — 12 May 2019")
    for segment in _SEGMENTS.split(text):
        segment = segment.strip(" ,;")
        if not segment or _READING_TIME.match(segment):
            continue
        if _read_label(segment, found) or _read_byline(segment, found) or _read_dateline(segment, found):
            continue
        if not _outlet_like(segment):
            return False
        named.append(segment)
    if named and (len(named) > 1 or not found.published):
        return False
    found.outlet = found.outlet or (named[0] if named else None)
    meta.authors = meta.authors or found.authors
    meta.published = meta.published or found.published
    meta.outlet = meta.outlet or found.outlet
    return True


def _is_author_note(text: str, meta: Meta) -> bool:
    """ "Jane Roe is a correspondent based in …": the author's note that closes many articles."""
    if len(text.split()) > 60:
        return False
    return any(
        re.match(rf"{re.escape(name)}\s+(?:is|was|has|writes|reports|covers)\b", text)
        for name in meta.authors
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


def _read_footer_metadata(blocks: list[Block], meta: Meta) -> None:
    """Outlet and authors that only the footer states ("The original source … is X", "Articles by: Y")."""
    for block in blocks:
        text = block.text
        if not meta.outlet:
            match = _ORIGINAL_SOURCE.search(text)
            if match:
                meta.outlet = match.group("outlet").strip()
        if not meta.authors:
            match = re.match(r"^\W*articles?\s+by\s*:\s*(.+)$", text, re.I)
            if match:
                meta.authors = _names(match.group(1))
