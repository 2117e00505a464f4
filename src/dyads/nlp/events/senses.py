"""Which lexicon sense a verb or noun has in its clause.

A word's senses are tried in order, conditional ones first: a sense may ask for an object
("signed an agreement"), a preposition ("fired on"), a subject ("troops left"), a predicate
("called the junta illegitimate") or a modifier ("air strike"). Multi-word verbs ("called off")
and nouns ("state of emergency") are tried before single words.
"""

from __future__ import annotations

from spacy.tokens import Token

from dyads.nlp.events.lexicon import Lexicon, Sense
from dyads.nlp.events.syntax import is_passive, subjects

TOPIC_PREPS = {"on", "in"}  # "an agreement on military cooperation"
COOPERATION_TOPICS = {"cooperation", "partnership", "collaboration"}


NAMED_PLACE = "@place"  # an object condition met by any named place
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})  # entity labels: identifiers, not words


def _object_lemmas(token: Token) -> set[str]:
    """Lemmas naming a verb's object: the noun, its compounds ("aid deliveries") and what a
    measure noun measures ("a batch of warplanes", "tons of grain")."""
    out = {token.lemma_.lower(), token.lower_}
    if token.ent_type_ in PLACE_ENTITIES:
        out.add(NAMED_PLACE)  # "struck Gaza", "captured Raqqa"
    out.update(c.lemma_.lower() for c in token.children if c.dep_ in ("compound", "amod"))
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            out.add(pobj.lemma_.lower())
            out.update(c.lemma_.lower() for c in pobj.conjuncts)
    return out


def _modifier_lemmas(noun: Token) -> set[str]:
    """Compound and adjective lemmas before a noun, through chains ("military" in "a military
    cooperation agreement", whichever word the parser hangs it on), and what an "on"/"in" phrase
    says a cooperation noun is about ("an agreement on military cooperation")."""
    out: set[str] = set()
    stack = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod")]
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in TOPIC_PREPS):
        topics = [c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in COOPERATION_TOPICS]
        stack += [m for t in topics for m in t.children if m.dep_ in ("compound", "amod", "nmod")]
    while stack:
        token = stack.pop()
        out.add(token.lemma_.lower())
        stack.extend(c for c in token.children if c.dep_ in ("compound", "amod", "nmod"))
    return out


def verb_objects(verb: Token) -> list[Token]:
    found = [c for c in verb.children if c.dep_ in ("dobj", "dative", "obj")]
    if is_passive(verb):
        found += [c for c in verb.children if c.dep_ in ("nsubjpass",)]
        if verb.dep_ in ("acl", "amod") and verb.tag_ == "VBN":
            found.append(verb.head)
    for child in verb.children:  # "agreed to a six-month extension", "called for independence"
        if child.dep_ == "prep":
            found.extend(c for c in child.children if c.dep_ == "pobj")
    return found


def light_objects(verb: Token) -> list[Token]:
    """Objects a light verb hands its event to: direct objects, or the noun a participle
    modifies ("sanctions imposed by …") or the passive subject ("talks were held")."""
    found = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("under", "on")):
        found += [c for c in prep.children if c.dep_ == "pobj"]  # "put under investigation", "went on strike"
    if verb.lemma_.lower() in ("engage", "participate", "involve"):
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"):
            found += [c for c in prep.children if c.dep_ == "pobj"]  # "engaged in ethnic cleansing"
    if verb.dep_ in ("acl", "amod") and verb.tag_ == "VBN":
        found.append(verb.head)
    return found


def _verb_keys(verb: Token) -> list[tuple[str, list[Token]]]:
    lemma = verb.lemma_.lower()
    keys: list[tuple[str, list[Token]]] = []
    for child in verb.children:
        if child.dep_ in ("prt", "prep", "dobj") and child.i > verb.i:
            keys.append((f"{lemma} {child.lemma_.lower()}", [verb, child]))
            if child.dep_ == "prt":
                for obj in child.children:
                    keys.append((f"{lemma} {child.lemma_.lower()} {obj.lemma_.lower()}", [verb, child, obj]))
    keys.append((lemma, [verb]))
    return keys


