"""People: names, titles, within-article coreference and dated roles.

Coreference rule for a name that is part of a longer name in the same article ("Keita",
"Ibrahim Keita"): its words must appear, in order and ending with the surname, in the full
name. Among such full names the one whose words match most specifically wins ("Ibrahim
Keita" -> "Ibrahim Boubacar Keita", never "Salif Keita"); when several fit equally, a title on
the short mention must agree with what is known of the person ("President Keita" needs a
president), then the most recently mentioned person before it wins (recency is how readers
resolve "Keita"), and failing any antecedent the first one after it (headlines and leads name
people before introducing them). Two people who share a surname are never merged: each keeps
its full-name mentions, and a short mention joins exactly one of them.

With no full name in the article, a bare surname is linked to the knowledge base only when a
title supports it on the article's date ("President Keita" in 2015 is Ibrahim Boubacar Keïta;
in 2024 nobody of that name holds the office).
"""

from __future__ import annotations

from spacy.tokens import Doc

from dyads.knowledge import Knowledge, Person, normalize
from dyads.model import Role
from dyads.nlp.actors.drafts import Draft, Drafts, clean_name
from dyads.nlp.actors.name_context import NATIONAL_SECTORS, is_city_name, sentence_country
from dyads.nlp.actors.origins import relative_named
from dyads.nlp.actors.person_names import NameMention
from dyads.nlp.actors.titles import OFFICE_SECTORS, describe_title

FORMER_ROLE_SECTOR = "ELI"  # CAMEO's code for former office-holders and other elites
INTERNATIONAL_SECTORS = {"IGO", "NGO", "IMG"}


def person_key(person: Person) -> str:
    return "person:" + normalize(person.name)


