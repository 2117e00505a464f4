"""Reported speech from the dependency parse: "X said that …", "X warned …", "according to X".

Each token is tried against ``TOKEN_RULES`` in order, and the first that finds an attribution
names it in ``why``:

* "according to X" reports the clause it modifies;
* a sentence that opens with its source ("In a new poll, …", "To the generals, …") reports
  the rest of the sentence;
* a verb of the cue lexicon reports what ``VERB_RULES`` find, in order: its complement (a
  clause, an infinitive, an object or a prepositional object, in the order the lexicon gives;
  see ``complements``), else the clause an inserted attribution interrupts ("The vote, he
  said, was rigged") or ends ("The talks failed, she said"), else the clause an as-clause
  hangs on ("As the senator noted, …"). The cue is the verb and the speaker its subject.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from dyads.knowledge.registry import words
from dyads.nlp.quotes.complements import complement_of, content_span, subtree_span
from dyads.nlp.quotes.found import Attribution, Char, text_of
from dyads.nlp.quotes.lexicon import CueVerb, SpeechLexicon
from dyads.nlp.quotes.speakers import subject_of

# True auxiliaries: no cue (see _misread_as_auxiliary).
_AUXILIARIES = frozenset(words("quotes_exclusions")["auxiliaries"])


def _interrupted_clause(verb: Token, entry: CueVerb, lexicon: SpeechLexicon) -> Char | None:
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
        return content_span(doc, sentence.start, left - 1)
    clause_end = max(t.i for t in head.subtree if not t.is_punct)
    if right >= clause_end:
        # "The talks failed, she said." → the clause before the attribution.
        return content_span(doc, head.left_edge.i, left - 1)
    return subtree_span(head)


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
        return content_span(doc, inner[1] + 1, clause[1])
    if inner[1] >= clause[1] - 1:
        return content_span(doc, clause[0], inner[0] - 1)
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
        content = content_span(doc, phrase[1] + 1, sentence.end - 1)
    elif head.lemma_ == "be" and subjects and phrase[0] == head.i + 1:
        # "That's according to the filings": what the subject stands for.
        content = content_span(doc, subjects[0].left_edge.i, subjects[0].right_edge.i)
    elif phrase[1] >= sentence.end - 2:
        content = content_span(doc, sentence.start, phrase[0] - 1)
    elif head.i < phrase[0]:
        # "Clinton leads by 271 delegates according to a count, but …": the clause before.
        content = content_span(doc, sentence.start, phrase[0] - 1)
    else:
        # "…, according to an official, two were upgraded": the clause after.
        content = content_span(doc, phrase[1] + 1, sentence.end - 1)
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
    content = content_span(doc, comma + 1, sentence.end - 1)
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


# How a cue verb reports, tried in order; the name goes into the attribution's ``why``
# after the verb's lemma ("say: complement").
VerbRule = Callable[[Token, CueVerb, SpeechLexicon], Char | None]
VERB_RULES: tuple[tuple[str, VerbRule], ...] = (
    ("complement", complement_of),
    ("inserted attribution", _interrupted_clause),
    ("as-clause", _as_clause),
)


def _verb_content(token: Token, entry: CueVerb, lexicon: SpeechLexicon) -> tuple[str, Char] | None:
    """The name of the first of ``VERB_RULES`` that finds content, and the content."""
    for name, rule in VERB_RULES:
        content = rule(token, entry, lexicon)
        if content is not None:
            return name, content
    return None


def _reported_by_verb(token: Token, lexicon: SpeechLexicon) -> Attribution | None:
    """A cue verb and what it reports, by the first of ``VERB_RULES`` that finds content."""
    if token.pos_ != "VERB" and not _misread_as_auxiliary(token):
        return None
    entry = lexicon.cue(token)
    if entry is None or _set_phrase(token) or _imperative(token):
        return None
    reported = _verb_content(token, entry, lexicon)
    if reported is None:
        return None
    name, reached = reported
    cue = (token.idx, token.idx + len(token))
    content = _within_paragraph(text_of(token.doc), reached, cue)
    if content is None:
        return None
    # "Obama seemed to recognize …": an impression still has its subject as holder.
    speaker = subject_of(token, lexicon.documents)
    return Attribution(content, False, cue, token, speaker, rule=f"{entry.lemma}: {name}")


# What a token may introduce, tried in order; the first attribution found is the token's.
TokenRule = Callable[[Token, SpeechLexicon], Attribution | None]
TOKEN_RULES: tuple[TokenRule, ...] = (_according_to, _source_phrase, _reported_by_verb)


def find_reported_speech(doc: Doc, lexicon: SpeechLexicon) -> list[Attribution]:
    found: list[Attribution] = []
    for token in doc:
        for rule in TOKEN_RULES:
            attribution = rule(token, lexicon)
            if attribution is not None:
                found.append(attribution)
                break
    return found
