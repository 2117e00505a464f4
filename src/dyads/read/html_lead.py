"""The standfirst the extractor left behind, put back above the article's body.

Pages set the standfirst (lead, teaser, intro) apart from the body, often inside the
article's ``<header>`` beside the headline; the extractor drops it with the header. It is
the article's first statement of its news, and readers (and the gold of what a page's text
is) count it as text. It is found by its markup: the nearest element before the body's
first paragraph that the page classes as a lead, or a paragraph in the article's header.
"""

from __future__ import annotations

import re
from typing import Any

from dyads.knowledge.registry import words
from dyads.read.boilerplate import is_caption, is_prompt
from dyads.read.html_layout import PageText, ancestors, class_tokens, common_ancestor, is_inside, norm

_LEAD_CLASSES = frozenset(words("read_layout")["lead_classes"])
_FURNITURE_CLASSES = frozenset(words("read_layout")["furniture_classes"])
# A dateline or a byline's time ("29. Mai 2017, 14:14 Uhr"), or a picture's copyright: not a standfirst.
_NOT_LEAD_TEXT = re.compile(r"\b\d{1,2}:\d{2}\b|©|<\w+[\s>]")
# A byline names its author in its first words.
_BYLINE_REACH = 40
# A block that is mostly links lists other pages.
_MAX_LINK_SHARE = 0.5
# A standfirst is a sentence or a few; a shorter line is a kicker or a label, a longer block the body.
_MIN_LEAD_WORDS = 8
_MAX_LEAD_WORDS = 150
# A paragraph long enough to be the body's, not a heading or a byline.
_MIN_BODY_WORDS = 12
# The body's first paragraph is among the first few the extractor kept.
_BODY_SEARCH = 6
# Its opening words in the text already: the extractor kept the standfirst.
_SEEN_PROBE = 60
# Page furniture (identifiers, not words)
_FURNITURE = frozenset({"nav", "aside", "footer", "form", "figure", "figcaption"})


def _body_start(paragraphs: list[str], page: PageText) -> tuple[int, int] | None:
    """(index of the body's first long paragraph, its offset in the page)."""
    for index, paragraph in enumerate(paragraphs[:_BODY_SEARCH]):
        if len(paragraph.split()) >= _MIN_BODY_WORDS:
            offset = page.find(paragraph)
            return (index, offset) if offset >= 0 else None
    return None


def _is_lead(element: Any) -> bool:
    # A list item is one of many; an <h1> is the headline, which has its own field.
    if element.tag in ("li", "h1"):
        return False
    tokens = class_tokens(element) if element.get("class") or element.get("id") else set()
    if tokens & _FURNITURE_CLASSES:
        return False
    if tokens & _LEAD_CLASSES:
        return True
    # An unclassed paragraph in the article's header, below the headline.
    return element.tag == "p" and any(node.tag == "header" for node in ancestors(element)[:2])


def _candidates(page: PageText, body_offset: int, body_element: Any) -> list[Any]:
    """Lead-like elements above the body, in the same part of the page (not the site's header)."""
    out = []
    for element, start in page.first.items():
        if start >= body_offset or not isinstance(element.tag, str) or not _is_lead(element):
            continue
        if is_inside(body_element, element) or element.find(".//h1") is not None:
            continue
        if any(node.tag in _FURNITURE for node in [element, *ancestors(element)]):
            continue
        shared = common_ancestor(element, body_element)
        if shared is not None and shared.tag not in ("body", "html"):
            out.append(element)
    return out


def _link_share(element: Any, text: str) -> float:
    linked = sum(len(norm(link.text_content())) for link in element.iter("a"))
    return linked / max(len(text), 1)


def _reads_as_lead(text: str, element: Any, authors: tuple[str, ...]) -> bool:
    if not _MIN_LEAD_WORDS <= len(text.split()) <= _MAX_LEAD_WORDS:
        return False
    opening = text[:_BYLINE_REACH].casefold()
    if any(name.casefold() in opening for name in authors):
        # A byline ("by J. Doe, Apr. 26, 2022") set where a standfirst would be.
        return False
    return not (
        _NOT_LEAD_TEXT.search(text)
        or is_caption(text)
        or is_prompt(text)
        or _link_share(element, text) > _MAX_LINK_SHARE
    )


def with_lead(paragraphs: list[str], page: PageText, authors: tuple[str, ...] = ()) -> list[str]:
    """The paragraphs with the page's standfirst above the body, if the extractor dropped it."""
    found = _body_start(paragraphs, page)
    if found is None:
        return paragraphs
    index, offset = found
    candidates = _candidates(page, offset, page.owner_at(offset))
    if not candidates:
        return paragraphs
    # The nearest one above the body; of an element and its children, the whole element.
    nearest = max(page.first[element] for element in candidates)
    lead = next(element for element in candidates if page.first[element] == nearest)
    text = page.text_of(lead)
    if not _reads_as_lead(text, lead, authors) or text[:_SEEN_PROBE] in norm(" ".join(paragraphs)):
        return paragraphs
    return [*paragraphs[:index], text, *paragraphs[index:]]
