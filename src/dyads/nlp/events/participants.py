"""Who a candidate's sentence names as its participants, as tokens, before any actor is looked up.

A trigger word's own clause gives most of them (``arguments``); a candidate adds what its
kind implies: a governor's content ("urged Moscow to repel": Moscow), the doer of what a
request asks ("demanded that the Turkish government provide …"), the verb that undoes an
agentless participle ("would remove the sanctions imposed after …": whoever removes them
imposed them), members named inside a group, and pronouns resolved to their reporter.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from dyads.nlp.events.arguments import RELATIVE_PRONOUNS, Arguments, locatives, noun_arguments, verb_arguments
from dyads.nlp.events.lexicon import Lexicon
from dyads.nlp.events.pronouns import resolve_pronoun
from dyads.nlp.events.senses import verb_sense
from dyads.nlp.events.syntax import agents, prep_objects
from dyads.nlp.events.triggers import Candidate

REVERSING = {"CONCEDE", "RETREAT"}  # acts that undo another ("lifted the sanctions")
ANSWERS = {"REJECT", "ACCUSE", "PROTEST"}  # refusals, condemnations and protests of what another did
IMPOSED = {"SANCTION", "COERCE"}  # measures someone imposes
PROPOSALS = {"REQUEST", "AGREE", "THREATEN"}  # demands, offers and ultimatums one can answer
SOURCE_FROM = {"AID", "REQUEST", "THREATEN", "ACCUSE", "AGREE"}  # "aid from Japan", "demands from rebels"


DONE_TO = {"ASSAULT", "COERCE"}  # nouns whose "of" object is the one they are done to


def candidate_arguments(cand: Candidate, lexicon: Lexicon) -> Arguments:
    """The participant tokens of a candidate, its content's included."""
    if cand.kind == "noun":
        return noun_arguments(
            cand.head,
            cand.sense.owner,
            source_from=cand.sense.type in SOURCE_FROM,
            agent_nouns=lexicon.agent_nouns,
            patient_of=cand.sense.type in DONE_TO,
        )
    args = verb_arguments(cand.head, cand.content if cand.kind in ("light", "verb") else None)
    if args.passive and not args.actors and cand.sense.type in REVERSING:
        # "the siege by Syrian rebels has been lifted": whose act it was names who undoes it
        undone = [t for t in cand.head.children if t.dep_ in ("nsubjpass", "csubjpass") and t.pos_ == "NOUN"]
        args = Arguments(tuple(o for t in undone for o in prep_objects(t, {"by"})), args.recipients, True)
    if cand.kind == "blame" and cand.content is not None:
        # "said Russia was behind the attack": the one blamed, not the attack's victims
        blamed = tuple(c for c in cand.content.children if c.dep_ == "nsubj")
        return Arguments(args.actors, blamed, args.passive)
    if cand.kind in ("governor", "modal"):
        # "urged Moscow to repel": Moscow is the recipient; "threatened to shell towns":
        # the towns are; "Russia said Sudan must …": Sudan is.
        inner: list[Token] = []
        if cand.kind == "modal" and cand.content is not None:
            inner = [c for c in cand.content.children if c.dep_ in ("nsubj", "nsubjpass")]
        for child in cand.children:
            inner += list(candidate_arguments(child, lexicon).recipients)
        if cand.kind == "modal":
            return Arguments(args.actors, tuple(inner), args.passive)
        own = [
            r
            for r in args.recipients
            if (cand.content is None or r.i != cand.content.i) and r.pos_ in ("PROPN", "NOUN", "PRON")
        ]
        recipients = own or inner
        if own and cand.sense.type == "REQUEST" and cand.content is not None:
            # "asked the Security Council to withdraw MINUSMA": what the request bears on
            recipients = own + [c for c in cand.content.children if c.dep_ == "dobj" and c.pos_ == "PROPN"]
        return Arguments(
            args.actors, tuple(recipients), args.passive, fallback=tuple(_content_targets(cand, lexicon))
        )
    return Arguments(
        args.actors, args.recipients, args.passive, fallback=tuple(_content_targets(cand, lexicon))
    )


def _content_targets(cand: Candidate, lexicon: Lexicon) -> list[Token]:
    """Who the content of a request, refusal or threat bears on: the doer of what is asked
    ("demanded that the Turkish government provide …"), or whom the threatened act is aimed at
    ("threatened to resume attacks in Israel")."""
    out: list[Token] = []
    for child in cand.children:
        child_args = candidate_arguments(child, lexicon)
        if cand.sense.type == "REQUEST":
            out += list(child_args.actors)
        elif cand.sense.type in ANSWERS and child.sense.type in IMPOSED and child_args.actors:
            # "rejected the sanctions that ECOWAS imposed on Niger": aimed at whoever imposed them
            out += list(child_args.actors)
        elif child.kind == "noun" and child.sense.type in PROPOSALS:
            # "rejected an offer from Afghanistan", "accepted demands from the rebels": the
            # one who proposed is the one answered
            out += list(child_args.actors) + list(child_args.recipients)
        else:
            out += list(child_args.recipients)
    content = cand.content
    if content is not None and content.pos_ in ("VERB", "AUX"):
        if cand.sense.type == "REQUEST":
            out += [c for c in content.children if c.dep_ in ("nsubj", "nsubjpass")]
        else:
            out += list(verb_arguments(content).recipients) + locatives(content)
    return out


def undoing_verb(cand: Candidate, lexicon: Lexicon) -> Token | None:
    """The verb that undoes an agentless participle's event, if any: whoever lifts sanctions
    is the one who imposed them ("leaders would remove the sanctions imposed after …")."""
    verb = cand.head
    if cand.kind not in ("light", "verb") or verb.dep_ != "acl" or agents(verb):
        return None
    noun = verb.head
    undoer = noun.head
    if noun.dep_ not in ("dobj", "nsubjpass") or undoer.pos_ not in ("VERB", "AUX"):
        return None
    found = verb_sense(undoer, lexicon)
    return undoer if found is not None and found[0].type in REVERSING else None


def named_members(token: Token) -> list[Token]:
    """Members named inside a group ("governments, including France", "the leaders, among
    them Mali's President Keita")."""
    out = prep_objects(token, {"including"})
    out += [
        c
        for c in token.children
        if c.dep_ == "appos" and any(g.dep_ == "prep" and g.lower_ == "among" for g in c.children)
    ]
    return out


def resolve_subjects(tokens: Sequence[Token]) -> list[Token]:
    """Subject tokens with pronouns in reported clauses replaced by their reporter."""
    out: list[Token] = []
    for token in tokens:
        antecedent = resolve_pronoun(token)
        out.append(antecedent if antecedent is not None else token)
    return out


def said_to_happen(cand: Candidate, lexicon: Lexicon) -> bool:
    """A nominal event said to happen ("protests erupted") or carried by a participle."""
    noun = cand.head
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_.lower() in lexicon.happen_verbs:
        return True
    return any(
        c.dep_ in ("acl", "relcl") and c.tag_ == "VBN" and any(g.dep_ == "agent" for g in c.children)
        for c in noun.children
    ) or any(told_by_relative(c) for c in noun.children)


def told_by_relative(clause: Token) -> bool:
    """An active relative clause with its own subject: "the sanctions that ECOWAS imposed"."""
    return clause.dep_ == "relcl" and any(
        c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS for c in clause.children
    )
