"""Event detection and PLOVER/CAMEO coding: who did what to whom, when and where.

For each sentence: find triggers (``event_triggers``), fold events that are the content
of another ("threatened to shell" is one THREATEN), read participants from the parse
and map them to actors (``event_syntax``), read negation/future/hypothetical
(``event_modality``), then date, place and context (``event_setting``). Every event
keeps in ``why`` the trigger lemma, the lexicon entry or rule, and the participant spans.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from dyads.knowledge import registry
from dyads.model import Actor, Article, Event, Options, Place, TimeExpr
from dyads.nlp.events.answers import answer_to_cause, answer_to_decision, answers_a_decision, claimed_act
from dyads.nlp.events.arguments import (
    RELATIVE_PRONOUNS,
    Arguments,
    locatives,
    noun_arguments,
    noun_modifiers,
    verb_arguments,
)
from dyads.nlp.events.content import absorb
from dyads.nlp.events.coref import Mention, dated_mention, merge_mentions
from dyads.nlp.events.index import ActorIndex
from dyads.nlp.events.lexicon import Lexicon, load_lexicon
from dyads.nlp.events.modality import Modality, modality, recode
from dyads.nlp.events.pronouns import resolve_object_pronoun, resolve_pronoun
from dyads.nlp.events.senses import verb_sense
from dyads.nlp.events.setting import event_contexts, event_date, event_location
from dyads.nlp.events.syntax import agents, describe, prep_objects, subjects
from dyads.nlp.events.triggers import CLAIMING_VERBS, Candidate, find_candidates

HEAD_KEY = "head:"  # memory of actors by the last word of their name ("government", "junta")
ANNOUNCING = {"announce", "declare"}  # reporting verbs that make their content a declaration
GENERIC_SUBJECTS = {"you", "one", "anyone", "everyone", "someone", "readers"}
HISTORICAL_YEARS = 2  # events dated this many years or more before the article are "historical"


def _arguments(cand: Candidate, lexicon: Lexicon) -> Arguments:
    if cand.kind == "noun":
        return noun_arguments(
            cand.head,
            cand.sense.owner,
            source_from=cand.sense.type in SOURCE_FROM,
            agent_nouns=lexicon.agent_nouns,
        )
    args = verb_arguments(cand.head, cand.content if cand.kind in ("light", "verb") else None)
    if cand.kind in ("governor", "modal"):
        # "urged Moscow to repel": Moscow is the recipient; "threatened to shell towns":
        # the towns are; "Russia said Sudan must …": Sudan is.
        inner: list[Token] = []
        if cand.kind == "modal" and cand.content is not None:
            inner = [c for c in cand.content.children if c.dep_ in ("nsubj", "nsubjpass")]
        for child in cand.children:
            inner += list(_arguments(child, lexicon).recipients)
        if cand.kind == "modal":
            return Arguments(args.actors, tuple(inner), args.passive)
        own = [
            r
            for r in args.recipients
            if (cand.content is None or r.i != cand.content.i) and r.pos_ in ("PROPN", "NOUN", "PRON")
        ]
        recipients = own or inner
        if own and cand.sense.type == "REQUEST" and cand.content is not None:
            # "asked the Security Council to withdraw MINUSMA": what the request bears on
            recipients = own + [c for c in cand.content.children if c.dep_ == "dobj" and c.pos_ == "PROPN"]
        return Arguments(
            args.actors, tuple(recipients), args.passive, fallback=tuple(_content_targets(cand, lexicon))
        )
    return Arguments(
        args.actors, args.recipients, args.passive, fallback=tuple(_content_targets(cand, lexicon))
    )


def _content_targets(cand: Candidate, lexicon: Lexicon) -> list[Token]:
    """Who the content of a request, refusal or threat bears on: the doer of what is asked
    ("demanded that the Turkish government provide …"), or whom the threatened act is aimed at
    ("threatened to resume attacks in Israel")."""
    out: list[Token] = []
    for child in cand.children:
        child_args = _arguments(child, lexicon)
        if cand.sense.type == "REQUEST":
            out += list(child_args.actors)
        elif cand.sense.type in ANSWERS and child.sense.type in IMPOSED and child_args.actors:
            # "rejected the sanctions that ECOWAS imposed on Niger": aimed at whoever imposed them
            out += list(child_args.actors)
        elif child.kind == "noun" and child.sense.type in PROPOSALS:
            # "rejected an offer from Afghanistan", "accepted demands from the rebels": the
            # one who proposed is the one answered
            out += list(child_args.actors) + list(child_args.recipients)
        else:
            out += list(child_args.recipients)
    content = cand.content
    if content is not None and content.pos_ in ("VERB", "AUX"):
        if cand.sense.type == "REQUEST":
            out += [c for c in content.children if c.dep_ in ("nsubj", "nsubjpass")]
        else:
            out += list(verb_arguments(content).recipients) + locatives(content)
    return out


REVERSING = {"CONCEDE", "RETREAT"}
COMMANDED = {"COERCE", "SANCTION", "ASSAULT", "MOBILIZE"}
PRONOUN_KINDS: dict[str, tuple[str, ...]] = {
    "he": ("person",),
    "she": ("person",),
    "it": ("country", "organization"),
    "they": ("plural", "group", "country", "organization"),
}
ANSWERS = {"REJECT", "ACCUSE", "PROTEST"}  # refusals, condemnations and protests of what another did
IMPOSED = {"SANCTION", "COERCE"}  # measures someone imposes
PROPOSALS = {"REQUEST", "AGREE", "THREATEN"}  # demands, offers and ultimatums one can answer
SOURCE_FROM = {"AID", "REQUEST", "THREATEN", "ACCUSE", "AGREE"}  # "aid from Japan", "demands from rebels"
DOMESTIC_TARGET = {"PROTEST"}
PLACE_PREPS = frozenset(registry.words("events_grammar")["place_preps"])
PLACED_VICTIMS = {"ASSAULT", "COERCE"}  # harm done to people, who belong where it happened


def _reverser(cand: Candidate, lexicon: Lexicon) -> Token | None:
    """The verb that undoes an agentless participle's event, if any: whoever lifts sanctions
    is the one who imposed them ("leaders would remove the sanctions imposed after …")."""
    verb = cand.head
    if cand.kind not in ("light", "verb") or verb.dep_ != "acl" or agents(verb):
        return None
    noun = verb.head
    undoer = noun.head
    if noun.dep_ not in ("dobj", "nsubjpass") or undoer.pos_ not in ("VERB", "AUX"):
        return None
    found = verb_sense(undoer, lexicon)
    return undoer if found is not None and found[0].type in REVERSING else None


def _members(token: Token) -> list[Token]:
    """Members named inside a group ("governments, including France", "the leaders, among
    them Mali's President Keita")."""
    out = prep_objects(token, {"including"})
    out += [
        c
        for c in token.children
        if c.dep_ == "appos" and any(g.dep_ == "prep" and g.lower_ == "among" for g in c.children)
    ]
    return out


def _resolve_subjects(tokens: Sequence[Token]) -> list[Token]:
    out: list[Token] = []
    for token in tokens:
        antecedent = resolve_pronoun(token)
        out.append(antecedent if antecedent is not None else token)
    return out


def _mode_from_children(cand: Candidate, lexicon: Lexicon) -> str | None:
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


def _trigger_span(cand: Candidate) -> tuple[int, int]:
    tokens = sorted(cand.anchor_tokens, key=lambda t: t.i)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _code(
    cand: Candidate,
    sent: Span,
    article: Article,
    index: ActorIndex,
    times: Sequence[TimeExpr],
    places: Sequence[Place],
    lexicon: Lexicon,
    transparent: dict[str, str | None],
    previous: dict[str, list[str]] | None = None,
) -> Event | None:
    args = _arguments(cand, lexicon)
    reverser = _reverser(cand, lexicon)
    if reverser is not None:
        args = Arguments(tuple(subjects(reverser)), args.recipients, args.passive)
        cand.background = False  # the event the main clause undoes, not a circumstance
    actor_tokens = _resolve_subjects(args.actors)
    # "Fifteen governments, including France and Germany, condemned …": the members named act too
    actor_tokens += [m for t in actor_tokens for m in _members(t) if m not in actor_tokens]
    if any(t.lower_ in GENERIC_SUBJECTS for t in actor_tokens):
        return None  # instructions to the reader ("you must request permission")
    if cand.sense.mode == "visit" and cand.kind == "verb" and args.passive:
        return None  # "was flown to Los Angeles": carried there, not visiting
    if (
        not actor_tokens
        and cand.sense.type == "ASSAULT"
        and any(t.lemma_.lower() in lexicon.natural_causes and t.dep_ != "compound" for t in sent)
        and not any(t.lemma_.lower() in lexicon.weapons and t.pos_ == "NOUN" for t in sent)
    ):
        return None  # deaths with no one named as killer, in a sentence about an accident or disaster
    if any(t.lemma_.lower() in lexicon.natural_causes for t in actor_tokens):
        return None  # harm by disease or disaster is not an act of anyone
    recipient_tokens = [
        r for t in args.recipients if t not in actor_tokens for r in (resolve_object_pronoun(t) or [t])
    ]
    if cand.kind == "noun" and not actor_tokens and not recipient_tokens and not _happens(cand, lexicon):
        return None  # a bare mention ("the coup") with nobody named and nothing said to happen
    happens = cand.kind == "noun" and _happens(cand, lexicon)
    if (
        not actor_tokens
        and not recipient_tokens
        and not happens
        and cand.sense.type not in lexicon.actorless_ok
    ):
        return None
    actor_ids = index.for_tokens(actor_tokens)
    carried = False
    if not actor_ids and previous and len(actor_tokens) == 1:
        # "It also agreed …": a subject pronoun left unresolved in its sentence refers to the
        # last actor of that kind in the article
        kinds = PRONOUN_KINDS.get(actor_tokens[0].lower_, ())
        carried_ids = next((previous[k] for k in kinds if previous.get(k)), [])
        if not carried_ids and _definite(actor_tokens[0]):
            # "The government said …" after "Mali's transitional government …": the same one
            carried_ids = previous.get(HEAD_KEY + actor_tokens[0].lemma_.lower(), [])
        actor_ids = list(carried_ids)
        carried = bool(actor_ids)
    if previous is not None and actor_ids and not carried:
        _remember(previous, tuple(actor_ids), index)
    recipient_ids = [r for r in index.for_tokens(recipient_tokens) if r not in actor_ids]
    if not recipient_ids and args.fallback:
        recipient_ids = [r for r in index.for_tokens(args.fallback) if r not in actor_ids]
    for child in cand.children:
        if child.sense.type != cand.sense.type:
            continue
        # "killed five people in an attack on a security convoy": the attack is the killing
        child_args = _arguments(child, lexicon)
        if not actor_ids:
            actor_ids = index.for_tokens(child_args.actors)
        if not recipient_ids:
            recipient_ids = [r for r in index.for_tokens(child_args.recipients) if r not in actor_ids]
    if cand.kind == "noun":
        # "the military takeover", "Mali's fourth": modifiers that name a known actor
        side = actor_ids if cand.sense.owner == "actor" else recipient_ids
        for actor_id in index.for_tokens(noun_modifiers(cand.head)):
            if actor_id not in actor_ids and actor_id not in recipient_ids:
                side.append(actor_id)
    if cand.background and not (actor_ids and recipient_ids):
        return None  # circumstances ("after X …", relative clauses) only as a full known dyad
    crowd = False
    if not actor_ids and actor_tokens and cand.sense.type in DOMESTIC_TARGET:
        # "thousands of people rallied in Bamako": a crowd of no named party is of the
        # country where it gathered
        country = _place_country(cand.head, sent, places, index)
        if country is not None and country not in recipient_ids:
            actor_ids = [country]
            crowd = True
    located = False
    if not recipient_ids and (cand.sense.type not in ("CONSULT", "AGREE") or cand.sense.mode == "visit"):
        # no one acted upon: the country where it happened ("eased measures in Montenegro")
        recipient_ids = _located_recipients(cand, index, places, actor_ids)
        if cand.sense.mode == "visit":  # a visit is to somewhere else
            recipient_ids = [r for r in recipient_ids if not index.same_country(r, actor_ids)]
        located = bool(recipient_ids)
    unplaced = bool(recipient_ids) and not any(index.placed(r) for r in recipient_ids)
    if unplaced and cand.sense.type in PLACED_VICTIMS:
        # "killed 19 civilians in central Mali": victims of no named country are of the
        # country where it happened
        country = _place_country(cand.head, sent, places, index)
        if country is not None and country not in actor_ids and country not in recipient_ids:
            recipient_ids.append(country)
            located = True
    focused = False
    if not recipient_ids and actor_ids and _about_situation(recipient_tokens, index, lexicon):
        focus = index.focus_country()
        if focus is not None and focus not in actor_ids and not index.same_country(focus, actor_ids):
            recipient_ids = [focus]
            focused = True
    if cand.sense.reverse and cand.kind == "verb":
        actor_ids, recipient_ids = recipient_ids, actor_ids  # the visitor acts, the host receives
    domestic = False
    if not recipient_ids and actor_ids and cand.sense.type in DOMESTIC_TARGET:
        # protests with no stated target are aimed at the protesters' own government
        government = index.government_of(actor_ids, sent.start_char, sent.end_char)
        recipient_ids = [government] if government else []
        domestic = bool(recipient_ids)
    if not actor_ids and not recipient_ids:
        return None  # an event is between known actors; nobody known took part
    if not actor_ids and cand.kind == "noun" and lexicon.verbal(cand.sense.type):
        return None  # a mention of talks, a visit or a call, with no one known making it

    # a nominal event takes the modality of its verb only when the verb reports it happening
    carrier = cand.head if cand.kind != "noun" else (cand.head.head if happens else None)
    mod = modality(carrier, transparent) if carrier is not None else Modality()
    mode = _mode_from_children(cand, lexicon)
    base = cand.sense.type
    ordered = (
        next(
            (c for c in cand.children if c.sense.type in COMMANDED),
            None,
        )
        if cand.head.lemma_.lower() in lexicon.commands
        else None
    )
    if ordered is not None:
        base, mode = ordered.sense.type, ordered.sense.mode  # the order is the act
    if (
        base == "AGREE"
        and cand.kind == "governor"
        and cand.content is not None
        and any(c.dep_ == "neg" for c in cand.content.children)
    ):
        base, mode = "REJECT", None  # "vowed not to return the Golan Heights": a refusal
    announced = carrier is not None and any(a.lemma_.lower() in ANNOUNCING for a in carrier.ancestors)
    type_, mode, auxiliary, note = recode(base, mode, mod, lexicon, announced)
    date, precision = event_date(cand.head, sent, times, article, future=mod.future)
    dated = auxiliary is None and date and article.published and precision != "article"
    if dated and int(article.published[:4]) - int(date[:4]) >= HISTORICAL_YEARS:  # type: ignore[index]
        auxiliary = "historical"

    trigger_lemma = " ".join(t.lemma_.lower() for t in sorted(cand.anchor_tokens, key=lambda t: t.i))
    why = [f"{trigger_lemma!r} → {cand.sense.entry} ({cand.kind})"]
    if note:
        why.append(note)
    if cand.children:
        why.append("content: " + ", ".join(f"{c.sense.type} {c.head.text!r}" for c in cand.children))
    if actor_tokens:
        why.append(f"actor: {describe(actor_tokens)}" + ("" if actor_ids else " (no resolved actor)"))
    if recipient_tokens:
        why.append(
            f"recipient: {describe(recipient_tokens)}" + ("" if recipient_ids else " (no resolved actor)")
        )
    if reverser is not None:
        why.append(f"actor from {reverser.text!r} (who undoes it, imposed it)")
    if cand.sense.reverse and cand.kind == "verb":
        why.append(
            "host as recipient, visitor as actor"
            if cand.sense.type == "CONSULT"
            else "receiver as recipient, giver as actor"
        )
    if carried:
        why.append(f"actor: {actor_tokens[0].text!r} read as the last {actor_tokens[0].lower_!r}-actor named")
    if located:
        why.append("recipient from the place of the event")
    if domestic:
        why.append("recipient: the actors' own government")
    if crowd:
        why.append("actor: the country where the crowd gathered")
    if focused:
        why.append("recipient: the country the article is about (the object is a situation there)")
    if cand.background:
        why.append("background clause")

    confidence = 0.45 + (0.2 if actor_ids else 0) + (0.1 if recipient_ids else 0)
    confidence += 0.1 if cand.kind in ("verb", "light", "governor") else 0
    confidence -= 0.15 if cand.background else 0
    confidence -= 0.1 if auxiliary == "hypothetical" else 0
    contexts = event_contexts(
        cand.sense.contexts + tuple(c for ch in cand.children for c in ch.sense.contexts),
        sent,
        lexicon,
        article.title,
    )
    cameo = cand.sense.cameo if type_ == cand.sense.type else lexicon.cameo(type_)
    if ordered is not None:
        why.append(f"ordered {ordered.sense.type} coded as the act")
    elif base != cand.sense.type:
        why.append(f"negated promise → {base}")
    return Event(
        id="",
        type=type_,
        trigger=_trigger_span(cand),
        sentence=(sent.start_char, sent.end_char),
        actor=tuple(actor_ids),
        recipient=tuple(recipient_ids),
        mode=mode,
        context=contexts,
        cameo=cameo or lexicon.cameo(type_),
        score=lexicon.score(type_, mode),
        date=date,
        date_precision=precision,
        location=event_location(cand.head, sent, places, actor_tokens),
        auxiliary=auxiliary,  # type: ignore[arg-type]
        confidence=round(max(0.05, min(0.95, confidence)), 2),
        why="; ".join(why),
    )


def _place_country(trigger: Token, sent: Span, places: Sequence[Place], index: ActorIndex) -> str | None:
    """The country actor of the place named nearest the trigger in a place phrase of its
    sentence ("in central Mali", not "fighters believed to be Russian")."""
    located = [p for p in places if any(_in_place_phrase(sent, start) for start, _ in p.mentions)]
    place_id = event_location(trigger, sent, located)
    place = next((p for p in located if p.id == place_id), None)
    return index.country_actor(place.country) if place is not None else None


def _in_place_phrase(sent: Span, start: int) -> bool:
    token = next((t for t in sent if t.idx <= start < t.idx + len(t.text)), None)
    for _ in range(4):
        if token is None or token.head.i == token.i:
            return False
        if token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPS:
            return True
        token = token.head
    return False


def _located_recipients(
    cand: Candidate, index: ActorIndex, places: Sequence[Place], actor_ids: list[str]
) -> list[str]:
    tokens = locatives(cand.head, cand.content)
    out = [a for a in index.for_tokens(tokens) if a not in actor_ids]
    for token in tokens:
        for place in places:
            if any(s <= token.idx < e for s, e in place.mentions):
                country_id = index.country_actor(place.country)
                if country_id and country_id not in out and country_id not in actor_ids:
                    out.append(country_id)
    return out


def _happens(cand: Candidate, lexicon: Lexicon) -> bool:
    """A nominal event said to happen ("protests erupted") or carried by a participle."""
    noun = cand.head
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_.lower() in lexicon.happen_verbs:
        return True
    return any(
        c.dep_ in ("acl", "relcl") and c.tag_ == "VBN" and any(g.dep_ == "agent" for g in c.children)
        for c in noun.children
    ) or any(_told_by_relative(c) for c in noun.children)


def _told_by_relative(clause: Token) -> bool:
    """An active relative clause with its own subject: "the sanctions that ECOWAS imposed"."""
    return clause.dep_ == "relcl" and any(
        c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS for c in clause.children
    )


def _same(a: Event, b: Event) -> bool:
    return (
        a.type == b.type
        and a.sentence == b.sentence
        and (not a.actor or not b.actor or bool(set(a.actor) & set(b.actor)))
    )


def _merge(events: list[Event]) -> list[Event]:
    """One event per type and participants in a sentence ("the attack killed five" is one ASSAULT)."""
    out: list[Event] = []
    for event in events:
        twin = next((i for i, e in enumerate(out) if _same(e, event)), None)
        if twin is None:
            out.append(event)
            continue
        kept = out[twin]
        richer, other = (
            (kept, event)
            if len(kept.actor) + len(kept.recipient) >= len(event.actor) + len(event.recipient)
            else (event, kept)
        )
        out[twin] = replace(
            richer,
            actor=tuple(dict.fromkeys(richer.actor + other.actor)),
            recipient=tuple(
                r
                for r in dict.fromkeys(richer.recipient + other.recipient)
                if r not in richer.actor + other.actor
            ),
            mode=richer.mode or other.mode,
        )
    return out


def _about_situation(tokens: Sequence[Token], index: ActorIndex, lexicon: Lexicon) -> bool:
    """Is the event aimed at a state of affairs naming no party ("these new developments")?"""
    return any(t.lemma_.lower() in lexicon.situation_nouns and not index.for_tokens([t]) for t in tokens)


def _definite(token: Token) -> bool:
    """A common noun with "the" and nothing else before it ("the government", not "a government"
    nor "the Nigerian government")."""
    before = [c for c in token.children if c.i < token.i]
    return token.pos_ == "NOUN" and len(before) == 1 and before[0].lower_ == "the"


def _remember_speaker(sent: Span, index: ActorIndex, previous: dict[str, list[str]]) -> None:
    """The subject of the sentence's main verb is who a pronoun in the next sentence most
    likely is, whether or not that verb was an event ("Doumbouya announced … He accused …")."""
    found = [t for t in _resolve_subjects(subjects(sent.root))] if sent.root.pos_ in ("VERB", "AUX") else []
    actor_ids = index.for_tokens(found)
    if actor_ids:
        _remember(previous, tuple(actor_ids), index)


def _remember(previous: dict[str, list[str]], actor_ids: tuple[str, ...], index: ActorIndex) -> None:
    """The latest grammatical subject of each kind, for subject pronouns in later sentences;
    several actors together ("Mali and Burkina Faso") are the latest "they" until a single
    group, country or organisation is named after them."""
    for actor_id in actor_ids:
        head = index.head_word(actor_id)
        if head:
            previous[HEAD_KEY + head] = [actor_id]
    if len(actor_ids) > 1:
        previous["plural"] = list(actor_ids)
        return
    kind = index.kind(actor_ids[0])
    if kind is not None:
        previous[kind] = list(actor_ids)
        if kind in PRONOUN_KINDS["they"]:
            previous.pop("plural", None)


def find_events(
    doc: Doc,
    article: Article,
    actors: list[Actor],
    times: list[TimeExpr],
    places: list[Place],
    options: Options,
) -> list[Event]:
    """All events of one parsed article, in text order, with ids e1, e2, …"""
    lexicon = load_lexicon(tuple(options.knowledge_dirs))
    index = ActorIndex(actors)
    events: list[Event] = []
    nominal: list[bool] = []
    mentions: list[Mention] = []
    causes: dict[int, list[tuple[str, str | None]]] = {}
    previous: dict[str, list[str]] = {}
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
                if not (cand.kind == "noun" and any(_told_by_relative(c) for c in cand.head.children)):
                    continue
                # "rejected the sanctions that ECOWAS imposed on Niger": the imposing is an
                # event of its own, kept when it names both sides
                cand.background = True
            event = _code(cand, sent, article, index, times, places, lexicon, lexicon.transparent, previous)
            if event is not None:
                coded.append(event)
                kinds[id(event)] = cand.kind == "noun"
                causes[id(event)] = [(c.sense.type, c.sense.cameo) for c in cand.children if c.kind == "noun"]
                if cand.kind == "light" and cand.head.lemma_.lower() in CLAIMING_VERBS:
                    claims.add(id(event))
                if answers_a_decision(cand, event):
                    decisions.add(id(event))
        for event in _merge(coded):
            events.append(event)
            nominal.append(kinds.get(id(event), False))
        _remember_speaker(sent, index, previous)
    known = {a.id for a in actors if a.country or a.org}
    events = [answer_to_cause(e, causes.get(id(e), []), events, nominal, known) for e in events]
    events = [claimed_act(e, events) if id(e) in claims else e for e in events]
    countries = {a.id: a.country or a.org for a in actors}
    events = [answer_to_decision(e, events, countries) if id(e) in decisions else e for e in events]
    events = merge_mentions(events, nominal, mentions, actors)
    return [replace(e, id=f"e{i}") for i, e in enumerate(events, 1)]
