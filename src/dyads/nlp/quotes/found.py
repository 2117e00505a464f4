"""The attribution record the quote finders share before speakers are resolved."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

Char = tuple[int, int]


def char_span(doc: Doc, left: int, right: int) -> Char | None:
    """Character span of tokens [left, right], without punctuation or spaces at either end."""
    while left <= right and (doc[left].is_punct or doc[left].is_space):
        left += 1
    while right >= left and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    if left > right:
        return None
    return doc[left].idx, doc[right].idx + len(doc[right])


@dataclass
class Attribution:
    """One reported utterance as found in the parse: what, by which cue, whose subject."""

    content: Char
    direct: bool
    cue: Char | None = None
    cue_token: Token | None = None
    subject: Token | None = None  # the speaker phrase's head, resolved later
    rule: str = ""
    named: Char | None = None  # a speaker named without a parse ("Gingrich: …")
    fragment: bool = False  # quoted words that may belong to a larger reported clause

    def __post_init__(self) -> None:
        # A subject inside the quoted words is a misparse, not the speaker. (Inside reported
        # content it is normal: "The vote, he said, was rigged.")
        s = self.subject
        if self.direct and s is not None and self.content[0] <= s.idx < self.content[1]:
            self.subject = None


def text_of(doc: Doc) -> str:
    """The document's text, joined once: ``Doc.text`` rebuilds it from the tokens each time."""
    cached = doc.user_data.get("dyads.text")
    if not isinstance(cached, str):
        cached = doc.text
        doc.user_data["dyads.text"] = cached
    return cached
