"""Attributions carried by a noun: "Trump's criticism of the deal", "the claim that …",
"made the case that …", "renewed calls for a ceasefire".

The noun is the cue (knowledge/speech_verbs.yaml, ``nouns``). What it reports hangs on it as
a clause ("the claim that the vote was rigged"), an infinitive ("his decision to run") or a
prepositional object ("support for the plan"; the preposition belongs to the cue). The holder
is the noun's possessor ("Trump's criticism"), its "by"/"from" phrase ("criticism from
Democrats"), or the subject of the verb that has the noun as object ("Ryan expressed concern
that …"). Nouns that name someone else's reaction ("drew criticism") are left alone: the
holder there is not the subject.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dyads.knowledge.registry import words
from dyads.nlp.quotes.found import Attribution, Char, char_span, text_of
from dyads.nlp.quotes.lexicon import CueNoun, SpeechLexicon
from dyads.nlp.quotes.speakers import subject_of

# Verbs whose object is a reaction the subject receives, not one it holds.
_RECEIVING = frozenset(words("quotes_exclusions")["receiving_verbs"])
_HOLDER_PREPOSITIONS = {"by", "from"}


def _that_clause(noun: Token) -> Char | None:
    """'the claim that the vote was rigged': a clause with 'that' as its marker (a relative
    clause, 'the claim that he made', has 'that' as subject or object instead)."""
    for child in noun.rights:
        if child.dep_ in ("acl", "ccomp", "relcl") and any(
            c.dep_ == "mark" and c.lower_ in ("that", "whether") for c in child.children
        ):
            return char_span(noun.doc, child.left_edge.i, child.right_edge.i)
    return None


def _infinitive(noun: Token) -> Char | None:
    """'his decision to run': an infinitive clause on the noun."""
    for child in noun.rights:
        if child.dep_ in ("acl", "relcl") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in child.children
        ):
            return char_span(noun.doc, child.left_edge.i, child.right_edge.i)
    return None


def _prepositional(noun: Token, entry: CueNoun) -> Char | None:
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in entry.preps:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                return char_span(noun.doc, objects[0].left_edge.i, objects[0].right_edge.i)
    return None


def _content(noun: Token, entry: CueNoun) -> Char | None:
    for relation in entry.content:
        found = None
        if relation == "clause":
            found = _that_clause(noun)
        elif relation == "infinitive":
            found = _infinitive(noun)
        elif relation == "prep":
            found = _prepositional(noun, entry)
        if found is not None:
            return found
    return None


def _governing_verb(noun: Token) -> Token | None:
    """The verb the noun phrase hangs on, through prepositions: "repeated his promise",
    "responded to accusations", "doubling down on his support"."""
    token = noun
    for _ in range(4):
        if token.dep_ not in ("dobj", "pobj", "prep", "attr", "conj", "appos") or token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
    return None


def reports_by_itself(noun: Token, lexicon: SpeechLexicon) -> bool:
    """A cue noun with content of its own ("his criticism of the code"): the attribution
    is the noun's, not that of the verb it is the object of."""
    entry = lexicon.nouns.get(noun.lemma_.lower())
    return entry is not None and noun.pos_ == "NOUN" and _content(noun, entry) is not None


def _holder(noun: Token, lexicon: SpeechLexicon) -> Token | bool | None:
    """The holder's head token; None when the text names nobody; False when the noun is a
    reaction someone else receives ("drew criticism")."""
    possessor = next((c for c in noun.children if c.dep_ == "poss"), None)
    if possessor is not None:
        return possessor
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in _HOLDER_PREPOSITIONS:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    verb = _governing_verb(noun)
    if verb is not None:
        if noun.dep_ == "dobj" and verb.lemma_.lower() in _RECEIVING:
            return False
        subject = subject_of(verb, lexicon.documents)
        if subject is not None and subject.pos_ != "NUM":
            return subject
    return None


def find_nominal_attributions(doc: Doc, lexicon: SpeechLexicon) -> list[Attribution]:
    text = text_of(doc)
    found: list[Attribution] = []
    for token in doc:
        if token.pos_ != "NOUN":
            continue
        entry = lexicon.nouns.get(token.lemma_.lower())
        if entry is None:
            continue
        content = _content(token, entry)
        if content is None:
            continue
        holder = _holder(token, lexicon)
        if holder is False:
            continue
        start = text.rfind("\n", 0, token.idx) + 1
        end = text.find("\n", token.idx)
        end = len(text) if end < 0 else end
        content = (max(content[0], start), min(content[1], end))
        if content[1] <= content[0]:
            continue
        cue = (token.idx, token.idx + len(token))
        subject = holder if isinstance(holder, Token) else None
        found.append(Attribution(content, False, cue, token, subject, rule=f"{entry.lemma}: nominal"))
    return found
