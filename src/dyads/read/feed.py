"""RSS and Atom feeds → one Article per entry.

An entry's full content is used when the feed carries it, else its summary;
both are HTML fragments more often than not. The entry's link is its URL and
its dates are normalised to ISO dates.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from dyads.model import Article, Options, ReadError
from dyads.read.dates import iso_from_struct, normalise_date
from dyads.read.language import finish
from dyads.read.paragraphs import tidy
from dyads.read.text import article_id

_BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section")
_LOOKS_LIKE_HTML = re.compile(r"<[A-Za-z][^>]*>|&[#A-Za-z0-9]+;")


def fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment, one paragraph per block element."""
    if not _LOOKS_LIKE_HTML.search(fragment):
        return tidy(fragment)
    # Imported here: lxml is loaded only for fragments that hold markup.
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises several types (ParserError, XMLSyntaxError) on junk fragments
        return tidy(re.sub(r"<[^>]+>", " ", fragment))
    for bad in root.xpath(".//script|.//style"):
        bad.drop_tree()
    for element in root.iter(*_BLOCK_TAGS):
        element.tail = "\n\n" + (element.tail or "")
    return tidy(root.text_content())


def _entry_text(entry: Any) -> str:
    for content in entry.get("content") or ():
        value = content.get("value") or ""
        if value.strip():
            return fragment_text(value)
    return fragment_text(entry.get("summary") or entry.get("description") or "")


def _entry_authors(entry: Any) -> tuple[str, ...]:
    names = [a.get("name") for a in entry.get("authors") or () if isinstance(a, dict)]
    if not any(names) and entry.get("author"):
        names = [entry.get("author")]
    return tuple(dict.fromkeys(str(n).strip() for n in names if n and str(n).strip()))


def _entry_date(entry: Any) -> str | None:
    for key in ("published", "updated", "created"):
        parsed = iso_from_struct(entry.get(f"{key}_parsed"))
        if parsed:
            return parsed
        found = normalise_date(entry.get(key))
        if found:
            return found
    return None


def iter_feed(data: bytes, source: str, options: Options | None = None) -> Iterator[Article | ReadError]:
    """An Article for each readable entry and a ReadError for each unreadable one."""
    # Imported here: feedparser is slow to import and only feeds need it.
    import feedparser

    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        problem = parsed.get("bozo_exception")
        detail = f" ({type(problem).__name__})" if problem else ""
        yield ReadError(source, f"not an RSS/Atom feed with entries{detail}")
        return
    outlet = (parsed.get("feed") or {}).get("title") or None
    for number, entry in enumerate(entries, start=1):
        name = f"{source}#{number}"
        text = _entry_text(entry)
        article = Article(
            id=article_id(text),
            text=text,
            url=entry.get("link") or None,
            title=fragment_text(entry.get("title") or "") or None,
            authors=_entry_authors(entry),
            published=_entry_date(entry),
            outlet=outlet,
            source=name,
        )
        try:
            yield finish(article, options)
        except ReadError as err:
            yield err
