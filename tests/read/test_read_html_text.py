"""HTML body text: the headline and byline repeated at its top, prompts and related lists left out."""

from __future__ import annotations

import pytest

from dyads.read import read_bytes
from dyads.read.boilerplate import is_prompt, is_related_heading, is_stamp
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
    "heading",
    [
        "Related articles",
        "Auch interessant:",
        "Mehr zum Thema auf Example.de",
        "Lo más leído",
        "Mehr Themen:",
        "Tags",
    ],
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


# Prompts and labels sites set between paragraphs, in the languages sites use.
PROMPTS = [
    "VEA TAMBIÉN: Ministro anuncia nuevas medidas en el norte",
    "Zum Weiterlesen:",
    "Quelle: Deutscher Jagdverband (DJV), 02. Februar 2022, Berlin",
    "Copyright: Example Press Agency",
    "Kategorie: News",
    "HAZTE MIEMBRO Y DISFRUTA DE BENEFICIOS EXCLUSIVOS",
    "Werden Sie Mitglied und erhalten Sie exklusive Angebote!",
    "For the latest stories download the Example News apps for iOS and Android.",
    "¡Mira lo que tiene nuestro canal de YouTube!",
    "Bei den Verlinkungen handelt es sich um Affiliate Links.",
    "*Werbung. Dieser Beitrag enthält Werbung für Example.",
    "Sie sind aktuell nicht eingeloggt.",
    "Keine Kommentare (Kommentare erscheinen erst nach unserer Freigabe)",
    "Verraten Sie gerne in den Kommentaren: Was bedeutet das für Sie?",
    "Submit your letter to the editor via this form.",
    "Vorschau auf den nächsten Artikel",
    "View this post on Instagram",
]


@pytest.mark.parametrize("prompt", PROMPTS)
def test_prompts_and_labels(prompt: str) -> None:
    assert is_prompt(prompt)


@pytest.mark.parametrize("line", ["23.10.2018", "2021-10-16", "04/21/2022 | 19:49"])
def test_a_line_that_is_only_a_date_is_the_pages_stamp(line: str) -> None:
    assert is_stamp(line)
    assert article_paragraphs([PARAGRAPHS[0], line, PARAGRAPHS[1]], PageMeta()) == PARAGRAPHS[:2]


@pytest.mark.parametrize(
    "line", ["Termin: 21.02.2020, 19 Uhr", "1975", "Am 23.10.2018 fiel die Entscheidung."]
)
def test_a_line_that_says_something_about_a_date_is_text(line: str) -> None:
    assert not is_stamp(line)


def test_embedded_posts_are_kept_and_their_prompts_left_out() -> None:
    tweet = (
        "<blockquote class='twitter-tweet'><p>Our convoy has left Kidal this morning. The troops will regroup "
        "in Gao, as planned with our partners.</p>&mdash; Ministry of Defence (@DefenceMin) "
        "<a href='https://twitter.com/DefenceMin/status/1'>May 2, 2021</a></blockquote>"
    )
    post = (
        "<blockquote class='instagram-media'><div><a href='https://www.instagram.com/p/x/'>View this post on "
        "Instagram</a><p>Families leaving Kidal at dawn, carrying what they could. The road south is long.</p>"
        "</div></blockquote>"
    )
    markup = (
        f"<html><body><article><h1>{TITLE}</h1><p>{PARAGRAPHS[0]}</p>{tweet}<p>{PARAGRAPHS[1]}</p>{post}"
        f"<p>{PARAGRAPHS[2]}</p></article></body></html>"
    )
    text = read_bytes(markup.encode(), "kidal.html").text
    assert "Our convoy has left Kidal this morning." in text
    assert "Families leaving Kidal at dawn" in text
    assert "View this post" not in text
    assert (
        text.index(PARAGRAPHS[0])
        < text.index("Our convoy")
        < text.index(PARAGRAPHS[1])
        < text.index("Families")
    )
