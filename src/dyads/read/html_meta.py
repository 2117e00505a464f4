"""Title, authors, date, outlet and URL of an HTML page, from what the page states about itself.

Sources, in the order we trust them: JSON-LD (``NewsArticle`` and kin), Open Graph
and other ``<meta>`` tags, the page's ``<h1>``, and its ``<title>`` with the site
name cut off. A headline is taken from ``<h1>`` when another statement of the
title agrees with it, since many pages also put the site logo in an ``<h1>``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from dyads.read.dates import normalise_date

_SEPARATORS = re.compile(r"\s+(?:[|–—»›·:~/]|::|-{1,2})\s+")
_SPACES = re.compile(r"\s+")
_ARTICLE_TYPES = {
    "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "backgroundnewsarticle", "webpage", "posting", "scholarlyarticle",
    "techarticle", "report", "liveblogposting", "socialmediaposting", "review", "recipe",
}  # fmt: skip


@dataclass(frozen=True)
class PageMeta:
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    outlet: str | None = None
    url: str | None = None


def _norm(text: str | None) -> str:
    return _SPACES.sub(" ", text or "").strip()


def _key(text: str | None) -> str:
    """A comparison key: case, spacing, dashes and quotes do not make two titles different."""
    text = _norm(text).casefold()
    text = re.sub(r"[\"'“”„‘’«»`´]", "", text)
    text = re.sub(r"[‐-―-]", "-", text)
    return re.sub(r"[\s.…:!?]+$", "", text)


def _meta(tree: Any, *names: str) -> str | None:
    """The first non-empty content of ``<meta name|property|itemprop=…>`` among ``names``."""
    for name in names:
        for attribute in ("property", "name", "itemprop"):
            for element in tree.iterfind(f'.//meta[@{attribute}="{name}"]'):
                content = _norm(element.get("content"))
                if content:
                    return content
    return None


# ---------------------------------------------------------------- JSON-LD


def _json_ld_objects(tree: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            out.append(node)
            walk(node.get("@graph"))
            walk(node.get("mainEntity"))

    for script in tree.iterfind('.//script[@type="application/ld+json"]'):
        raw = script.text or ""
        try:
            walk(json.loads(raw))
        except (json.JSONDecodeError, RecursionError):
            continue
    return out


def _types(node: dict[str, Any]) -> set[str]:
    value = node.get("@type")
    values = value if isinstance(value, list) else [value]
    return {str(v).casefold() for v in values if v}


def _ld_names(value: Any) -> list[str]:
    """Person names from a JSON-LD ``author`` value (a string, a Person, or a list of them)."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        if isinstance(item, str):
            names.append(_norm(item))
        elif isinstance(item, dict) and "organization" not in _types(item):
            names.append(_norm(str(item.get("name") or "")))
    return [n for n in names if n and not n.startswith("http")]


@dataclass
class _LinkedData:
    headline: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    publisher: str | None = None
    url: str | None = None


def _linked_data(tree: Any) -> _LinkedData:
    found = _LinkedData()
    for node in _json_ld_objects(tree):
        types = _types(node)
        if not types & _ARTICLE_TYPES:
            continue
        article_like = "webpage" not in types or len(types) > 1
        if found.headline is None and article_like:
            headline = node.get("headline") or node.get("name")
            found.headline = _norm(str(headline)) if isinstance(headline, str) else None
        if not found.authors:
            found.authors = tuple(_ld_names(node.get("author")))
        if found.published is None:
            found.published = normalise_date(str(node.get("datePublished") or node.get("dateCreated") or ""))
        publisher = node.get("publisher")
        if found.publisher is None and isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            found.publisher = _norm(publisher["name"])
        if found.url is None and isinstance(node.get("url"), str) and article_like:
            found.url = node["url"]
    return found


# ---------------------------------------------------------------- title


def _title_parts(title: str) -> list[str]:
    return [p for p in (_norm(p) for p in _SEPARATORS.split(title)) if p]


