"""Where an event happened, as the language says it.

In order: a place phrase on the event itself ("killed in Idlib", "the bombardment of Afrin",
"the Sochi summit"); a place phrase on the clause that carries it or on the clauses it belongs
to ("In Idlib, rebels shelled …"); a word pointing back ("there", "the city") to the last place
named; the dateline of the article. Otherwise the text does not say, and the location is null.

A place that names a participant is never the location: not the actor's or recipient's own
name ("Syria said"), not a possessive ("Iran's leaders"), not a nationality word ("Syrian
airstrikes"), not a qualifier ("New York-based", "US-backed"). The content of a saying is not
searched from the saying, nor the saying's place given to what was said.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from dyads.knowledge.registry import words
from dyads.model import Place
from dyads.nlp.doc_cache import doc_text

# clauses a setting carries down to: "In Idlib, rebels attacked and seized …", "went to Afrin to fight"
SETTING_CARRIES = {"conj", "xcomp", "advcl", "acl", "relcl", "pcomp", "ROOT"}
MAX_NESTING = 2  # "in camps in north-eastern Syria": a name at most two phrases down
# acts done where their target is, which a story set in one place leaves unplaced ("Cantlie was
# captured in November 2012" in an article set in Syria); talk and decisions may be anywhere
ON_THE_GROUND = {"ASSAULT", "COERCE", "MOBILIZE", "AID", "PROTEST"}
MIN_SETTING_MENTIONS = 2
NAME_DEPS = {"pobj", "compound", "appos", "conj", "nmod", "dobj", "npadvmod"}


@dataclass(frozen=True)
class LocationWords:
    preps: frozenset[str]
    nested: frozenset[str]
    noun_preps: frozenset[str]
    visit_preps: frozenset[str]
    there: frozenset[str]
    back_nouns: dict[str, tuple[str, ...]]  # word → the place features it points back to
    not_located: frozenset[str]


@lru_cache(maxsize=1)
def location_words() -> LocationWords:
    data = words("events_location")
    back: dict[str, tuple[str, ...]] = {}
    for key, features in (
        ("city_nouns", ("city",)),
        ("region_nouns", ("admin", "region")),
        ("country_nouns", ("country",)),
    ):
        back.update({w: features for w in data[key]})
    return LocationWords(
        preps=frozenset(data["location_preps"]),
        nested=frozenset(data["nested_preps"]),
        noun_preps=frozenset(data["noun_preps"]),
        visit_preps=frozenset(data["visit_preps"]),
        there=frozenset(data["there_words"]),
        back_nouns=back,
        not_located=frozenset(data["not_located"]),
    )


def locate_event(
    trigger: Token,
    places: Sequence[Place],
    actors: Sequence[Token] = (),
    recipients: Sequence[Token] = (),
    event_type: str = "",
    content: Token | None = None,
) -> tuple[str | None, str]:
    """(place id or None, why) for an event whose trigger is ``trigger``. A recipient in a place
    phrase is still a place ("withdrew troops from Syria"); as subject or object it is a party."""
    if not places:
        return None, "place: the text names none"
    participants = {t.i for t in actors} | {t.i for t in recipients if t.dep_ != "pobj"}
    finder = _Finder(trigger, places, participants, event_type == "CONSULT", event_type in ON_THE_GROUND)
    # a light verb's event noun carries its own place phrases ("claimed a shooting on a church in Cairo")
    own = finder.own_phrase(trigger) or (finder.own_phrase(content) if content is not None else None)
    found = own or finder.setting(trigger)
    if found is not None:
        return found
    dateline = _dateline(trigger, places)
    if dateline is not None:
        return dateline.id, f"place: dateline {dateline.name!r}"
    if event_type in ON_THE_GROUND:
        setting = _article_setting(trigger, places, finder.words.preps)
        if setting is not None:
            return setting.id, f"place: {setting.name}, where the article's events are set"
    return None, "place: the text does not say"


def place_at(places: Sequence[Place], offset: int) -> Place | None:
    """The place one of whose mentions holds the character at ``offset``."""
    return next((p for p in places if any(s <= offset < e for s, e in p.mentions)), None)


class _Finder:
    def __init__(
        self, trigger: Token, places: Sequence[Place], participants: set[int], visit: bool, on_ground: bool
    ) -> None:
        self.trigger = trigger
        # acts done to a place are done where it is: "shelled Afrin", "visited Iraqi Kurdistan"
        self.acts_on_places = visit or on_ground
        self.places = places
        self.participants = participants
        self.words = location_words()
        # a meeting happens where the visitor goes: "a visit to Mauritius"
        self.visiting = self.words.visit_preps if visit else frozenset()
        self.preps = self.words.preps | self.visiting

    # --- where the phrases are ------------------------------------------------------------

    def own_phrase(self, trigger: Token) -> tuple[str, str] | None:
        """A place phrase on the trigger: "killed in Idlib", "attack on Douma's market in …",
        "the bombardment of Afrin", "the Sochi summit"."""
        noun = trigger.pos_ in ("NOUN", "PROPN")
        for child in trigger.children:
            if child.dep_ == "compound" and noun:
                place = self.name_at(child)
                if place is not None:
                    return place.id, f"place: {child.text!r} names the event's place"
            if child.dep_ == "prep" and (
                child.lower_ in self.preps or (noun and child.lower_ in self.words.noun_preps)
            ):
                found = self.in_phrase(child)
                if found is not None:
                    return found
            if child.dep_ == "dobj" and not noun and self.acts_on_places:
                place = self.acted_on(child)
                if place is not None:
                    return place.id, f"place: {child.text!r}, the place acted on"
            if child.dep_ in ("dobj", "nsubjpass") and not noun:
                # "met Iran's leaders in Tehran": the parser hangs the place on the object
                # ("began a visit to Mauritius": the light verb's object is the event)
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ in self.words.nested | self.visiting:
                        found = self.in_phrase(prep)
                        if found is not None:
                            return found
            found = self.pointing_back(child)
            if found is not None:
                return found
        return None

    def setting(self, trigger: Token) -> tuple[str, str] | None:
        """A place phrase on the clause the trigger belongs to, then on the clauses above it,
        up to (not across) the verb of saying whose content it is."""
        node = trigger
        for _ in range(8):
            if node.dep_ in ("ccomp", "parataxis") or node.head.i == node.i:
                return None
            node = node.head
            if node.pos_ not in ("VERB", "AUX"):
                continue
            for child in node.children:
                if child.i == trigger.i or child.left_edge.i <= trigger.i <= child.right_edge.i:
                    continue
                if child.dep_ == "prep" and child.lower_ in self.preps:
                    found = self.in_phrase(child)
                    if found is not None:
                        return found
                found = self.pointing_back(child)
                if found is not None:
                    return found
            if node.pos_ in ("VERB", "AUX") and node.dep_ not in SETTING_CARRIES:
                return None
        return None

    def in_phrase(self, prep: Token, depth: int = 0) -> tuple[str, str] | None:
        """The place a prepositional phrase names, its object's own phrases included."""
        for obj in prep.children:
            if obj.dep_ not in ("pobj", "pcomp"):
                continue
            place = self.name_at(obj)
            if place is not None:
                return place.id, f"place: {prep.text} {self._phrase(obj)!r}"
            back = self.pointing_back(obj, prep)
            if back is not None:
                return back
            if depth < MAX_NESTING:
                # "in the port city of Jeddah", "in the province of Idlib"
                naming = self.words.nested | ({"of"} if obj.lower_ in self.words.back_nouns else set())
                # the name after "of" before the modifiers: "the Red Sea port city of Jeddah" is Jeddah
                for nested in obj.children:
                    if nested.dep_ == "prep" and nested.lower_ in naming:
                        found = self.in_phrase(nested, depth + 1)
                        if found is not None:
                            return found
                for nested in obj.children:
                    if nested.dep_ == "compound":
                        place = self.name_at(nested)
                        if place is not None:
                            return place.id, f"place: {prep.text} {self._phrase(obj)!r}"
        return None

    def pointing_back(self, token: Token, prep: Token | None = None) -> tuple[str, str] | None:
        """ "there", "in the city": the last place of that kind named before."""
        if token.lower_ in self.words.there and token.dep_ == "advmod":
            place = self.last_named(token, None)
            said = token.text
        elif (
            prep is not None
            and token.lower_ in self.words.back_nouns
            and any(c.lower_ == "the" and c.dep_ == "det" for c in token.children)
            and not any(c.dep_ in ("prep", "compound", "amod", "poss") for c in token.children)
        ):
            place = self.last_named(token, self.words.back_nouns[token.lower_])
            said = f"{prep.text} the {token.text}"
        else:
            return None
        if place is None:
            return None
        return place.id, f"place: {said!r} → {place.name} (the last {place.feature} named)"

    # --- what the phrases name ------------------------------------------------------------

    def name_at(self, token: Token) -> Place | None:
        """The place this token names, when it is a name of a place and no participant."""
        if token.i in self.participants or token.ent_type_ == "NORP" or token.dep_ == "poss":
            return None
        if any(c.dep_ == "case" for c in token.children):  # "Iran's …"
            return None
        place = self._covering(token)
        if place is None or self._qualifier(token, place):
            return None
        return place

    def acted_on(self, obj: Token) -> Place | None:
        """The town or region an object names ("shelled Afrin"), even as the event's recipient: a
        country as object is a party, not a place."""
        if obj.ent_type_ == "NORP" or any(c.dep_ == "case" for c in obj.children):
            return None
        place = self._covering(obj)
        return place if place is not None and place.feature != "country" else None

    def _covering(self, token: Token) -> Place | None:
        return place_at(self.places, token.idx)

    def _qualifier(self, token: Token, place: Place) -> bool:
        """ "New York-based", "US-backed": the name qualifies something else."""
        end = next(e for p in (place,) for s, e in p.mentions if s <= token.idx < e)
        doc = token.doc
        following = [t for t in doc[token.i : min(len(doc), token.i + 6)] if t.idx >= end]
        return (
            len(following) >= 2 and following[0].text == "-" and following[1].lower_ in self.words.not_located
        )

    def last_named(self, token: Token, features: tuple[str, ...] | None) -> Place | None:
        """The place whose mention ends last before ``token``, of one of ``features``."""
        best: tuple[int, Place] | None = None
        for place in self.places:
            if features is not None and place.feature not in features:
                continue
            for start, end in place.mentions:
                if end <= token.idx and (best is None or end > best[0]) and self._a_name(token, start):
                    best = (end, place)
        return best[1] if best else None

    @staticmethod
    def _a_name(token: Token, start: int) -> bool:
        """A mention that is a name, not a nationality word ("Syrian forces")."""
        mention = token.doc.char_span(start, start + 1, alignment_mode="expand")
        return mention is None or (mention[0].ent_type_ != "NORP" and mention[0].pos_ == "PROPN")

    @staticmethod
    def _phrase(obj: Token) -> str:
        return obj.doc[obj.left_edge.i : obj.right_edge.i + 1].text[:60]


