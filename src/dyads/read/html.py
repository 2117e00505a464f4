"""HTML pages → Article: trafilatura finds the main text; our rules pick the metadata.

trafilatura's own title is the page's ``<title>`` more often than the headline
(site names appended, "Archive" pages), so the headline is chosen among the
page's own statements of it (``<h1>``, ``og:title``, JSON-LD ``headline``,
``<title>`` without its site suffix) by how they agree; see ``html_meta``.
"""

from __future__ import annotations

from typing import Any

from dyads.model import Article, ReadError
from dyads.read.html_meta import PageMeta, page_meta
from dyads.read.paragraphs import join_broken, split_paragraphs
from dyads.read.text import article_id


def _trafilatura_document(tree: Any, url: str | None) -> Any:
    import trafilatura

    # Comments are not the article; htmldate's extensive search falls back to dateparser, whose first
    # call compiles regexes for every locale (seconds), and our own date rules cover what it adds.
    return trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )


def read_html(markup: str, source: str, url: str | None = None) -> Article:
    from trafilatura.utils import load_html

    tree = load_html(markup)
    if tree is None:
        raise ReadError(source, "not a readable HTML document")
    meta = page_meta(tree, url)
    # trafilatura prunes the tree it is given: it works on a copy so our metadata rules see the page whole.
    document = _trafilatura_document(load_html(markup), url or meta.url)
    text = getattr(document, "text", None) or "" if document is not None else ""
    paragraphs = join_broken(split_paragraphs(text.replace("\n", "\n\n")))
    clean = "\n\n".join(paragraphs)
    merged = _merge(meta, document)
    return Article(
        id=article_id(clean),
        text=clean,
        url=merged.url,
        title=merged.title,
        authors=merged.authors,
        published=merged.published,
        outlet=merged.outlet,
        source=source,
    )


def _merge(meta: PageMeta, document: Any) -> PageMeta:
    """Our metadata where the page states it; trafilatura's where ours found nothing."""
    if document is None:
        return meta
    authors = meta.authors
    if not authors and getattr(document, "author", None):
        authors = tuple(a.strip() for a in document.author.split(";") if a.strip())
    return PageMeta(
        title=meta.title or getattr(document, "title", None),
        authors=authors,
        published=meta.published or getattr(document, "date", None),
        outlet=meta.outlet or getattr(document, "sitename", None),
        url=meta.url or getattr(document, "url", None),
    )
