"""The event decision as an ordered list of named rules, and the Event a decided draft becomes.

For one candidate trigger: read who its sentence names (``read_participants``), then run

    WORD_GUARDS        reasons it is no event, from the words alone
    ACTOR_FINDERS      the actors named (or remembered, for a lone pronoun)
    RECIPIENT_FINDERS  the recipients named, or what the content bears on
    DYAD_GUARDS        background clauses need both sides known
    FALLBACKS          parties the sentence leaves unnamed
    PARTY_GUARDS       reasons it is no event, from the parties found
    RECODES            type, mode and auxiliary changes

in that order. The order of each stage is declared here, once; a rule that acts is recorded
by name on the draft (``Draft.decided_by``), a guard that rejects also as ``rejected_by``.
"""

from __future__ import annotations

from spacy.tokens import Span

from dyads.model import Event
from dyads.nlp.events.arguments import Arguments
from dyads.nlp.events.confidence import load_model, signals
from dyads.nlp.events.draft import Draft, Rule, Scene
from dyads.nlp.events.fallbacks import (
    crowd_country,
    host_receives,
    own_forces_moved,
    own_government,
    place_of_event,
    situation_country,
    town_acted_on,
    victims_country,
)
from dyads.nlp.events.guards import (
    background_without_dyad,
    bare_mention,
    carried_not_visiting,
    commentators_only,
    generic_subject,
    natural_cause_actor,
    natural_deaths,
    no_known_party,
    nobody_named,
    ongoing_state,
    only_private_people,
    page_furniture,
    verbal_noun_without_actor,
)
from dyads.nlp.events.location import locate_event
from dyads.nlp.events.participants import (
    candidate_arguments,
    named_members,
    resolve_subjects,
    said_to_happen,
    undoing_verb,
)
from dyads.nlp.events.parties import (
    clause_of_the_noun,
    content_targets,
    counted_actors,
    counted_recipients,
    described_actor,
    described_recipients,
    inside_object,
    last_actor_of_kind,
    modifier_parties,
    named_actors,
    named_recipients,
    quoted_speaker,
    quoted_speaker_recipient,
    same_type_content,
)
from dyads.nlp.events.pronouns import resolve_object_pronoun
from dyads.nlp.events.recodes import (
    decided_withdrawal,
    historical,
    leaving_a_body,
    modality_reduction,
    negated_promise,
    ordered_act,
    promised_conflict,
    read_setting,
)
from dyads.nlp.events.setting import event_contexts
from dyads.nlp.events.syntax import describe, subjects
from dyads.nlp.events.triggers import Candidate

WORD_GUARDS: tuple[Rule, ...] = (
    page_furniture,
    generic_subject,
    carried_not_visiting,
    natural_deaths,
    natural_cause_actor,
    bare_mention,
    nobody_named,
)
ACTOR_FINDERS: tuple[Rule, ...] = (
    counted_actors,
    named_actors,
    quoted_speaker,
    last_actor_of_kind,
    described_actor,
)
RECIPIENT_FINDERS: tuple[Rule, ...] = (
    counted_recipients,
    named_recipients,
    quoted_speaker_recipient,
    described_recipients,
    content_targets,
    same_type_content,
    modifier_parties,
    clause_of_the_noun,
    inside_object,
)
DYAD_GUARDS: tuple[Rule, ...] = (background_without_dyad,)
FALLBACKS: tuple[Rule, ...] = (
    crowd_country,
    place_of_event,
    town_acted_on,
    victims_country,
    situation_country,
    host_receives,  # after the recipient fallbacks, before the one that reads the actors' country
    own_forces_moved,
    own_government,
)
PARTY_GUARDS: tuple[Rule, ...] = (
    no_known_party,
    only_private_people,
    commentators_only,
    ongoing_state,
    verbal_noun_without_actor,
)
RECODES: tuple[Rule, ...] = (
    ordered_act,
    leaving_a_body,
    promised_conflict,
    negated_promise,
    modality_reduction,
    decided_withdrawal,
    historical,
)


def decide(cand: Candidate, sent: Span, scene: Scene) -> Draft:
    """Run the rules on one candidate; the draft says whether it is an event and why."""
    draft = read_participants(cand, sent, scene)
    if _rejected(draft, WORD_GUARDS):
        return draft
    _apply(draft, ACTOR_FINDERS)
    if draft.actor_ids and not draft.acted(last_actor_of_kind):
        # remembered whatever the rules below decide: a later pronoun may still mean them
        scene.memory.remember(tuple(draft.actor_ids), scene.index)
    _apply(draft, RECIPIENT_FINDERS)
    if _rejected(draft, DYAD_GUARDS):
        return draft
    _apply(draft, FALLBACKS)
    if _rejected(draft, PARTY_GUARDS):
        return draft
    read_setting(draft)
    _apply(draft, RECODES)
    return draft


def _rejected(draft: Draft, guards: tuple[Rule, ...]) -> bool:
    for guard in guards:
        if guard(draft):
            draft.decided_by += (guard.__name__,)
            draft.rejected_by = guard.__name__
            return True
    return False


