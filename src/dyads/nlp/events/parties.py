"""Party rules: which known actors an event is by and to. Each returns True if it supplied one.

Finders read the actors named in the sentence (and, for a lone pronoun, a counted plural or a
definite description, the ones it refers back to). The fallbacks that supply a party the
sentence leaves unnamed are in :mod:`dyads.nlp.events.fallbacks`. ``decision`` runs them in
order; each runs only when its side is still empty.
"""

from __future__ import annotations

from spacy.tokens import Token

from dyads.knowledge import registry
from dyads.nlp.events.arguments import noun_modifiers, parties_inside
from dyads.nlp.events.counted import counted_countries
from dyads.nlp.events.draft import Draft
from dyads.nlp.events.index import ActorIndex
from dyads.nlp.events.memory import definite
from dyads.nlp.events.participants import candidate_arguments
from dyads.nlp.events.syntax import subjects

# acts whose content clause names their target ("the accusation that Britain …", "a demand that Kyiv …")
CLAUSE_TARGETED = {
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "REQUEST",
}  # harm done to people, who belong where it happened
FIRST_PERSON = frozenset(registry.words("events_grammar")["first_person"])
POSSESSIVES = frozenset({"his", "her", "its", "their"})  # possessive pronouns (closed class)
BLOC_NOUNS = frozenset(registry.words("events_grammar")["bloc_nouns"])
BODY_NOUNS = frozenset(registry.words("events_grammar")["body_nouns"])
REACH_ADJECTIVES = frozenset(registry.words("events_grammar")["reach_adjectives"])


# --- finders: the parties the sentence names ------------------------------------------------


def counted_actors(draft: Draft) -> bool:
    """ "The three nations accused …": a counted plural is the countries last listed together."""
    if len(draft.actor_tokens) != 1:
        return False
    draft.actor_ids = counted_countries(draft.actor_tokens[0], draft.scene.index)
    return bool(draft.actor_ids)


def counted_recipients(draft: Draft) -> bool:
    """ "urged both countries to …": as :func:`counted_actors`, on the receiving side."""
    found: list[str] = []
    for token in draft.recipient_tokens:
        found += [c for c in counted_countries(token, draft.scene.index) if c not in draft.actor_ids]
    draft.recipient_ids = found
    return bool(found)


def named_actors(draft: Draft) -> bool:
    """The actors the subject tokens name."""
    if draft.actor_ids:
        return False
    draft.actor_ids = draft.scene.index.for_tokens(draft.actor_tokens)
    return bool(draft.actor_ids)


def last_actor_of_kind(draft: Draft) -> bool:
    """ "It also agreed …": a subject pronoun left unresolved in its sentence refers to the last
    actor of that kind in the article; "The government said …" to the last one so called."""
    if draft.actor_ids or len(draft.actor_tokens) != 1:
        return False
    token = draft.actor_tokens[0]
    draft.actor_ids = _clause_owner(token, draft) or draft.scene.memory.recall(token)
    return bool(draft.actor_ids)


def _clause_owner(token: Token, draft: Draft) -> list[str]:
    """ "Trump stepped back from his promise": a possessive is first the subject of its clause."""
    if token.dep_ != "poss" or token.lower_ not in POSSESSIVES:
        return []
    verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return []
    owners = [s for s in subjects(verb) if s.lower_ not in POSSESSIVES and s.i != token.i]
    return [a for a in draft.scene.index.for_tokens(owners) if a not in draft.recipient_ids]


def quoted_speaker(draft: Draft) -> bool:
    """ "'We condemn this attack,' the Turkish foreign minister said": in a quotation, "I" and
    "we" are its speaker."""
    if draft.actor_ids or not draft.actor_tokens:
        return False
    speaker = _speaker_of_first_person(draft.actor_tokens[0], draft)
    draft.actor_ids = [speaker] if speaker and speaker not in draft.recipient_ids else []
    return bool(draft.actor_ids)


def quoted_speaker_recipient(draft: Draft) -> bool:
    """ "'They attacked our soldiers,' the minister said": "us", "our …" are the speaker's side."""
    if draft.recipient_ids:
        return False
    for token in draft.recipient_tokens:
        speaker = _speaker_of_first_person(token, draft)
        if speaker and speaker not in draft.actor_ids:
            draft.recipient_ids = [speaker]
            return True
    return False


def _speaker_of_first_person(token: Token, draft: Draft) -> str | None:
    words = [token, *(c for c in token.children if c.dep_ == "poss")]
    if not any(w.lower_ in FIRST_PERSON for w in words):
        return None
    return draft.scene.speaker_at(token.idx)


def described_actor(draft: Draft) -> bool:
    """ "The council said …": a definite description refers to the last actor so named."""
    if draft.actor_ids or len(draft.actor_tokens) != 1:
        return False
    found = _described(draft.actor_tokens[0], draft.scene.index, draft.recipient_ids)
    draft.actor_ids = [found] if found else []
    return bool(found)


