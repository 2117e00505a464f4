"""The record of one candidate's coding while the decision rules fill it in.

A :class:`Draft` starts with the participant tokens of a candidate; each rule of
``decision`` reads it and may reject it, add a party, or change its type or mode. A rule
that acted is recorded by name in ``decided_by`` (the guard that rejected a candidate is also
``rejected_by``), so the Event made from the draft can say which rules decided it.
A :class:`Scene` is what every candidate of one article is coded against.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from dyads.model import Article, Place, Quote, TimeExpr
from dyads.nlp.events.arguments import Arguments
from dyads.nlp.events.index import ActorIndex
from dyads.nlp.events.lexicon import Lexicon
from dyads.nlp.events.memory import SpeakerMemory
from dyads.nlp.events.modality import Modality
from dyads.nlp.events.triggers import Candidate


@dataclass
class Scene:
    """One article as the event rules see it: its actors, times and places, the lexicon, and
    the memory of who its sentences were about."""

    article: Article
    index: ActorIndex
    times: Sequence[TimeExpr]
    places: Sequence[Place]
    lexicon: Lexicon
    memory: SpeakerMemory = field(default_factory=SpeakerMemory)
    quotes: Sequence[Quote] = ()

    def speaker_at(self, offset: int) -> str | None:
        """The speaker of the quotation whose words hold the character at ``offset``, if known
        (a thought or plan attributed to someone is not their words)."""
        for quote in self.quotes:
            if quote.speaker and quote.speech and quote.content[0] <= offset < quote.content[1]:
                return quote.speaker
        return None

    def in_direct_quotation(self, offset: int) -> bool:
        """Does the character at ``offset`` lie inside quotation marks (a speaker's own words)?"""
        return any(q.direct and q.content[0] <= offset < q.content[1] for q in self.quotes)


@dataclass
class Draft:
    """One candidate's event as far as the rules have decided it."""

    cand: Candidate
    sent: Span
    scene: Scene
    arguments: Arguments
    reverser: Token | None  # the verb whose subject is the actor ("remove the sanctions imposed …")
    actor_tokens: list[Token]
    recipient_tokens: list[Token]
    happens: bool  # a nominal event said to happen ("protests erupted")
    actor_ids: list[str] = field(default_factory=list)
    recipient_ids: list[str] = field(default_factory=list)
    # the coding: the type starts as the trigger's and the recode rules may change it
    event_type: str = ""
    mode: str | None = None
    auxiliary: str | None = None
    note: str = ""  # what the modality recode did, for ``Event.why``
    ordered: Candidate | None = None  # the ordered act coded in place of the order
    carrier: Token | None = None  # the verb whose clause gives the modality
    modality: Modality = field(default_factory=Modality)
    date: str | None = None
    date_precision: str | None = None
    date_span: tuple[str, str] | None = None  # the days of a week (``date`` is its month)
    date_why: str = ""  # where the date came from, for ``Event.why``
    decided_by: tuple[str, ...] = ()  # names of the rules that acted, in order
    rejected_by: str | None = None  # the guard that rejected the candidate

    def acted(self, rule: Rule) -> bool:
        """Did this rule act on the draft (reject it, supply a party, recode it)?"""
        return rule.__name__ in self.decided_by


# A rule reads a draft, may change it, and says whether it acted.
Rule = Callable[[Draft], bool]