def _dateline(trigger: Token, places: Sequence[Place]) -> Place | None:
    """ "ISLAMABAD — …": a place named in capitals at the very start, then a dash."""
    text = doc_text(trigger.doc)
    for place in places:
        for start, end in place.mentions:
            if (
                start <= 2
                and text[start:end].isupper()
                and text[end : end + 4].lstrip(" ,").startswith(("—", "–", "-"))
            ):
                return place
    return None


def _article_setting(trigger: Token, places: Sequence[Place], preps: frozenset[str]) -> Place | None:
    """The place the article most often puts things in ("in Idlib", "near Idlib"), named so at
    least twice and more often than any other."""
    doc = trigger.doc
    counts: list[tuple[int, int, Place]] = []
    for place in places:
        located = 0
        for start, _ in place.mentions:
            span = doc.char_span(start, start + 1, alignment_mode="expand")
            token = span[0] if span is not None and len(span) else None
            while token is not None and token.dep_ in ("compound", "amod") and token.head.i != token.i:
                token = token.head
            if token is not None and token.dep_ == "pobj" and token.head.lower_ in preps:
                located += 1
        counts.append((located, -min(s for s, _ in place.mentions), place))
    counts.sort(key=lambda c: c[:2], reverse=True)
    if not counts or counts[0][0] < MIN_SETTING_MENTIONS:
        return None
    if len(counts) > 1 and counts[1][0] == counts[0][0]:
        return None
    return counts[0][2]
