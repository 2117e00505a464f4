"""How sure an event is: the estimated probability that its type, actor country and recipient
country are right, from a small logistic model over interpretable signals.

The signals say how the event was found (the kind of trigger; which rule supplied each side;
whether each side has a country or an organisation; background clause, modality, a quotation,
a long sentence; whether the text dated it). The weights are fitted on the development gold
with cross-validation by ``scripts/fit_confidence.py`` and shipped as data in
``knowledge/models/event_confidence.yaml``; an analyst can read which signal moves it and how much.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from dyads.knowledge.confidence_model import shipped_model
from dyads.nlp.events.draft import Draft
from dyads.nlp.events.pronouns import in_quotation

# which rules supply which side: the first of them that acted names how the side was found
ACTOR_RULES = (
    "counted_actors",
    "named_actors",
    "quoted_speaker",
    "last_actor_of_kind",
    "described_actor",
    "crowd_country",
    "same_type_content",
)
RECIPIENT_RULES = (
    "counted_recipients",
    "named_recipients",
    "quoted_speaker_recipient",
    "described_recipients",
    "content_targets",
    "same_type_content",
    "modifier_parties",
    "clause_of_the_noun",
    "inside_object",
    "place_of_event",
    "town_acted_on",
    "victims_country",
    "situation_country",
    "own_government",
)
LONG_SENTENCE = 40  # tokens


def signals(draft: Draft, quad: str, placed: tuple[bool, bool]) -> tuple[str, ...]:
    """The signals of one decided draft, as names ("kind:verb", "actor:named_actors", …)."""
    cand, sent = draft.cand, draft.sent
    out = [f"kind:{cand.kind}", f"quad:{quad}"]
    rules = set(draft.decided_by)
    if "host_receives" in rules:
        out.append("reversed")
    actor_rule = next((r for r in ACTOR_RULES if r in rules), None) if draft.actor_ids else None
    recipient_rule = next((r for r in RECIPIENT_RULES if r in rules), None) if draft.recipient_ids else None
    out.append(f"actor:{actor_rule or ('found' if draft.actor_ids else 'none')}")
    out.append(f"recipient:{recipient_rule or ('found' if draft.recipient_ids else 'none')}")
    if placed[0]:
        out.append("actor_placed")
    if placed[1]:
        out.append("recipient_placed")
    if cand.background:
        out.append("background")
    if draft.auxiliary:
        out.append(f"aux:{draft.auxiliary}")
    if cand.children:
        out.append("has_content")
    if in_quotation(cand.head):
        out.append("in_quote")
    if len(sent) > LONG_SENTENCE:
        out.append("long_sentence")
    if draft.date and draft.scene.article.published and draft.date != draft.scene.article.published:
        out.append("dated_by_text")
    return tuple(out)


@dataclass(frozen=True)
class ConfidenceModel:
    """A logistic model: the probability is the logistic of the intercept plus the weights of
    the signals present; a signal it was not fitted on weighs nothing."""

    intercept: float
    weights: dict[str, float]
    threshold: float  # the default store-wide threshold, chosen for precision on held-apart data

    def probability(self, present: tuple[str, ...]) -> float:
        score = self.intercept + sum(self.weights.get(s, 0.0) for s in present)
        return 1.0 / (1.0 + math.exp(-score))


@lru_cache(maxsize=1)
def load_model() -> ConfidenceModel:
    """The shipped model; with none shipped, a flat one (every event 0.5)."""
    data = shipped_model()
    if not data:
        return ConfidenceModel(0.0, {}, 0.5)
    weights = {str(k): float(v) for k, v in (data.get("weights") or {}).items()}
    return ConfidenceModel(float(data.get("intercept", 0.0)), weights, float(data.get("threshold", 0.5)))
