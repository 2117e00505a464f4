"""Group actors: people named by what they are ("Malian soldiers", "protesters in Bamako",
"the Trump administration"), keyed by country and sector so that every mention of one
country's military is one actor."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from dyads.knowledge import Knowledge
from dyads.knowledge.registry import words
from dyads.nlp.actors.drafts import Draft, Drafts, group_draft
from dyads.nlp.actors.name_context import NATIONAL_SECTORS, sentence_country
from dyads.nlp.actors.titles import entity_country
from dyads.nlp.doc_cache import doc_ents

# Unnamed armed groups and civilians are coded where the article is, as national bodies are: in a
# report on Syria, "rebels" and "civilians" are Syria's (the codebook's rule for local actors).
LOCAL_SECTORS = {"REB", "INS", "UAF", "CVL"}
_NOUNS = words("actors_nouns")
# People who speak for an institution: "a spokesman for the army" is the army speaking.
SPOKESPEOPLE = {"spokesman", "spokeswoman", "spokesperson", "representative", "representatives", "envoy"}
# Nouns for a government named after its leader ("the Obama administration").
LEADER_GOVERNMENTS = {"administration", "government", "regime", "cabinet"}
# Nouns for an organisation's parts or people that are not sector words ("Hamas members").
MEMBER_NOUNS = frozenset(_NOUNS["member_nouns"])
# People named by what they left ("defectors from Islamic State").
LEAVING_NOUNS = frozenset(_NOUNS["leaving_nouns"])
# Group nouns too vague to stand alone without a country ("power", "state").
VAGUE_GROUP_NOUNS = frozenset(_NOUNS["vague_group_nouns"])
# Collective nouns that, with a regional adjective, name a region's states acting together.
REGIONAL_MEMBERS = frozenset(_NOUNS["regional_members"])


def regional_bodies(doc: Doc, drafts: Drafts, kb: Knowledge) -> None:
    """ "West African leaders" in an article that names ECOWAS: the leaders act as that body.

    Only a body the article itself names is used, so a passing "European leaders" in a story that
    never mentions the EU stays unresolved rather than becoming a guess."""
    named = {d.org: d for d in drafts.by_key.values() if d.org}
    if not named:
        return
    for token in doc:
        if token.lower_ not in REGIONAL_MEMBERS or token.i in drafts.taken:
            continue
        modifiers = [c for c in token.lefts if c.dep_ in {"amod", "compound", "nmod"}]
        if not modifiers:
            continue
        start = min(t.i for c in modifiers for t in c.subtree)
        if start >= token.i:
            continue
        phrase = doc[start : token.i].text
        for body in kb.bodies_of_region(phrase):
            draft = named.get(body.org)
            if draft is not None and drafts.free(start, token.i + 1):
                draft.note(f"'{doc[start : token.i + 1].text}' act as {body.org}, which the article names")
                drafts.mention(draft, start, token.i + 1)
                break


def find_groups(doc: Doc, drafts: Drafts, kb: Knowledge, focal: str | None) -> None:
    """Group nouns: "Malian soldiers", "Hungarian and Romanian officials", "protesters"."""
    deferred: list[Token] = []
    for token in doc:
        if (
            token.pos_ not in {"NOUN", "PROPN"}
            or token.dep_ in {"compound", "attr", "oprd"}
            or token.i in drafts.taken
        ):
            continue
        if token.dep_ == "pobj" and token.head.lower_ == "as":
            continue  # "serves as Vice President": a predicate, not a participant
        if token.ent_type_ and token.ent_type_ not in {"NORP"}:
            continue
        led = _led_by(drafts, token, kb)
        if led is not None:  # "the Trump administration": the government of the leader's country
            country, leader, first = led
            draft = group_draft(drafts, kb, country, "GOV", doc[first : token.i + 1].text)
            draft.note(f"'{token.text}' of {leader}")
            drafts.mention(draft, first, token.i + 1)
            continue
        owned = (
            _owning_organisation(drafts, token) or _organisation_after(drafts, token, kb)
            if _member_noun(token, kb)
            else None
        )
        if owned is not None:  # "Koglweogo fighters", "diplomats from the G7": the organisation itself
            drafts.mention(owned[0], owned[1], token.i + 1)
            continue
        if token.lower_ in SPOKESPEOPLE and _speaks_for(token) is not None:
            deferred.append(token)
            continue
        modifiers = [c for c in token.lefts if c.dep_ in {"compound", "amod", "nmod"} and not c.ent_type_]
        phrase = " ".join(t.text for t in [*modifiers, token])
        sector = kb.sector_for(phrase) if kb.sector_for(token.text) else None
        if sector is None and token.ent_type_ == "NORP" and not token.ent_kb_id_ and token.tag_ == "NNPS":
            sector = "CVL"  # "Iraqi Kurds": an ethnic group, coded as civilians of the country named
        if sector is None or sector in {"IGO", "NGO"}:
            continue
        countries = _group_countries(token, kb)
        if not countries:
            # A vague noun stands alone only when its modifiers make it a sector of its own:
            # "leaders" says nothing, "coup leaders" are the military.
            specific = bool(modifiers) and sector != kb.sector_for(token.text)
            if token.lower_ in VAGUE_GROUP_NOUNS and not specific:
                continue
            local = sentence_country(doc, token.idx, kb)
            earlier = _so_called_before(drafts, token, sector) if not modifiers else None
            # "Kurdish fighters" belong to a country the Kurds live in, whatever the story is about
            homes = _homelands(token, kb)
            if homes and local not in homes:
                local = None
            if earlier is not None:
                countries = [(earlier, token.i, f"the last '{token.text}' named with a country")]
            elif focal and sector in NATIONAL_SECTORS | LOCAL_SECTORS and (not homes or focal in homes):
                countries = [(focal, token.i, "the article's focal country")]
            elif local:
                countries = [(local, token.i, "the only country named in its sentence")]
            else:
                countries = [(None, token.i, "")]
        left = min([token.i, *(m.i for m in modifiers)])
        for iso3, first, reason in countries:
            start = min(first, left)
            draft = group_draft(drafts, kb, iso3, sector, doc[start : token.i + 1].text)
            draft.note(f"group noun '{token.text}'" + (f", {reason}" if reason else ""))
            drafts.mention(draft, start, token.i + 1)
    for token in deferred:  # "a spokesman for the Malian army" speaks as the army
        represented = _speaks_for(token)
        owner = _draft_at(drafts, represented) if represented is not None else None
        if owner is not None:
            owner.note(f"'{token.text}' speaks for it")
            drafts.mention(owner, token.i, token.i + 1)


def _homelands(token: Token, kb: Knowledge) -> frozenset[str]:
    """The countries of the stateless people a group noun is named by ("Kurdish militias")."""
    for child in token.lefts:
        if child.ent_kb_id_.startswith("people:"):
            return kb.homelands_of(child.text)
    return frozenset()


def _so_called_before(drafts: Drafts, token: Token, sector: str) -> str | None:
    """ "Labour's leader accused the government …" after "The UK government said …": a bare
    definite noun refers back to the last group of its sector named by that word with a country."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return None
    word = token.lower_
    best: tuple[int, str | None] = (-1, None)
    for draft in drafts.by_key.values():
        if draft.country is None or draft.sector != sector or draft.kind != "group":
            continue
        if draft.name.lower().split()[-1:] != [word]:
            continue
        ends = [e for s, e in draft.mentions if e <= token.idx]
        if ends and max(ends) > best[0]:
            best = (max(ends), draft.country)
    return best[1]


