"""Organisations: known ones from the knowledge base, unknown ones with a country and a sector
read from the text.

An unknown organisation takes its country from a demonym before its name ("Russian Ministry …"),
a country in or after the name, or a description ("Avenda, a French engineering firm"); its sector
from its head noun ("Ministry" -> GOV), a sector word before it ("the rebel X") or what the text
says it is ("The CNSP is an umbrella organization of military personnel").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from dyads.knowledge import Knowledge, normalize
from dyads.knowledge.registry import words
from dyads.nlp.actors.drafts import Draft, Drafts, clean_name
from dyads.nlp.actors.name_context import NATIONAL_SECTORS, affiliation_country, sentence_country
from dyads.nlp.actors.titles import TITLE_MODIFIERS, description_after, entity_country
from dyads.nlp.doc_cache import doc_ents

_NOUNS = words("actors_nouns")
# Nouns before a name that make it an organisation, not a person ("the company Avenda").
ORGANIZATION_NOUNS = frozenset(_NOUNS["organization_nouns"])
# Head nouns of a description that can stand in apposition to an organisation's name.
COLLECTIVE_NOUNS = frozenset(_NOUNS["collective_nouns"])
# Words that make an unknown body national ("Transitional Council"): with no country, the focal one.
NATIONAL_WORDS = {
    "national",
    "transitional",
    "federal",
    "presidential",
    "constitutional",
    "supreme",
    "republican",
}


def known_org_countries(doc: Doc, kb: Knowledge) -> dict[int, str]:
    """Token index -> country of every known national organisation the ruler labelled."""
    out: dict[int, str] = {}
    for ent in doc_ents(doc):
        if ent.kb_id_.startswith("org:"):
            org = kb.organization_for(ent.kb_id_[4:])
            if org and org.country:
                out.update({i: org.country for i in range(ent.start, ent.end)})
    return out


def add_known_org(doc: Doc, drafts: Drafts, kb: Knowledge, ent: Span, key: str) -> None:
    """A mention of an organisation the knowledge base knows, with any description after it."""
    org = kb.organization_for(key)
    if org is None:
        return
    kind = "group" if org.kind == "group" else "organization"
    draft = drafts.get("org:" + key, org.name, kind)  # type: ignore[arg-type]
    draft.country, draft.sector, draft.org = org.country, org.sector, org.org
    draft.note("knowledge base: organizations")
    drafts.mention(draft, ent.start, ent.end)
    described, after = description_after(doc, ent.end, kb)
    if described is not None:  # "Nordgold, a Russian gold company": the same actor
        drafts.taken.update(range(ent.end, after))


def unknown_org(
    doc: Doc, drafts: Drafts, kb: Knowledge, start: int, end: int, focal: str | None,
    org_country: dict[int, str], describe: bool = True,
) -> Draft:  # fmt: skip
    """The draft of an organisation the knowledge base does not know, named by tokens [start, end)."""
    while start < end and doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    span = doc[start:end]
    name = clean_name(span.text)
    draft = drafts.get("org-name:" + normalize(name), name, "organization")
    # a demonym or country just before the name: "Russian Ministry of Foreign Affairs"
    before = doc[start - 1] if start > 0 else None
    country = entity_country(before, kb) if before is not None else None
    if country and before is not None and before.ent_type_ in {"NORP", "GPE"}:
        draft.name = clean_name(doc[before.i : end].text)
        drafts.mention(draft, before.i, end)
        draft.note(f"country from '{before.text}' before the name")
    else:
        drafts.mention(draft, start, end)
        country = next((c for t in span if (c := entity_country(t, kb))), None)
        if country:
            draft.note("country named in the name")
        else:
            country = affiliation_country(doc, end, kb, org_country)
            if country:
                draft.note("country of the place named after it")
    head = [t for t in span if not t.is_space]
    cut = next((i for i, t in enumerate(head) if t.lower_ in {"of", "for", "in", "on"}), len(head))
    sector = kb.sector_for(" ".join(t.text for t in head[:cut])) if cut else None
    described, after = description_after(doc, end, kb)
    if described is not None:  # "Avenda, a French engineering firm,"
        drafts.taken.update(range(end, after))
        country = country or described.country
    introduced = _introduced_as(doc, start, kb)
    if introduced is not None:  # "the rebel Revolutionary United Front", "the main rebel group, FDD"
        sector = introduced[0]
        country = country or introduced[1]
        draft.note(f"sector from '{introduced[2]}' before the name")
    elif sector:
        draft.note("sector from the head noun")
    elif described is not None and described.sector:
        sector = described.sector
        draft.note(f"sector from the description '{described.text}'")
    elif describe:
        sector = described_sector(doc, drafts, draft, kb)
    if country is None and focal and any(t.lower_ in NATIONAL_WORDS for t in span):
        country = focal
        draft.note("national body: the article's focal country")
    elif country is None and not focal and sector in NATIONAL_SECTORS | {"REB", "LAB"}:
        country = sentence_country(doc, span.start_char, kb)
        if country:
            draft.note("the only country named in its sentence")
    draft.country = draft.country or country
    draft.sector = draft.sector or sector
    return draft


def _introduced_as(doc: Doc, start: int, kb: Knowledge) -> tuple[str, str | None, str] | None:
    """A sector word right before an organisation's name ("the rebel X"), or a noun phrase
    and a comma ("The main Hutu rebel group, Forces for Defence of Democracy")."""
    i = start - 1
    comma = i >= 0 and doc[i].text == ","
    if comma:
        i -= 1
    if i < 0 or doc[i].is_punct or doc[i].ent_type_:
        return None
    word = doc[i]
    if comma and word.lower_ not in ORGANIZATION_NOUNS | COLLECTIVE_NOUNS:
        return None  # "…a senior official, NPR's …": a list, not an apposition
    phrase = " ".join(t.text for t in doc[max(0, i - 1) : i + 1] if not t.ent_type_)
    sector = kb.sector_for(phrase) or kb.sector_for(word.text)
    if sector is None or word.lower_ in TITLE_MODIFIERS or sector in {"CVL"}:
        return None
    country = next((c for t in word.subtree if (c := entity_country(t, kb))), None)
    return sector, country, word.text


def described_sector(doc: Doc, drafts: Drafts, draft: Draft, kb: Knowledge) -> str | None:
    """Sector from what the text says the organisation is: "The CNSP is an umbrella
    organization of military personnel", "Nordgold, a Russian gold company"."""
    if drafts.copulas is None:  # "X is a Y" clauses, found once per article
        drafts.copulas = []
        for token in doc:
            if token.lemma_ == "be" and token.dep_ in {"ROOT", "conj", "relcl"}:
                subjects = [c for c in token.children if c.dep_ == "nsubj"]
                attrs = [c for c in token.children if c.dep_ == "attr"]
                if subjects and attrs:
                    drafts.copulas.append((subjects[0], attrs[0]))
    for subject, attr in drafts.copulas:
        if _names(doc, draft, subject):
            for t in attr.subtree:
                if t.pos_ in {"NOUN", "ADJ"} and (sector := kb.sector_for(t.text)):
                    draft.note(f"sector from '{t.text}' in its description")
                    return sector
    return None