def match_sense(
    senses: tuple[Sense, ...], objects: list[Token], preps: set[str], modifiers: set[str]
) -> Sense | None:
    found = match_sense_object(senses, objects, preps, modifiers)
    return found[0] if found else None


def match_sense_object(
    senses: tuple[Sense, ...],
    objects: list[Token],
    preps: set[str],
    modifiers: set[str],
    subject_lemmas: frozenset[str] = frozenset(),
    predicate_lemmas: frozenset[str] = frozenset(),
) -> tuple[Sense, Token | None] | None:
    """The first sense whose conditions hold, with the object that satisfied it (the content)."""
    for sense in senses:
        if sense.subjects and not sense.subjects & subject_lemmas:
            continue
        if sense.predicates and not sense.predicates & predicate_lemmas:
            continue
        matched: Token | None = None
        if sense.objects:
            # a verb sense may also ask the object to be of a kind ("a military cooperation agreement")
            matched = next(
                (
                    o
                    for o in objects
                    if sense.objects & _object_lemmas(o)
                    and (not sense.modifiers or sense.modifiers & _modifier_lemmas(o))
                ),
                None,
            )
            if matched is None:
                continue
        elif sense.modifiers and not sense.modifiers & modifiers:
            continue
        if sense.preps and not sense.preps & preps:
            continue
        return sense, matched
    return None


def _dates(prep: Token) -> bool:
    """A preposition whose object is a date or time ("on Monday", "at dawn")."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in ("DATE", "TIME") for o in objects)


def verb_sense(verb: Token, lexicon: Lexicon) -> tuple[Sense, list[Token]] | None:
    found = verb_sense_content(verb, lexicon)
    return (found[0], found[1]) if found else None


def verb_sense_content(verb: Token, lexicon: Lexicon) -> tuple[Sense, list[Token], Token | None] | None:
    """Sense of a verb, its trigger words, and the object that selected the sense ("signed an agreement")."""
    objects = verb_objects(verb)
    # "fired on protesters" selects a sense, "fired him on Monday" does not
    preps = {c.lower_ for c in verb.children if c.dep_ in ("prep", "prt", "agent") and not _dates(c)}
    # "pushing for the US to support …": the preposition heads a clause
    preps |= {m.lower_ for c in verb.children if c.dep_ == "advcl" for m in c.children if m.dep_ == "mark"}
    doers = frozenset(t.lemma_.lower() for t in subjects(verb))
    # what the object is called: "called the junta illegitimate", "called the takeover a coup"
    said_to_be = [c for c in verb.children if c.dep_ == "oprd"]
    predicates = frozenset(t.lemma_.lower() for p in said_to_be for t in (p, *p.conjuncts))
    for key, tokens in _verb_keys(verb):
        senses = lexicon.verbs.get(key)
        if senses:
            found = match_sense_object(senses, objects, preps, set(), doers, predicates)
            if found is not None:
                return found[0], tokens, found[1]
    return None


def noun_sense(noun: Token, lexicon: Lexicon) -> tuple[Sense, list[Token]] | None:
    doc = noun.doc
    lemma = noun.lemma_.lower()
    # multi-word nouns: "hunger strike", "state of emergency", "war game"
    for words, senses in lexicon.noun_phrases.items():
        n = len(words)
        if "of" in words and words[0] in (lemma, noun.lower_):
            window = doc[noun.i : noun.i + n]
        elif words[-1] in (lemma, noun.lower_):
            window = doc[max(0, noun.i - n + 1) : noun.i + 1]
        else:
            continue
        if len(window) == n and all(
            w in (t.lemma_.lower(), t.lower_) for w, t in zip(words, window, strict=True)
        ):
            return senses[0], list(window)
    single = lexicon.nouns.get(lemma) or lexicon.nouns.get(noun.lower_)
    if not single:
        return None
    modifiers = {c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod", "nmod")}
    sense = match_sense(single, [], set(), modifiers)
    return (sense, [noun]) if sense else None
