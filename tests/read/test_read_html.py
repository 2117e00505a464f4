"""HTML pages: main text through trafilatura, metadata by our rules."""

from __future__ import annotations

import gzip
import json

import pytest
from trafilatura.utils import load_html

from dyads.model import ReadError
from dyads.read import read_bytes
from dyads.read.html_meta import page_meta, split_names

PARAGRAPHS = [
    "Government forces withdrew from the northern town of Kidal on Sunday after three days of "
    "fighting with rebel groups, according to local officials and residents reached by telephone.",
    "The defence ministry said in a statement that the withdrawal was temporary and that troops "
    "would regroup in the regional capital before a new operation planned for the coming weeks.",
    "Residents described empty streets and closed markets as families fled towards the border, "
    "while aid agencies warned that food supplies in the area were already running dangerously low.",
]


def page(head: str = "", h1: str = "Troops Withdraw From Kidal", nav: str = "") -> bytes:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">{head}</head>
<body><header class="site-header"><div class="logo"><h1>The Sahel Observer</h1></div>{nav}</header>
<main><article><h1>{h1}</h1>{body}</article></main>
<footer><p>Copyright 2021 The Sahel Observer. All rights reserved.</p></footer></body></html>""".encode()


def test_text_and_site_suffix_title() -> None:
    html = page(
        "<title>Troops Withdraw From Kidal | The Sahel Observer</title>"
        '<meta property="og:site_name" content="The Sahel Observer">'
    )
    article = read_bytes(html, "page.html")
    for paragraph in PARAGRAPHS:
        assert paragraph in article.text
    assert "All rights reserved" not in article.text
    assert article.title == "Troops Withdraw From Kidal"
    assert article.outlet == "The Sahel Observer"
    assert article.language == "en"


def test_json_ld_metadata() -> None:
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Troops Withdraw From Kidal",
        "datePublished": "2021-06-13T08:30:00+00:00",
        "author": [{"@type": "Person", "name": "Amadou Diallo"}, {"@type": "Person", "name": "Jane Roe"}],
        "publisher": {"@type": "Organization", "name": "The Sahel Observer"},
    }
    html = page(f'<title>Sahel Observer</title><script type="application/ld+json">{json.dumps(ld)}</script>')
    article = read_bytes(html, "ld.html")
    assert article.title == "Troops Withdraw From Kidal"
    assert article.authors == ("Amadou Diallo", "Jane Roe")
    assert article.published == "2021-06-13"


def test_meta_tags_and_gzip() -> None:
    html = page(
        "<title>Troops Withdraw From Kidal - The Sahel Observer</title>"
        '<meta name="author" content="By Amadou Diallo">'
        '<meta property="article:published_time" content="2021-06-13T08:30:00Z">'
        '<link rel="canonical" href="https://sahel.example/kidal">'
    )
    article = read_bytes(gzip.compress(html), "page.html.gz")
    assert article.authors == ("Amadou Diallo",)
    assert article.published == "2021-06-13"
    assert article.url == "https://sahel.example/kidal"
    assert article.title == "Troops Withdraw From Kidal"


def test_declared_legacy_charset() -> None:
    html = page(
        '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">', h1="Café Talks"
    ).replace(b'<meta charset="utf-8">', b"")
    html = html.replace(b"Kidal on Sunday", "Kidal on Sunday near the caf\u00e9".encode("latin-1"))
    article = read_bytes(html, "latin.html")
    assert "near the café" in article.text


def test_html_without_article_text() -> None:
    html = b"<html><head><title>Empty</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    with pytest.raises(ReadError, match="no article text"):
        read_bytes(html, "empty.html")


def test_byline_names() -> None:
    assert split_names("By Jane Roe and John Smith") == ("Jane Roe", "John Smith")
    assert split_names("Von Anna Beispiel; Max Muster") == ("Anna Beispiel", "Max Muster")
    assert split_names("View all posts by Perry Bacon Jr.") == ("Perry Bacon Jr.",)
    assert split_names("https://example.test/author/x") == ()
    assert split_names("Jane Roe - https://roe.example") == ("Jane Roe",)
    assert split_names("Art Reader says") == ()  # the head of a reader's comment


def test_logo_heading_is_not_the_title() -> None:
    html = page("<title>Troops Withdraw From Kidal</title>").decode()
    assert page_meta(load_html(html)).title == "Troops Withdraw From Kidal"
