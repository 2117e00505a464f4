"""Reported blame: a reporter saying that someone is responsible for a harm is an accusation.

"May said Russia was behind the attack", "the FSA said regime forces were responsible for the
blast", "the UN says both sides have committed grave abuses": ACCUSE, by the reporter, of the
subject of the reported clause. The clause must lay the blame in words that do so whatever the
context — "be responsible for" / "be behind" / "be to blame for" a harm, "commit" a wrongdoing —
and the harm must be one the lexicon reads as conflict (an attack, a killing, a siege) or a word
of wrongdoing (crimes, atrocities, abuses). "The SDF were responsible for liberating the north"
lays no blame; "the Kremlin said it was responsible" is an admission (a pronoun subject is left
to the other rules).
"""

from __future__ import annotations

from spacy.tokens import Token

from dyads.nlp.events.lexicon import Lexicon
from dyads.nlp.events.senses import noun_sense, verb_sense

HARMFUL = {"ASSAULT", "COERCE", "THREATEN", "SANCTION"}  # what one is blamed for
POINTING = {"this", "that", "it"}  # "Russia was behind this": the harm just told
EVIDENCE = {"proof", "evidence", "indication", "sign"}  # "had proof that the regime was behind …"


def _harm(token: Token, lexicon: Lexicon) -> bool:
    """A harm: an event word of a conflict type, a word of wrongdoing, or a pointer to one."""
    lemma = token.lemma_.lower()
    if lemma in lexicon.wrongdoings or (token.pos_ == "PRON" and lemma in POINTING):
        return True
    # a gerund ("responsible for murdering hostages") or a noun ("behind the attack")
    found = verb_sense(token, lexicon) if token.pos_ == "VERB" else noun_sense(token, lexicon)
    return found is not None and found[0].type in HARMFUL


def _objects(token: Token, prep: str) -> list[Token]:
    return [
        o
        for p in token.children
        if p.dep_ == "prep" and p.lower_ == prep
        for o in p.children
        if o.dep_ in ("pobj", "pcomp")
    ]


def lays_blame(clause: Token, lexicon: Lexicon) -> bool:
    """Does the clause say its subject caused a harm ("was behind the attack", "is responsible
    for the killings", "to blame for the blast", "committed atrocities")?"""
    subjects = [c for c in clause.children if c.dep_ == "nsubj"]
    if not subjects or any(s.pos_ == "PRON" for s in subjects):
        return False  # "said it was responsible": an admission, or a pronoun nothing here resolves
    lemma = clause.lemma_.lower()
    if lemma == "be":
        # "is responsible for", "was to blame for" (an acomp, attr or xcomp of "be"), "was behind"
        held = [clause] + [c for c in clause.children if c.dep_ in ("acomp", "attr") or c.lemma_ == "blame"]
        harms = _objects(clause, "behind") + [
            o for h in held if h.lemma_.lower() in ("responsible", "blame") for o in _objects(h, "for")
        ]
        return any(_harm(h, lexicon) for h in harms)
    if lemma in ("commit", "perpetrate"):
        return any(_harm(o, lexicon) for o in clause.children if o.dep_ == "dobj")
    return False


def _reported(clause: Token, depth: int) -> list[Token]:
    """The clauses a reported clause goes on to report ("said ministers had agreed it was likely
    the regime was responsible"), of a likelihood it states, and of the evidence it names ("had
    proof that …", "there is proof the regime was behind …")."""
    out = [clause]
    if depth == 0:
        return out
    for child in clause.children:
        if child.dep_ == "ccomp":
            out += _reported(child, depth - 1)
        elif child.dep_ == "acomp":  # "it was highly likely the government was responsible"
            out += [c for c in child.children if c.dep_ == "ccomp"]
        elif child.dep_ in ("dobj", "attr") and child.lemma_.lower() in EVIDENCE:
            out += [
                c for c in child.children if c.dep_ in ("acl", "ccomp", "relcl") and c.pos_ in ("VERB", "AUX")
            ]
    return out


def blamed_clause(verb: Token, lexicon: Lexicon) -> Token | None:
    """The clause a reporting verb reports, itself or through what it goes on to report, that
    lays blame on its subject, if there is one."""
    if verb.lemma_.lower() not in lexicon.blame_reporters:
        return None
    for child in verb.children:
        if child.dep_ != "ccomp":
            continue
        for clause in _reported(child, depth=3):
            if lays_blame(clause, lexicon):
                return clause
    return None
