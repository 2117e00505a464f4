"""Trigger detection: which words in a sentence carry an event, and with which lexicon sense.

A trigger is a verb ("attacked"), a light verb with an event noun as object ("held
talks", "imposed sanctions"), a governing verb whose complement is the event's content
("threatened to shell", "urged Moscow to repel"), a reporting verb with a must-clause
("said Sudan must return"), or a noun ("the coup", "protests erupted").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from dyads.knowledge import registry
from dyads.nlp.events.lexicon import Lexicon, Sense
from dyads.nlp.events.modality import REPORTING
from dyads.nlp.events.syntax import BACKGROUND_PREPS, is_passive, subjects

OBLIGATION = {"must", "should"}
OWNING_NOUNS = {"responsibility", "credit"}  # "claimed responsibility for", "took credit for"
OWNED_TYPES = {"ASSAULT", "COERCE"}  # acts one claims as one's own
CLAIMING_VERBS = {"claim", "assume"}
TOPIC_PREPS = {"on", "in"}  # "an agreement on military cooperation"
COOPERATION_TOPICS = {"cooperation", "partnership", "collaboration"}
# dependency steps through which an event lies inside another's content
CONTENT_STEPS = {
    "dobj",
    "xcomp",
    "ccomp",
    "pobj",
    "prep",
    "attr",
    "oprd",
    "acomp",
    "dative",
    "compound",
    "amod",
    "nmod",
    "poss",
    "appos",
    "pcomp",
    "nsubjpass",
    "acl",
    "npadvmod",
    "agent",
}
BACKGROUND_MARKS = frozenset(registry.words("events_grammar")["background_marks"])


@dataclass
class Candidate:
    """One trigger found in a sentence, before arguments and coding."""

    kind: str  # "verb" | "light" | "noun" | "governor" | "modal"
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


def _object_lemmas(token: Token) -> set[str]:
    """Lemmas naming a verb's object: the noun, its compounds ("aid deliveries") and what a
    measure noun measures ("a batch of warplanes", "tons of grain")."""
    out = {token.lemma_.lower(), token.lower_}
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


def find_candidates(sent: Span, lexicon: Lexicon) -> list[Candidate]:
    """Every trigger in one sentence, light verbs and governors resolved, nothing absorbed yet."""
    out: list[Candidate] = []
    light_nouns: set[int] = set()
    for token in sent:
        if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ == "ROOT"):
            lemma = token.lemma_.lower()
            if token.dep_ == "amod" and token.tag_ == "VBN":
                continue  # adjectival participles describe, they do not report ("Israeli-occupied")
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


def _background_step(token: Token) -> bool:
    if token.dep_ == "relcl" or (token.dep_ == "acl" and token.tag_ == "VBN" and is_passive(token)):
        return True  # relative clauses and reduced relatives ("the sanctions imposed after …")
    if token.dep_ == "advcl":
        marks = {c.lower_ for c in token.children if c.dep_ == "mark"}
        if marks & BACKGROUND_MARKS:
            return True
        # purpose ("to protest") and participles ("demonstrated, calling for …") are content
        return not (any(c.lower_ == "to" for c in token.children) or (token.tag_ == "VBG" and not marks))
    return bool(token.dep_ == "prep" and token.lower_ in BACKGROUND_PREPS)


def absorb(candidates: list[Candidate]) -> None:
    """Link each trigger lying inside another's content to it (``absorbed_by``).

    "threatened to shell" → the shelling is the content of the threat; "demanded the
    withdrawal" → the withdrawal is what was requested; "wounded in a bomb attack" → the
    attack is the wounding. Triggers under background clauses (after…, relative clauses)
    are not content: they stay separate events, marked ``background``.
    """
    by_token: dict[int, Candidate] = {}
    for cand in candidates:
        for t in cand.anchor_tokens:
            by_token.setdefault(t.i, cand)
        if cand.content is not None:
            by_token.setdefault(cand.content.i, cand)
    for cand in candidates:
        node = cand.head
        background = crossed = participle = False
        for _ in range(12):
            if node.dep_ == "ROOT" or node.head.i == node.i:
                break
            if _background_step(node) or node.dep_ == "parataxis":
                background = crossed = True
            elif node.dep_ == "conj" and node.pos_ in ("NOUN", "PROPN"):
                pass  # coordinated objects stay content ("weapons and equipment")
            elif node.dep_ not in CONTENT_STEPS and node.dep_ != "advcl":
                crossed = True
            # "…, saying he would only welcome him": a reporting participle explains, it is content
            participle = participle or (
                node.dep_ == "advcl" and node.tag_ == "VBG" and node.lemma_ not in REPORTING
            )
            parent = node.head
            owner = by_token.get(parent.i)
            if owner is not None and participle and owner.sense.type not in ("PROTEST", cand.sense.type):
                break  # "imposed sanctions, accusing them of …": a second act, not the content
            if owner is not None and owner is not cand and not crossed:
                cand.absorbed_by = owner
                owner.children.append(cand)
                break
            node = parent
        cand.background = background and cand.absorbed_by is None
