"""Trigger detection: which words in a sentence carry an event, and with which lexicon sense.

A trigger is a verb ("attacked"), a light verb with an event noun as object ("held
talks", "imposed sanctions"), a governing verb whose complement is the event's content
("threatened to shell", "urged Moscow to repel"), a reporting verb with a must-clause
("said Sudan must return") or a clause laying blame ("said Russia was behind the attack",
``blame``), or a noun ("the coup", "protests erupted"). Which sense a
word has is read in ``senses``; which trigger is the content of another, in ``content``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from dyads.nlp.events.blame import blamed_clause
from dyads.nlp.events.lexicon import Lexicon, Sense
from dyads.nlp.events.senses import light_objects, noun_sense, verb_sense, verb_sense_content

OBLIGATION = {"must", "should"}
OWNING_NOUNS = {"responsibility", "credit"}  # "claimed responsibility for", "took credit for"
OWNED_TYPES = {"ASSAULT", "COERCE"}  # acts one claims as one's own
CLAIMING_VERBS = {"claim", "assume"}


@dataclass
class Candidate:
    """One trigger found in a sentence, before arguments and coding."""

    kind: str  # "verb" | "light" | "noun" | "governor" | "modal" | "blame"
    head: Token  # the verb (or noun) whose syntax gives the participants
    sense: Sense
    content: Token | None = None  # event noun of a light verb; complement of a governor
    tokens: list[Token] = field(default_factory=list)  # trigger words
    absorbed_by: Candidate | None = None
    children: list[Candidate] = field(default_factory=list)
    background: bool = False

    @property
    def anchor_tokens(self) -> list[Token]:
        return self.tokens or [self.head]


def _complement(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("xcomp", "ccomp"):
            return child
    return None


def _has_obligation(clause: Token) -> bool:
    """A clause with "must"/"should" ("Sudan must return the helicopter")."""
    return any(c.dep_ == "aux" and c.lower_ in OBLIGATION for c in clause.children)


def _event_noun(obj: Token, lexicon: Lexicon) -> tuple[Sense, list[Token]] | None:
    """The event noun a light verb carries: the object, its compound ("mediation mission"),
    or the noun after a measure ("ten days of war games")."""
    found = noun_sense(obj, lexicon)
    if found is not None:
        return found
    if obj.lemma_.lower() in OWNING_NOUNS:
        # "claimed responsibility for the attack": the claimant owns the attack
        # "for" hangs on the noun or, with a date between, on the verb ("claimed responsibility
        # on Thursday for an attack")
        holders = [obj, obj.head] if obj.dep_ == "dobj" else [obj]
        preps = [c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "for"]
        for prep in preps:
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                found = noun_sense(pobj, lexicon)
                if found is not None and found[0].type in OWNED_TYPES:
                    return found[0], [obj, *found[1]]
    for child in obj.children:
        if child.dep_ == "compound" and child.pos_ == "NOUN":
            found = noun_sense(child, lexicon)
            if found is not None:
                return found[0], [*found[1], obj]
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found = noun_sense(pobj, lexicon)
                    if found is not None:
                        return found
    return None


def _nominal(token: Token) -> bool:
    """A common noun outside names and dates ("the coup", not "Front" in a party name)."""
    if token.pos_ != "NOUN" and not (token.pos_ == "PROPN" and token.is_title and token.ent_type_ == ""):
        return False
    return token.ent_type_ in ("", "NORP", "EVENT")


def _predicative(token: Token, lexicon: Lexicon) -> bool:
    """An adjective the lexicon reads as a verb, said of its subject ("were critical of the deal")."""
    return token.pos_ == "ADJ" and token.dep_ == "acomp" and token.lemma_.lower() in lexicon.verbs


def find_candidates(sent: Span, lexicon: Lexicon) -> list[Candidate]:
    """Every trigger in one sentence, light verbs and governors resolved, nothing absorbed yet."""
    out: list[Candidate] = []
    light_nouns: set[int] = set()
    for token in sent:
        if (
            token.pos_ == "VERB"
            or (token.pos_ == "AUX" and token.dep_ == "ROOT")
            or _predicative(token, lexicon)
        ):
            lemma = token.lemma_.lower()
            if token.dep_ == "amod" and token.tag_ == "VBN":
                continue  # adjectival participles describe, they do not report ("Israeli-occupied")
            blamed = blamed_clause(token, lexicon)
            if blamed is not None:
                # "said Russia was behind the attack": the reporter accuses the clause's subject
                sense = Sense(type="ACCUSE", mode="allege", cameo="112", entry=f"blame:{lemma}")
                out.append(Candidate("blame", token, sense, content=blamed, tokens=[token]))
                continue
            own = verb_sense(token, lexicon)
            if own is not None and own[0].type == "-":
                continue
            if own is not None and len(own[1]) > 1:  # phrasal verbs first: "called off", "pulled out"
                out.append(Candidate("verb", token, own[0], tokens=own[1]))
                continue
            if lemma in lexicon.transparent and any(c.dep_ == "xcomp" for c in token.children):
                continue  # "helped spread", "decided to expel": the complement is the event
            # light verb + event noun ("held talks", "imposed sanctions", "carried out a raid")
            particles = [c.lemma_.lower() for c in token.children if c.dep_ == "prt"]
            if lemma in lexicon.light_verbs or any(f"{lemma} {p}" in lexicon.light_verbs for p in particles):
                carried = False
                for obj in light_objects(token):
                    found = _event_noun(obj, lexicon)
                    if found is None or found[0].type == "-":
                        continue
                    if lemma in CLAIMING_VERBS and found[0].type not in OWNED_TYPES:
                        continue  # one claims attacks, not talks
                    sense = own[0] if own and own[0].conditional else found[0]
                    out.append(
                        Candidate("light", token, sense, content=found[1][-1], tokens=[token, *found[1]])
                    )
                    light_nouns.update(t.i for t in found[1])
                    carried = True
                    break
                if carried:
                    continue
            governed = lexicon.governors.get(lemma)
            if governed and (own is not None or lemma not in lexicon.verbs):
                complement = _complement(token)
                if own is not None and (own[0].conditional or own[0].type == governed):
                    sense = own[0]  # "accepted demands" is CONCEDE, not AGREE
                else:
                    sense = Sense(type=governed, cameo=lexicon.cameo(governed), entry=f"governor:{lemma}")
                out.append(
                    Candidate("governor", token, sense, content=complement, tokens=own[1] if own else [token])
                )
                continue
            if own is not None:
                content = verb_sense_content(token, lexicon)
                out.append(
                    Candidate("verb", token, own[0], content=content[2] if content else None, tokens=own[1])
                )
                continue
            if lemma in lexicon.modal_request:
                for child in token.children:
                    if child.dep_ == "ccomp" and _has_obligation(child):
                        sense = Sense(type="REQUEST", cameo="100", entry=f"modal:{lemma}+{child.lemma_}")
                        out.append(Candidate("modal", token, sense, content=child, tokens=[token]))
                        break
        elif _nominal(token) and token.i not in light_nouns:
            found_noun = noun_sense(token, lexicon)
            if found_noun is not None and found_noun[0].type != "-":
                out.append(Candidate("noun", token, found_noun[0], tokens=found_noun[1]))
    # nouns already taken by a light verb found later in the sentence
    taken = {t.i for c in out if c.kind == "light" for t in c.tokens}
    return [c for c in out if not (c.kind == "noun" and c.head.i in taken)]