def _subsequence(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    if not short or short[-1] != full[-1] or len(short) >= len(full):
        return False
    it = iter(full)
    return all(word in it for word in short)


def _sectors_known(draft: Draft) -> set[str]:
    known = {t.sector for t in draft.titles if t.sector}
    if draft.person:
        known |= {r.sector for r in draft.person.roles if r.sector}
        if draft.person.sector:
            known.add(draft.person.sector)
    return known


def resolve_people(
    doc: Doc, mentions: list[NameMention], drafts: Drafts, kb: Knowledge, date: str | None
) -> None:
    """Turn name mentions into person drafts, linking short names to full ones."""
    fulls: list[tuple[tuple[str, ...], Draft]] = []
    last_seen: dict[str, int] = {}
    pending: list[NameMention] = []
    all_words = [m.words for m in mentions]
    for m in mentions:
        is_partial = any(_subsequence(m.words, other) for other in all_words)
        if m.person is not None and m.person.source is not None and is_partial:
            pending.append(m)  # an imported namesake of part of a longer name in the article
            continue
        if m.person is not None:
            draft = drafts.get(person_key(m.person), m.person.name, "person")
            draft.person = m.person
            draft.note("knowledge base: people")
            fulls.append((tuple(normalize(m.person.name).split()), draft))
            for alias in m.person.aliases:
                if len(alias.split()) > 1:
                    fulls.append((tuple(normalize(alias).split()), draft))
        elif is_partial or len(m.words) == 1:
            pending.append(m)
            continue
        else:
            name = clean_name(doc[m.start : m.end].text)
            draft = drafts.get("name:" + " ".join(m.words), name, "person")
            fulls.append((m.words, draft))
        _attach(m, draft, drafts)
        last_seen.setdefault(draft.key, m.start)
    for m in sorted(pending, key=lambda m: m.start):
        found = _antecedent(m, fulls, last_seen) or _from_knowledge(m, drafts, kb, date)
        if found is None and len(m.words) == 1 and m.title is None and is_city_name(doc[m.start].text):
            continue  # "rebels seized Goma": a lone town name the NER took for a person
        if found is None:
            name = clean_name(doc[m.start : m.end].text)
            found = drafts.get("name:" + " ".join(m.words), name, "person")
            found.note("name not otherwise known")
            family = _office_family(m, kb) if date is None else None
            if family:  # undated "President Assad": every known President Assad was Syrian
                found.country = family
                found.note(f"every known {m.title.head if m.title else ''} {name} was of {family}")
        _attach(m, found, drafts)
        last_seen[found.key] = max(last_seen.get(found.key, -1), m.start)


def _attach(m: NameMention, draft: Draft, drafts: Drafts) -> None:
    drafts.mention(draft, m.start, m.end)
    if m.title and m.title not in draft.titles:
        draft.titles.append(m.title)
    if m.affiliation and not (m.title and m.title.student):
        draft.affiliations.append(m.affiliation)
    if m.org is not None and m.org not in draft.orgs:
        draft.orgs.append(m.org)
    if m.origin is not None:
        draft.origins.append((m.origin.country, m.origin.why))
    if m.kin is not None:
        draft.kin.append(m.kin)


def _antecedent(
    m: NameMention, fulls: list[tuple[tuple[str, ...], Draft]], last_seen: dict[str, int]
) -> Draft | None:
    candidates: dict[str, tuple[int, Draft]] = {}
    for words, draft in fulls:
        if _subsequence(m.words, words):
            specificity = len(m.words)
            if draft.key not in candidates or candidates[draft.key][0] < specificity:
                candidates[draft.key] = (specificity, draft)
    if not candidates:
        return _given_name_antecedent(m, fulls)
    best = max(s for s, _ in candidates.values())
    pool = [d for s, d in candidates.values() if s == best]
    if m.title and m.title.sector:
        agreeing = [d for d in pool if m.title.sector in _sectors_known(d)]
        pool = agreeing or pool
    before = [d for d in pool if last_seen.get(d.key, 10**9) < m.start]
    if before:
        chosen = max(before, key=lambda d: last_seen[d.key])
        chosen.note(f"'{' '.join(m.words)}': most recent person of that name before it")
        return chosen
    chosen = min(pool, key=lambda d: last_seen.get(d.key, 10**9))
    chosen.note(f"'{' '.join(m.words)}': person of that name named after it")
    return chosen


def _given_name_antecedent(m: NameMention, fulls: list[tuple[tuple[str, ...], Draft]]) -> Draft | None:
    """A lone given name ("Anna") is the one person of the article whose full name begins with it
    ("Anna Campbell"); with two such people ("Mohammed Ali", "Mohammed Salah") it is neither.
    A surname in the plural ("the Skripals", "the El Hindawis") is the family, coded as its
    first-named member."""
    if len(m.words) == 1:
        drafts = {d.key: d for words, d in fulls if len(words) > 1 and words[0] == m.words[0]}
        if len(drafts) == 1:
            chosen = next(iter(drafts.values()))
            chosen.note(f"'{m.words[0]}': the one person of that given name")
            return chosen
    if not m.words[-1].endswith("s"):
        return None
    singular = (*m.words[:-1], m.words[-1][:-1])
    family = [d for words, d in fulls if len(words) > len(singular) and words[-len(singular) :] == singular]
    if not family:
        return None
    chosen = min(family, key=lambda d: min(d.mentions, default=(10**9, 0)))
    chosen.note(f"'{' '.join(m.words)}': the family of {chosen.name}")
    return chosen


def _office_family(m: NameMention, kb: Knowledge) -> str | None:
    """The one country of every known holder of the mention's kind of office with that surname."""
    if not (m.title and m.title.sector):
        return None
    holders = [
        p for p in kb.people_with_surname(m.words[-1]) if any(r.sector == m.title.sector for r in p.roles)
    ]
    curated = [p for p in holders if p.source is None]  # a famous holder over imported namesakes
    countries = {p.country for p in curated or holders}
    return countries.pop() if len(countries) == 1 else None


def _from_knowledge(m: NameMention, drafts: Drafts, kb: Knowledge, date: str | None) -> Draft | None:
    if not (m.title and m.title.sector and date):
        return None
    surname = m.words[-1]
    holders = [
        p
        for p in kb.people_with_surname(surname)
        if any(r.sector == m.title.sector for r in p.roles_on(date))
    ]
    curated = [p for p in holders if p.source is None]  # the famous holder over imported namesakes
    holders = curated or holders
    if len(holders) != 1:
        return None
    person = holders[0]
    draft = drafts.get(person_key(person), person.name, "person")
    draft.person = person
    draft.note(f"'{m.title.head} {' '.join(m.words)}': the only such office-holder on {date}")
    return draft


def decide_person(draft: Draft, kb: Knowledge, date: str | None) -> None:
    """Country, sector and roles of a person from the knowledge base, the text and the date."""
    person = draft.person
    active = tuple(sorted(person.roles_on(date), key=lambda r: r.start or "")) if person else ()
    international = next((r for r in reversed(active) if r.sector == "IGO"), None)
    titled = next((t for t in draft.titles if t.sector), None)
    body = draft.orgs[0] if draft.orgs else None
    if international is not None:
        draft.country, draft.sector, draft.org = None, "IGO", international.of
        draft.note(f"acts for {international.of} as {international.title}")
    elif body is not None and not (active and date) and body.sector:
        # "PKK leader X", "UN envoy X": the title is held in the organisation
        draft.sector, draft.org = body.sector, body.org
        international_body = body.sector in INTERNATIONAL_SECTORS and body.country is None
        draft.country = None if international_body else (person.country if person else None) or body.country
        draft.note(f"title held in {body.org}")
    else:
        from_title = next((t for t in draft.titles if t.country), None)
        # an imported namesake (thousands of minor office-holders) yields to what the text says
        imported = person is not None and person.source is not None and from_title is not None
        if person and person.country and not imported:
            draft.country = person.country
        elif from_title is not None:
            draft.country = from_title.country
            draft.note(f"country from the title '{from_title.text}'")
        elif draft.origins:
            draft.country = draft.origins[0][0]
            draft.note(f"country from {draft.origins[0][1]}")
        elif draft.affiliations:
            draft.country = draft.affiliations[0]
            draft.note("country of the institution the person works at")
        # a dated role held on the article's date outranks the words: "the former Defense
        # Minister Bah Ndaw" was president on that day
        if active and date:
            draft.sector = active[-1].sector
            draft.note(f"role on the article date: {active[-1].title}")
        elif titled is not None:
            draft.sector = titled.sector
            draft.note(f"sector from the title '{titled.text}'")
        elif active:
            draft.sector = active[-1].sector
            draft.note(f"role on the article date: {active[-1].title}")
        elif person and person.roles and date and any(r.sector in OFFICE_SECTORS for r in person.roles):
            draft.sector = person.sector or FORMER_ROLE_SECTOR
            draft.note("no office on the article date")
        elif person:
            draft.sector = person.sector
    for role in active:
        draft.roles.append(Role(title=role.title, of=role.of, start=role.start, end=role.end))
    for title in draft.titles:
        if title.sector and title.head and not any(title.head.lower() in r.title.lower() for r in active):
            held_in = body.org if body is not None else title.country or draft.country
            draft.roles.append(Role(title=describe_title(title, kb), of=held_in))


def decide_people(doc: Doc, drafts: Drafts, kb: Knowledge, date: str | None, focal: str | None) -> None:
    """Country, sector and roles of every person draft; a national office-holder with no stated
    country is placed by ``place_national``."""
    for draft in list(drafts.by_key.values()):
        if draft.kind == "person":
            decide_person(draft, kb, date)
            if draft.country is None and draft.sector in NATIONAL_SECTORS | {"ELI"}:
                place_national(doc, draft, kb, focal)
    people = [d for d in drafts.by_key.values() if d.kind == "person"]
    for _ in range(2):  # twice, for a relative of a relative ("his wife, Y, and her son Z")
        for draft in people:
            if draft.country is None and draft.kin:
                _country_from_kin(doc, draft, people)


def _country_from_kin(doc: Doc, draft: Draft, people: list[Draft]) -> None:
    """A person the text names only as someone's relative ("his daughter Yulia") shares the
    country the text gives that relative."""
    for anchor in draft.kin:
        relative = relative_named(doc, anchor, draft, people)
        if relative is not None and relative is not draft and relative.country:
            draft.country = relative.country
            draft.note(f"country of the relative {relative.name}")
            return


def place_national(doc: Doc, draft: Draft, kb: Knowledge, focal: str | None) -> None:
    """A national office-holder or body with no stated country: the article's focal country,
    or in an article without one the only country its sentence names ("President X
    threatened a curfew in Algiers"). The focal country comes first because a sentence about
    relations names the partner, not the home ("Russia has ties with the government")."""
    if focal:
        draft.country = focal
        draft.note("the article's focal country")
    elif country := sentence_country(doc, min(draft.mentions)[0], kb):
        draft.country = country
        draft.note("the only country named in its sentence")
