"""Event detection and PLOVER/CAMEO coding: who did what to whom, when and where.

For each sentence: find triggers (``triggers``, with their senses from ``senses``), fold
events that are the content of another ("threatened to shell" is one THREATEN; ``content``),
decide each remaining candidate by an ordered list of named rules (``decision``: participants
read off the parse and mapped to actors, guards, party fallbacks, recodes by modality), and
merge duplicates within the sentence (``merge``). Across the article, responses are aimed at
what they answer (``answers``) and repeated mentions of one event are merged (``coref``).
Every event keeps in ``why`` the trigger lemma, the lexicon entry or rule, and the participant
spans.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from dyads.knowledge import Knowledge, load_knowledge
from dyads.model import Actor, Article, Event, Options, Place, Quote, TimeExpr
from dyads.nlp.events.answers import answer_to_cause, answer_to_decision, answers_a_decision, claimed_act
from dyads.nlp.events.content import absorb
from dyads.nlp.events.coref import Mention, dated_mention, merge_mentions
from dyads.nlp.events.decision import decide, to_event
from dyads.nlp.events.draft import Scene
from dyads.nlp.events.index import ActorIndex
from dyads.nlp.events.lexicon import load_lexicon
from dyads.nlp.events.merge import merge_sentence_events
from dyads.nlp.events.participants import told_by_relative
from dyads.nlp.events.triggers import CLAIMING_VERBS, find_candidates


def find_events(
    doc: Doc,
    article: Article,
    actors: list[Actor],
    times: list[TimeExpr],
    places: list[Place],
    options: Options,
    quotes: list[Quote] | None = None,
) -> list[Event]:
    """All events of one parsed article, in text order, with ids e1, e2, …"""
    lexicon = load_lexicon(tuple(options.knowledge_dirs))
    knowledge = load_knowledge(tuple(options.knowledge_dirs))
    index = ActorIndex(actors, grow=actors, country_name=lambda iso3: _country_name(knowledge, iso3))
    scene = Scene(
        article=article, index=index, times=times, places=places, lexicon=lexicon, quotes=quotes or []
    )
    events: list[Event] = []
    nominal: list[bool] = []
    mentions: list[Mention] = []
    causes: dict[int, list[tuple[str, str | None]]] = {}
    claims: set[int] = set()
    decisions: set[int] = set()
    for sent in doc.sents:
        candidates = find_candidates(sent, lexicon)
        absorb(candidates)
        coded: list[Event] = []
        kinds: dict[int, bool] = {}
        for cand in candidates:
            if cand.kind == "noun":
                mention = dated_mention(
                    cand.head, cand.sense.type, cand.sense.cameo, times, article.published
                )
                if mention is not None:
                    mentions.append(mention)
            if cand.absorbed_by is not None:
                if not (cand.kind == "noun" and any(told_by_relative(c) for c in cand.head.children)):
                    continue
                # "rejected the sanctions that ECOWAS imposed on Niger": the imposing is an
                # event of its own, kept when it names both sides
                cand.background = True
            draft = decide(cand, sent, scene)
            if draft.rejected_by is not None:
                continue
            event = to_event(draft)
            coded.append(event)
            kinds[id(event)] = cand.kind == "noun"
            causes[id(event)] = [(c.sense.type, c.sense.cameo) for c in cand.children if c.kind == "noun"]
            if cand.kind == "light" and cand.head.lemma_.lower() in CLAIMING_VERBS:
                claims.add(id(event))
            if answers_a_decision(cand, event):
                decisions.add(id(event))
        for event in merge_sentence_events(coded):
            events.append(event)
            nominal.append(kinds.get(id(event), False))
        scene.memory.remember_speaker(sent, index)
    known = {a.id for a in actors if a.country or a.org}
    events = [answer_to_cause(e, causes.get(id(e), []), events, nominal, known) for e in events]
    events = [claimed_act(e, events) if id(e) in claims else e for e in events]
    countries = {a.id: a.country or a.org for a in actors}
    events = [answer_to_decision(e, events, countries) if id(e) in decisions else e for e in events]
    events = merge_mentions(events, nominal, mentions, actors)
    return [replace(e, id=f"e{i}") for i, e in enumerate(events, 1)]


def _country_name(knowledge: Knowledge, iso3: str) -> str | None:
    country = knowledge.country(iso3)
    return country.name if country is not None else None