def _speaks_for(token: Token) -> Token | None:
    """The object of "for"/"of"/"from" after a spokesman or representative."""
    for prep in token.rights:
        if prep.dep_ == "prep" and prep.lower_ in {"for", "of", "from"}:
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def _draft_at(drafts: Drafts, token: Token) -> Draft | None:
    for draft in drafts.by_key.values():
        if any(s <= token.idx < e for s, e in draft.mentions):
            return draft
    return None


def _surname_countries(kb: Knowledge, surname: str) -> set[str | None]:
    """The countries of the known people of a surname: the curated ones when there are any (the
    imported dictionaries hold thousands of minor office-holders who would make every famous
    surname ambiguous: George W. Bush and a Cayman Islands minister)."""
    people = kb.people_with_surname(surname)
    curated = [p for p in people if p.source is None]
    return {p.country for p in curated or people}


def _led_by(drafts: Drafts, token: Token, kb: Knowledge) -> tuple[str, str, int] | None:
    """A government named after its leader ("the Obama administration", "Assad's regime"):
    the leader's country, name and first token. A surname the article does not resolve still
    gives a country when every known person of that surname is of one country ("the Bush
    administration")."""
    if token.lower_ not in LEADER_GOVERNMENTS:
        return None
    for child in token.lefts:
        if child.dep_ in {"compound", "poss"} and child.ent_type_ in {"PERSON", "ORG"}:
            family = _surname_countries(kb, child.text)
            if len(family) == 1 and (country := family.pop()):
                start = child.i
                while start > 0 and token.doc[start].ent_iob_ == "I":
                    start -= 1
                return country, child.text, start
        if child.dep_ in {"compound", "poss"} and child.ent_type_ == "PERSON":
            for draft in drafts.by_key.values():
                if (
                    draft.kind == "person"
                    and draft.country
                    and any(s <= child.idx < e for s, e in draft.mentions)
                ):
                    span = token.doc.char_span(
                        min(s for s, e in draft.mentions if s <= child.idx < e),
                        child.idx + 1,
                        alignment_mode="expand",
                    )
                    return draft.country, draft.name, span.start if span is not None else child.i
    return None


