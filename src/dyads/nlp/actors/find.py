"""Actor resolution: who is who (countries, organisations, people, groups) in one article.

``find_actors(doc, article, options)`` returns ``Actor`` records with ids a1, a2, … in the
order of first mention, each with every mention span (character offsets into the text), a
CAMEO-style ``code`` and ``why`` (how it was resolved). The steps:

1. The knowledge ruler (``actor_ruler.py``, ahead of the NER) labels known countries,
   demonyms, capitals, seats of power, organisations and people.
2. Acronyms defined in the text ("National Committee for the Salvation of the People (CNSP)")
   make one actor of the long form, the acronym and its later uses.
3. Each entity becomes a mention: countries as themselves; capitals and seats of power only
   when they stand for the government ("Moscow urged" is RUS GOV, as CAMEO reads it; "a
   stadium in Bamako" is a place, not an actor); people with the title before the name, the
   description after it, the organisation the title is held in ("PKK leader X") and the
   institution they work at (staff, not students, take its country); unknown organisations
   with the demonym before them ("Russian Ministry …"), a country in or after the name, the
   sector of their head noun ("Ministry" -> GOV) or of what the text says they are.
4. Short names join full names (see ``actor_people.py``); roles are checked against the date;
   an office-holder with no stated country takes the article's focal country, or the only
   country the sentence names.
5. Group nouns ("Malian soldiers", "protesters in Bamako", "the junta", "the Obama
   administration") become group actors keyed by country and sector (``actor_groups.py``).
6. Demonyms left over ("Russian flags") are mentions of the country itself.

Sector choices: media is JRN and health MED (current PLOVER); jihadists and militants are
INS, rebels and separatists REB, militias and mercenaries UAF; transnational jihadist networks
(al-Qaeda, Islamic State) IMG; former office-holders ELI.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dyads.knowledge import Knowledge, Organization, load_knowledge, normalize
from dyads.model import Actor, Article, Options
from dyads.nlp.actors import mention_rules as rules
from dyads.nlp.actors.drafts import Draft, Drafts, clean_name, focal_country, freeze
from dyads.nlp.actors.entity_patterns import RULER_NAME
from dyads.nlp.actors.groups import ethnic_groups, find_groups, group_draft, regional_bodies
from dyads.nlp.actors.people import NameMention, decide_person, resolve_people
from dyads.nlp.doc_cache import doc_ents

NATIONAL_WORDS = {
    "national",
    "transitional",
    "federal",
    "presidential",
    "constitutional",
    "supreme",
    "republican",
}
# Head nouns of a description that can stand in apposition to an organisation's name.
COLLECTIVE_NOUNS = {
    "group", "party", "movement", "militia", "front", "army", "force", "forces", "union", "alliance",
    "coalition", "faction", "body", "council", "committee", "agency", "network", "association",
}  # fmt: skip


def add_actor_ruler(nlp: Language, knowledge_dirs: tuple[str, ...] = ()) -> None:
    """Add the knowledge-base entity ruler ahead of NER (once per Language)."""
    if RULER_NAME in nlp.pipe_names:
        return
    before = "ner" if "ner" in nlp.pipe_names else None
    nlp.add_pipe(RULER_NAME, before=before, config={"knowledge_dirs": list(knowledge_dirs)})


def find_actors(doc: Doc, article: Article, options: Options) -> list[Actor]:
    kb = load_knowledge(tuple(options.knowledge_dirs))
    return resolve(doc, kb, article.published)


def resolve(doc: Doc, kb: Knowledge, date: str | None) -> list[Actor]:
    drafts = Drafts(doc)
    focal = focal_country(doc)
    org_country = _known_org_countries(doc, kb)
    names: list[NameMention] = []
    defined = _acronyms(doc, drafts, kb, focal, org_country)
    # people first, so that their titles ("former Defense Minister") are not read as names
    entities = sorted(doc_ents(doc), key=lambda e: (e.label_ != "PERSON", e.start))
    surnames = {normalize(e.text).split()[-1] for e in doc_ents(doc) if e.label_ == "PERSON" and len(e) > 1}
    for ent in entities:
        if not drafts.free(ent.start, ent.end) or any(s <= ent.start < e for s, e in defined):
            continue
        kind, _, rest = ent.kb_id_.partition(":")
        if kind in {"country", "adjective"} and ent.end < len(doc) and doc[ent.end].text == "$":
            drafts.taken.update(range(ent.start, ent.end))
            continue  # "US $50 million": a currency
        if kind == "country":
            draft = _country(drafts, kb, rest)
            drafts.mention(draft, ent.start, ent.end)
        elif kind == "capital" and rules.is_metonym(ent.root):
            # "Washington demanded": CAMEO reads a capital as the country's government
            draft = group_draft(drafts, kb, rest, "GOV", ent.text, seat=True)
            draft.note(f"'{ent.text}' stands for the government")
            drafts.mention(draft, ent.start, ent.end)
        elif kind == "seat":
            iso3, _, sector = rest.partition(":")
            draft = group_draft(drafts, kb, iso3, sector or None, ent.text, seat=True)
            draft.note(f"'{ent.text}': seat of power")
            drafts.mention(draft, ent.start, ent.end)
        elif kind == "org":
            _known_org(doc, drafts, kb, ent, rest)
        elif ent.label_ == "PERSON" or (not kind and _part_of_a_name(ent, surnames)):
            _person_or_not(doc, drafts, kb, ent, names, org_country, focal)
        elif ent.label_ == "ORG" and not kind and any(t.is_title or t.is_upper for t in ent):
            lone_place = rules.in_locative_phrase(ent.root) or rules.is_city_name(ent.text)
            if len(ent) == 1 and lone_place and not _institutional(ent, kb):
                continue  # "schoolgirls in Chibok": a town the NER took for an organisation
            _unknown_org(doc, drafts, kb, ent.start, ent.end, focal, org_country)
    _titled_names(doc, drafts, kb, names, org_country)
    resolve_people(doc, names, drafts, kb, date)
    for draft in list(drafts.by_key.values()):
        if draft.kind == "person":
            decide_person(draft, kb, date)
            if draft.country is None and draft.sector in rules.NATIONAL_SECTORS | {"ELI"}:
                _place_national(doc, draft, kb, focal)
    ethnic_groups(doc, drafts, kb)
    regional_bodies(doc, drafts, kb)
    find_groups(doc, drafts, kb, focal)
    for ent in doc_ents(doc):  # demonyms left over ("Russian flags") name the country itself
        if ent.kb_id_.startswith("adjective:") and drafts.free(ent.start, ent.end):
            drafts.mention(_country(drafts, kb, ent.kb_id_.split(":")[1]), ent.start, ent.end)
    return freeze(list(drafts.by_key.values()))


def _place_national(doc: Doc, draft: Draft, kb: Knowledge, focal: str | None) -> None:
    """A national office-holder or body with no stated country: the article's focal country,
    or in an article without one the only country its sentence names ("President X
    threatened a curfew in Algiers"). The focal country comes first because a sentence about
    relations names the partner, not the home ("Russia has ties with the government")."""
    if focal:
        draft.country = focal
        draft.note("the article's focal country")
    elif country := rules.sentence_country(doc, min(draft.mentions)[0], kb):
        draft.country = country
        draft.note("the only country named in its sentence")


def _country(drafts: Drafts, kb: Knowledge, iso3: str) -> Draft:
    country = kb.country(iso3)
    draft = drafts.get("country:" + iso3, country.name if country else iso3, "country")
    draft.country = iso3
    draft.note("knowledge base: countries")
    return draft


def _known_org_countries(doc: Doc, kb: Knowledge) -> dict[int, str]:
    out: dict[int, str] = {}
    for ent in doc_ents(doc):
        if ent.kb_id_.startswith("org:"):
            org = kb.organization_for(ent.kb_id_[4:])
            if org and org.country:
                out.update({i: org.country for i in range(ent.start, ent.end)})
    return out


def _known_org(doc: Doc, drafts: Drafts, kb: Knowledge, ent: Span, key: str) -> None:
    org = kb.organization_for(key)
    if org is None:
        return
    kind = "group" if org.kind == "group" else "organization"
    draft = drafts.get("org:" + key, org.name, kind)  # type: ignore[arg-type]
    draft.country, draft.sector, draft.org = org.country, org.sector, org.org
    draft.note("knowledge base: organizations")
    drafts.mention(draft, ent.start, ent.end)
    described, after = rules.description_after(doc, ent.end, kb)
    if described is not None:  # "Nordgold, a Russian gold company": the same actor
        drafts.taken.update(range(ent.end, after))


def _acronyms(
    doc: Doc, drafts: Drafts, kb: Knowledge, focal: str | None, org_country: dict[int, str]
) -> list[tuple[int, int]]:
    """Long forms with "(ACR)" after them; returns their token ranges."""
    ranges: list[tuple[int, int]] = []
    for token in doc:
        if token.text != "(":
            continue
        found = rules.acronym_long_form(doc, token.i)
        if found is None:
            continue
        start, end, acronym = found
        if any(doc[i].ent_type_ == "PERSON" for i in range(start, end)):
            continue
        known = kb.organization_for(doc[start:end].text) or kb.organization_for(acronym)
        if known is not None:
            draft = drafts.get("org:" + normalize(known.name), known.name, "organization")
            draft.country, draft.sector, draft.org = known.country, known.sector, known.org
            draft.note("knowledge base: organizations")
            drafts.mention(draft, start, end)
        else:
            draft = _unknown_org(doc, drafts, kb, start, end, focal, org_country, describe=False)
            draft.org = acronym
            draft.note(f"acronym '{acronym}' defined in the text")
        drafts.mention(draft, token.i + 1, token.i + 2)
        for other in doc[token.i + 3 :]:
            if other.text == acronym:
                drafts.mention(draft, other.i, other.i + 1)
        if known is None and draft.sector is None:
            draft.sector = _described_sector(doc, drafts, draft, kb)
        ranges.append((start, end))
    return ranges


def _unknown_org(
    doc: Doc, drafts: Drafts, kb: Knowledge, start: int, end: int, focal: str | None,
    org_country: dict[int, str], describe: bool = True,
) -> Draft:  # fmt: skip
    while start < end and doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    span = doc[start:end]
    name = clean_name(span.text)
    draft = drafts.get("org-name:" + normalize(name), name, "organization")
    # a demonym or country just before the name: "Russian Ministry of Foreign Affairs"
    before = doc[start - 1] if start > 0 else None
    country = rules.entity_country(before, kb) if before is not None else None
    if country and before is not None and before.ent_type_ in {"NORP", "GPE"}:
        draft.name = clean_name(doc[before.i : end].text)
        drafts.mention(draft, before.i, end)
        draft.note(f"country from '{before.text}' before the name")
    else:
        drafts.mention(draft, start, end)
        country = next((c for t in span if (c := rules.entity_country(t, kb))), None)
        if country:
            draft.note("country named in the name")
        else:
            country = rules.affiliation_country(doc, end, kb, org_country)
            if country:
                draft.note("country of the place named after it")
    head = [t for t in span if not t.is_space]
    cut = next((i for i, t in enumerate(head) if t.lower_ in {"of", "for", "in", "on"}), len(head))
    sector = kb.sector_for(" ".join(t.text for t in head[:cut])) if cut else None
    described, after = rules.description_after(doc, end, kb)
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
        sector = _described_sector(doc, drafts, draft, kb)
    if country is None and focal and any(t.lower_ in NATIONAL_WORDS for t in span):
        country = focal
        draft.note("national body: the article's focal country")
    elif country is None and not focal and sector in rules.NATIONAL_SECTORS | {"REB", "LAB"}:
        country = rules.sentence_country(doc, span.start_char, kb)
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
    if comma and word.lower_ not in rules.ORGANIZATION_NOUNS | COLLECTIVE_NOUNS:
        return None  # "…a senior official, NPR's …": a list, not an apposition
    phrase = " ".join(t.text for t in doc[max(0, i - 1) : i + 1] if not t.ent_type_)
    sector = kb.sector_for(phrase) or kb.sector_for(word.text)
    if sector is None or word.lower_ in rules.TITLE_MODIFIERS or sector in {"CVL"}:
        return None
    country = next((c for t in word.subtree if (c := rules.entity_country(t, kb))), None)
    return sector, country, word.text


def _described_sector(doc: Doc, drafts: Drafts, draft: Draft, kb: Knowledge) -> str | None:
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


def _person_or_not(
    doc: Doc, drafts: Drafts, kb: Knowledge, ent: Span, names: list[NameMention],
    org_country: dict[int, str], focal: str | None,
) -> None:  # fmt: skip
    known = kb.person_for(ent.kb_id_[7:]) if ent.kb_id_.startswith("person:") else None
    start, end = ent.start, ent.end
    if known is None:
        if rules.next_noun_is_institution(doc, ent):
            return  # "Gabriel Toure Hospital", "the Kalana gold-mining company"
        if (
            len(ent) <= 2
            and rules.in_locative_phrase(ent.root, strict=True)
            and not rules.title_before(doc, ent.start, kb)
        ):
            return  # "an airfield in Gao", "in Boulkessi and Mondoro": places the NER took for people
        if _organisation_noun_before(doc, ent, drafts, kb, focal, org_country):
            return
        i = ent.start - 1
        while i > 0 and doc[i].pos_ == "ADJ":
            i -= 1
        if i >= 0 and doc[i].lower_ in {"the", "a", "an"} and doc[i].head.i >= ent.start:
            return  # "the Charter", "the wider Sahel": people are not named with an article
        while start < end and (kb.sector_for(doc[start].text) or doc[start].lower_ in rules.TITLE_MODIFIERS):
            start += 1  # a title inside the entity: "President Ibrahim Keita"
        while start > 0 and _bare_name_word(doc[start - 1], kb):
            start -= 1  # a first name the NER left out: "Sudan Amadou [Maiga Diallo]"
        if start == end:
            return
        known = kb.person_for(doc[start:end].text)
    title = rules.title_before(doc, start, kb)
    stop = end + (1 if end < len(doc) and doc[end].text in {"'s", "’s"} else 0)
    described, after = rules.description_after(doc, end, kb)
    if title is not None:
        first = _token_at(doc, title.start)
        drafts.taken.update(range(first, start))
    if described is not None:
        drafts.taken.update(range(end, after))
        stop = max(stop, after)
    title = title or described
    words = tuple(w for w in normalize(clean_name(doc[start:end].text)).split())
    if not words:
        return
    affiliation = rules.affiliation_country(doc, stop, kb, org_country)
    org = _organisation_before(doc, _token_at(doc, title.start) if title else start, kb) if title else None
    names.append(NameMention(start, end, words, title, affiliation, known, org))


def _organisation_before(doc: Doc, i: int, kb: Knowledge) -> Organization | None:
    """The known organisation a title belongs to: "PKK leader X", "ECOWAS's envoy X", "its
    leader X" (the nearest organisation named before it in the sentence)."""
    j = i - 1
    if j >= 0 and doc[j].text in {"'s", "’s"}:
        j -= 1
    if j < 0:
        return None
    if doc[j].lower_ == "its":
        earlier = [t for t in doc[doc[j].sent.start : j] if t.ent_kb_id_.startswith("org:")]
        return kb.organization_for(earlier[-1].ent_kb_id_[4:]) if earlier else None
    if doc[j].ent_kb_id_.startswith("org:"):
        return kb.organization_for(doc[j].ent_kb_id_[4:])
    return None


def _token_at(doc: Doc, char: int) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else len(doc)


def _part_of_a_name(ent: Span, surnames: set[str]) -> bool:
    """The NER sometimes labels a bare surname as an organisation ("Diallo said"); a one-word
    name that is the surname of a person named in the article is that person's."""
    return len(ent) == 1 and ent.label_ in {"ORG", "GPE", "NORP"} and normalize(ent.text) in surnames


def _bare_name_word(token: Token, kb: Knowledge) -> bool:
    return (
        token.pos_ == "PROPN"
        and token.is_title
        and not token.ent_type_
        and not kb.sector_for(token.text)
        and token.lower_ not in rules.TITLE_MODIFIERS
        and not token.is_sent_start
    )


def _organisation_noun_before(
    doc: Doc, ent: Span, drafts: Drafts, kb: Knowledge, focal: str | None, org_country: dict[int, str]
) -> bool:
    """ "its French counterpart Avenda", "the company Avenda": the name is an organisation."""
    i = ent.start - 1
    while i >= 0 and (doc[i].ent_type_ in {"NORP", "GPE"} or doc[i].pos_ == "ADJ"):
        i -= 1
    if i < 0 or doc[i].lower_ not in rules.ORGANIZATION_NOUNS or len(ent) > 3:
        return False
    draft = _unknown_org(doc, drafts, kb, ent.start, ent.end, focal, org_country)
    j = i - 1
    while j >= 0 and (doc[j].ent_type_ in {"NORP", "GPE"} or doc[j].pos_ == "ADJ"):
        j -= 1  # "its French counterpart": the demonym before the noun
    country = next((c for t in doc[j + 1 : ent.start] if (c := rules.entity_country(t, kb))), None)
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


def _institutional(ent: Span, kb: Knowledge) -> bool:
    """A one-word name that reads as an institution ("Parliament", "NATO-style acronyms")."""
    return ent.text.isupper() or kb.sector_for(ent.text) is not None


def _titled_names(
    doc: Doc, drafts: Drafts, kb: Knowledge, names: list[NameMention], org_country: dict[int, str]
) -> None:
    """Names the NER missed right after a title: "Russian Ambassador to Mali and Niger Igor
    Gromyko" (two to four capitalised words, no entity, a title with a sector before them)."""
    i = 0
    while i < len(doc):
        j = i
        while (
            j < len(doc) and j - i < 4 and doc[j].pos_ == "PROPN" and doc[j].is_title and not doc[j].ent_type_
        ):
            j += 1
        if j - i >= 2 and drafts.free(i, j) and not kb.sector_for(doc[i].text):
            title = rules.title_before(doc, i, kb)
            if title is not None and title.sector:
                first = _token_at(doc, title.start)
                drafts.taken.update(range(first, i))
                words = tuple(normalize(doc[i:j].text).split())
                affiliation = rules.affiliation_country(doc, j, kb, org_country)
                org = _organisation_before(doc, first, kb)
                person = kb.person_for(doc[i:j].text)
                names.append(NameMention(i, j, words, title, affiliation, person, org))
                drafts.taken.update(range(i, j))
        i = max(j, i + 1)
