"""Reported speech from the dependency parse: "X said that …", "X warned …", "according to X".

For each verb of the cue lexicon the reported content is its complement (a clause, an
infinitive, an object or a prepositional object, in the order the lexicon gives), the cue is
the verb and the speaker its subject. Inserted attributions ("The vote, he said, was rigged")
report the clause they interrupt, as do clause-final ones ("The talks failed, she said").
"According to X, …" reports the clause it modifies; a sentence that opens with its source
("In a new poll, …") reports the rest of the sentence.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dyads.knowledge.registry import words
from dyads.nlp.quotes.found import Attribution, Char, text_of
from dyads.nlp.quotes.lexicon import CueVerb, SpeechLexicon
from dyads.nlp.quotes.nominal import reports_by_itself
from dyads.nlp.quotes.speakers import subject_of

# Prepositions that carry reported content: "accused X of", "called for", "warned against".
_CONTENT_PREPOSITIONS = {"of", "for", "about", "to", "as", "against", "on", "that"}
# True auxiliaries: no cue (see _misread_as_auxiliary).
_AUXILIARIES = frozenset(words("quotes_exclusions")["auxiliaries"])
# Objects that are no content of their own ("said it", "told him").
_EMPTY_OBJECTS = {"it", "this", "that", "so", "something", "anything", "nothing", "what"}


def _char_span(doc: Doc, left: int, right: int) -> Char | None:
    """Characters of tokens [left, right] without punctuation or spaces at either end."""
    while left <= right and (doc[left].is_punct or doc[left].is_space) and not _is_mark(doc[left]):
        left += 1
    while right >= left and (doc[right].is_punct or doc[right].is_space) and not _is_mark(doc[right]):
        right -= 1
    if left > right:
        return None
    return doc[left].idx, doc[right].idx + len(doc[right])


def _is_mark(token: Token) -> bool:
    return token.text in ('"', "“", "”", "''", "«", "»", "„")


def _subtree(token: Token, lexicon: SpeechLexicon | None = None) -> Char | None:
    return _char_span(token.doc, token.left_edge.i, _right_end(token, lexicon))


def _right_end(token: Token, lexicon: SpeechLexicon | None) -> int:
    """Last token of the content headed by ``token``; a conjoined cue verb the parse hung
    inside it ("… gave his campaign momentum and said that …") starts a new attribution."""
    right = token.right_edge.i
    if lexicon is None:
        return right
    for t in token.subtree:
        entry = lexicon.cue(t) if t.dep_ == "conj" and t.pos_ == "VERB" and t.i > token.i else None
        if entry is not None and entry.quotes:
            cut = t.left_edge.i - 1
            while cut > token.i and (token.doc[cut].dep_ == "cc" or token.doc[cut].is_punct):
                cut -= 1
            right = min(right, cut)
    return right


_OBJECT_COMPLEMENTS = {"xcomp", "oprd", "acomp", "ccomp"}


def _with_reasons(verb: Token, child: Token, right: int) -> int:
    """'criticised Obama for proposing …', 'showed Clinton with a lead', 'urged the regime
    to abandon …': what follows the object, before any comma, belongs to it."""
    doc = verb.doc
    for sibling in verb.rights:
        if sibling.i <= child.i or doc[sibling.left_edge.i - 1].text == ",":
            continue
        if sibling.dep_ in _OBJECT_COMPLEMENTS or (
            sibling.dep_ == "prep" and sibling.lower_ in ("for", "over", "as", "with", "to", "on", "against")
        ):
            right = max(right, sibling.right_edge.i)
    return right


def _content_preposition(token: Token, verb: Token, entry: CueVerb) -> bool:
    return (
        token.dep_ == "prep"
        and token.i > verb.i
        and token.lower_ in (entry.preps or _CONTENT_PREPOSITIONS)
        and any(c.dep_ in ("pobj", "pcomp") for c in token.children)
    )


def _same_paragraph(a: Token, b: Token) -> bool:
    lo, hi = sorted((a.i, b.i))
    return not any("\n" in t.text or "\n" in t.whitespace_ for t in a.doc[lo:hi])


