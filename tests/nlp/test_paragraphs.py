"""A sentence never runs across a paragraph break (the parser alone joins a heading or a byline
to the next paragraph's first sentence)."""

from __future__ import annotations

from spacy.language import Language

from dyads.nlp.paragraphs import is_paragraph_break

TEXT = (
    "Mali Opens Its Doors to Russia\n\n"
    "By a staff reporter\n\n"
    "Russia signed a military cooperation agreement with Mali on Monday. The deal\n"
    "was welcomed in Bamako.\n\n"
    "Another paragraph without a full stop"
)


def test_blank_lines_are_paragraph_breaks() -> None:
    assert is_paragraph_break("\n\n")
    assert is_paragraph_break(" \n \n")
    assert not is_paragraph_break("\n")
    assert not is_paragraph_break("  ")


def test_no_sentence_crosses_a_paragraph_break(nlp: Language) -> None:
    doc = nlp(TEXT)
    for sent in doc.sents:
        assert "\n\n" not in sent.text.strip(), sent.text
    starts = [s.text.strip().split()[0] for s in doc.sents]
    assert starts[:3] == ["Mali", "By", "Russia"]


def test_a_line_break_inside_a_paragraph_is_not_a_sentence_break(nlp: Language) -> None:
    sents = [s.text for s in nlp(TEXT).sents]
    assert any("The deal\nwas welcomed" in s for s in sents)


def test_the_first_word_of_a_paragraph_stays_with_its_sentence(nlp: Language) -> None:
    doc = nlp("By Kester Kenn\n\nRussia signed a deal with Mali on Monday.")
    assert [s.text.strip() for s in doc.sents][-1] == "Russia signed a deal with Mali on Monday."


def test_a_sentence_a_crawl_broke_across_paragraphs_stays_whole(nlp: Language) -> None:
    text = (
        "In an official statement to mark the anniversary of its independence, the Russian "
        "Ministry of Foreign\n\nAffairs hoped that Mali would hold free elections."
    )
    assert len(list(nlp(text).sents)) == 1