def _apply(draft: Draft, rules: tuple[Rule, ...]) -> None:
    for rule in rules:
        if rule(draft):
            draft.decided_by += (rule.__name__,)


def read_participants(cand: Candidate, sent: Span, scene: Scene) -> Draft:
    """A draft with the participant tokens of a candidate and no decision yet."""
    lexicon = scene.lexicon
    args = candidate_arguments(cand, lexicon)
    reverser = undoing_verb(cand, lexicon)
    if reverser is not None:
        args = Arguments(tuple(subjects(reverser)), args.recipients, args.passive)
        cand.background = False  # the event the main clause undoes, not a circumstance
    actor_tokens = resolve_subjects(args.actors)
    # "Fifteen governments, including France and Germany, condemned …": the members named act too
    actor_tokens += [m for t in actor_tokens for m in named_members(t) if m not in actor_tokens]
    recipient_tokens = [
        r for t in args.recipients if t not in actor_tokens for r in (resolve_object_pronoun(t) or [t])
    ]
    return Draft(
        cand=cand,
        sent=sent,
        scene=scene,
        arguments=args,
        reverser=reverser,
        actor_tokens=actor_tokens,
        recipient_tokens=recipient_tokens,
        happens=cand.kind == "noun" and said_to_happen(cand, lexicon),
    )


def to_event(draft: Draft) -> Event:
    """The Event of a draft no guard rejected, with ``why`` saying how it was coded and, last,
    which rules acted (``draft.decided_by``)."""
    cand, sent, scene = draft.cand, draft.sent, draft.scene
    lexicon, article = scene.lexicon, scene.article
    actor_ids, recipient_ids = draft.actor_ids, draft.recipient_ids
    trigger_lemma = " ".join(t.lemma_.lower() for t in sorted(cand.anchor_tokens, key=lambda t: t.i))
    why = [f"{trigger_lemma!r} → {cand.sense.entry} ({cand.kind})"]
    if draft.note:
        why.append(draft.note)
    if cand.children:
        why.append("content: " + ", ".join(f"{c.sense.type} {c.head.text!r}" for c in cand.children))
    if draft.actor_tokens:
        why.append(f"actor: {describe(draft.actor_tokens)}" + ("" if actor_ids else " (no resolved actor)"))
    if draft.recipient_tokens:
        why.append(
            f"recipient: {describe(draft.recipient_tokens)}"
            + ("" if recipient_ids else " (no resolved actor)")
        )
    if draft.reverser is not None:
        why.append(f"actor from {draft.reverser.text!r} (who undoes it, imposed it)")
    if draft.acted(host_receives):
        why.append(
            "host as recipient, visitor as actor"
            if cand.sense.type == "CONSULT"
            else "receiver as recipient, giver as actor"
        )
    if draft.acted(last_actor_of_kind):
        pronoun = draft.actor_tokens[0]
        why.append(f"actor: {pronoun.text!r} read as the last {pronoun.lower_!r}-actor named")
    if draft.acted(place_of_event) or draft.acted(victims_country):
        why.append("recipient from the place of the event")
    if draft.acted(own_government):
        why.append("recipient: the actors' own government")
    if draft.acted(crowd_country):
        why.append("actor: the country where the crowd gathered")
    if draft.acted(situation_country):
        why.append("recipient: the country the article is about (the object is a situation there)")
    if cand.background:
        why.append("background clause")
    if draft.ordered is not None:
        why.append(f"ordered {draft.ordered.sense.type} coded as the act")
    elif draft.acted(negated_promise):
        why.append("negated promise → REJECT")
    location, location_why = locate_event(
        cand.head,
        scene.places,
        draft.actor_tokens,
        draft.recipient_tokens,
        draft.event_type,
        cand.content if cand.kind == "light" else None,
    )
    why.extend(w for w in (draft.date_why, location_why) if w)
    if draft.decided_by:
        why.append("rules: " + ", ".join(draft.decided_by))

    contexts = event_contexts(
        cand.sense.contexts + tuple(c for ch in cand.children for c in ch.sense.contexts),
        sent,
        lexicon,
        article.title,
    )
    type_ = draft.event_type
    index = scene.index
    placed = (any(index.placed(a) for a in actor_ids), any(index.placed(r) for r in recipient_ids))
    present = signals(draft, lexicon.quad(type_), placed)
    cameo = cand.sense.cameo if type_ == cand.sense.type else lexicon.cameo(type_)
    anchors = sorted(cand.anchor_tokens, key=lambda t: t.i)
    return Event(
        id="",
        type=type_,
        trigger=(anchors[0].idx, anchors[-1].idx + len(anchors[-1].text)),
        sentence=(sent.start_char, sent.end_char),
        actor=tuple(actor_ids),
        recipient=tuple(recipient_ids),
        mode=draft.mode,
        context=contexts,
        cameo=cameo or lexicon.cameo(type_),
        score=lexicon.score(type_, draft.mode),
        date=draft.date,
        date_precision=draft.date_precision,
        date_span=draft.date_span,
        location=location,
        auxiliary=draft.auxiliary,  # type: ignore[arg-type]
        confidence=round(load_model().probability(present), 2),
        why="; ".join(why),
        signals=present,
    )