def _ordered_children(verb: Token) -> list[Token]:
    """The verb's children in its own paragraph, those after it first: a sentence the
    parser ran over a paragraph break ('“Why?”⏎⏎The office said it …') hangs the earlier
    paragraph on the cue as a second complement."""
    own = [c for c in verb.children if _same_paragraph(verb, c)]
    # Before the verb the nearest clause is the one reported: "A is good, but B, she said."
    return [c for c in own if c.i > verb.i] + [c for c in reversed(own) if c.i < verb.i]


def _content_child(verb: Token, entry: CueVerb, lexicon: SpeechLexicon) -> Char | None:
    children = _ordered_children(verb)
    for relation in entry.content:
        for child in children:
            if relation == "clause" and child.dep_ == "xcomp":
                # "The court seemed to send a signal": an impression, the whole clause.
                return _char_span(verb.doc, verb.left_edge.i, _right_end(verb, lexicon))
            if relation == "ccomp" and child.dep_ == "ccomp":
                return _subtree(child, lexicon)
            if (
                relation == "ccomp"
                and child.dep_ == "intj"
                and child.lower_ in ("yes", "no")
                and child.i > verb.i
            ):
                # "46 percent said yes", "He said no to the war"
                return _char_span(verb.doc, child.i, _with_reasons(verb, child, child.i))
            if relation == "xcomp" and child.dep_ == "xcomp" and child.i > verb.i:
                # "urged Paris to leave": the object belongs to the content.
                objects = [c for c in children if c.dep_ in ("dobj", "nsubjpass") and c.i < child.i]
                if any(c.dep_ == "agent" for c in children):
                    objects = [c for c in objects if c.dep_ == "dobj"]
                # "The bank is expected to act": with nobody named, the whole clause.
                left = objects[0].left_edge.i if objects else child.left_edge.i
                return _char_span(verb.doc, left, child.right_edge.i)
            if (
                relation == "dobj"
                and child.dep_ == "dobj"
                and child.lower_ not in _EMPTY_OBJECTS
                and not reports_by_itself(child, lexicon)  # "repeated his criticism of …"
            ):
                right = _with_reasons(verb, child, child.right_edge.i)
                return _char_span(verb.doc, child.left_edge.i, right)
            if relation == "prep" and _content_preposition(child, verb, entry):
                objects = [c for c in children if c.dep_ == "dobj" and c.i < child.i]
                left = objects[0].left_edge.i if objects else child.i + 1  # "called for": the cue
                return _char_span(verb.doc, left, child.right_edge.i)
            if relation == "prep" and child.dep_ == "advcl" and child.i > verb.i:
                # "called for the strongholds to be hit": 'for' parsed as the clause's marker.
                marks = [
                    c
                    for c in child.children
                    if c.dep_ == "mark" and c.lower_ in (entry.preps or _CONTENT_PREPOSITIONS)
                ]
                if marks and marks[0].i == child.left_edge.i:
                    return _char_span(verb.doc, marks[0].i + 1, child.right_edge.i)
            if relation == "prep" and child.dep_ == "dobj":
                # "accused the junta of delaying": the parse may hang "of" on the object.
                for grandchild in child.rights:
                    if _content_preposition(grandchild, verb, entry):
                        return _char_span(verb.doc, child.left_edge.i, grandchild.right_edge.i)
            if relation == "oprd" and child.dep_ == "oprd":
                objects = [c for c in children if c.dep_ == "dobj" and c.i < child.i]
                left = objects[0].left_edge.i if objects else child.left_edge.i
                return _char_span(verb.doc, left, child.right_edge.i)
    return None


