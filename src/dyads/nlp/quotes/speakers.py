"""Who is speaking: the subject of a cue, and what a pronoun or a nominal points back to.

A speaker is first a stretch of text (``speaker_span``: "Ms. White", "he", "the statement").
It is then resolved to an actor: directly when an actor is mentioned inside the stretch,
otherwise through the nearest fitting antecedent before it (a person for "he"/"the
spokesman", an organisation for "it"/"the ministry", the issuer of a document for "the
statement"). When nothing fits, the speaker stays unresolved rather than guessed.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dyads.model import Actor
from dyads.nlp.quotes.found import char_span, text_of
from dyads.nlp.quotes.lexicon import SpeechLexicon

Char = tuple[int, int]

_RELATIVE = {"who", "which", "that", "whom"}
_PERSON_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
_GROUP_PRONOUNS = {"it", "they", "them", "its", "their"}
_FIRST_PERSON = {"i", "we", "me", "us", "my", "our"}
_MALE_TITLES = {"mr", "mr.", "sir", "lord"}
_FEMALE_TITLES = {"ms", "ms.", "mrs", "mrs.", "miss", "madam", "lady", "dame"}
_PERSON_LABELS = {"PERSON"}
_GROUP_LABELS = {"ORG", "GPE"}  # not NORP: "Ghanaian" is no one's antecedent
# How far back an antecedent may lie; beyond this a pronoun is left unresolved.
_ANTECEDENT_WINDOW = 2500


@dataclass(frozen=True)
class Speaker:
    span: Char  # where the speaker is named in the text
    actor: str | None = None  # actor id when resolved
    antecedent: Char | None = None  # the earlier mention a pronoun or nominal resolved to


@dataclass(frozen=True)
class _Mention:
    span: Char
    kind: str  # "person" | "group"
    head: int  # token index of the mention's last token
    subject: bool  # the mention is (part of) a clause subject: a salient antecedent


_BREAKS = {"-", "—", "–", "--", ":"}
_NOT_IN_PHRASE = {"advmod", "prep", "npadvmod", "punct", "cc", "mark", "advcl", "aux"}


def phrase_span(token: Token) -> Char | None:
    """The noun phrase headed by ``token``, without relative clauses or adverbials hanging
    off it (a misparse can hang "Earlier, …" on a name)."""
    doc = token.doc
    left = token.left_edge.i
    for child in token.lefts:
        if child.dep_ in _NOT_IN_PHRASE:
            left = max(left, child.right_edge.i + 1)
    right = token.right_edge.i
    for child in token.rights:
        if child.dep_ in ("relcl", "acl", "advcl"):
            right = min(right, child.left_edge.i - 1)
    for i in range(left, token.i):
        # A dateline or timestamp the parse hung on the name ("WASHINGTON (Reuters) - U.S.
        # candidate Clinton", "9:34 p.m.⏎⏎Donald Trump") ends at its dash or line break.
        if doc[i].text in _BREAKS or "\n" in doc[i].text:
            left = i + 1
    return char_span(doc, min(left, token.i), right)


def subject_of(
    verb: Token, documents: frozenset[str] = frozenset(), outside: Char | None = None
) -> Token | None:
    """The subject of a cue verb, borrowed from the governing verb for participles and
    conjuncts ("…, adding that", "said X and added Y", "after seeking"), the agent for
    passives, the modified noun for relative and reduced clauses. A subject inside
    ``outside`` (the quotation itself, which the parse may hang on the cue) is skipped."""
    for _ in range(5):
        subjects = [
            c
            for c in verb.children
            if c.dep_ in ("nsubj", "csubj") and not (outside and outside[0] <= c.idx < outside[1])
        ]
        for child in subjects:
            if any(c.isalnum() for c in child.text):
                return child
        for child in subjects:
            # Markup left in the text ("**Name** said") parses as a subject of its own.
            named = _name_near_markup(child)
            if named is not None:
                return named
        for child in verb.children:
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
        head = verb.head
        if head.i == verb.i:
            return None
        if verb.dep_ in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
            if verb.dep_ == "acl" and head.lemma_.lower() in documents and head.head.i != head.i:
                # "the campaign issued a statement saying …": the statement's issuer speaks.
                verb = head.head
                continue
            return head
        if verb.dep_ in ("advcl", "conj", "xcomp", "pcomp", "acomp") or (
            verb.dep_ == "prep" and head.pos_ in ("VERB", "AUX")
        ):
            verb = head
            continue
        if verb.pos_ == "ADP" and verb.dep_ == "prep":
            verb = head
            continue
        return None
    return None


def _name_near_markup(token: Token) -> Token | None:
    if any(t.is_alpha for t in token.subtree):
        return token
    doc = token.doc
    i = token.i - 1
    while i >= max(0, token.i - 4) and doc[i].is_punct:
        i -= 1
    if i >= 0 and doc[i].pos_ == "PROPN":
        return doc[i]
    return None


def _is_subject(token: Token) -> bool:
    subjects = ("nsubj", "nsubjpass")
    return token.dep_ in subjects or (token.dep_ in ("compound", "appos") and token.head.dep_ in subjects)


def _entity_mentions(doc: Doc, actors: list[Actor]) -> list[_Mention]:
    by_start: dict[int, _Mention] = {}
    for ent in doc.ents:
        if ent.label_ in _PERSON_LABELS:
            kind = "person"
        elif ent.label_ in _GROUP_LABELS:
            kind = "group"
        else:
            continue
        root = ent.root
        subject = _is_subject(root)
        by_start[ent.start_char] = _Mention((ent.start_char, ent.end_char), kind, ent.end - 1, subject)
    for actor in actors:
        kind = "person" if actor.kind == "person" else "group"
        for start, end in actor.mentions:
            if start in by_start:
                by_start[start] = _Mention((start, end), kind, by_start[start].head, by_start[start].subject)
                continue
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            subject = _is_subject(span.root)
            by_start[start] = _Mention((start, end), kind, span.end - 1, subject)
    return sorted(by_start.values(), key=lambda m: m.span[0])


def _gender_of(doc: Doc, mention: _Mention) -> str | None:
    span = doc.char_span(*mention.span, alignment_mode="expand")
    if span is None:
        return None
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    first = span[0].lower_
    if before in _MALE_TITLES or first in _MALE_TITLES:
        return "m"
    if before in _FEMALE_TITLES or first in _FEMALE_TITLES:
        return "f"
    return None


class SpeakerResolver:
    """Resolves speaker phrases of one document to actors, remembering pronoun genders."""

    def __init__(self, doc: Doc, actors: list[Actor], lexicon: SpeechLexicon):
        self.doc = doc
        self.text = text_of(doc)
        self.actors = actors
        self.lexicon = lexicon
        self.mentions = _entity_mentions(doc, actors)
        self.gender: dict[str, str] = {}  # lower-cased name -> "m" | "f" learnt from pronouns

    # -- actors ---------------------------------------------------------------------------
    def actor_at(self, span: Char, head: Char | None = None) -> str | None:
        """The actor mentioned inside ``span``; the one at its head word wins a tie."""
        hits = [(a, m) for a in self.actors for m in a.mentions if m[0] < span[1] and span[0] < m[1]]
        if not hits:
            return None
        if head is not None:
            for actor, m in hits:
                if m[0] < head[1] and head[0] < m[1]:
                    return actor.id
        people = [a for a, _ in hits if a.kind == "person"]
        return (people or [hits[0][0]])[0].id

    # -- resolution -----------------------------------------------------------------------
    def resolve(self, token: Token, exclude: Char | None = None) -> Speaker | None:
        """Speaker for the subject token of a cue; ``exclude`` is the quoted content itself,
        which may not hold the antecedent. The first of the resolver's rules that applies
        decides: a relative pronoun, a personal pronoun, else the noun phrase."""
        for rule in (self._by_relative_pronoun, self._by_pronoun):
            speaker = rule(token, exclude)
            if speaker is not None:
                return speaker
        return self._by_phrase(token, exclude)

    def _by_relative_pronoun(self, token: Token, exclude: Char | None) -> Speaker | None:
        """'a general who suggested': "who" names the speaker; the noun it hangs on is who."""
        if not (token.lower_ in _RELATIVE and token.dep_ in ("nsubj", "nsubjpass")):
            return None
        own = (token.idx, token.idx + len(token))
        holder = token.head.head if token.head.dep_ == "relcl" else None
        span = phrase_span(holder) if holder is not None else None
        if holder is None or span is None:
            return Speaker(own)
        named = self._named(span, holder)
        return Speaker(own, named.actor, span)

    def _by_pronoun(self, token: Token, exclude: Char | None) -> Speaker | None:
        """'he', 'it': the nearest fitting antecedent; 'I', 'we' and the like stay unresolved."""
        lower = token.lower_
        if not (token.pos_ == "PRON" or lower in _PERSON_PRONOUNS or lower in _GROUP_PRONOUNS):
            return None
        own = (token.idx, token.idx + len(token))
        if lower in _FIRST_PERSON or not (lower in _PERSON_PRONOUNS or lower in _GROUP_PRONOUNS):
            return Speaker(own)
        kind = "person" if lower in _PERSON_PRONOUNS else "group"
        antecedent = self._antecedent(token, kind, _PERSON_PRONOUNS.get(lower), exclude)
        return self._via(own, antecedent, _PERSON_PRONOUNS.get(lower))

    def _by_phrase(self, token: Token, exclude: Char | None) -> Speaker | None:
        """A name, or a nominal ("the spokesman", "the ministry", "the statement") resolved
        to whom it stands for."""
        span = phrase_span(token)
        if span is None:
            return None
        nominal = self.lexicon.nominal_kind.get(token.lemma_.lower())
        if self._has_name(token, span) or nominal is None:
            return self._named(span, token)
        if nominal == "document":
            return self._via(span, self._issuer(token, exclude))
        named_before = self._named_with_same_head(token, exclude)
        if named_before is not None:
            return self._via(span, named_before)
        if nominal == "person":
            return self._via(span, self._antecedent(token, "person", None, exclude))
        # "the government", "the party": the nearest organisation is too often another one.
        return Speaker(span, self.actor_at(span))

    def _has_name(self, token: Token, span: Char) -> bool:
        if token.pos_ == "PROPN":
            return True
        return any(m.span[0] < span[1] and span[0] < m.span[1] for m in self.mentions)

    def _named(self, span: Char, head: Token) -> Speaker:
        head_span = (head.idx, head.idx + len(head))
        return Speaker(span, self.actor_at(span, head_span))

    def _via(self, span: Char, antecedent: _Mention | None, gender: str | None = None) -> Speaker:
        if antecedent is None:
            return Speaker(span)
        if gender:
            self.gender.setdefault(self._name(antecedent), gender)
        return Speaker(span, self.actor_at(antecedent.span), antecedent.span)

    def _name(self, mention: _Mention) -> str:
        return self.text[mention.span[0] : mention.span[1]].lower()

    def _antecedent(
        self, token: Token, kind: str, gender: str | None, exclude: Char | None
    ) -> _Mention | None:
        """The nearest earlier mention of the right kind, preferring clause subjects."""
        before = token.idx
        floor = before - _ANTECEDENT_WINDOW
        candidates = [
            m
            for m in reversed(self.mentions)
            if m.span[1] <= before
            and m.span[0] >= floor
            and m.kind == kind
            and not (exclude and exclude[0] <= m.span[0] < exclude[1])
        ]
        if gender:
            fitting = []
            for m in candidates:
                known = self.gender.get(self._name(m)) or _gender_of(self.doc, m)
                if known is None or known == gender:
                    fitting.append(m)
            candidates = fitting
        if not candidates:
            return None
        sentence_start = token.sent.start_char
        # A subject in this or the last few sentences beats a nearer mention in an object.
        for m in candidates[:6]:
            if m.subject or m.span[0] >= sentence_start:
                return m
        return candidates[0]

    def _issuer(self, token: Token, exclude: Char | None) -> _Mention | None:
        """For "the statement said": whoever issued the last statement mentioned earlier
        ("X said in a statement", "a statement from X", "X's statement"), else the nearest
        organisation."""
        doc = self.doc
        lemma = token.lemma_.lower()
        for earlier in reversed(doc[: token.i]):
            if earlier.lemma_.lower() != lemma or token.idx - earlier.idx > 3 * _ANTECEDENT_WINDOW:
                continue
            issuer = _issuer_of(earlier)
            if issuer is None:
                # "In a statement to mark the day, the Foreign Ministry hoped …": the
                # organisation or person named in the same sentence issued it.
                named = self._named_in_sentence(earlier)
                if named is not None:
                    return named
                continue
            span = phrase_span(issuer)
            if span is None:
                continue
            kind = "person" if issuer.ent_type_ == "PERSON" else "group"
            inside = [m for m in self.mentions if span[0] <= m.span[0] < span[1]]
            return inside[0] if inside else _Mention(span, kind, issuer.i, True)
        return self._antecedent(token, "group", None, exclude)

    def _named_with_same_head(self, token: Token, exclude: Char | None) -> _Mention | None:
        """'the ministry' → the last named ministry ("the Ghanaian Ministry of Foreign Affairs")."""
        lemma = token.lemma_.lower()
        floor = token.idx - _ANTECEDENT_WINDOW
        for earlier in reversed(self.doc[: token.i]):
            if earlier.idx < floor:
                return None
            if exclude and exclude[0] <= earlier.idx < exclude[1]:
                continue
            if earlier.lemma_.lower() != lemma or earlier.pos_ != "PROPN":
                continue
            span = phrase_span(earlier)
            if span is None:
                continue
            inside = [m for m in self.mentions if span[0] <= m.span[0] < span[1] and m.kind == "group"]
            containing = [m for m in inside if m.span[0] <= earlier.idx < m.span[1]]
            kind = "person" if earlier.ent_type_ == "PERSON" else "group"
            return (containing or [_Mention(span, kind, earlier.i, True)])[0]
        return None

    def _named_in_sentence(self, noun: Token) -> _Mention | None:
        sentence = noun.sent
        inside = [
            m
            for m in self.mentions
            if sentence.start_char <= m.span[0] < sentence.end_char and self._label_at(m) in ("ORG", "PERSON")
        ]
        after = [m for m in inside if m.span[0] > noun.idx]
        chosen = after or inside
        return chosen[0] if chosen else None

    def _label_at(self, mention: _Mention) -> str:
        span = self.doc.char_span(*mention.span, alignment_mode="expand")
        if span is None:
            return ""
        if any(a.kind in ("person",) for a in self.actors for m in a.mentions if m == mention.span):
            return "PERSON"
        if any(a.kind == "organization" for a in self.actors for m in a.mentions if m == mention.span):
            return "ORG"
        return span.root.ent_type_


def _issuer_of(noun: Token) -> Token | None:
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and (objects[0].ent_type_ or objects[0].pos_ == "PROPN"):
                return objects[0]
    # "In a statement, X said" / "X issued a statement": the subject of the governing verb.
    head = noun.head
    while head.dep_ in ("pobj", "prep") and head.head.i != head.i:
        head = head.head
    if head.pos_ in ("VERB", "AUX"):
        subject = subject_of(head)
        if subject is not None and subject.i != noun.i:
            return subject
    return None
