"""Pages nested deeper than the HTML parser's limit keep their text."""

from __future__ import annotations

import pytest
from trafilatura.utils import load_html

from dyads.read import read_bytes
from dyads.read.html_depth import MAX_DEPTH, flatten_deep_markup, lost_depth, tree_depth

SENTENCES = [
    "Government forces withdrew from the northern town of Kidal on Sunday after three days of fighting.",
    "The defence ministry said in a statement that the withdrawal was temporary and troops would regroup.",
    "Residents described empty streets and closed markets as families fled towards the border.",
]


def deep_page(depth: int) -> str:
    # A script at every level: left out below the limit, it must not turn into text.
    body = "".join(f"<p>{s}</p>" for s in SENTENCES[:2])
    return (
        "<html><head><title>Kidal</title></head><body>"
        + "<div class='wrap'><script>var tracker = 1;</script>" * depth
        + body
        + f"<div>{SENTENCES[2]}</div>"
        + "</div>" * depth
        + "</body></html>"
    )


@pytest.mark.parametrize("depth", [300, 3000])
def test_deep_page_keeps_its_text(depth: int) -> None:
    article = read_bytes(deep_page(depth).encode(), "deep.html")
    paragraphs = article.text.split("\n\n")
    for sentence in SENTENCES:
        assert sentence in paragraphs
    assert "tracker" not in article.text


def test_flattened_markup_stays_under_the_limit_and_keeps_every_word() -> None:
    markup = deep_page(1000)
    assert lost_depth(load_html(markup))
    flat = flatten_deep_markup(markup)
    tree = load_html(flat)
    assert tree is not None
    assert not lost_depth(tree)
    assert tree_depth(tree) <= MAX_DEPTH + 3  # html, body and a paragraph break around the kept levels
    text = tree.text_content()
    for sentence in SENTENCES:
        assert sentence in text


def test_flattening_keeps_attributes_and_entities_above_the_limit() -> None:
    markup = '<html><body><div id="a&amp;b"><p>Fish &amp; chips &lt;3</p></div></body></html>'
    tree = load_html(flatten_deep_markup(markup))
    assert tree is not None
    assert tree.find(".//div").get("id") == "a&b"
    assert tree.find(".//p").text == "Fish & chips <3"


def test_ordinary_pages_are_not_rewritten() -> None:
    assert not lost_depth(load_html(deep_page(40)))
