"""Who did what to whom, read off the dependency parse, and mapped onto resolved actors.

Pure functions over spaCy tokens. Arguments are found syntactically (subject, object,
prepositional objects, passive agents, conjunctions, appositions, control verbs) and
then mapped to ``Actor`` ids through the actors' character mentions.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from spacy.tokens import Token

from dyads.knowledge import registry

GRAMMAR = registry.words("events_grammar")
WORD_CLASSES = registry.words("events_word_classes")

SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
OBJECT_DEPS = {"dobj", "dative", "obj", "attr", "oprd"}
# prepositions whose object is the one acted upon ("met with", "attack on", "sanctions against")
RECIPIENT_PREPS = frozenset(GRAMMAR["recipient_preps"])
# prepositions that attach background circumstances, not content
BACKGROUND_PREPS = frozenset(GRAMMAR["background_preps"])
# a noun's own span: what names it, not clauses or circumstances hanging from it
CORE_DEPS = {
    "compound",
    "amod",
    "poss",
    "nmod",
    "det",
    "nummod",
    "quantmod",
    "case",
    "flat",
    "npadvmod",
    "appos",
    "conj",
    "cc",
    "punct",
    "advmod",
    "prep",
    "pobj",
}
CORE_PREPS = {"of", "from", "in", "by", "including"}
# verbs whose object is the subject of their complement ("urged Moscow to repel")
STATIVE_PASSIVES = {"engage", "involve"}
OBJECT_CONTROL = frozenset(WORD_CLASSES["object_control"])
PRONOUNS = frozenset(GRAMMAR["pronouns"])


@dataclass(frozen=True)
class Arguments:
    """Syntactic participants of one trigger, as tokens."""

    actors: tuple[Token, ...] = ()
    recipients: tuple[Token, ...] = ()
    passive: bool = False
    fallback: tuple[Token, ...] = ()  # recipients to use when none of ``recipients`` is a known actor


def conjuncts(token: Token) -> list[Token]:
    """The token and the tokens joined to it by "and"/"or" (compound actors)."""
    out = [token]
    out.extend(t for t in token.conjuncts if t.i > token.i and t.pos_ in ("NOUN", "PROPN", "PRON", "ADJ"))
    # "The African Union, the Economic Community … and the United Nations": a list the parser
    # read as an apposition followed by a conjunct
    for appos in (c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"):
        tail = [t for t in appos.conjuncts if t.i > appos.i and t.pos_ == "PROPN"]
        if tail:
            out += [appos, *tail]
    return out


def _has_object(verb: Token) -> bool:
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    return any(c.dep_ in ("dobj", "dative") for v in verbs for c in v.children)


def misparsed_finite(verb: Token) -> bool:
    """A finite past/present verb the parser attached as a noun modifier."""
    return verb.tag_ in ("VBD", "VBZ", "VBP") and verb.dep_ in ("amod", "compound", "nmod")


def is_passive(verb: Token) -> bool:
    """Passive clause, or a participle after a noun ("sanctions imposed by …"). A participle
    with its own object is a misparsed main verb ("Doctors … donated and delivered goods")."""
    if any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children):
        return True
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod") and not _has_object(verb):
        return True
    # "she was convicted and then acquitted": a bare participle shares its head's passive
    head = verb.head
    return (
        verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and head.i != verb.i
        and any(c.dep_ == "auxpass" for c in head.children)
        and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children)
    )


def _children(token: Token, deps: set[str]) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


NOT_PARTICIPANTS = {"DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"}


def participant(token: Token) -> bool:
    """Can this token name a participant (not a date, a number or an amount)?"""
    return token.ent_type_ not in NOT_PARTICIPANTS and token.pos_ in ("NOUN", "PROPN", "PRON", "ADJ", "NUM")


def prep_objects(token: Token, preps: AbstractSet[str]) -> list[Token]:
    out: list[Token] = []
    for child in token.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in preps:
            out.extend(c for c in child.children if c.dep_ == "pobj" and participant(c))
    return out


def agents(verb: Token) -> list[Token]:
    out: list[Token] = []
    for child in verb.children:
        if child.dep_ == "agent":
            out.extend(c for c in child.children if c.dep_ == "pobj")
    return out


# Verbs whose subject stands against a text it acts on: "blocked a statement backing X" is
# not backing X.
OPPOSING = frozenset(WORD_CLASSES["opposing"])


def subjects(verb: Token, depth: int = 0) -> list[Token]:
    """The clause subject; inherited through xcomp, conj, acl and relcl when missing."""
    found = _children(verb, SUBJECT_DEPS)
    if found:
        if found[0].lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
            return [verb.head]
        return found
    if depth > 4:
        return []
    head = verb.head
    if verb.dep_ == "xcomp":
        if head.lemma_ in OBJECT_CONTROL:
            objects = _children(head, {"dobj"}) or prep_objects(head, {"on", "upon"})
            if objects:
                return objects
        return subjects(head, depth + 1) or (agents(head) if is_passive(head) else [])
    if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
        if is_passive(head) and not is_passive(verb):
            return _children(head, PASSIVE_SUBJECT_DEPS)  # "was indicted … and will resign"
        return subjects(head, depth + 1) or (agents(head) if is_passive(head) else [])
    if verb.dep_ == "acl" and any(c.lower_ == "to" for c in verb.children):
        owners = [c for c in head.children if c.dep_ == "poss"]
        if owners:
            return owners  # "France's decision to suspend its aid": France suspends
    if verb.dep_ in ("relcl", "acl") and not is_passive(verb):
        # "issued a declaration demanding …", "holding posters praising …": the one who
        # issued or held it speaks through it
        if (
            verb.dep_ == "acl"
            and head.dep_ in ("dobj", "pobj")
            and head.pos_ == "NOUN"
            and head.ent_type_ == ""
        ):
            carrier = head.head if head.dep_ == "dobj" else head.head.head
            speaks = carrier.pos_ in ("VERB", "AUX") and carrier.lemma_.lower() not in OPPOSING
            inherited = subjects(carrier, depth + 1) if speaks else []
            if inherited:
                return inherited
        return [head]
    if verb.dep_ == "advcl" and any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children):
        return subjects(head, depth + 1)  # purpose: "sent personnel to investigate"
    if verb.dep_ == "advcl" and verb.tag_ == "VBG":
        return subjects(head, depth + 1)
    if verb.dep_ == "acomp" or (verb.pos_ == "ADJ" and verb.dep_ in ("acomp", "xcomp", "ccomp")):
        return subjects(head, depth + 1)  # "Syria is willing to withdraw"
    return []


def passive_patients(verb: Token) -> list[Token]:
    found = _children(verb, PASSIVE_SUBJECT_DEPS)
    if found:
        return found
    if verb.dep_ in ("acl", "amod") and verb.tag_ == "VBN":
        return [verb.head]
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return _children(verb.head, PASSIVE_SUBJECT_DEPS)
    return []


def _patient(content: Token) -> bool:
    """Is an object that selected the verb's sense also the one acted upon? "expelled Russian
    diplomats" — yes; "withdrew its troops" (the actor's own) or "signed an agreement" — no."""
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in content.children):
        return False
    return content.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") or any(
        c.dep_ in ("amod", "compound", "poss") and c.ent_type_ in ("NORP", "GPE", "ORG")
        for c in content.children
    )


