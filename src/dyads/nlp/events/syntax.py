"""Clause reading off the dependency parse: subjects, passives, agents, prepositional objects.

Pure functions over spaCy tokens, shared by trigger detection and argument reading: who the
subject of a clause is (inherited through control verbs, conjunctions and relative clauses),
whether it is passive, and which tokens name one participant.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet

from spacy.tokens import Token

from dyads.knowledge import registry

GRAMMAR = registry.words("events_grammar")
WORD_CLASSES = registry.words("events_word_classes")

SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
# prepositions that attach background circumstances, not content
BACKGROUND_PREPS = frozenset(GRAMMAR["background_preps"])
# a noun's own span: what names it, not clauses or circumstances hanging from it
# (parser labels: identifiers, not words)
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
OBJECT_CONTROL = frozenset(WORD_CLASSES["object_control"])
# prepositions whose gerund is done by the subject of the clause ("by withdrawing", "after meeting")
GERUND_PREPS = frozenset({"by", "after", "before", "without", "while", "since", "upon", "on"})


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


def dependents(token: Token, deps: AbstractSet[str]) -> list[Token]:
    """The children of ``token`` attached by one of ``deps``."""
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
    found = dependents(verb, SUBJECT_DEPS)
    if found:
        if found[0].lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
            return [verb.head]
        return found
    if depth > 4:
        return []
    head = verb.head
    if verb.dep_ == "xcomp":
        if head.lemma_ in OBJECT_CONTROL:
            objects = dependents(head, {"dobj"}) or prep_objects(head, {"on", "upon"})
            if objects:
                return objects
        return subjects(head, depth + 1) or (agents(head) if is_passive(head) else [])
    if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
        if is_passive(head) and not is_passive(verb):
            return dependents(head, PASSIVE_SUBJECT_DEPS)  # "was indicted … and will resign"
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
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.lower_ in GERUND_PREPS:
        # "put allies at risk by withdrawing troops", "was arrested after attacking police": the
        # gerund's doer is the subject of the clause it hangs on, active or passive
        owner = head.head
        if owner.pos_ in ("VERB", "AUX"):
            return subjects(owner, depth + 1) or dependents(owner, PASSIVE_SUBJECT_DEPS)
    if verb.dep_ == "acomp" or (verb.pos_ == "ADJ" and verb.dep_ in ("acomp", "xcomp", "ccomp")):
        return subjects(head, depth + 1)  # "Syria is willing to withdraw"
    return []


def passive_patients(verb: Token) -> list[Token]:
    found = dependents(verb, PASSIVE_SUBJECT_DEPS)
    if found:
        return found
    if verb.dep_ in ("acl", "amod") and verb.tag_ == "VBN":
        return [verb.head]
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return dependents(verb.head, PASSIVE_SUBJECT_DEPS)
    return []


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


def describe(tokens: Iterable[Token]) -> str:
    """Short text of participant tokens for ``Event.why``."""
    parts = []
    for token in tokens:
        words = sorted(core_tokens(token), key=lambda t: t.i)
        left = [t for t in words if t.i <= token.i and t.dep_ not in ("det", "punct")]
        parts.append(" ".join(t.text for t in left) or token.text)
    return " & ".join(parts)
