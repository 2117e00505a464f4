"""The attribution record the quote finders share before speakers are resolved."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

Char = tuple[int, int]


@dataclass
class Attribution:
    """One reported utterance as found in the parse: what, by which cue, whose subject."""

    content: Char
    direct: bool
    cue: Char | None = None
    cue_token: Token | None = None
    subject: Token | None = None  # the speaker phrase's head, resolved later
    continues: Attribution | None = None  # an earlier quote whose speaker this one shares
    rule: str = ""