def _interrupted_clause(verb: Token, entry: CueVerb) -> Char | None:
    """'The vote, he said, was rigged' / 'The vote was rigged, he said': the clause around."""
    if not entry.quotes or verb.dep_ not in ("parataxis", "advcl", "ccomp", "ROOT"):
        return None
    if not any(c.dep_ == "nsubj" for c in verb.children):
        return None
    if any(c.dep_ in ("xcomp", "ccomp", "dobj") for c in verb.children):
        return None  # "could continue to leverage …" reports nothing
    doc = verb.doc
    subject = next(c for c in verb.children if c.dep_ == "nsubj")
    left = min(subject.left_edge.i, verb.i)
    right = max(t.i for t in verb.subtree if not t.is_punct and t.i >= verb.i)
    before = left - 1
    after = right + 1
    set_off_before = before < 0 or doc[before].text in (",", "—", "–", "(")
    set_off_after = after >= len(doc) or doc[after].is_punct or doc[after].is_space
    if not (set_off_before and set_off_after):
        return None  # an inserted attribution stands between commas or ends the sentence
    head = verb.head
    if head.i == verb.i:
        # "Those who borrow struggle, he said." parsed with the attribution as the root:
        # the sentence before it is what was said.
        sentence = verb.sent
        if left - 1 <= sentence.start or doc[left - 1].text != ",":
            return None
        return _char_span(doc, sentence.start, left - 1)
    clause_end = max(t.i for t in head.subtree if not t.is_punct)
    if right >= clause_end:
        # "The talks failed, she said." → the clause before the attribution.
        return _char_span(doc, head.left_edge.i, left - 1)
    return _subtree(head)


def _as_clause(verb: Token, entry: CueVerb, lexicon: SpeechLexicon) -> Char | None:
    """'As the senator noted, those voters will …' / '…, as many researchers believe': the
    clause the as-clause hangs on, without it. The subject must be someone ('as the war
    continues' reports nothing)."""
    if "ccomp" not in entry.content or verb.dep_ != "advcl":
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return None
    head = verb.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if head.i == verb.i or subject is None:
        return None
    if not (
        subject.pos_ in ("PRON", "PROPN")
        or subject.ent_type_ in ("PERSON", "ORG", "NORP")
        or lexicon.nominal_kind.get(subject.lemma_.lower())
    ):
        return None
    doc = verb.doc
    sentence = head.sent
    clause = (max(head.left_edge.i, sentence.start), min(head.right_edge.i, sentence.end - 1))
    inner = (verb.left_edge.i, verb.right_edge.i)
    if inner[0] <= clause[0] + 1:
        return _char_span(doc, inner[1] + 1, clause[1])
    if inner[1] >= clause[1] - 1:
        return _char_span(doc, clause[0], inner[0] - 1)
    return None


def _according_to(token: Token, lexicon: SpeechLexicon) -> Attribution | None:
    doc = token.doc
    if token.lower_ != "according" or token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
        return None
    to = doc[token.i + 1]
    objects = [c for c in to.children if c.dep_ == "pobj"]
    head = token.head if token.head.i != token.i else None
    if head is None:
        return None
    sentence = token.sent
    phrase = (token.left_edge.i, token.right_edge.i)
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < phrase[0]]
    if phrase[0] <= sentence.start + 1:
        # "According to X, the clause." → the clause after the phrase.
        content = _char_span(doc, phrase[1] + 1, sentence.end - 1)
    elif head.lemma_ == "be" and subjects and phrase[0] == head.i + 1:
        # "That's according to the filings": what the subject stands for.
        content = _char_span(doc, subjects[0].left_edge.i, subjects[0].right_edge.i)
    elif phrase[1] >= sentence.end - 2:
        content = _char_span(doc, sentence.start, phrase[0] - 1)
    elif head.i < phrase[0]:
        # "Clinton leads by 271 delegates according to a count, but …": the clause before.
        content = _char_span(doc, sentence.start, phrase[0] - 1)
    else:
        # "…, according to an official, two were upgraded": the clause after.
        content = _char_span(doc, phrase[1] + 1, sentence.end - 1)
    if content is None:
        return None
    cue = (token.idx, to.idx + len(to))
    return Attribution(content, False, cue, token, objects[0] if objects else None, rule="according to")


