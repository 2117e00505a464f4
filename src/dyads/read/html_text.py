"""The body text of an HTML page: what the extractor found, without what has its own field or is the site's.

trafilatura keeps the page's main block whole. Inside it sit things that are not the
article's text:

* the headline and the byline repeated at its top: the Article has ``title`` and
  ``authors`` for them. The standfirst stays: it is the article's first statement of its news,
  and a page's summary (``og:description``) is most often its first paragraph cut short, so a
  paragraph repeating the summary is no sign of a standfirst;
* prompts between paragraphs ("Read more: …", "Subscribe to our newsletter") and picture
  credits ("(Credit: … / Grist)");
* lists of the site's other articles under a heading ("Related articles", "Auch interessant");
* a line that is only the page's date stamp ("23.10.2018").

Each is recognised by what it says or repeats (see ``boilerplate``), never by site.
"""

from __future__ import annotations

import re

from dyads.read.boilerplate import (
    is_caption,
    is_list_item,
    is_listed_title,
    is_prompt,
    is_related_heading,
    is_stamp,
)
from dyads.read.html_meta import PageMeta, split_names

# The head of the text: the headline, kicker, byline and date sit in its first lines.
_HEAD_PARAGRAPHS = 5
# A byline is a short line: a paragraph naming the author in a sentence is article text.
_MAX_BYLINE_WORDS = 12


def _key(text: str) -> str:
    """Case, spacing and punctuation do not make two statements of a headline different."""
    return re.sub(r"\W+", "", text.casefold())


def _is_byline(paragraph: str, authors: tuple[str, ...]) -> bool:
    if not authors or len(paragraph.split()) > _MAX_BYLINE_WORDS:
        return False
    named = {_key(name) for name in split_names(paragraph)}
    return bool(named) and named <= {_key(author) for author in authors}


def without_repeated_head(paragraphs: list[str], meta: PageMeta) -> list[str]:
    """Leave out the headline and the byline where the text repeats them at its top."""
    title = _key(meta.title or "")
    start = 0
    while start < min(len(paragraphs), _HEAD_PARAGRAPHS):
        paragraph = paragraphs[start]
        if (title and _key(paragraph) == title) or _is_byline(paragraph, meta.authors):
            start += 1
        else:
            break
    # A page that is nothing but its headline and byline keeps them: they are then its text.
    return paragraphs[start:] if start < len(paragraphs) else paragraphs


def without_related_lists(paragraphs: list[str]) -> list[str]:
    """Leave out each related-articles heading and the list of titles under it."""
    out: list[str] = []
    index = 0
    while index < len(paragraphs):
        if not is_related_heading(paragraphs[index]):
            out.append(paragraphs[index])
            index += 1
            continue
        index += 1
        # A bulleted list ends where the bullets end; a list of plain lines where the prose resumes.
        bulleted = index < len(paragraphs) and is_list_item(paragraphs[index])
        while index < len(paragraphs) and is_listed_title(paragraphs[index]):
            if bulleted and not is_list_item(paragraphs[index]):
                break
            index += 1
    return out


def article_paragraphs(paragraphs: list[str], meta: PageMeta) -> list[str]:
    """The article's own paragraphs among those the extractor kept."""
    # Related lists first: their heading ("Weiterlesen:") may also read as a prompt, and the list must go too.
    kept = without_related_lists(without_repeated_head(paragraphs, meta))
    kept = [p for p in kept if not is_prompt(p) and not is_caption(p) and not is_stamp(p)]
    # Boilerplate rules never empty a page: one that is all prompts is left as found.
    return kept or paragraphs
