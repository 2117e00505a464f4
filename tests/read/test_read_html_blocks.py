"""A long article set in a run of like blocks is kept whole: the blocks beside the kept one come back."""

from __future__ import annotations

from typing import Any

from trafilatura.utils import load_html

from dyads.read import read_bytes
from dyads.read.html_blocks import with_sibling_blocks
from dyads.read.html_layout import page_text

# Six paragraphs of an interview, two to a text module.
PARAGRAPHS = [
    f"Paragraph {n} of the interview, in which the minister explains at some length why the talks "
    f"with the armed groups of the north broke down for the {word} time this year and what comes next."
    for n, word in enumerate(["first", "second", "third", "fourth", "fifth", "sixth"], 1)
]


def parse(markup: str) -> Any:
    tree = load_html(markup)
    assert tree is not None
    return tree


def module(first: int, kind: str = "editorial-module text-module") -> str:
    inner = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[first : first + 2])
    return f"<div class='{kind}'><div class='text'>{inner}</div></div>"


def magazine(between: str = "<div class='editorial-module image-module'><img src='x.jpg'></div>") -> str:
    return (
        "<html><body><main><div class='single-wrapper'>"
        f"{module(0)}{between}{module(2)}{between}{module(4)}"
        "</div></main></body></html>"
    )


def test_the_modules_beside_the_kept_one_come_back_in_page_order() -> None:
    page = page_text(parse(magazine()))
    assert with_sibling_blocks(PARAGRAPHS[2:4], page) == PARAGRAPHS


def test_blocks_of_the_same_kind_inside_the_kept_container_come_back() -> None:
    # The kept text spans two items; the third item of the same kind was left out.
    items = "".join(
        f"<div class='story-item'><p>{p}</p><p>{q}</p></div>"
        for p, q in zip(PARAGRAPHS[::2], PARAGRAPHS[1::2], strict=True)
    )
    page = page_text(parse(f"<html><body><article class='story'>{items}</article></body></html>"))
    assert with_sibling_blocks(PARAGRAPHS[:4], page) == PARAGRAPHS


def test_a_block_the_extractor_kept_part_of_is_left_as_it_chose() -> None:
    page = page_text(parse(magazine()))
    kept = [PARAGRAPHS[0], *PARAGRAPHS[2:4]]
    # The first module's second paragraph stays out; the third module, untouched, comes back.
    assert with_sibling_blocks(kept, page) == [*kept, *PARAGRAPHS[4:]]


def test_teasers_posts_and_grid_columns_beside_the_article_stay_out() -> None:
    for kind in ("teaser", "post", "col-md-6 row"):
        markup = magazine().replace("editorial-module text-module", kind)
        page = page_text(parse(markup))
        assert with_sibling_blocks(PARAGRAPHS[2:4], page) == PARAGRAPHS[2:4], kind


def test_lists_of_links_beside_the_article_stay_out() -> None:
    links = "".join(f"<p><a href='/{n}'>{p}</a></p>" for n, p in enumerate(PARAGRAPHS[4:]))
    markup = magazine().replace(
        module(4), f"<div class='editorial-module text-module'><div class='text'>{links}</div></div>"
    )
    page = page_text(parse(markup))
    assert with_sibling_blocks(PARAGRAPHS[:2], page) == PARAGRAPHS[:4]


def test_short_blocks_of_labels_are_not_prose() -> None:
    labels = "<div class='editorial-module text-module'><div class='text'><p>Interview</p><p>Photos</p></div></div>"
    page = page_text(parse(magazine().replace(module(4), labels)))
    assert with_sibling_blocks(PARAGRAPHS[:2], page) == PARAGRAPHS[:4]


def test_the_whole_reader_keeps_a_long_magazine_page_whole_and_in_order() -> None:
    text = read_bytes(magazine().encode(), "interview.html").text
    positions = [text.find(p) for p in PARAGRAPHS]
    assert all(position >= 0 for position in positions)
    assert positions == sorted(positions)
