"""The kinds of site boilerplate pages wrap around an article, as rules over paragraphs.

Three strengths of rule, their phrases in ``knowledge/lexicons/read_boilerplate.yaml``:

* a *footer opener* ("Note to readers", "The original source of this article",
  "Copyright ©", "Disclaimer:", "About the author") starts the site's footer in a
  text or Markdown crawl: once the article has begun, it and everything after it go;
* a *related heading* ("Related articles", "Auch interessant", "Lo más leído")
  introduces a list of the site's other articles: it and the short lines after it go;
* a *prompt* (read-more links, share and follow requests, subscribe/newsletter/membership
  appeals, "Write to … at", "Order reprints", copyright notices) is a short paragraph
  dropped wherever it stands, because such lines also sit between article paragraphs.

The rules name what sites say, never one site.
"""

from __future__ import annotations

import re

from dyads.knowledge.registry import words

_LEXICON = words("read_boilerplate")


def _phrase_pattern(phrase: str) -> str:
    """A lexicon phrase as a pattern: any spacing between words, "..." for any words, whole words."""
    parts = [r"\s+".join(re.escape(word) for word in piece.split()) for piece in phrase.split("...")]
    pattern = r"\b.*?\b".join(p for p in parts if p)
    if phrase[:1].isalnum():
        pattern = r"\b" + pattern
    if phrase.rstrip(".")[-1:].isalnum():
        pattern += r"\b"
    return pattern


def _alternatives(key: str) -> str:
    # Longest first, so that "related articles" wins over "related" where the length matters.
    return "|".join(_phrase_pattern(p) for p in sorted(_LEXICON[key], key=len, reverse=True))


# Symbols, not words, so they stay here: "© 2021", "(c) Reuters", "Copyright 2021".
_COPYRIGHT = r"copyright\s*(?:©|\(c\)|\d{4})|(?:©|\(c\))\s*(?:\d{4}|\w)"

_FOOTER_OPENERS = re.compile(
    rf"^\W*(?:{_COPYRIGHT}|(?:{_alternatives('footer_openers')})"
    # A "Comments" or "Most read" heading alone on its line.
    r"|comments?\s*(?:\(\d+\))?\s*:?\s*$|(?:recommended|trending|most\s+(?:read|popular|viewed))"
    r"(?:\s+(?:articles|stories|now))?\s*:?\s*$)",
    re.IGNORECASE,
)
_PROMPT_OPENERS = re.compile(rf"^\W*(?:{_alternatives('prompt_openers')})", re.IGNORECASE)
_PROMPT_PHRASES = re.compile(rf"{_alternatives('prompt_phrases')}|^\W*(?:{_COPYRIGHT})", re.IGNORECASE)
# A related heading is the whole line, perhaps naming the site after a preposition ("Mehr zum Thema auf
# UEPO.de"); not a heading that only begins so ("Noch mehr Arbeit für …").
_RELATED_HEADINGS = re.compile(
    rf"^\W*(?:{_alternatives('related_headings')})(?:\W*$|\s+(?:{_alternatives('site_prepositions')})\s+\S)",
    re.IGNORECASE,
)

# A prompt is a line or two; a longer paragraph that says "subscribe" is article text.
_MAX_PROMPT_WORDS = 40
# A heading is a few words; the titles listed under it are short lines too.
_MAX_HEADING_WORDS = 8
_MAX_LISTED_TITLE_WORDS = 20


# Picture credits inside a caption ("Delegates at the table. Photo: Reuters").
_CREDIT = re.compile(
    r"\b(?:photo(?:graph)?s?|image|picture|pictured|credit|illustration|foto|bild)\s*(?:credit)?\s*[:©]"
    r"|\((?:photo|image|file photo)\b|\bgetty\s+images\b|©\s*\w+\s*/",
    re.IGNORECASE,
)
_MAX_CAPTION_WORDS = 40


def is_caption(paragraph: str) -> bool:
    return len(paragraph.split()) <= _MAX_CAPTION_WORDS and bool(_CREDIT.search(paragraph))


def opens_footer(paragraph: str) -> bool:
    return bool(_FOOTER_OPENERS.search(paragraph))


def is_prompt(paragraph: str) -> bool:
    if len(paragraph.split()) > _MAX_PROMPT_WORDS:
        return False
    return bool(_PROMPT_OPENERS.search(paragraph) or _PROMPT_PHRASES.search(paragraph))


def is_related_heading(paragraph: str) -> bool:
    return len(paragraph.split()) <= _MAX_HEADING_WORDS and bool(_RELATED_HEADINGS.search(paragraph))


def is_list_item(paragraph: str) -> bool:
    return paragraph.lstrip().startswith(("- ", "* ", "• "))


def is_listed_title(paragraph: str) -> bool:
    """A line of a list of links: a list item, or a short line."""
    return is_list_item(paragraph) or len(paragraph.split()) <= _MAX_LISTED_TITLE_WORDS


# A date or a time in figures ("23.10.2018", "2021-10-16", "04/21/2022", "19:49").
_NUMERIC_STAMP = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}:\d{2}(?::\d{2})?")


def is_stamp(paragraph: str) -> bool:
    """A line that is only a date or a time: the page's stamp on the article, not its text."""
    return bool(_NUMERIC_STAMP.search(paragraph)) and not any(
        ch.isalnum() for ch in _NUMERIC_STAMP.sub("", paragraph)
    )


def is_decoration(paragraph: str) -> bool:
    """Separator lines ("*", "* * *", "###") and other paragraphs without a letter or digit."""
    return not any(ch.isalnum() for ch in paragraph)
