"""People's names in the text, each with the title before it, the description after it, the
organisation the title is held in ("PKK leader X") and the institution the person works at.

Names come from the NER's PERSON entities (trimmed of titles inside them, extended by a first
name the NER left out) and from capitalised words right after a title the NER missed
("Russian Ambassador to Mali and Niger Igor Gromyko"). ``people.py`` turns them into actors.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from dyads.knowledge import Knowledge, Organization, Person, normalize
from dyads.nlp.actors.drafts import Drafts, clean_name
from dyads.nlp.actors.name_context import (
    affiliation_country,
    in_locative_phrase,
    next_noun_is_institution,
    place_after_preposition,
)
from dyads.nlp.actors.organisations import named_as_organisation
from dyads.nlp.actors.origins import Origin, kin_anchor, organisation_named_with, origin_of
from dyads.nlp.actors.titles import (
    HONORIFICS,
    TITLE_MODIFIERS,
    Title,
    description_after,
    title_before,
    token_at,
)


@dataclass
class NameMention:
    """One person's name in the text, with what the words around it say."""

    start: int  # token range of the name
    end: int
    words: tuple[str, ...]  # normalised words of the name
    title: Title | None
    affiliation: str | None
    person: Person | None = None  # knowledge-base entry, when the name itself is known
    org: Organization | None = None  # the organisation the title belongs to ("PKK leader")
    origin: Origin | None = None  # a country the words around the name give ("Canadian X")
    kin: int | None = None  # token naming a relative the name is in apposition to ("his daughter X")


def read_person_name(
    doc: Doc, drafts: Drafts, kb: Knowledge, ent: Span, names: list[NameMention],
    org_country: dict[int, str], focal: str | None, part_of_a_name: bool = False,
) -> None:  # fmt: skip
    """Add ``ent`` to ``names`` as a person's name, unless the words around it show a place or an
    organisation (which it then becomes). ``part_of_a_name``: the words are known to be part of a
    person's name in the article ("the Skripals"), so an article before them proves nothing."""
    known = kb.person_for(ent.kb_id_[7:]) if ent.kb_id_.startswith("person:") else None
    start, end = ent.start, ent.end
    if known is None and not part_of_a_name:
        if next_noun_is_institution(doc, ent):
            return  # "Gabriel Toure Hospital", "the Kalana gold-mining company"
        if (
            len(ent) <= 2
            and in_locative_phrase(ent.root, strict=True)
            and not title_before(doc, ent.start, kb)
        ):
            return  # "an airfield in Gao", "in Boulkessi and Mondoro": places the NER took for people
        if named_as_organisation(doc, ent, drafts, kb, focal, org_country):
            return
        i = ent.start - 1
        while i > 0 and doc[i].pos_ == "ADJ":
            i -= 1
        if i >= 0 and doc[i].lower_ in {"the", "a", "an"} and doc[i].head.i >= ent.start:
            return  # "the Charter", "the wider Sahel": people are not named with an article
        while start < end and (
            kb.sector_for(doc[start].text)
            or doc[start].lower_ in TITLE_MODIFIERS
            or doc[start].lower_.rstrip(".") in HONORIFICS
            or (start == ent.start and place_after_preposition(doc[start]))
        ):
            start += 1  # a title inside the entity: "President Ibrahim Keita", "Mr Wallace"
        while start > 0 and _bare_name_word(doc[start - 1], kb):
            start -= 1  # a first name the NER left out: "Sudan Amadou [Maiga Diallo]"
        if start == end:
            return
        known = kb.person_for(doc[start:end].text)
    title = title_before(doc, start, kb)
    stop = end + (1 if end < len(doc) and doc[end].text in {"'s", "’s"} else 0)
    described, after = description_after(doc, end, kb)
    if title is not None:
        first = token_at(doc, title.start)
        drafts.taken.update(range(first, start))
    if described is not None:
        drafts.taken.update(range(end, after))
        stop = max(stop, after)
    title = title or described
    words = tuple(w for w in normalize(clean_name(doc[start:end].text)).split())
    if not words:
        return
    affiliation = affiliation_country(doc, stop, kb, org_country)
    org = _organisation_before(doc, token_at(doc, title.start) if title else start, kb) if title else None
    if org is None and known is None:  # what the knowledge base says of a known person comes first
        org = organisation_named_with(doc, start, end, kb)
    origin = origin_of(doc, start, end, kb)
    kin = kin_anchor(doc, start, end)
    names.append(NameMention(start, end, words, title, affiliation, known, org, origin, kin))


def find_titled_names(
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
            title = title_before(doc, i, kb)
            if title is not None and title.sector:
                first = token_at(doc, title.start)
                drafts.taken.update(range(first, i))
                words = tuple(normalize(doc[i:j].text).split())
                affiliation = affiliation_country(doc, j, kb, org_country)
                org = _organisation_before(doc, first, kb)
                person = kb.person_for(doc[i:j].text)
                names.append(NameMention(i, j, words, title, affiliation, person, org))
                drafts.taken.update(range(i, j))
        i = max(j, i + 1)


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


def part_of_a_name(ent: Span, full_names: set[str]) -> bool:
    """The NER sometimes labels part of a person's name as an organisation or a place ("Diallo
    said", "El Hindawi greeted us", "Ruaa's mother", "the Skripals"): a name of up to three words
    that ends a longer name of the article, or begins it, or is a surname in the plural (a
    family), is that person's."""
    if len(ent) > 3 or ent.label_ not in {"ORG", "GPE", "NORP"}:
        return False
    key = normalize(clean_name(ent.text))
    if not key:
        return False
    for name in full_names:
        words = name.split()
        if len(words) <= len(key.split()):
            continue
        plural = key.endswith("s") and name.endswith(" " + key[:-1])
        if name.endswith(" " + key) or name.startswith(key + " ") or plural:
            return True
    return False


def _bare_name_word(token: Token, kb: Knowledge) -> bool:
    return (
        token.pos_ == "PROPN"
        and token.is_title
        and not token.ent_type_
        and not kb.sector_for(token.text)
        and token.lower_ not in TITLE_MODIFIERS
        and token.lower_.rstrip(".") not in HONORIFICS
        and not token.is_sent_start
        and not place_after_preposition(token)
    )
