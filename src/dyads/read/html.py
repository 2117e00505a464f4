"""HTML pages → Article: trafilatura finds the main text; our rules pick the metadata.

trafilatura's own title is the page's ``<title>`` more often than the headline
(site names appended, "Archive" pages), so the headline is chosen among the
page's own statements of it (``<h1>``, ``og:title``, JSON-LD ``headline``,
``<title>`` without its site suffix) by how they agree; see ``html_meta``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from dyads.model import Article, ReadError
from dyads.read.html_blocks import with_sibling_blocks
from dyads.read.html_depth import flatten_deep_markup, lost_depth
from dyads.read.html_layout import page_text
from dyads.read.html_lead import with_lead
from dyads.read.html_meta import PageMeta, page_meta, split_names
from dyads.read.html_text import article_paragraphs
from dyads.read.language import detect_language
from dyads.read.paragraphs import join_broken, split_paragraphs
from dyads.read.text import article_id

_MIN_ARTICLE_LETTERS = 20


@lru_cache(maxsize=8)
def _date_parser(languages: tuple[str, ...]) -> Any:
    # Imported here, as below: dateparser, trafilatura and htmldate are heavy and only HTML needs them.
    from dateparser import DateDataParser

    # htmldate's own settings for its fallback parser, with the locales narrowed to the page's.
    return DateDataParser(
        languages=list(languages),
        settings={
            "NORMALIZE": True,
            "PARSERS": ["custom-formats", "absolute-time"],
            "PREFER_DATES_FROM": "past",
            "PREFER_LOCALE_DATE_ORDER": True,
            "RETURN_AS_TIMEZONE_AWARE": False,
            "STRICT_PARSING": True,
        },
    )


def _page_languages(tree: Any) -> tuple[str, ...]:
    """Languages the page declares (``<html lang>``, ``og:locale``), or guesses from its text; English too."""
    declared = [tree.get("lang") or "", tree.findtext(".//head/meta[@property='og:locale']") or ""]
    for element in tree.iterfind(".//meta[@http-equiv]"):
        if (element.get("http-equiv") or "").lower() == "content-language":
            declared.append(element.get("content") or "")
    codes = [re.split(r"[-_]", d.strip().lower())[0] for d in declared if d.strip()]
    if not codes:
        body = tree.find(".//body")
        guess = detect_language(body.text_content()) if body is not None else None
        codes = [guess] if guess else []
    return tuple(dict.fromkeys([*codes, "en"]))


def _parser_for(languages: tuple[str, ...]) -> Any:
    """The date parser for the languages dateparser knows among ``languages``."""
    # Imported here: dateparser is heavy (see _date_parser).
    from dateparser.languages.loader import default_loader

    known = set(default_loader.get_locale_map())
    return _date_parser(tuple(code for code in languages if code in known))


def _trafilatura_document(tree: Any, url: str | None) -> Any:
    # Imported here: trafilatura and htmldate are heavy and only HTML needs them.
    import htmldate.extractors
    import trafilatura

    # htmldate's extensive date search falls back to dateparser, built for every locale: its first
    # call compiles regexes for ~200 of them (seconds a page in a fresh process). The page's
    # languages find the same dates ("1. Februar 2022") in a tenth of a second.
    # Built only when htmldate needs it (importing dateparser alone costs a few tenths of a second);
    # the languages are read now, before trafilatura prunes the tree.
    languages = _page_languages(tree)
    htmldate.extractors.get_external_parser = lambda: _parser_for(languages)  # type: ignore[assignment]
    # Comments are not the article.
    return trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        date_extraction_params={"extensive_search": True, "original_date": True},
    )


def read_html(markup: str, source: str, url: str | None = None) -> Article:
    # Imported here: trafilatura is heavy and only HTML needs it.
    from trafilatura.utils import load_html

    tree = load_html(markup)
    if tree is not None and lost_depth(tree):
        # The parser dropped what lay below its nesting limit: read a shallower rewrite instead.
        markup = flatten_deep_markup(markup)
        tree = load_html(markup)
    if tree is None:
        raise ReadError(source, "not a readable HTML document")
    meta = page_meta(tree, url)
    # trafilatura prunes the tree it is given: it works on a copy so our metadata rules see the page whole.
    document = _trafilatura_document(load_html(markup), url or meta.url)
    text = getattr(document, "text", None) or "" if document is not None else ""
    merged = _merge(meta, document)
    paragraphs = join_broken(split_paragraphs(text.replace("\n", "\n\n")), long_lines=False)
    page = page_text(tree)
    paragraphs = with_sibling_blocks(paragraphs, page)
    kept = with_lead(article_paragraphs(paragraphs, merged), page, merged.authors)
    clean = "\n\n".join(kept)
    letters = sum(ch.isalnum() for ch in clean)
    if letters < _MIN_ARTICLE_LETTERS:
        # Menus and "Home" links are what trafilatura falls back to on a page without an article.
        # Letters, not words: Chinese and Japanese do not separate words by spaces.
        raise ReadError(source, f"no article text found (only {letters} letters outside page furniture)")
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
        authors = split_names(document.author)
    return PageMeta(
        title=meta.title or getattr(document, "title", None),
        authors=authors,
        # A stated publication time first; then htmldate, which weighs every date on the page; JSON-LD
        # last, since it is often in UTC and so a day off the date the page shows its readers.
        published=meta.published or getattr(document, "date", None) or meta.published_linked,
        outlet=meta.outlet or getattr(document, "sitename", None),
        url=meta.url or getattr(document, "url", None),
    )
