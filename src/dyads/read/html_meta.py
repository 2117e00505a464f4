"""Title, authors, date, outlet and URL of an HTML page, from what the page states about itself.

Sources, in the order we trust them: JSON-LD (``NewsArticle`` and kin), Open Graph
and other ``<meta>`` tags, the page's ``<h1>``, and its ``<title>`` with the site
name cut off. A headline is taken from ``<h1>`` when another statement of the
title agrees with it, since many pages also put the site logo in an ``<h1>``.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from typing import Any

from dyads.read.dates import normalise_date

_SPACES = re.compile(r"\s+")
# schema.org types of a page that is an article (identifiers, not words)
_ARTICLE_TYPES = {
    "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "backgroundnewsarticle", "webpage", "posting", "scholarlyarticle",
    "techarticle", "report", "liveblogposting", "socialmediaposting", "review", "recipe",
}  # fmt: skip


@dataclass(frozen=True)
class PageMeta:
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None  # from a publication-time <meta> tag or <time datetime>
    outlet: str | None = None
    url: str | None = None
    published_linked: str | None = None  # JSON-LD datePublished: often converted to UTC


def _norm(text: str | None) -> str:
    return _SPACES.sub(" ", text or "").strip()


def _unescape(text: str | None) -> str:
    """Meta values are sometimes escaped twice ("&amp;#8211;"): decode what is left."""
    return _norm(html.unescape(text or ""))


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
                content = _unescape(element.get("content"))
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
            found.headline = _unescape(headline) if isinstance(headline, str) else None
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

# Separators between a headline and the site name in <title>. Not ":" — headlines use it themselves.
_SEPARATORS = re.compile(r"\s+(?:[|–—»›·~]|::|-{1,2})\s+|\s*[|]\s*")
_CHROME = re.compile(r"logo|brand|site[-_]?(?:title|name)|blog[-_]?(?:title|name)|masthead|navbar|menu", re.I)
_HEADLINE_CLASS = re.compile(r"entry[-_]title|post[-_]title|article[-_]title|headline|page[-_]title", re.I)


def _alnum(text: str | None) -> str:
    return re.sub(r"\W+", "", (text or "").casefold())


def _host_core(url: str | None) -> str | None:
    """ "aussengedanken" for https://www.AussenGedanken.de/…: what a site calls itself in titles."""
    match = re.match(r"https?://([^/:?#]+)", url or "")
    if not match:
        return None
    labels = [x for x in match.group(1).lower().split(".") if x not in ("www", "m", "blog", "de", "com")]
    return _alnum(max(labels, key=len)) if labels else None


# Title parts that name a page's place in a site, not its content.
_GENERIC_PARTS = {"blogarchive", "blogarchiv", "home", "startseite", "accueil", "inicio", "archive", "archiv"}


class _Site:
    """The names a site goes by, to tell the site name apart from the headline."""

    def __init__(self, names: list[str | None], url: str | None) -> None:
        self.keys = {_alnum(n) for n in names if n and len(_alnum(n)) >= 3} | _GENERIC_PARTS
        self.host = _host_core(url)

    def add(self, name: str) -> None:
        if len(_alnum(name)) >= 3:
            self.keys.add(_alnum(name))

    def named(self, text: str) -> bool:
        key = _alnum(text)
        if not key:
            return True
        if any(
            key == k or (len(key) >= 5 and key in k) or (len(k) >= 5 and k in key and len(key) < 2 * len(k))
            for k in self.keys
        ):
            return True
        return bool(
            self.host and len(self.host) >= 4 and self.host in key and len(key) < 2 * len(self.host) + 6
        )


def _title_parts(title: str) -> list[str]:
    return [p for p in (_norm(p) for p in _SEPARATORS.split(title)) if p]


def _strip_site(title: str | None, site: _Site) -> str | None:
    """The title without the site name that pages add before or after it ("Headline | Site")."""
    if not title:
        return None
    parts = _title_parts(title)
    while len(parts) > 1 and site.named(parts[-1]):
        parts.pop()
    while len(parts) > 1 and site.named(parts[0]):
        parts.pop(0)
    if len(parts) == len(_title_parts(title)):
        return _norm(title)
    # The separators between the kept parts are not known any more; the usual dash stands for them.
    return (
        " - ".join(parts)
        if len(parts) > 1 and _norm(title).count(" - ")
        else _norm(title[title.find(parts[0]) : title.rfind(parts[-1]) + len(parts[-1])])
    )


def _in_chrome(element: Any) -> bool:
    """The element is, or sits in, the site's header, logo or menu."""
    node = element
    for _ in range(6):
        if node is None:
            return False
        if (
            node.tag in ("header", "nav")
            and node is not element
            and not _HEADLINE_CLASS.search(
                (element.get("class") or "") + " " + (element.get("itemprop") or "")
            )
        ):
            return True
        if _CHROME.search((node.get("class") or "") + " " + (node.get("id") or "")):
            return True
        node = node.getparent()
    return False


