"""Typed records at the core of dyads.

Every stage of the pipeline returns these frozen dataclasses; JSON (see
``contract.py``), SQL rows and HTML are renderings of them at the edges.
All spans are ``(start, end)`` character offsets into ``Article.text``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Span = tuple[int, int]

ActorKind = Literal["person", "country", "organization", "group"]
PlaceFeature = Literal["city", "country", "region", "admin", "landmark"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
Auxiliary = Literal["historical", "future", "hypothetical", "negation"]


@dataclass(frozen=True)
class Article:
    """Clean text of one article and what is known about it."""

    id: str
    text: str
    url: str | None = None
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None  # ISO date, as precise as known
    outlet: str | None = None
    language: str = "en"
    source: str | None = None  # where the bytes came from (path, URL, "jsonl:LINE")
    warnings: tuple[str, ...] = ()  # e.g. truncation or language notes


@dataclass(frozen=True)
class Role:
    """A dated role an actor holds, e.g. President of MLI from 2013-09-04."""

    title: str
    of: str | None = None  # ISO3 or organisation the role is held in
    start: str | None = None  # "from" in the contract
    end: str | None = None  # "to" in the contract


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: ActorKind
    country: str | None = None
    sector: str | None = None
    org: str | None = None
    code: str | None = None
    roles: tuple[Role, ...] = ()
    mentions: tuple[Span, ...] = ()
    why: str | None = None  # how the actor was resolved (knowledge entry, rule)


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    country: str | None = None
    feature: PlaceFeature = "city"
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True)
class TimeExpr:
    span: Span
    value: str
    type: TimeType = "DATE"


@dataclass(frozen=True)
class Quote:
    id: str
    content: Span
    speaker: str | None = None  # actor id
    speaker_span: Span | None = None
    cue: Span | None = None
    direct: bool = True
    antecedent: Span | None = None  # the earlier mention a pronoun/nominal speaker resolved to
    why: str | None = None  # the rule that found the quotation
    speech: bool = True  # False: a thought, plan or finding attributed to the speaker, not words


@dataclass(frozen=True)
class Event:
    id: str
    type: str  # PLOVER type
    trigger: Span
    sentence: Span
    actor: tuple[str, ...] = ()  # actor ids
    recipient: tuple[str, ...] = ()
    mode: str | None = None
    context: tuple[str, ...] = ()
    cameo: str | None = None
    score: float = 0.0
    date: str | None = None
    date_precision: str | None = None  # "day" | "week" | "month" | "year" | "article"
    date_span: tuple[str, str] | None = None  # first and last day of a week ("date" says its month)
    location: str | None = None  # place id
    auxiliary: Auxiliary | None = None
    confidence: float = 0.5  # estimated probability that type, actor and recipient country are right
    why: str | None = None  # the rule or lexicon entry that coded it
    signals: tuple[str, ...] = ()  # what the confidence was estimated from ("actor:named_actors", …)


@dataclass(frozen=True)
class Analysis:
    article: Article
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[TimeExpr, ...] = ()

    def actor(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def place(self, place_id: str) -> Place | None:
        return next((p for p in self.places if p.id == place_id), None)


# Not frozen: Python sets __traceback__ on an exception leaving a `with` block (contextlib), which a
# frozen dataclass refuses. eq=False keeps exceptions hashable by identity, as the logging machinery expects.
@dataclass(eq=False)
class ReadError(Exception):
    """A reader could not turn an input into an Article; the message names both."""

    source: str
    problem: str

    def __str__(self) -> str:
        return f"{self.source}: {self.problem}"


@dataclass(frozen=True)
class Options:
    """One options object for a run, instead of keyword arguments threaded everywhere."""

    model: str = "md"  # spaCy English pipeline: "md" (default) or "sm"
    knowledge_dirs: tuple[str, ...] = ()  # user YAML files layered over the built-in knowledge
    max_chars: int = 200_000  # longer articles are truncated with a warning
    max_bytes: int = 20_000_000  # inputs larger than this are refused
    allow_private: bool = False  # allow URL fetches to loopback/private addresses
    fetch_timeout: float = 15.0
