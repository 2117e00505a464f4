"""Markdown crawls: syntax removed, byline/dateline/labels read, site boilerplate cut."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dyads.read.markdown import read_markdown
from dyads.read.markdown_syntax import clean_inline
from dyads.read.paragraphs import is_broken_pair, join_broken

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEED = SHARED / "corpus" / "seed" / "mali-opens-its-doors-to-russia.md"

BODY = (
    "Ministers from the two countries met in the capital on Tuesday to sign a trade agreement "
    "that officials said would double exports within five years."
)
MORE = (
    "The agreement follows months of negotiation and covers agriculture, mining and energy, "
    "according to a statement released after the meeting ended."
)

MARKDOWN_SYNTAX = re.compile(r"\]\(|\*\*|(?<!\w)_\w|^#|^>|!\[", re.M)


def test_inline_syntax_removed() -> None:
    text = "**Bold** and *italic*, a [link](https://x.test/a_(b)) and ![img](p.png) `code` \\*star"
    assert clean_inline(text) == "Bold and italic, a link and code *star"


def test_wire_style_page() -> None:
    page = f"""# Ministers Sign Trade Deal

By [Jane Roe](/authors/jane) and John Smith

The Daily Ledger, March 3, 2021

Tags: [Trade](#), [Economy](#)

{BODY}

{MORE}

Share this article on Facebook

Subscribe to our newsletter for daily updates.

© 2021 The Daily Ledger. All rights reserved.
"""
    article = read_markdown(page, "wire.md")
    assert article.title == "Ministers Sign Trade Deal"
    assert article.authors == ("Jane Roe", "John Smith")
    assert article.published == "2021-03-03"
    assert article.outlet == "The Daily Ledger"
    assert article.text == f"{BODY}\n\n{MORE}"


def test_blog_style_page_with_labels_and_rule_footer() -> None:
    page = f"""Posted in: World News

## A Quiet Border Town

**Published:** 12 January 2019 | **Author:** A. Writer

{BODY}

> "We are ready to work together," the minister said at the signing ceremony in the capital.

{MORE}

---

[Home](/) | [About](/about) | [Contact](/contact)

Follow us on Twitter

Category: Politics
"""
    article = read_markdown(page, "blog.md")
    assert article.title == "A Quiet Border Town"
    assert article.published == "2019-01-12"
    assert "Home" not in article.text and "Follow us" not in article.text
    assert "Category" not in article.text and "Posted in" not in article.text
    assert '"We are ready to work together," the minister said' in article.text
    assert article.text.endswith(MORE)


def test_prompts_between_paragraphs_are_dropped_but_article_kept() -> None:
    page = f"""# Talks Resume

{BODY}

Read more: Another story about something else

Become a member and support independent journalism

{MORE}

Click here to sign up for alerts.
"""
    article = read_markdown(page, "mid.md")
    assert article.text == f"{BODY}\n\n{MORE}"


def test_footer_opener_before_article_does_not_cut_it() -> None:
    page = f"""Copyright © 2020 Example Media

# Headline Here

{BODY}

{MORE}
"""
    article = read_markdown(page, "early.md")
    assert article.text == f"{BODY}\n\n{MORE}"


def test_front_matter_metadata() -> None:
    page = f"""---
title: "Front Matter Title"
date: 2022-05-06T10:00:00Z
author: Ada Lovelace
url: https://example.test/story
---

{BODY}
"""
    article = read_markdown(page, "fm.md")
    assert (article.title, article.published, article.authors) == (
        "Front Matter Title",
        "2022-05-06",
        ("Ada Lovelace",),
    )
    assert article.url == "https://example.test/story"
    assert article.text == BODY


def test_broken_paragraphs_joined() -> None:
    paragraphs = [
        "The statement came from the Ministry of Foreign",
        "Affairs on Monday.",
        "Short heading",
        "Next paragraph starts here.",
        "Then the talks were held in",
        "rooms the press could not enter.",
    ]
    joined = join_broken(paragraphs)
    assert joined == [
        "The statement came from the Ministry of Foreign Affairs on Monday.",
        "Short heading",
        "Next paragraph starts here.",
        "Then the talks were held in rooms the press could not enter.",
    ]
    assert not is_broken_pair("It ended.", "then it began")
    assert is_broken_pair("He said it would continue and", "Other words followed.")


@pytest.mark.skipif(not SEED.exists(), reason="shared corpus not present")
def test_seed_article() -> None:
    article = read_markdown(SEED.read_text(encoding="utf-8"), str(SEED))
    assert article.title == "Mali Opens Its Doors to Russia"
    assert article.authors == ("Kester Kenn Klomegah",)
    assert article.published == "2020-09-25"
    assert article.outlet == "Global Research"
    text = article.text
    assert text.startswith("With strict pressure")
    assert "After independence from France in 1960" in text.split("\n\n")[-1]
    assert not MARKDOWN_SYNTAX.search(text)
    for gone in ("Region:", "Theme:", "Note to readers", "Disclaimer", "Become a Member", "Articles by"):
        assert gone not in text
    assert "Russian Ministry of Foreign Affairs (MFA)" in text
    assert "\n\n\n" not in text and all(p.strip() for p in text.split("\n\n"))


def test_news_site_style_with_captions_widgets_and_author_note() -> None:
    page = f"""[Skip to content](#main)

* [World](/world)
* [Politics](/politics)

# Border Talks Collapse

### Negotiators blame each other

Published March 3, 2021 by Jane Roe | 5 min read

![Delegates](https://img.test/a.jpg)
*Delegates at the table. Photo: Example Agency*

{BODY}

## What happens next

{MORE}

**Related:** [Earlier talks stalled](/x)

*Jane Roe is a correspondent based in the region.*

Share this:
[Twitter](https://t.test) [Facebook](https://f.test)
"""
    article = read_markdown(page, "news.md")
    assert (article.title, article.authors, article.published) == (
        "Border Talks Collapse",
        ("Jane Roe",),
        "2021-03-03",
    )
    assert article.text == f"{BODY}\n\nWhat happens next\n\n{MORE}"


def test_short_first_sentence_with_a_date_stays() -> None:
    page = f"The vote was held on March 3, 2021.\n\n{BODY}"
    article = read_markdown(page, "dated.md")
    assert article.published is None
    assert article.text.startswith("The vote was held on March 3, 2021.")


def test_dateline_with_time_and_outlet() -> None:
    page = f"The Daily Ledger — 12 May 2019, 10:30 GMT\n\n{BODY}"
    article = read_markdown(page, "time.md")
    assert (article.published, article.outlet) == ("2019-05-12", "The Daily Ledger")
    assert article.text == BODY