def _member_noun(token: Token, kb: Knowledge) -> bool:
    """Nouns for an organisation's people or parts ("fighters", "mission"), not its products
    ("the United Nations Development Index")."""
    return kb.sector_for(token.text) is not None or token.lower_ in MEMBER_NOUNS


def _owning_organisation(drafts: Drafts, token: Token) -> tuple[Draft, int] | None:
    """A known organisation or armed group named as the modifier of a group noun, and the
    token where its name starts."""
    for child in token.lefts:
        if child.dep_ in {"compound", "nmod", "amod"} and child.ent_type_ in {"ORG", "NORP"}:
            for draft in drafts.by_key.values():
                if draft.kind == "person" or not draft.org:
                    continue
                for s, e in draft.mentions:
                    if s <= child.idx < e:
                        span = token.doc.char_span(s, e, alignment_mode="expand")
                        return draft, span.start if span is not None else child.i
    return None


def _organisation_after(drafts: Drafts, token: Token, kb: Knowledge) -> tuple[Draft, int] | None:
    """A known organisation a group noun's people come from ("top diplomats from the Group of
    Seven", "inspectors from the OPCW") or lead or belong to ("officials of the United Nations"),
    and the token where the group's phrase starts. "Of" is read so only for the people an
    organisation has ("critics of the UN" and "victims of Isis" are not its people), and never
    for people named by what they left ("defectors from Islamic State")."""
    if token.lower_ in LEAVING_NOUNS or any(c.lower_ in LEAVING_NOUNS for c in token.lefts):
        return None
    preps = {"from"} | (
        {"of"} if token.lower_ in MEMBER_NOUNS or kb.sector_for(token.text) in {"GOV", "MIL"} else set()
    )
    for prep in token.rights:
        if prep.dep_ != "prep" or prep.lower_ not in preps:
            continue
        objects = [o for o in prep.children if o.dep_ == "pobj"]
        # "from the Group of Seven leading democracies": the name may modify the object
        named = objects + [c for o in objects for c in o.lefts if c.dep_ in {"compound", "nmod"}]
        for obj in named:
            if obj.ent_type_ not in {"ORG", "NORP"}:
                continue
            draft = _draft_at(drafts, obj)
            if draft is not None and draft.kind != "person" and draft.org:
                return draft, min([token.i, *(c.i for c in token.lefts)])
    return None


