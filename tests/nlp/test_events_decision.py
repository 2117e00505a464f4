"""The event decision as ordered named rules: which rule decided is on the draft."""

from __future__ import annotations

import re

from dyads.model import Actor, Article, Place
from dyads.nlp.events import decision
from dyads.nlp.events.content import absorb
from dyads.nlp.events.decision import decide
from dyads.nlp.events.draft import Draft, Scene
from dyads.nlp.events.index import ActorIndex
from dyads.nlp.events.lexicon import load_lexicon
from dyads.nlp.events.triggers import find_candidates

STAGES = (
    decision.WORD_GUARDS,
    decision.ACTOR_FINDERS,
    decision.RECIPIENT_FINDERS,
    decision.DYAD_GUARDS,
    decision.FALLBACKS,
    decision.PARTY_GUARDS,
    decision.RECODES,
)


def drafts(nlp, text: str, names: dict[str, str], places: tuple[Place, ...] = ()) -> list[Draft]:
    """The draft of every candidate not absorbed by another, sentence by sentence."""
    actors = [
        Actor(
            id=f"a{i}",
            name=name,
            kind="country",
            country=country,
            mentions=tuple((m.start(), m.end()) for m in re.finditer(re.escape(name), text)),
        )
        for i, (name, country) in enumerate(names.items(), 1)
    ]
    lexicon = load_lexicon()
    scene = Scene(Article(id="t", text=text, published="2021-05-10"), ActorIndex(actors), [], places, lexicon)
    out: list[Draft] = []
    for sent in nlp(text).sents:
        candidates = find_candidates(sent, lexicon)
        absorb(candidates)
        out += [decide(c, sent, scene) for c in candidates if c.absorbed_by is None]
        scene.memory.remember_speaker(sent, scene.index)
    return out


def test_every_rule_has_its_own_name():
    names = [rule.__name__ for stage in STAGES for rule in stage]
    assert len(names) == len(set(names))


def test_the_guard_that_rejects_is_named(nlp):
    found = drafts(nlp, "If you wish to use this material, you must request permission from the owner.", {})
    request = next(d for d in found if d.cand.sense.type == "REQUEST")
    assert request.rejected_by == "generic_subject"
    assert request.decided_by[-1] == "generic_subject"


def test_an_event_has_no_rejecting_guard(nlp):
    found = drafts(
        nlp, "Chile questioned the legitimacy of Peru's government.", {"Chile": "CHL", "Peru": "PER"}
    )
    accuse = next(d for d in found if d.event_type == "ACCUSE")
    assert accuse.rejected_by is None
    assert accuse.decided_by[:2] == ("named_actors", "named_recipients")


def test_the_recipient_fallback_is_named(nlp):
    text = "A Chilean air strike in northern Peru killed 19 civilians."
    start = text.index("Peru")
    places = (Place(id="p1", name="Peru", country="PER", mentions=((start, start + 4),)),)
    found = drafts(nlp, text, {"Chilean": "CHL", "civilians": "", "Peru": "PER"}, places)
    by_trigger = {d.cand.head.text: d.decided_by for d in found if d.rejected_by is None}
    assert by_trigger["strike"] == ("named_actors", "place_of_event")  # "a strike in northern Peru"
    assert "victims_country" in by_trigger["killed"]  # "killed 19 civilians" of no known country


def test_a_remembered_actor_is_named(nlp):
    text = "Norway hosted Sudanese envoys on Monday. It also pledged to fund new schools in Darfur."
    found = drafts(nlp, text, {"Norway": "NOR", "Sudanese": "SDN"})
    pledge = next(d for d in found if d.event_type == "AGREE")
    assert "last_actor_of_kind" in pledge.decided_by
    host = next(d for d in found if d.event_type == "CONSULT")
    assert "host_receives" in host.decided_by


def test_the_recodes_are_named(nlp):
    found = drafts(
        nlp,
        "The Zambian government ordered police to arrest the opposition leader.",
        {"Zambian": "ZMB"},
    )
    order = next(d for d in found if d.rejected_by is None)
    assert order.event_type == "COERCE" and "ordered_act" in order.decided_by
    found = drafts(
        nlp,
        "Armenia vowed not to return the disputed villages to Azerbaijan.",
        {"Armenia": "ARM", "Azerbaijan": "AZE"},
    )
    vow = next(d for d in found if d.rejected_by is None)
    assert vow.event_type == "REJECT" and "negated_promise" in vow.decided_by
