"""HTML body text: the headline and byline repeated at its top, prompts and related lists left out."""

from __future__ import annotations

import pytest

from dyads.read import read_bytes
from dyads.read.boilerplate import is_prompt, is_related_heading
from dyads.read.html_meta import PageMeta
from dyads.read.html_text import article_paragraphs

PARAGRAPHS = [
    "Government forces withdrew from the northern town of Kidal on Sunday after three days of "
    "fighting with rebel groups, according to local officials and residents reached by telephone.",
    "The defence ministry said in a statement that the withdrawal was temporary and that troops "
    "would regroup in the regional capital before a new operation planned for the coming weeks.",
    "Residents described empty streets and closed markets as families fled towards the border, "
    "while aid agencies warned that food supplies in the area were already running dangerously low.",
    "A regional official said that the streaming service had lost thousands of subscribers in the "
    "north since the fighting began, as power cuts left whole districts without electricity for days.",
]
TITLE = "Troops Withdraw From Kidal After Three Days of Fighting"

# What sites put in and around an article, each in the language a site would use.
BOILERPLATE = [
    "Read more: Mali's junta names a new prime minister",
    "Lesen Sie auch: Bundeswehr verlässt Gao",
    "Sign up for our daily newsletter and never miss a story.",
    "Write to Amadou Diallo at amadou.diallo@example.test",
    "Order reprints | Today's paper | Subscribe",
    "© 2021 The Sahel Observer. All rights reserved.",
]
RELATED = [
    "Related articles",
    "- Mali's junta names a new prime minister",
    "- Ceasefire talks stall in Algiers",
]


def article_page() -> bytes:
    body = (
        f"<h1>{TITLE}</h1><p class='byline'>By Amadou Diallo</p>"
        f"<p>{PARAGRAPHS[0]}</p><p>{BOILERPLATE[0]}</p><p>{PARAGRAPHS[1]}</p><p>{BOILERPLATE[1]}</p>"
        f"<p>{PARAGRAPHS[2]}</p><p>{BOILERPLATE[2]}</p><p>{PARAGRAPHS[3]}</p>"
        f"<p>{BOILERPLATE[3]}</p><p>{BOILERPLATE[4]}</p><p>{BOILERPLATE[5]}</p>"
        "<h2>Related articles</h2><ul>"
        "<li><a href='/junta'>Mali's junta names a new prime minister</a></li>"
        "<li><a href='/talks'>Ceasefire talks stall in Algiers</a></li></ul>"
    )
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{TITLE} | The Sahel Observer</title><meta name="author" content="Amadou Diallo">
<meta property="og:site_name" content="The Sahel Observer"></head>
<body><main><article>{body}</article></main></body></html>""".encode()


def test_html_body_keeps_the_article_and_leaves_out_what_is_not() -> None:
    article = read_bytes(article_page(), "kidal.html")
    paragraphs = article.text.split("\n\n")
    assert paragraphs == PARAGRAPHS
    assert article.title == TITLE
    assert article.authors == ("Amadou Diallo",)


def test_paragraph_rules_directly() -> None:
    meta = PageMeta(title=TITLE, authors=("Amadou Diallo",))
    found = [TITLE, "By Amadou Diallo", PARAGRAPHS[0], *BOILERPLATE, PARAGRAPHS[1], *RELATED, PARAGRAPHS[2]]
    assert article_paragraphs(found, meta) == PARAGRAPHS[:3]


def test_headline_inside_the_text_is_kept() -> None:
    # Only a repeat at the top is a repeat: the same words further down are the article's.
    meta = PageMeta(title="Kidal")
    assert article_paragraphs([PARAGRAPHS[0], "Kidal", PARAGRAPHS[1]], meta) == [
        PARAGRAPHS[0],
        "Kidal",
        PARAGRAPHS[1],
    ]


def test_a_page_of_nothing_but_boilerplate_is_left_as_found() -> None:
    found = [TITLE]
    assert article_paragraphs(found, PageMeta(title=TITLE)) == found


def test_related_list_ends_where_the_article_resumes() -> None:
    found = [
        PARAGRAPHS[0],
        "Auch interessant:",
        "- Bundeswehr verlässt Gao",
        "Weiterführende Links",
        PARAGRAPHS[1],
    ]
    assert article_paragraphs(found, PageMeta()) == [PARAGRAPHS[0], "Weiterführende Links", PARAGRAPHS[1]]


@pytest.mark.parametrize(
    "heading", ["Related articles", "Auch interessant:", "Mehr zum Thema auf Example.de", "Lo más leído"]
)
def test_related_headings(heading: str) -> None:
    assert is_related_heading(heading)


@pytest.mark.parametrize(
    "heading", ["Noch mehr Arbeit für die Polizei", "Related talks in Algiers stall again"]
)
def test_headings_that_only_begin_like_related_ones(heading: str) -> None:
    assert not is_related_heading(heading)


def test_a_long_paragraph_that_mentions_subscribers_is_article_text() -> None:
    assert all(is_prompt(b) for b in BOILERPLATE)
    assert not is_prompt(PARAGRAPHS[3] + " " + PARAGRAPHS[0])
