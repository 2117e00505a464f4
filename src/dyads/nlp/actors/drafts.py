"""Actors while they are being resolved: mutable drafts keyed by identity.

Every stage adds to one ``Drafts`` ledger: which draft each key names, and which tokens are
already someone's mention. A country, a group (one country and sector) and each organisation or
person is one draft; ``records.py`` freezes them into ``Actor`` records.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from dyads.knowledge import Knowledge, Organization, Person
from dyads.model import ActorKind, Role
from dyads.nlp.actors.titles import Title
from dyads.nlp.doc_cache import doc_text

Chars = tuple[int, int]


@dataclass
class Draft:
    key: str
    name: str
    kind: ActorKind
    country: str | None = None
    sector: str | None = None
    org: str | None = None
    roles: list[Role] = field(default_factory=list)
    mentions: list[Chars] = field(default_factory=list)
    why: list[str] = field(default_factory=list)
    titles: list[Title] = field(default_factory=list)  # people: titles and descriptions in the text
    affiliations: list[str] = field(default_factory=list)  # people: countries of their institutions
    person: Person | None = None  # the knowledge-base entry, when known
    orgs: list[Organization] = field(default_factory=list)  # people: bodies their titles are in
    origins: list[tuple[str, str]] = field(default_factory=list)  # people: (country, the words saying it)
    kin: list[int] = field(default_factory=list)  # people: tokens naming a relative ("his daughter X")

    def note(self, reason: str) -> None:
        if reason not in self.why:
            self.why.append(reason)


def clean_name(text: str) -> str:
    """One line, no possessive, no leading article: "the Kremlin’s" -> "Kremlin"."""
    name = " ".join(text.split()).strip("*_#[]|~` ")
    for suffix in ("'s", "’s", "'", "’"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    for article in ("the ", "The "):
        if name.startswith(article):
            name = name[len(article) :]
    return name.strip(" ,.;:-–—")


class Drafts:
    """Drafts by key, and which characters are already someone's mention."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc_text(doc)  # Doc.text joins every token on each access
        self.by_key: dict[str, Draft] = {}
        self.taken: set[int] = set()  # token indexes inside a mention or a title
        self.seat_named: set[str] = set()  # group keys named after a seat of power so far
        self.copulas: list[tuple[Token, Token]] | None = None  # (subject, attribute) of "X is a Y"

    def get(self, key: str, name: str, kind: ActorKind) -> Draft:
        if key not in self.by_key:
            self.by_key[key] = Draft(key=key, name=name, kind=kind)
        return self.by_key[key]

    def mention(self, draft: Draft, start: int, end: int) -> None:
        """Add the token range [start, end) as a mention of the draft."""
        if start >= end:
            return
        span = self.doc[start:end]
        first, last = span.start_char, span.end_char
        text = self.text
        while first < last and not (text[first].isalnum() or text[first] in "'’("):
            first += 1  # markup around a name: "**Irina Filatova**"
        while last > first and not (text[last - 1].isalnum() or text[last - 1] in ".)"):
            last -= 1
        chars = (first, last)
        if first < last and chars not in draft.mentions:
            draft.mentions.append(chars)
        self.taken.update(range(start, end))

    def free(self, start: int, end: int) -> bool:
        return not any(i in self.taken for i in range(start, end))


def country_draft(drafts: Drafts, kb: Knowledge, iso3: str) -> Draft:
    """The draft of a country itself ("Mali", "Malians")."""
    country = kb.country(iso3)
    draft = drafts.get("country:" + iso3, country.name if country else iso3, "country")
    draft.country = iso3
    draft.note("knowledge base: countries")
    return draft


def group_draft(
    drafts: Drafts, kb: Knowledge, iso3: str | None, sector: str | None, text: str, seat: bool = False
) -> Draft:
    """The group of one country and sector, named by its first group noun ("Malian soldiers");
    a seat of power ("Kati", "the Kremlin") names it only until a group noun turns up."""
    key = f"group:{iso3 or '-'}:{sector or '-'}"
    fresh = key not in drafts.by_key
    draft = drafts.get(key, clean_name(text), "group")
    if fresh and seat:
        drafts.seat_named.add(key)
    elif not seat and key in drafts.seat_named:
        draft.name = clean_name(text)
        drafts.seat_named.discard(key)
    draft.country, draft.sector = iso3, sector
    return draft
