"""Guards: the reasons a candidate trigger is not an event. Each returns True to reject.

Word guards read only the participant tokens (who the sentence names); the dyad guard and
the party guards read the actors found for them. ``decision`` runs them in order.
"""

from __future__ import annotations

import re

from dyads.nlp.events.draft import Draft

GENERIC_SUBJECTS = {"you", "one", "anyone", "everyone", "someone", "readers"}

# an e-mail address or a web address (scheme, www., or a domain followed by a path)
COMMENTATORS = {"EDU"}  # the sector of analysts, researchers and academics (a code, not a word)
WEB_ADDRESS = re.compile(r"\S+@\S+\.\w{2,}|https?://|www\.|\b\w+\.(?:com|org|net|co\.uk)/")


def generic_subject(draft: Draft) -> bool:
    """Instructions to the reader ("you must request permission")."""
    return any(t.lower_ in GENERIC_SUBJECTS for t in draft.actor_tokens)


def carried_not_visiting(draft: Draft) -> bool:
    """ "was flown to Los Angeles": carried there, not visiting."""
    cand = draft.cand
    return cand.sense.mode == "visit" and cand.kind == "verb" and draft.arguments.passive


def natural_deaths(draft: Draft) -> bool:
    """Deaths with no one named as killer, in a sentence about an accident or disaster (and
    not about weapons)."""
    lexicon = draft.scene.lexicon
    return (
        not draft.actor_tokens
        and draft.cand.sense.type == "ASSAULT"
        and any(t.lemma_.lower() in lexicon.natural_causes and t.dep_ != "compound" for t in draft.sent)
        and not any(t.lemma_.lower() in lexicon.weapons and t.pos_ == "NOUN" for t in draft.sent)
    )


def natural_cause_actor(draft: Draft) -> bool:
    """Harm by disease or disaster is not an act of anyone."""
    natural_causes = draft.scene.lexicon.natural_causes
    return any(t.lemma_.lower() in natural_causes for t in draft.actor_tokens)


def bare_mention(draft: Draft) -> bool:
    """A bare mention ("the coup") with nobody named and nothing said to happen."""
    return (
        draft.cand.kind == "noun"
        and not draft.actor_tokens
        and not draft.recipient_tokens
        and not draft.happens
    )


def nobody_named(draft: Draft) -> bool:
    """No participant named and nothing said to happen, for a type that needs someone."""
    return (
        not draft.actor_tokens
        and not draft.recipient_tokens
        and not draft.happens
        and draft.cand.sense.type not in draft.scene.lexicon.actorless_ok
    )


def background_without_dyad(draft: Draft) -> bool:
    """Circumstances ("after X …", relative clauses) are events only as a full known dyad."""
    return draft.cand.background and not (draft.actor_ids and draft.recipient_ids)


def no_known_party(draft: Draft) -> bool:
    """An event is between known actors; nobody known took part."""
    return not draft.actor_ids and not draft.recipient_ids


def only_private_people(draft: Draft) -> bool:
    """The private story of people who belong to no country, body or sector ("She cried and said
    to me …", "helping her daughter through school") is no political event."""
    index = draft.scene.index
    parties = [*draft.actor_ids, *draft.recipient_ids]
    return bool(parties) and not any(index.political(p) for p in parties)


def commentators_only(draft: Draft) -> bool:
    """What analysts, researchers and academics say or welcome is commentary on events, not an
    event: "Security analyst Kabiru Adamu welcomed the move", "Researchers warn that …"."""
    index = draft.scene.index
    actors = draft.actor_ids
    # one who holds a country's office may also be an academic: only unplaced commentators
    return bool(actors) and all(index.sector(a) in COMMENTATORS and not index.placed(a) for a in actors)


def page_furniture(draft: Draft) -> bool:
    """A sentence with a web or e-mail address is the page's furniture ("click here to visit
    gu.com/letters", "email letters@…"), not its news."""
    return bool(WEB_ADDRESS.search(draft.sent.text))


def verbal_noun_without_actor(draft: Draft) -> bool:
    """A mention of talks, a visit or a call, with no one known making it."""
    cand = draft.cand
    return not draft.actor_ids and cand.kind == "noun" and draft.scene.lexicon.verbal(cand.sense.type)
