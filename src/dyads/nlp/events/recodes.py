"""Recodes: changes of an event's type, mode or auxiliary once its parties are known.

``read_setting`` first gives the draft what the recodes read: the trigger's type, the mode
its content implies, the modality of the clause and the date. Each recode then returns True
if it changed the coding: an order coded as the ordered act, a negated promise as a refusal,
PLOVER's modality reductions (promised cooperation is AGREE, announced conflict THREATEN …),
and events dated years before the article marked historical.
"""

from __future__ import annotations

from itertools import islice

from dyads.nlp.events.draft import Draft
from dyads.nlp.events.lexicon import Lexicon
from dyads.nlp.events.modality import Modality, modality, recode, threat_mode
from dyads.nlp.events.setting import event_date
from dyads.nlp.events.triggers import Candidate

COMMANDED = {"COERCE", "SANCTION", "ASSAULT", "MOBILIZE"}  # acts an order is coded as
ANNOUNCING = {"announce", "declare"}  # reporting verbs that make their content a declaration
DECIDING = {"decide", "decision"}  # a retreat decided is announced, not yet done
PROMISING = {"promise", "pledge", "vow"}  # words of promising (verbs and nouns alike)
FORCE = {"ASSAULT", "COERCE"}  # acts whose promise is a threat
HISTORICAL_YEARS = 2  # events dated this many years or more before the article are "historical"


def read_setting(draft: Draft) -> None:
    """The trigger's type and mode, the modality of its clause and its date."""
    cand, scene = draft.cand, draft.scene
    # a nominal event takes the modality of its verb only when the verb reports it happening
    draft.carrier = cand.head if cand.kind != "noun" else (cand.head.head if draft.happens else None)
    draft.modality = (
        modality(draft.carrier, scene.lexicon.transparent) if draft.carrier is not None else Modality()
    )
    draft.event_type = cand.sense.type
    draft.mode = mode_from_children(cand, scene.lexicon)
    found = event_date(
        cand.head,
        draft.sent,
        scene.times,
        scene.article,
        future=draft.modality.future,
        quoted=scene.in_direct_quotation(cand.head.idx),
        background=cand.background,
    )
    draft.date, draft.date_precision, draft.date_why, draft.date_span = found


def mode_from_children(cand: Candidate, lexicon: Lexicon) -> str | None:
    """The trigger's own mode, else the one its content gives ("threatened to arrest" → arrest)."""
    type_ = cand.sense.type
    if cand.sense.mode:
        return cand.sense.mode
    for child in cand.children:
        child_type, child_mode = child.sense.type, child.sense.mode
        if child_type == type_ and child_mode:
            return child_mode  # "wounded in a bomb attack" → explosives
        if lexicon.valid_mode(type_, child_mode):
            return child_mode  # "threatened to arrest" → arrest
        mapped = lexicon.complement_modes.get(type_, {}).get(child_type)
        if mapped and lexicon.valid_mode(type_, mapped):
            return mapped
    return None


def ordered_act(draft: Draft) -> bool:
    """ "ordered troops to attack": the order is the act."""
    cand = draft.cand
    if cand.head.lemma_.lower() not in draft.scene.lexicon.commands:
        return False
    ordered = next((c for c in cand.children if c.sense.type in COMMANDED), None)
    if ordered is None:
        return False
    draft.ordered = ordered
    draft.event_type, draft.mode = ordered.sense.type, ordered.sense.mode
    return True


def leaving_a_body(draft: Draft) -> bool:
    """ "Mali withdrew from ECOWAS": the codebook's SANCTION 'withdraw' (withdrawing oneself from an
    organisation), not RETREAT, which is leaving territory."""
    recipients, index = draft.recipient_ids, draft.scene.index
    if draft.event_type != "RETREAT" or not recipients or draft.mode != "withdraw":
        return False  # resigning a post or letting observers in stays RETREAT
    if not all(index.international_body(r) for r in recipients):
        return False
    draft.event_type, draft.mode = "SANCTION", "withdraw"
    return True


def promised_conflict(draft: Draft) -> bool:
    """ "promised to strike Syria", "his promise of an imminent missile strike": a promise of
    force is a threat, whose mode is the content's act (PLOVER: THREATEN's mode is what is
    threatened)."""
    cand, lexicon = draft.cand, draft.scene.lexicon
    if draft.event_type != "AGREE" or cand.sense.type != "AGREE":
        return False
    if cand.head.lemma_.lower() not in PROMISING:
        return False  # "agreed to undertake joint exercises" is an agreement, not a threat
    act = next((c for c in cand.children if c.sense.type in FORCE), None)
    if act is None:
        return False
    draft.event_type = "THREATEN"
    draft.mode = threat_mode(act.sense.type, act.sense.mode, lexicon)
    return True


def decided_withdrawal(draft: Draft) -> bool:
    """ "Trump's decision to withdraw US troops from Syria": a withdrawal decided is one
    announced, which the codebook codes CONCEDE (the troops have not left yet)."""
    carrier = draft.carrier if draft.carrier is not None else draft.cand.head
    if draft.event_type != "RETREAT" or draft.mode != "withdraw" or draft.auxiliary is not None:
        return False
    steps = list(islice(carrier.ancestors, 2))
    if not any(a.lemma_.lower() in DECIDING for a in steps):
        return False
    draft.event_type, draft.mode = "CONCEDE", None
    draft.note = "decided withdrawal: an announced retreat"
    return True


def negated_promise(draft: Draft) -> bool:
    """ "vowed not to return the Golan Heights": a refusal."""
    cand = draft.cand
    if not (
        draft.event_type == "AGREE"
        and cand.kind == "governor"
        and cand.content is not None
        and any(c.dep_ == "neg" for c in cand.content.children)
    ):
        return False
    draft.event_type, draft.mode = "REJECT", None
    return True


def modality_reduction(draft: Draft) -> bool:
    """PLOVER's reductions for negated, future and hypothetical events (``modality.recode``)."""
    carrier = draft.carrier
    announced = carrier is not None and any(a.lemma_.lower() in ANNOUNCING for a in carrier.ancestors)
    draft.event_type, draft.mode, draft.auxiliary, draft.note = recode(
        draft.event_type, draft.mode, draft.modality, draft.scene.lexicon, announced
    )
    return bool(draft.note)


def historical(draft: Draft) -> bool:
    """An event dated years before its article is history, not news."""
    published, date = draft.scene.article.published, draft.date
    dated = draft.auxiliary is None and date and published and draft.date_precision != "article"
    if dated and int(published[:4]) - int(date[:4]) >= HISTORICAL_YEARS:  # type: ignore[index]
        draft.auxiliary = "historical"
        return True
    return False