def described_recipients(draft: Draft) -> bool:
    """ "urged the council to act": a definite description refers to the last actor so named."""
    if draft.recipient_ids:
        return False
    index = draft.scene.index
    for token in draft.recipient_tokens:
        found = _described(token, index, draft.actor_ids)
        if found and found not in draft.recipient_ids:
            draft.recipient_ids.append(found)
    return bool(draft.recipient_ids)


def _described(token: Token, index: ActorIndex, exclude: list[str]) -> str | None:
    if index.for_token(token):
        return None
    if _names_a_body(token):
        return index.last_body(token.idx, exclude)  # "the bloc", "the regional body"
    if not definite(token):
        return None
    return index.described_before(token.lemma_.lower(), token.idx, exclude)


def _names_a_body(token: Token) -> bool:
    """ "the bloc", "the regional body": a singular description of an organisation of states."""
    lemma, children = token.lemma_.lower(), list(token.children)
    if token.tag_ != "NN" or not any(c.lower_ == "the" for c in children):
        return False
    return lemma in BLOC_NOUNS or (
        lemma in BODY_NOUNS and any(c.dep_ == "amod" and c.lower_ in REACH_ADJECTIVES for c in children)
    )


def clause_of_the_noun(draft: Draft) -> bool:
    """ "Moscow's accusation that Britain directed the attack": an accusation, a threat, a demand
    or a denial told as a noun is aimed at the subject of the clause that says what it is."""
    cand = draft.cand
    if draft.recipient_ids or cand.kind != "noun" or cand.sense.type not in CLAUSE_TARGETED:
        return False
    index = draft.scene.index
    for clause in (c for c in cand.head.children if c.dep_ in ("acl", "ccomp", "relcl")):
        if not any(m.lower_ == "that" and m.dep_ in ("mark", "nsubj") for m in clause.children):
            continue
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "that"]
        found = [a for a in index.for_tokens(subjects) if a not in draft.actor_ids]
        if found:
            draft.recipient_ids = found
            return True
    return False


def inside_object(draft: Draft) -> bool:
    """ "called for dialogue with Russia", "welcomed the announcement that Ukraine had agreed":
    an object that names no actor itself points on to the party it is about."""
    if draft.recipient_ids or not draft.recipient_tokens:
        return False
    index = draft.scene.index
    own = {t.i for t in draft.cand.tokens} | {t.i for t in draft.actor_tokens}
    for token in draft.recipient_tokens:
        for inner in parties_inside(token):
            if inner.i in own:
                continue
            found = [a for a in index.for_tokens([inner]) if a not in draft.actor_ids]
            if found:
                draft.recipient_ids = found
                return True
    return False


def named_recipients(draft: Draft) -> bool:
    """The actors the object tokens name, other than the actors."""
    if draft.recipient_ids:
        return False
    index = draft.scene.index
    draft.recipient_ids = [r for r in index.for_tokens(draft.recipient_tokens) if r not in draft.actor_ids]
    return bool(draft.recipient_ids)


def content_targets(draft: Draft) -> bool:
    """Whom the content of a request, refusal or threat bears on, when no object is known."""
    if draft.recipient_ids or not draft.arguments.fallback:
        return False
    index = draft.scene.index
    draft.recipient_ids = [r for r in index.for_tokens(draft.arguments.fallback) if r not in draft.actor_ids]
    return bool(draft.recipient_ids)


def same_type_content(draft: Draft) -> bool:
    """ "killed five people in an attack on a security convoy": the attack is the killing, and
    its parties fill the sides the killing leaves empty."""
    cand, index = draft.cand, draft.scene.index
    acted = False
    for child in cand.children:
        if child.sense.type != cand.sense.type:
            continue
        child_args = candidate_arguments(child, draft.scene.lexicon)
        if not draft.actor_ids:
            draft.actor_ids = index.for_tokens(child_args.actors)
            acted = acted or bool(draft.actor_ids)
        if not draft.recipient_ids:
            draft.recipient_ids = [
                r for r in index.for_tokens(child_args.recipients) if r not in draft.actor_ids
            ]
            acted = acted or bool(draft.recipient_ids)
    return acted


def modifier_parties(draft: Draft) -> bool:
    """ "the military takeover", "Mali's fourth": modifiers of an event noun that name a known
    actor, on the side the noun's owner is."""
    cand = draft.cand
    if cand.kind != "noun":
        return False
    side = draft.actor_ids if cand.sense.owner == "actor" else draft.recipient_ids
    added = False
    for actor_id in draft.scene.index.for_tokens(noun_modifiers(cand.head)):
        if actor_id not in draft.actor_ids and actor_id not in draft.recipient_ids:
            side.append(actor_id)
            added = True
    return added
