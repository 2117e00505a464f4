"""Fallback party rules: a party the sentence leaves unnamed, from where the event happened,
what it is aimed at or who usually receives it. Each returns True if it supplied one;
``decision`` runs them after the finders of :mod:`dyads.nlp.events.parties`, each only where
its side is still empty or to be corrected.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from dyads.knowledge import registry
from dyads.model import Place
from dyads.nlp.events.arguments import locatives
from dyads.nlp.events.draft import Draft
from dyads.nlp.events.index import ActorIndex
from dyads.nlp.events.lexicon import Lexicon
from dyads.nlp.events.location import place_at
from dyads.nlp.events.setting import event_location
from dyads.nlp.events.triggers import Candidate

DOMESTIC_TARGET = {"PROTEST"}  # acts aimed, unless said otherwise, at one's own government
PLACED_VICTIMS = {"ASSAULT", "COERCE"}  # harm done to people, who belong where it happened
MOVING_FORCES = {"RETREAT", "MOBILIZE"}  # acts whose object is the actor's own forces
PLACE_PREPS = frozenset(registry.words("events_grammar")["place_preps"])


# --- fallbacks: parties the sentence leaves unnamed ------------------------------------------


def crowd_country(draft: Draft) -> bool:
    """ "thousands of people rallied in Bamako": a crowd of no named party is of the country
    where it gathered."""
    cand = draft.cand
    crowd = bool(draft.actor_tokens) or draft.happens  # "a protest took place in Bamako"
    if draft.actor_ids or not crowd or cand.sense.type not in DOMESTIC_TARGET:
        return False
    scene = draft.scene
    country = place_country(cand.head, draft.sent, scene.places, scene.index)
    if country is None or country in draft.recipient_ids:
        return False
    draft.actor_ids = [country]
    return True


def place_of_event(draft: Draft) -> bool:
    """No one acted upon: the country where it happened ("eased measures in Montenegro"); a
    visit is to somewhere else. Talks and agreements are with someone, not somewhere."""
    cand = draft.cand
    visit = cand.sense.mode == "visit"
    if draft.recipient_ids or (cand.sense.type in ("CONSULT", "AGREE") and not visit):
        return False
    index = draft.scene.index
    found = located_recipients(cand, index, draft.scene.places, draft.actor_ids)
    if visit:
        found = [r for r in found if not index.same_country(r, draft.actor_ids)]
    draft.recipient_ids = found
    return bool(found)


def town_acted_on(draft: Draft) -> bool:
    """ "Russian jets bombed Aleppo", "raided Jenin": a town or region as the object stands, by the
    codebook, for the people and government of its country."""
    if draft.recipient_ids or not draft.actor_ids or draft.cand.sense.type not in PLACED_VICTIMS:
        return False
    index = draft.scene.index
    for token in draft.recipient_tokens:
        if token.dep_ != "dobj" or token.ent_type_ == "NORP":
            continue
        place = place_at(draft.scene.places, token.idx)
        if place is None or place.feature == "country":
            continue
        country = index.country_for_place(place)
        if country and country not in draft.actor_ids:
            draft.recipient_ids = [country]
            return True
    return False


def victims_country(draft: Draft) -> bool:
    """ "killed 19 civilians in central Mali": victims of no named country are of the country
    where it happened."""
    cand, scene = draft.cand, draft.scene
    unplaced = bool(draft.recipient_ids) and not any(scene.index.placed(r) for r in draft.recipient_ids)
    if not unplaced or cand.sense.type not in PLACED_VICTIMS:
        return False
    country = place_country(cand.head, draft.sent, scene.places, scene.index)
    if country is None or country in draft.actor_ids or country in draft.recipient_ids:
        return False
    draft.recipient_ids.append(country)
    return True


def situation_country(draft: Draft) -> bool:
    """An act aimed at a state of affairs naming no party ("recognised the new developments")
    is aimed at the country the article is about."""
    scene = draft.scene
    if (
        draft.recipient_ids
        or not draft.actor_ids
        or not about_situation(draft.recipient_tokens, scene.index, scene.lexicon)
    ):
        return False
    focus = scene.index.focus_country()
    if focus is None or focus in draft.actor_ids or scene.index.same_country(focus, draft.actor_ids):
        return False
    draft.recipient_ids = [focus]
    return True


def host_receives(draft: Draft) -> bool:
    """ "hosted", "received": the visitor or giver acts, the host or receiver receives."""
    cand = draft.cand
    if not (cand.sense.reverse and cand.kind == "verb"):
        return False
    draft.actor_ids, draft.recipient_ids = draft.recipient_ids, draft.actor_ids
    return True


def own_forces_moved(draft: Draft) -> bool:
    """ "withdraw US troops from Syria", "deployed its troops to Mali": the forces moved are the
    actor's own; the side the move is towards or away from is the recipient."""
    if draft.cand.sense.type not in MOVING_FORCES or not draft.actor_ids:
        return False
    index = draft.scene.index
    # the forces of the actor's country, or forces of no stated country ("its troops")
    own = [r for r in draft.recipient_ids if index.same_country(r, draft.actor_ids) or not index.placed(r)]
    others = [r for r in draft.recipient_ids if r not in own]
    if not own or not others:
        return False
    draft.recipient_ids = others
    return True


def own_government(draft: Draft) -> bool:
    """Protests with no stated target are aimed at the protesters' own government."""
    if draft.recipient_ids or not draft.actor_ids or draft.cand.sense.type not in DOMESTIC_TARGET:
        return False
    sent = draft.sent
    government = draft.scene.index.government_of(draft.actor_ids, sent.start_char, sent.end_char)
    draft.recipient_ids = [government] if government else []
    return bool(draft.recipient_ids)


# --- where it happened -----------------------------------------------------------------------


def place_country(trigger: Token, sent: Span, places: Sequence[Place], index: ActorIndex) -> str | None:
    """The country actor of the place named nearest the trigger in a place phrase of its
    sentence ("in central Mali", not "fighters believed to be Russian")."""
    located = [p for p in places if any(_in_place_phrase(sent, start) for start, _ in p.mentions)]
    place_id = event_location(trigger, sent, located)
    place = next((p for p in located if p.id == place_id), None)
    return index.country_for_place(place) if place is not None else None


def _in_place_phrase(sent: Span, start: int) -> bool:
    token = next((t for t in sent if t.idx <= start < t.idx + len(t.text)), None)
    for _ in range(4):
        if token is None or token.head.i == token.i:
            return False
        if token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPS:
            return True
        token = token.head
    return False


def located_recipients(
    cand: Candidate, index: ActorIndex, places: Sequence[Place], actor_ids: list[str]
) -> list[str]:
    """Actors and countries named where the event happened ("forces in Lebanon")."""
    tokens = locatives(cand.head, cand.content)
    out = [a for a in index.for_tokens(tokens) if a not in actor_ids]
    for token in tokens:
        place = place_at(places, token.idx)
        country_id = index.country_for_place(place) if place is not None else None
        if country_id and country_id not in out and country_id not in actor_ids:
            out.append(country_id)
    return out


def about_situation(tokens: Sequence[Token], index: ActorIndex, lexicon: Lexicon) -> bool:
    """Is the event aimed at a state of affairs naming no party ("these new developments")?"""
    return any(t.lemma_.lower() in lexicon.situation_nouns and not index.for_tokens([t]) for t in tokens)
