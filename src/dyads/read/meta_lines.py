"""The metadata lines of a crawled page: bylines, datelines, labels, front matter, footer credits.

Crawlers that save pages keep the page's furniture: a byline ("By [Name](…)"), a dateline
("Outlet, September 25, 2020"), label lines ("Region: …", "Tags: …"), a YAML front matter block
and a footer that may credit the outlet ("The original source of this article is …"). Each reader
here takes what such a line says into a :class:`Meta` and tells whether the line was one, so the
article reader (:mod:`dyads.read.markdown`) can leave it out of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dyads.knowledge.registry import words
from dyads.read.dates import find_date, normalise_date
from dyads.read.markdown_syntax import Block


@dataclass
class Meta:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    outlet: str | None = None
    url: str | None = None


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
MAX_META_WORDS = 14


def _names(value: str) -> list[str]:
    value = _NAME_TAIL.sub("", value)
    names = [n.strip(" .") for n in _NAME_SPLIT.split(value)]
    # A name has a capitalised word and few words; "staff" or "the editors" are not read as people.
    return [n for n in names if n and len(n.split()) <= 5 and any(w[:1].isupper() for w in n.split())]


# Words an outlet's name may have in lower case ("Bureau of Investigative Journalism", "El País").
_NAME_LINKS = frozenset(words("read_meta_lines")["outlet_name_links"])
_TIME_TAIL = re.compile(
    r"(?:at\s+)?\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}|GMT[+-]?\d*)?\.?", re.I
)
_READING_TIME = re.compile(r"^\d+\s*(?:-\s*)?(?:min(?:ute)?s?\.?)(?:\s+read(?:ing)?(?:\s+time)?)?$", re.I)
_SEGMENTS = re.compile(r"\s+[|·•]\s+|\s+[–—]\s+")


def _outlet_like(text: str) -> bool:
    tokens = text.split()
    return 0 < len(tokens) <= 6 and all(
        w[:1].isupper() or w[:1].isdigit() or w.lower() in _NAME_LINKS for w in tokens
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
    if len(text.split()) > MAX_META_WORDS:
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


def is_label_line(text: str) -> bool:
    """Whether ``text`` is a label line ("Tags: …", "Published: …"), whatever its length."""
    return _LABEL.match(text) is not None


def read_label(text: str, meta: Meta) -> bool:
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


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*\n", re.DOTALL)


def read_front_matter(markdown: str, meta: Meta) -> str:
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


def read_head_line(text: str, meta: Meta) -> bool:
    """A line of bylines, dates and labels before the article, e.g. "By X | March 3, 2021 | 5 min read".

    Read into ``meta`` only when every part of the line is understood, so a short first
    sentence that happens to hold a date stays in the article.
    """
    if len(text.split()) > 2 * MAX_META_WORDS:
        return False
    found = Meta()
    named: list[str] = []  # parts that may name the outlet ("The Daily Ledger — 12 May 2019")
    for segment in _SEGMENTS.split(text):
        segment = segment.strip(" ,;")
        if not segment or _READING_TIME.match(segment):
            continue
        if read_label(segment, found) or _read_byline(segment, found) or _read_dateline(segment, found):
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


def is_author_note(text: str, meta: Meta) -> bool:
    """ "Jane Roe is a correspondent based in …": the author's note that closes many articles."""
    if len(text.split()) > 60:
        return False
    return any(
        re.match(rf"{re.escape(name)}\s+(?:is|was|has|writes|reports|covers)\b", text)
        for name in meta.authors
    )


def read_footer_metadata(blocks: list[Block], meta: Meta) -> None:
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
