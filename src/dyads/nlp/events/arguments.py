"""Who a trigger word's clause names as actor and recipient, as tokens.

A verbal trigger's participants come from its subject, objects, prepositional objects and
passive agent ("Israel attacked Gaza", "sanctions were imposed on Iran by the EU"); a nominal
trigger's from its possessor, modifiers and prepositions ("Israel's attack on Gaza").
Mapping the tokens to actors is the caller's job.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from dyads.knowledge import registry
from dyads.nlp.events.syntax import (
    NOT_PARTICIPANTS,
    PASSIVE_SUBJECT_DEPS,
    agents,
    conjuncts,
    dependents,
    is_passive,
    misparsed_finite,
    passive_patients,
    prep_objects,
    subjects,
)

GRAMMAR = registry.words("events_grammar")
WORD_CLASSES = registry.words("events_word_classes")

OBJECT_DEPS = {"dobj", "dative", "obj", "attr", "oprd"}
# prepositions whose object is the one acted upon ("met with", "attack on", "sanctions against")
RECIPIENT_PREPS = frozenset(GRAMMAR["recipient_preps"])
# passives that describe a state of doing, not being done to ("were engaged in fighting")
STATIVE_PASSIVES = {"engage", "involve"}
# What a party has or does, so that acting on it acts on the party ("froze the assets of X",
# "suspended the broadcasts of Y", "questioned the legitimacy of Z").
HOLDING_NOUNS = frozenset(WORD_CLASSES["holding_nouns"])
RELATIVE_PRONOUNS = {"that", "which", "who", "whom", "whose"}
# nouns of "in support of", "in response to": they say why, not where
PURPOSE_NOUNS = frozenset(WORD_CLASSES["purpose_nouns"])
LOCATIVE_PREPS = {"in", "into", "inside", "across", "throughout"}


@dataclass(frozen=True)
class Arguments:
    """Syntactic participants of one trigger, as tokens."""

    actors: tuple[Token, ...] = ()
    recipients: tuple[Token, ...] = ()
    passive: bool = False
    fallback: tuple[Token, ...] = ()  # recipients to use when none of ``recipients`` is a known actor


def _patient(content: Token) -> bool:
    """Is an object that selected the verb's sense also the one acted upon? "expelled Russian
    diplomats" — yes; "withdrew its troops" (the actor's own) or "signed an agreement" — no."""
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in content.children):
        return False
    return content.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") or any(
        c.dep_ in ("amod", "compound", "poss") and c.ent_type_ in ("NORP", "GPE", "ORG")
        for c in content.children
    )


def verb_arguments(verb: Token, content: Token | None = None) -> Arguments:
    """Actor and recipient tokens of a verbal trigger.

    ``content`` is the object noun that carries the event for a light verb ("imposed
    sanctions on Iran"): its own prepositional objects are recipients too.
    """
    if misparsed_finite(verb):
        # "Yeltsin on Saturday hosted Japanese Prime Minister Hashimoto" parsed with the verb
        # as a modifier: the nearest noun before it is the subject, the noun it modifies the object
        before = [
            t
            for t in verb.sent
            if t.i < verb.i and t.pos_ in ("PROPN", "NOUN") and t.dep_ in ("ROOT", "nsubj")
        ]
        target = verb.head
        while target.dep_ == "compound" and target.head.i != target.i:
            target = target.head
        return Arguments(tuple(before[-1:]), (target,) if content is None or target.i != content.i else ())
    if is_passive(verb) and verb.lemma_.lower() in STATIVE_PASSIVES and not agents(verb):
        # "Serb forces were engaged in ethnic cleansing": a state of doing, not being done to
        doers = dependents(verb, PASSIVE_SUBJECT_DEPS)
        return Arguments(tuple(doers), tuple(content_recipients(content) if content is not None else ()))
    if is_passive(verb):
        actor_tokens = agents(verb)
        patients = [p for p in passive_patients(verb) if content is None or p.i != content.i or _patient(p)]
        recipients = patients + prep_objects(verb, RECIPIENT_PREPS - {"from", "for"})
        if content is not None:
            recipients += content_recipients(content)
        return Arguments(tuple(actor_tokens), tuple(recipients), passive=True)
    actor_tokens = subjects(verb)
    objects = [
        o
        for o in dependents(verb, OBJECT_DEPS - {"attr"})
        if content is None or o.i != content.i or _patient(o)
    ]
    # a dative may be the preposition itself ("send troops to Afghanistan")
    objects = [
        p for o in objects for p in ([c for c in o.children if c.dep_ == "pobj"] if o.pos_ == "ADP" else [o])
    ]
    recipients = objects + prep_objects(verb, RECIPIENT_PREPS)
    # "called the junta illegitimate" is sometimes read with the object inside the predicate
    recipients += [
        c
        for p in verb.children
        if p.dep_ == "oprd" and p.pos_ == "ADJ"
        for c in p.children
        if c.dep_ in ("amod", "nsubj", "npadvmod") and c.pos_ in ("NOUN", "PROPN")
    ]
    if content is not None:
        recipients += content_recipients(content)
    for obj in objects:  # "broke off relations with Congo", "lifted the blockade on Gaza"
        recipients += prep_objects(obj, {"with", "on", "against", "toward", "towards"})
    for held in [*objects, *([content] if content is not None else [])]:
        if held.lemma_.lower() in HOLDING_NOUNS:  # "froze the assets of X": X is acted upon
            recipients += prep_objects(held, {"of"})
    partners = co_actors(verb)
    if content is not None:
        partners += co_actors(content)
    recipients = [r for r in recipients if all(r.i != p.i for p in partners)]
    return Arguments(tuple(actor_tokens) + tuple(partners), tuple(recipients))