# What a party has or does, so that acting on it acts on the party ("froze the assets of X",
# "suspended the broadcasts of Y", "questioned the legitimacy of Z").
HOLDING_NOUNS = frozenset(WORD_CLASSES["holding_nouns"])


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
        doers = _children(verb, PASSIVE_SUBJECT_DEPS)
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
        for o in _children(verb, OBJECT_DEPS - {"attr"})
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
    noun: Token, owner: str = "actor", source_from: bool = False, agent_nouns: frozenset[str] = frozenset()
) -> Arguments:
    """Participants of a nominal trigger: "Israel's attack on Gaza", "talks with X".

    ``owner="recipient"``: the possessor is the one it happened to ("Mali's coup").
    ``source_from``: "from X" names the giver or asker ("deliveries from Russia", "demands from rebels").
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
    if owner == "recipient":
        recipients = owners + recipients + prep_objects(noun, {"in"})  # "the coup in Guinea"
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


RELATIVE_PRONOUNS = {"that", "which", "who", "whom", "whose"}
PURPOSE_NOUNS = frozenset(WORD_CLASSES["purpose_nouns"])
LOCATIVE_PREPS = {"in", "into", "inside", "across", "throughout"}


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


def core_tokens(token: Token) -> Iterator[Token]:
    """The tokens that name a participant: the noun with its modifiers and of/from phrases."""
    yield token
    for child in token.children:
        if child.dep_ not in CORE_DEPS:
            continue
        if child.dep_ == "prep" and child.lower_ not in CORE_PREPS:
            continue
        if child.dep_ == "conj":
            continue  # conjuncts are expanded by the caller as separate participants
        if child.dep_ == "amod":
            yield from child.subtree  # "Hungarian and Romanian officials"
            continue
        yield from core_tokens(child)


OBJECT_PRONOUNS = {"them", "him", "her", "it"}


def resolve_object_pronoun(token: Token) -> list[Token]:
    """An object pronoun in a participle clause ("imposed sanctions on X, accusing them of …")
    refers back to those the main clause acted upon."""
    if token.lower_ not in OBJECT_PRONOUNS:
        return []
    clause = token.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "advcl" or clause.tag_ != "VBG":
        return []
    main = clause.head
    objects = [c for c in main.children if c.dep_ in ("dobj", "dative") and c.lower_ not in PRONOUNS]
    found = [o for o in objects if o.pos_ == "PROPN"]  # "sanctioned Camara, accusing him …"
    for obj in [main, *objects]:  # "imposed sanctions on officials, accusing them …"
        found += prep_objects(obj, {"on", "against", "to", "with"})
    return found


def resolve_pronoun(token: Token) -> Token | None:
    """A subject pronoun inside a reported clause refers to the reporter ("Iran said it would …")."""
    if token.lower_ not in PRONOUNS:
        return None
    node = token.head
    for _ in range(6):
        if node.dep_ in ("ccomp", "xcomp", "advcl", "conj") and node.head.i != node.i:
            node = node.head
            for subject in _children(node, SUBJECT_DEPS):
                if subject.lower_ not in PRONOUNS:
                    return subject
        else:
            break
    return None


def describe(tokens: Iterable[Token]) -> str:
    """Short text of participant tokens for ``Event.why``."""
    parts = []
    for token in tokens:
        words = sorted(core_tokens(token), key=lambda t: t.i)
        left = [t for t in words if t.i <= token.i and t.dep_ not in ("det", "punct")]
        parts.append(" ".join(t.text for t in left) or token.text)
    return " & ".join(parts)