def _set_phrase(token: Token) -> bool:
    """Fixed phrases that look like attributions: "That said, …", "Needless to say, …"."""
    doc = token.doc
    before = doc[token.i - 1].lower_ if token.i > 0 else ""
    after = doc[token.i + 1].text if token.i + 1 < len(doc) else ""
    if token.lower_ == "said" and before in ("that", "this") and after == ",":
        return True
    return token.lower_ == "say" and before == "to" and after == ","


_VIEWPOINT_LABELS = {"PERSON", "ORG", "NORP", "GPE"}


def _source_phrase(token: Token, lexicon: SpeechLexicon) -> Attribution | None:
    """A sentence that opens with its source: "In a new poll, the president trails by
    five points", "To the generals, the talks are a trap". "In" takes a document (poll,
    statement, interview); "to" a named person or group."""
    # the cheap tests first: this runs for every token, and Token.sent builds a Span
    if token.lower_ not in ("in", "to") or token.dep_ != "prep" or not token.is_sent_start:
        return None
    doc = token.doc
    sentence = token.sent
    objects = [c for c in token.children if c.dep_ == "pobj"]
    if not objects:
        return None
    source = objects[0]
    if token.lower_ == "in":
        if source.lemma_.lower() not in lexicon.documents:
            return None
    elif source.ent_type_ not in _VIEWPOINT_LABELS:
        return None
    comma = token.right_edge.i + 1
    if comma >= sentence.end or doc[comma].text != ",":
        return None
    head = token.head
    entry = lexicon.cue(head)
    if head.i <= comma or (entry is not None and entry.quotes):
        return None  # "In a statement, the ministry said …": the verb is the cue
    content = _char_span(doc, comma + 1, sentence.end - 1)
    if content is None:
        return None
    cue = (token.idx, token.idx + len(token))
    return Attribution(content, False, cue, token, source, rule=f"{token.lower_}: source phrase")


def _imperative(token: Token) -> bool:
    """'See photos from the debate below': an instruction to the reader reports nobody."""
    return (
        token.tag_ == "VB"
        and token.dep_ == "ROOT"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in token.children)
    )


def _within_paragraph(text: str, content: Char, cue: Char) -> Char | None:
    """Reported content stays in the cue's paragraph: a parse that runs over a paragraph
    break (headlines without a full stop) is cut there."""
    start = text.rfind("\n", 0, cue[0]) + 1
    end = text.find("\n", cue[1])
    end = len(text) if end < 0 else end
    lo, hi = max(content[0], start), min(content[1], end)
    while hi > lo and text[hi - 1] in " \t.,;:":
        hi -= 1
    return (lo, hi) if hi > lo else None


def _misread_as_auxiliary(token: Token) -> bool:
    """'Rubio says Obama is …' after a headline with no full stop: the tagger may take
    the cue for an auxiliary of the verb before. No true auxiliary is a cue."""
    return token.pos_ == "AUX" and token.lemma_.lower() not in _AUXILIARIES


def find_reported_speech(doc: Doc, lexicon: SpeechLexicon) -> list[Attribution]:
    text = text_of(doc)
    found: list[Attribution] = []
    for token in doc:
        according = _according_to(token, lexicon) or _source_phrase(token, lexicon)
        if according is not None:
            found.append(according)
            continue
        if token.pos_ != "VERB" and not _misread_as_auxiliary(token):
            continue
        entry = lexicon.cue(token)
        if entry is None or _set_phrase(token) or _imperative(token):
            continue
        content = _content_child(token, entry, lexicon)
        rule = f"{entry.lemma}: complement"
        if content is None:
            content = _interrupted_clause(token, entry)
            rule = f"{entry.lemma}: inserted attribution"
        if content is None:
            content = _as_clause(token, entry, lexicon)
            rule = f"{entry.lemma}: as-clause"
        if content is None:
            continue
        cue = (token.idx, token.idx + len(token))
        content = _within_paragraph(text, content, cue)
        if content is None:
            continue
        # "Obama seemed to recognize …": an impression still has its subject as holder.
        speaker = subject_of(token, lexicon.documents)
        found.append(Attribution(content, False, cue, token, speaker, rule=rule))
    return found
