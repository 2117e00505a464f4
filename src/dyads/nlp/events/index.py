"""Which actor a token names: character-span lookup from parsed text to actor ids, with
the country and kind facts the event stage asks of actors."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable

from spacy.tokens import Token

from dyads.model import Actor, Place
from dyads.nlp.events.syntax import conjuncts, core_tokens

RECENT_CHARS = 600  # about the two sentences before a reference, where its antecedent is


class ActorIndex:
    """Character-span lookup from text to actor ids.

    Given the article's own list of actors and a way to name a country, the index may add to
    that list a country the article names only through one of its places (see
    :meth:`country_for_place`).
    """

    def __init__(
        self,
        actors: Iterable[Actor],
        grow: list[Actor] | None = None,
        country_name: Callable[[str], str | None] | None = None,
    ) -> None:
        actors = list(actors)
        self._actors = {a.id: a for a in actors}
        self._grow = grow
        self._country_name = country_name
        self._index_spans()

    def _index_spans(self) -> None:
        spans = sorted((s, e, a.id) for a in self._actors.values() for (s, e) in a.mentions)
        self._spans = spans
        self._starts = [s for s, _, _ in spans]

    def __bool__(self) -> bool:
        return bool(self._spans)

    def at(self, start: int, end: int) -> list[str]:
        """Actor ids whose mentions overlap [start, end)."""
        out: list[str] = []
        hi = bisect_right(self._starts, end)
        for s, e, actor_id in self._spans[max(0, hi - 64) : hi]:
            if s < end and e > start and actor_id not in out:
                out.append(actor_id)
        return out

    def _placed(self, actor_id: str) -> bool:
        """Does the actor say whose it is (a country or an organisation)?"""
        actor = self._actors.get(actor_id)
        return actor is not None and bool(actor.country or actor.org or actor.kind == "country")

    def _modifier_actors(self, token: Token) -> list[str]:
        tokens = list(core_tokens(token))
        # modifiers before the head ("Russian Ambassador", "Israel's army") come first,
        # then of/from/by phrases ("representatives of the CNSP"); among the left modifiers the
        # leftmost named actor and its conjuncts ("Hungarian and Romanian officials"), not a
        # name further in ("Russian Ambassador to Mali and Niger Igor Gromyko")
        left = sorted((t for t in tokens if t.i < token.i), key=lambda t: t.i)
        right = sorted((t for t in tokens if t.i > token.i), key=lambda t: t.i)
        for group in (left, right):
            first: Token | None = None
            found: list[str] = []
            for t in group:
                ids = self.at(t.idx, t.idx + len(t.text))
                if not ids:
                    continue
                if first is None:
                    first = t
                elif not (t.i - first.i <= 2 or any(c.i == t.i for c in first.conjuncts)):
                    continue
                found += [i for i in ids if i not in found]
            if found:
                return found
        return []

    def for_token(self, token: Token) -> list[str]:
        """Actor ids naming one participant token: its own mention first, then its modifiers.

        An own mention that names only a role ("foreign ministers", no country) gives way
        to modifiers that place it ("European Community foreign ministers").
        """
        own = self.at(token.idx, token.idx + len(token.text))
        if own and any(self._placed(a) for a in own):
            return own
        placed = [a for a in self._modifier_actors(token) if a not in own and self._placed(a)]
        return placed or own or self._modifier_actors(token)

    def head_word(self, actor_id: str) -> str | None:
        """The last word of a group's name, lower case ("government" for "Mali's transitional
        government"); None for people, countries and named organisations."""
        actor = self._actors.get(actor_id)
        if actor is None or actor.kind != "group" or not actor.name.split():
            return None
        return actor.name.split()[-1].lower()

    def sector(self, actor_id: str) -> str | None:
        actor = self._actors.get(actor_id)
        return actor.sector if actor else None

    def political(self, actor_id: str) -> bool:
        """Does the actor belong to a country, a body or a sector (not a private person)?"""
        actor = self._actors.get(actor_id)
        return actor is not None and bool(actor.country or actor.org or actor.sector)

    def placed(self, actor_id: str) -> bool:
        """Does the actor belong to a known country or body?"""
        actor = self._actors.get(actor_id)
        return actor is not None and bool(actor.country or actor.org)

    def same_country(self, actor_id: str, others: list[str]) -> bool:
        actor = self._actors.get(actor_id)
        return (
            actor is not None
            and actor.country is not None
            and any(self._actors[o].country == actor.country for o in others if o in self._actors)
        )

    def government_of(self, actor_ids: list[str], start: int, end: int) -> str | None:
        """The government side of the actors' own country: a GOV actor of that country named
        in [start, end), else the country itself if the article names it."""
        countries = {self._actors[a].country for a in actor_ids if a in self._actors} - {None}
        if len(countries) != 1:
            return None
        country = countries.pop()
        for actor_id in self.at(start, end):
            actor = self._actors[actor_id]
            if actor_id not in actor_ids and actor.country == country and actor.sector == "GOV":
                return actor_id
        found = self.country_actor(country)
        return found if found not in actor_ids else None

    def international_body(self, actor_id: str) -> bool:
        """Is the actor an organisation of states (ECOWAS, Nato, the UN), not a country or group?"""
        actor = self._actors.get(actor_id)
        return actor is not None and actor.country is None and actor.sector == "IGO"

    def country_of(self, actor_id: str) -> str | None:
        actor = self._actors.get(actor_id)
        return actor.country if actor else None

    def kind(self, actor_id: str) -> str | None:
        actor = self._actors.get(actor_id)
        return actor.kind if actor else None

    def described_before(self, word: str, position: int, exclude: Iterable[str] = ()) -> str | None:
        """The actor a definite description refers back to ("the council" after "the U.N.
        Security Council"): the one mentioned last before ``position`` whose name has the word."""
        skip = set(exclude)
        hi = bisect_right(self._starts, position)
        for start, _, actor_id in reversed(self._spans[:hi]):
            if start >= position or actor_id in skip:
                continue
            actor = self._actors[actor_id]
            if word in (w.lower().strip(".,") for w in actor.name.split()):
                return actor_id
        return None

    def last_body(self, position: int, exclude: Iterable[str] = ()) -> str | None:
        """The organisation of states "the bloc" or "the regional body" refers back to: of those
        named in the stretch of text just before ``position``, the one the article names most
        (a body named in passing there is not what the story is about), else the last named."""
        skip = set(exclude)
        hi = bisect_right(self._starts, position)
        recent: list[str] = []
        for start, _, actor_id in reversed(self._spans[:hi]):
            if start >= position or actor_id in skip or not self.international_body(actor_id):
                continue
            if recent and start < position - RECENT_CHARS:
                break
            if actor_id not in recent:
                recent.append(actor_id)
        if not recent:
            return None
        return max(recent, key=lambda a: (len(self._actors[a].mentions), -recent.index(a)))

    def country_for_place(self, place: Place) -> str | None:
        """The country actor of a place's country. When the article names the place ("a protest
        in Bamako") but never its country, the country is added as an actor, mentioned where
        the place is: by the codebook, a place's people or government act and are acted upon,
        and a dyad needs a country on each side."""
        found = self.country_actor(place.country)
        if found is not None or not place.country or self._grow is None or self._country_name is None:
            return found
        name = self._country_name(place.country)
        if name is None:
            return None
        actor = Actor(
            id=f"a{len(self._grow) + 1}",
            name=name,
            kind="country",
            country=place.country,
            code=place.country,
            mentions=place.mentions,
            why=f"country of {place.name!r}, which the article names in its stead",
        )
        self._grow.append(actor)
        self._actors[actor.id] = actor
        self._index_spans()
        return actor.id

    def country_actor(self, country: str | None) -> str | None:
        """The id of the country actor for an ISO3 code, if the article has one."""
        if not country:
            return None
        return next(
            (a.id for a in self._actors.values() if a.kind == "country" and a.country == country), None
        )

    def focus_country(self) -> str | None:
        """The country actor the article is about: named clearly more often than any other
        country (at least three times, and half as often again as the next)."""
        counts = sorted(
            ((len(a.mentions), a.id) for a in self._actors.values() if a.kind == "country" and a.country),
            reverse=True,
        )
        if not counts or counts[0][0] < 3:
            return None
        if len(counts) > 1 and counts[0][0] < 1.5 * counts[1][0]:
            return None
        return counts[0][1]

    def for_tokens(self, tokens: Iterable[Token]) -> list[str]:
        out: list[str] = []
        for token in tokens:
            for part in conjuncts(token):
                for actor_id in self.for_token(part):
                    if actor_id not in out:
                        out.append(actor_id)
        return out