def co_actors(verb: Token) -> list[Token]:
    """Partners, not recipients: "led the mediation together with X", "alongside Y"."""
    out: list[Token] = []
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    for prep in (c for h in heads for c in h.children if c.dep_ == "prep"):
        joint = prep.lower_ in ("alongside",) or (
            prep.lower_ == "with" and any(c.lower_ in ("together", "along", "jointly") for c in prep.children)
        )
        if joint:
            out += [c for c in prep.children if c.dep_ == "pobj"]
    return out


def content_recipients(content: Token) -> list[Token]:
    """Who an event noun is aimed at: "sanctions on Iran", "suspension of air links with Serbia"."""
    out = prep_objects(content, RECIPIENT_PREPS)
    for of_object in prep_objects(content, {"of"}):
        out += prep_objects(of_object, RECIPIENT_PREPS - {"from"})
    return out


def noun_arguments(
    noun: Token,
    owner: str = "actor",
    source_from: bool = False,
    agent_nouns: frozenset[str] = frozenset(),
    patient_of: bool = False,
) -> Arguments:
    """Participants of a nominal trigger: "Israel's attack on Gaza", "talks with X".

    ``owner="recipient"``: the possessor is the one it happened to ("Mali's coup").
    ``source_from``: "from X" names the giver or asker ("deliveries from Russia", "demands from rebels").
    ``patient_of``: "of X" names the one it is done to ("the invasion of Ukraine", "the siege of Aleppo").
    An event noun modifying an agent noun names the agent ("the coup leaders").
    """
    owners = [c for c in noun.children if c.dep_ == "poss" and c.ent_type_ not in NOT_PARTICIPANTS]
    owners += [
        c for c in noun.children if c.dep_ in ("compound", "amod") and c.ent_type_ in ("GPE", "NORP", "ORG")
    ]
    actor_tokens = owners if owner == "actor" else []
    actor_tokens += prep_objects(noun, {"by"} | ({"from"} if owner == "actor" and source_from else set()))
    if noun.dep_ == "compound" and noun.head.lemma_.lower() in agent_nouns and noun.head.i > noun.i:
        actor_tokens.append(noun.head)
    recipients = prep_objects(
        noun, RECIPIENT_PREPS - {"from", "for"} if source_from else RECIPIENT_PREPS - {"from"}
    )
    if patient_of and owner == "actor":
        recipients += prep_objects(noun, {"of"})
    if owner == "recipient":
        recipients = owners + recipients + prep_objects(noun, {"in"})  # "the coup in Guinea"
    # "clashes between Turkish troops and Kurdish fighters", "talks between X and Y": every side
    # named acts (a mutual act has no one side acted upon)
    sides = [t for pobj in prep_objects(noun, {"between"}) for t in conjuncts(pobj)]
    if len(sides) >= 2 and not actor_tokens:
        actor_tokens += sides
    # "sanctions imposed by West African leaders": the participle names the agent
    for child in noun.children:
        told = child.dep_ == "relcl" and not is_passive(child)  # "sanctions it had imposed"
        if child.dep_ in ("acl", "relcl") and child.tag_ == "VBN" and not told:
            actor_tokens += agents(child)
            recipients += prep_objects(child, {"on", "against", "to"})
        elif told:
            # "the sanctions that ECOWAS imposed on Niger": the clause's subject did it, unless
            # the relative pronoun is the subject ("sanctions that hurt the economy")
            doers = [c for c in child.children if c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS]
            if doers:
                actor_tokens += doers
                recipients += prep_objects(child, {"on", "against", "to"})
    return Arguments(tuple(actor_tokens), tuple(recipients))


def locatives(head: Token, content: Token | None = None) -> list[Token]:
    """Where the event happened ("eased measures in Montenegro", "forces in Lebanon")."""
    out = prep_objects(head, LOCATIVE_PREPS)
    if content is not None:
        out += prep_objects(content, LOCATIVE_PREPS)
    for obj in (c for c in head.children if c.dep_ in ("dobj", "nsubjpass")):
        out += prep_objects(obj, LOCATIVE_PREPS)
    # "in support of X", "in response to Y" say why, not where
    return [t for t in out if t.lemma_.lower() not in PURPOSE_NOUNS]


def noun_modifiers(noun: Token) -> list[Token]:
    """Modifiers of an event noun that may name its actor if they resolve ("military takeover",
    "Mali's fourth" in apposition)."""
    out = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod")]
    for appos in (c for c in noun.children if c.dep_ == "appos"):
        out += [c for c in appos.children if c.dep_ == "poss"]
    return out


# Where a noun phrase carries the party it is about: "dialogue with Russia", "Moscow's congress",
# "the announcement that Ukraine had agreed", "the invitation to Syrian Kurds", "the allegations made
# by Pakistan" (the agent of a participle: whose claim it is).
# (parser labels: identifiers, not words)
INNER_STEPS = frozenset(
    {"prep", "pobj", "poss", "acl", "relcl", "ccomp", "nsubj", "nsubjpass", "appos", "agent"}
)


def parties_inside(noun: Token, depth: int = 3) -> list[Token]:
    """Tokens inside a noun phrase that may name the party it is about, nearest first."""
    out: list[Token] = []
    frontier = [noun]
    for _ in range(depth):
        following: list[Token] = []
        for token in frontier:
            for child in token.children:
                if child.dep_ in INNER_STEPS:
                    following.append(child)
                    if child.pos_ in ("NOUN", "PROPN", "PRON"):
                        out.append(child)
        frontier = following
    return out