def _group_countries(token: Token, kb: Knowledge) -> list[tuple[str | None, int, str]]:
    """Countries of a group noun: demonyms before it (with their conjuncts), a possessive
    country ("Mali's army"), or "of/from/in <country or capital>" after it."""
    found: list[tuple[str | None, int, str]] = []
    # demonyms on the noun or on a compound inside it ("Haitian government officials"), or
    # leading it ("Vietnamese-led forces")
    inner = [g for c in token.lefts if c.dep_ == "compound" or c.lower_ == "led" for g in c.lefts]
    for child in [*token.lefts, *inner]:
        code = entity_country(child, kb)
        if code and child.dep_ in {"amod", "compound", "nmod", "poss", "nummod", "npadvmod"}:
            first = child.i
            while first > 0 and token.doc[first].ent_iob_ == "I":
                first -= 1  # the start of a multi-word name: "South African"
            found.append((code, first, f"'{child.text}'"))
            for conj in child.conjuncts:
                other = entity_country(conj, kb)
                if other and other != code:
                    found.append((other, min(conj.i, first), f"'{conj.text}'"))
    if found:
        return found
    for prep in token.rights:
        if prep.dep_ == "prep" and prep.lower_ in {"of", "from", "in"}:
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                for part in (obj, *obj.conjuncts):  # "the presidents of Mali, Niger and Chad"
                    code = entity_country(part, kb) or next(  # "doctors from American groups"
                        (
                            c
                            for m in part.lefts
                            if m.dep_ in {"amod", "compound"} and (c := entity_country(m, kb))
                        ),
                        None,
                    )
                    if code and all(code != c for c, _, _ in found):
                        found.append((code, token.i, f"'{prep.text} {part.text}'"))
    return found


def ethnic_groups(doc: Doc, drafts: Drafts, kb: Knowledge) -> None:
    """People named by ethnicity are civilians coded where they live: "ethnic Albanians …
    in Serbia" (the other country their sentence names), "Bosnian Serbs" (the first demonym)."""
    for ent in doc_ents(doc):
        if not ent.kb_id_.startswith("adjective:") or not drafts.free(ent.start, ent.end):
            continue
        own = ent.kb_id_.split(":")[1]
        before = doc[ent.start - 1] if ent.start > 0 else None
        if before is not None and before.lower_ == "ethnic":
            country = sentence_country(doc, ent.start_char, kb, besides=own) or own
            draft = group_draft(drafts, kb, country, "CVL", doc[before.i : ent.end].text)
            draft.note(f"'ethnic {ent.text}': civilians where they live")
            drafts.mention(draft, before.i, ent.end)
        elif (
            before is not None
            and (outer := entity_country(before, kb))
            and outer != own
            and ent.root.tag_ in {"NNS", "NNPS"}
        ):
            draft = group_draft(drafts, kb, outer, "CVL", doc[before.i : ent.end].text)
            draft.note(f"'{before.text} {ent.text}': a people of {outer}")
            drafts.mention(draft, before.i, ent.end)
        elif _plural_people(ent):  # "Palestinians protested": people, coded as civilians
            draft = group_draft(drafts, kb, own, "CVL", ent.text)
            draft.note(f"'{ent.text}': people of {own}")
            drafts.mention(draft, ent.start, ent.end)


def _plural_people(ent: Span) -> bool:
    root = ent.root
    return (
        ent.text.endswith("s")
        and root.tag_ in {"NNS", "NNPS"}
        and root.dep_ not in {"amod", "compound", "nmod", "poss"}
    )