def _names(doc: Doc, draft: Draft, token: Token) -> bool:
    return any(s <= token.idx < e for s, e in draft.mentions) or (
        draft.org is not None and token.text == draft.org
    )


def named_as_organisation(
    doc: Doc, ent: Span, drafts: Drafts, kb: Knowledge, focal: str | None, org_country: dict[int, str]
) -> bool:
    """ "its French counterpart Avenda", "the company Avenda": the name is an organisation."""
    i = ent.start - 1
    while i >= 0 and (doc[i].ent_type_ in {"NORP", "GPE"} or doc[i].pos_ == "ADJ"):
        i -= 1
    if i < 0 or doc[i].lower_ not in ORGANIZATION_NOUNS or len(ent) > 3:
        return False
    draft = unknown_org(doc, drafts, kb, ent.start, ent.end, focal, org_country)
    j = i - 1
    while j >= 0 and (doc[j].ent_type_ in {"NORP", "GPE"} or doc[j].pos_ == "ADJ"):
        j -= 1  # "its French counterpart": the demonym before the noun
    country = next((c for t in doc[j + 1 : ent.start] if (c := entity_country(t, kb))), None)
    drafts.taken.update(range(j + 1, ent.start))
    draft.country = draft.country or country
    if draft.sector is None:
        sector = kb.sector_for(doc[i].text)
        if sector is None:  # "its counterpart": the sector of the organisation it is compared to
            known = [
                kb.organization_for(e.kb_id_[4:])
                for e in ent.sent.ents
                if e.start < ent.start and e.kb_id_.startswith("org:")
            ]
            sector = next((o.sector for o in reversed(known) if o is not None and o.sector), None)
        draft.sector = sector
    draft.note(f"named as a {doc[i].text}")
    return True