def _strip_site(title: str | None, site: str | None) -> str | None:
    """The title without the site name that pages add before or after it ("Headline | Site")."""
    if not title:
        return None
    parts = _title_parts(title)
    if len(parts) < 2:
        return _norm(title)
    site_key = _key(site) if site else ""
    kept = [p for p in parts if not site_key or (_key(p) not in site_key and site_key not in _key(p))]
    if not kept:
        return _norm(title)
    if len(kept) < len(parts):
        return " - ".join(kept) if len(kept) > 1 else kept[0]
    # No site name known: the headline is the longest part.
    return max(parts, key=len)


def _headings(tree: Any, tag: str) -> list[str]:
    out = []
    for element in tree.iterfind(f".//{tag}"):
        text = _norm(element.text_content())
        if text and len(text) < 300:
            out.append(text)
    return out


def choose_title(tree: Any, linked: _LinkedData, site: str | None) -> str | None:
    og_title = _meta(tree, "og:title", "twitter:title")
    title_element = tree.find(".//title")
    page_title = _norm(title_element.text_content()) if title_element is not None else None
    stated = [t for t in (linked.headline, og_title, page_title) if t]
    stated_keys = {_key(t) for t in stated} | {_key(p) for t in stated for p in _title_parts(t)}
    stripped = {_key(_strip_site(t, site)) for t in stated}
    for heading in _headings(tree, "h1")[:4]:
        key = _key(heading)
        if key and (key in stated_keys or key in stripped or any(key and t.startswith(key) for t in stated_keys)):
            return heading
    if linked.headline:
        return linked.headline
    return _strip_site(og_title, site) or _strip_site(page_title, site)


# ---------------------------------------------------------------- authors, date, outlet

_BYLINE_PREFIX = re.compile(r"^\s*(?:by|von|par|por|di|door|av|af|written\s+by)\s*:?\s+", re.IGNORECASE)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b)\s*")


def _split_names(value: str) -> tuple[str, ...]:
    value = _BYLINE_PREFIX.sub("", value)
    names = [n.strip(" .|") for n in _NAME_SPLIT.split(value)]
    return tuple(n for n in names if n and len(n.split()) <= 5 and not n.startswith("http") and "@" not in n)


def choose_authors(tree: Any, linked: _LinkedData) -> tuple[str, ...]:
    if linked.authors:
        return tuple(dict.fromkeys(n for a in linked.authors for n in _split_names(a)))
    for name in ("author", "article:author", "dc.creator", "DC.creator", "sailthru.author", "parsely-author"):
        value = _meta(tree, name)
        if value and not value.startswith("http"):
            return _split_names(value)
    return ()


def choose_published(tree: Any, linked: _LinkedData) -> str | None:
    if linked.published:
        return linked.published
    value = _meta(
        tree,
        "article:published_time", "datePublished", "og:published_time", "pubdate", "publishdate",
        "date", "dc.date", "DC.date", "dcterms.created", "sailthru.date", "parsely-pub-date",
    )  # fmt: skip
    if value:
        return normalise_date(value)
    for element in tree.iterfind(".//time[@datetime]"):
        found = normalise_date(element.get("datetime"))
        if found:
            return found
    return None


def page_meta(tree: Any, url: str | None = None) -> PageMeta:
    """What the page says about itself; fields it does not state are None."""
    linked = _linked_data(tree)
    site = _meta(tree, "og:site_name", "application-name") or linked.publisher
    canonical = tree.find('.//link[@rel="canonical"]')
    page_url = url or _meta(tree, "og:url") or (canonical.get("href") if canonical is not None else None)
    if page_url and not page_url.startswith(("http://", "https://")):
        page_url = None
    return PageMeta(
        title=choose_title(tree, linked, site),
        authors=choose_authors(tree, linked),
        published=choose_published(tree, linked),
        outlet=site,
        url=page_url or linked.url,
    )