def _heading_candidates(tree: Any, site: _Site) -> list[tuple[str, bool]]:
    """Headline candidates in page order: ``<h1>``s, then headings classed as titles.

    Each comes with whether it is only a part of a heading (kicker and headline in one ``<h1>``).
    """
    out: list[tuple[str, bool]] = []
    elements = list(tree.iterfind(".//h1")) + [
        e for e in tree.iter("h2", "h3", "div", "span")
        if _HEADLINE_CLASS.search((e.get("class") or "") + " " + (e.get("itemprop") or ""))
    ]  # fmt: skip
    for element in elements[:12]:
        text = _norm(element.text_content())
        if not text or len(text) >= 300:
            continue
        if _in_chrome(element):
            # A logo heading names the site: it is then cut from the <title> too.
            site.add(text)
        elif not site.named(text):
            out.append((text, False))
            # A kicker and the headline in one <h1> ("<span>Kicker</span> <span>Headline</span>"):
            # the headline comes last, so the parts are tried from the end.
            parts = [_norm(child.text_content()) for child in element if isinstance(child.tag, str)]
            out.extend((part, True) for part in reversed(parts) if len(part.split()) >= 3 and part != text)
    return out


def choose_title(tree: Any, linked: _LinkedData, site: _Site) -> str | None:
    og_title = _meta(tree, "og:title", "twitter:title")
    title_element = tree.find(".//title")
    page_title = _unescape(title_element.text_content()) if title_element is not None else None
    headings = _heading_candidates(tree, site)
    stated = [t for t in (linked.headline, og_title, page_title) if t]
    stated_keys = {_key(t) for t in stated} | {_key(_strip_site(t, site)) for t in stated}
    # A heading that the title statements repeat whole; else one they end with (a kicker or section
    # put before it: "Chronik: …", "News - …"); else one they start with (a site name left after it).
    # Only a whole heading may match at the start: a part there is the kicker.
    tests = (
        (lambda key, stated: key == stated, True),
        (lambda key, stated: len(key) >= 10 and stated.endswith(key), True),
        (lambda key, stated: len(key) >= 10 and stated.startswith(key), False),
    )
    for agrees, parts_too in tests:
        for heading, is_part in headings:
            key = _key(heading)
            if key and (parts_too or not is_part) and any(agrees(key, stated) for stated in stated_keys):
                return heading
    if linked.headline:
        return linked.headline
    return _strip_site(og_title, site) or _strip_site(page_title, site)


# ---------------------------------------------------------------- authors, date, outlet

# Words that introduce a byline in several languages ("By", "Von", "Par", "Artikel von", "Posted by").
_BYLINE_PREFIX = re.compile(
    r"^\s*(?:(?:view\s+all\s+)?(?:posts|articles|beiträge|artikel)\s+(?:by|von)|(?:posted|written|published|"
    r"geschrieben|verfasst|veröffentlicht)\s+(?:by|von)|beitrag\s+von|auteur|autor(?:in)?|author|"
    r"by|von|vom|par|por|di|door|av|af)\s*:?\s+",
    re.IGNORECASE,
)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b)\s*")


def split_names(value: str) -> tuple[str, ...]:
    """Person names from a byline value: prefixes ("By", "Von") cut, lists split, links and emails left out."""
    names: list[str] = []
    for part in value.split(";"):
        part = _URL_TAIL.sub("", _BYLINE_PREFIX.sub("", part.strip()))
        names.extend(n.strip(" |,") for n in _NAME_SPLIT.split(part))
    return tuple(dict.fromkeys(n for n in names if _person_like(n)))


# "Jane Roe - https://…" (a link after the name); "Art Edwards says" heads a reader's comment.
_URL_TAIL = re.compile(r"\s+[-–|]\s+(?:https?://|www\.)\S*$")
_COMMENT_HEAD = re.compile(r"\b(?:says|said|sagt|schreibt|writes|wrote|dice|dit)$|^on\s+\w+\s+\d", re.I)


def _person_like(name: str) -> bool:
    return (
        bool(name)
        and len(name.split()) <= 5
        and not name.startswith("http")
        and "@" not in name
        and not _COMMENT_HEAD.search(name)
    )


def choose_authors(tree: Any, linked: _LinkedData) -> tuple[str, ...]:
    if linked.authors:
        return tuple(dict.fromkeys(n for a in linked.authors for n in split_names(a)))
    for name in ("author", "article:author", "dc.creator", "DC.creator", "sailthru.author", "parsely-author"):
        value = _meta(tree, name)
        if value and not value.startswith("http"):
            return split_names(value)
    return ()


def without_site_names(names: tuple[str, ...], site: _Site) -> tuple[str, ...]:
    """Leave out the outlet when it is listed beside people ("Rob Picheta, CNN")."""
    people = tuple(n for n in names if not site.named(n))
    return people or names


def choose_published(tree: Any) -> str | None:
    """The date a publication-time ``<meta>`` tag or ``<time datetime>`` states, as written (local time)."""
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
    site_name = _meta(tree, "og:site_name", "application-name") or linked.publisher
    canonical = tree.find('.//link[@rel="canonical"]')
    page_url = url or _meta(tree, "og:url") or (canonical.get("href") if canonical is not None else None)
    if page_url and not page_url.startswith(("http://", "https://")):
        page_url = None
    site = _Site([site_name, _meta(tree, "application-name"), linked.publisher], page_url or linked.url)
    return PageMeta(
        title=choose_title(tree, linked, site),
        authors=without_site_names(choose_authors(tree, linked), site),
        published=choose_published(tree),
        published_linked=linked.published,
        outlet=site_name,
        url=page_url or linked.url,
    )
