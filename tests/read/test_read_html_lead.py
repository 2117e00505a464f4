"""The standfirst the extractor drops with the article's header is put back above the body."""

from __future__ import annotations

from typing import Any

from trafilatura.utils import load_html

from dyads.read import read_bytes
from dyads.read.html_layout import class_tokens, page_text
from dyads.read.html_lead import with_lead

BODY = [
    "Government forces withdrew from the northern town of Kidal on Sunday after three days of "
    "fighting with rebel groups, according to local officials and residents reached by telephone.",
    "The defence ministry said in a statement that the withdrawal was temporary and that troops "
    "would regroup in the regional capital before a new operation planned for the coming weeks.",
]
LEAD = "The army leaves the last town it held in the north, and aid agencies fear for the food supply."


def page(header: str, after: str = "", site: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    return (
        f"<html><body><header class='masthead'>{site}</header><main><article>"
        f"<header><h1>Troops leave Kidal</h1>{header}</header>"
        f"<div class='article-body'>{paragraphs}</div>{after}</article></main></body></html>"
    )


def parse(markup: str) -> Any:
    tree = load_html(markup)
    assert tree is not None
    return tree


def restored(markup: str, authors: tuple[str, ...] = ()) -> list[str]:
    return with_lead(list(BODY), page_text(parse(markup)), authors)


def test_a_standfirst_classed_as_such_goes_above_the_body() -> None:
    assert restored(page(f"<div class='article__intro'>{LEAD}</div>")) == [LEAD, *BODY]


def test_an_unclassed_paragraph_in_the_article_header_is_the_standfirst() -> None:
    assert restored(page(f"<p>{LEAD}</p>")) == [LEAD, *BODY]


def test_a_standfirst_already_in_the_text_is_not_repeated() -> None:
    markup = page(f"<p class='lead'>{LEAD}</p>")
    assert with_lead([LEAD, *BODY], page_text(parse(markup))) == [LEAD, *BODY]


def test_bylines_datelines_and_credits_in_the_standfirst_place_stay_out() -> None:
    byline = "By Amadou Diallo and Awa Traoré, reporting from Bamako and Gao for the paper"
    dateline = "Updated on 29 May 2017 at 14:14, first published on 28 May 2017 in the morning"
    credit = "Soldiers at a checkpoint outside Kidal last week, seen from the road. © Example Agency"
    assert restored(page(f"<div class='lead'>{byline}</div>"), ("Amadou Diallo",)) == BODY
    assert restored(page(f"<div class='intro'>{dateline}</div>")) == BODY
    assert restored(page(f"<div class='summary'>{credit}</div>")) == BODY


def test_furniture_classed_as_a_lead_stays_out() -> None:
    # "lead-asset", "entry-meta": a picture or a meta line where the standfirst would be.
    assert restored(page(f"<div class='lead-asset'>{LEAD}</div>")) == BODY
    assert restored(page(f"<p class='entry-meta intro'>{LEAD}</p>")) == BODY


def test_the_sites_own_description_is_not_the_articles_standfirst() -> None:
    # In the site's header: it shares nothing with the article but the page's <body>.
    tagline = (
        "<p class='site-description'>The blog about everything that happens in the Sahel and beyond.</p>"
    )
    assert restored(page("", site=tagline)) == BODY
    description = "<p class='description'>The blog about everything that happens in the Sahel and beyond.</p>"
    assert restored(page("", site=description)) == BODY


def test_teasers_below_the_article_are_not_its_standfirst() -> None:
    teaser = f"<div class='teaser'>{LEAD}</div>"
    assert restored(page("", after=teaser)) == BODY


def test_a_list_of_links_is_not_a_standfirst() -> None:
    links = "".join(
        f"<a href='/{n}'>Another story about the war in the north number {n}</a> " for n in range(3)
    )
    assert restored(page(f"<div class='teaser'>{links}</div>")) == BODY


def test_the_whole_reader_keeps_the_standfirst_once_and_first() -> None:
    markup = page(f"<p class='standfirst'>{LEAD}</p>")
    text = read_bytes(markup.encode(), "kidal.html").text
    assert text.count(LEAD) == 1
    assert text.startswith(LEAD)


def test_page_text_skips_scripts_and_finds_paragraphs() -> None:
    tree = parse(
        f"<html><body><div class='storyLead'><script>var x = 1;</script>{LEAD}</div>{BODY[0]}</body></html>"
    )
    text = page_text(tree)
    lead = tree.find(".//div")
    assert text.text_of(lead) == LEAD
    assert text.owner_at(text.find(LEAD)) is lead
    assert text.find("not on the page") == -1
    assert class_tokens(lead) == {"story", "lead"}
