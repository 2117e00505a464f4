"""Actors while they are being resolved: mutable drafts keyed by identity, then frozen records."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from dyads.knowledge import Knowledge, Organization, Person
from dyads.model import Actor, ActorKind, Role
from dyads.nlp.actors.mention_rules import Title
from dyads.nlp.doc_cache import doc_ents, doc_text

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


def focal_country(doc: Doc) -> str | None:
    """The country an article is about: named at least three times and a quarter again as often
    as any other. Bare national nouns ("the government", "the army") default to it."""
    counts: Counter[str] = Counter()
    for ent in doc_ents(doc):
        kind, _, rest = ent.kb_id_.partition(":")
        if kind in {"country", "adjective", "capital"}:
            counts[rest] += 1
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 3:
        return None
    if len(ranked) > 1 and ranked[0][1] < 1.25 * ranked[1][1]:
        return None
    return ranked[0][0]


def code_for(country: str | None, sector: str | None) -> str | None:
    """CAMEO-style code: country then sector ("MLIMIL"), either alone, or None."""
    return (country or "") + (sector or "") or None


def freeze(drafts: list[Draft]) -> list[Actor]:
    """Records with ids a1, a2, … in the order of their first mention."""
    ordered = sorted((d for d in drafts if d.mentions), key=lambda d: min(d.mentions))
    return [
        Actor(
            id=f"a{number}",
            name=d.name,
            kind=d.kind,
            country=d.country,
            sector=d.sector,
            org=d.org,
            code=code_for(d.country, d.sector),
            roles=tuple(dict.fromkeys(d.roles)),
            mentions=tuple(sorted(d.mentions)),
            why="; ".join(d.why) or None,
        )
        for number, d in enumerate(ordered, 1)
    ]


def describe_title(title: Title, kb: Knowledge) -> str:
    """A role title for the record: "Ambassador to Mali and Niger"."""
    text = title.head or title.text
    if title.text and title.head and title.text.endswith(title.head):
        words = [w for w in title.text.split() if kb.country_for(w) is None]
        text = " ".join(words) or title.head
    if title.to:
        names = [(kb.country(c).name if kb.country(c) else c) for c in title.to]  # type: ignore[union-attr]
        text += " to " + (" and ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else names[0])
    return text
