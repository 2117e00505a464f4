"""Who a subject pronoun or a bare "the government" refers to across sentences of an article.

The event stage remembers the latest grammatical subject of each kind (person, country,
organisation, group, several together) and the latest group by the last word of its name.
"It also agreed …" is then the last country or organisation named; "The government said …"
after "Mali's transitional government …" is the same government.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from dyads.nlp.events.index import ActorIndex
from dyads.nlp.events.participants import resolve_subjects
from dyads.nlp.events.syntax import subjects

HEAD_KEY = "head:"  # memory of actors by the last word of their name ("government", "junta")
PRONOUN_KINDS: dict[str, tuple[str, ...]] = {
    "he": ("person",),
    "she": ("person",),
    "it": ("country", "organization"),
    "they": ("plural", "group", "country", "organization"),
}
# a possessive owner of an event noun refers back like its subject form ("its offensive", "his promise")
PRONOUN_KINDS |= {"his": PRONOUN_KINDS["he"], "her": PRONOUN_KINDS["she"], "its": PRONOUN_KINDS["it"]}
PRONOUN_KINDS["their"] = PRONOUN_KINDS["they"]


class SpeakerMemory:
    """The latest subjects of one article, by kind, for subject pronouns in later sentences."""

    def __init__(self) -> None:
        self._latest: dict[str, list[str]] = {}

    def recall(self, token: Token) -> list[str]:
        """The actors a lone subject left unresolved in its sentence refers to, if remembered."""
        kinds = PRONOUN_KINDS.get(token.lower_, ())
        found = next((self._latest[k] for k in kinds if self._latest.get(k)), [])
        if not found and definite(token):
            found = self._latest.get(HEAD_KEY + token.lemma_.lower(), [])
        return list(found)

    def remember(self, actor_ids: tuple[str, ...], index: ActorIndex) -> None:
        """The latest grammatical subject of each kind; several actors together ("Mali and
        Burkina Faso") are the latest "they" until a single group, country or organisation is
        named after them."""
        for actor_id in actor_ids:
            head = index.head_word(actor_id)
            if head:
                self._latest[HEAD_KEY + head] = [actor_id]
        if len(actor_ids) > 1:
            self._latest["plural"] = list(actor_ids)
            return
        kind = index.kind(actor_ids[0])
        if kind is not None:
            self._latest[kind] = list(actor_ids)
            if kind in PRONOUN_KINDS["they"]:
                self._latest.pop("plural", None)

    def remember_speaker(self, sent: Span, index: ActorIndex) -> None:
        """The subject of the sentence's main verb is who a pronoun in the next sentence most
        likely is, whether or not that verb was an event ("Doumbouya announced … He accused …")."""
        found = resolve_subjects(subjects(sent.root)) if sent.root.pos_ in ("VERB", "AUX") else []
        actor_ids = index.for_tokens(found)
        if actor_ids:
            self.remember(tuple(actor_ids), index)


def definite(token: Token) -> bool:
    """A common noun with "the" and nothing else before it ("the government", not "a government"
    nor "the Nigerian government")."""
    before = [c for c in token.children if c.i < token.i]
    return token.pos_ == "NOUN" and len(before) == 1 and before[0].lower_ == "the"
