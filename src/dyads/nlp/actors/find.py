"""Actor resolution: who is who (countries, organisations, people, groups) in one article.

``find_actors(doc, article, options)`` returns ``Actor`` records with ids a1, a2, … in the
order of first mention, each with every mention span (character offsets into the text), a
CAMEO-style ``code`` and ``why`` (how it was resolved). The steps:

1. The knowledge ruler (``knowledge_ruler.py``, ahead of the NER) labels known countries,
   demonyms, capitals, seats of power, organisations and people.
2. Acronyms defined in the text ("National Committee for the Salvation of the People (CNSP)")
   make one actor of the long form, the acronym and its later uses (``acronyms.py``).
3. Each entity becomes a mention: countries as themselves; capitals and seats of power only
   when they stand for the government ("Moscow urged" is RUS GOV, as CAMEO reads it; "a
   stadium in Bamako" is a place, not an actor); people with the title before the name, the
   description after it, the organisation the title is held in ("PKK leader X") and the
   institution they work at (staff, not students, take its country); unknown organisations
   with the demonym before them ("Russian Ministry …"), a country in or after the name, the
   sector of their head noun ("Ministry" -> GOV) or of what the text says they are
   (``organisations.py``, ``person_names.py``, reading the words around a name with
   ``titles.py`` and ``name_context.py``).
4. Short names join full names (``people.py``); roles are checked against the date;
   an office-holder with no stated country takes the article's focal country, or the only
   country the sentence names.
5. Group nouns ("Malian soldiers", "protesters in Bamako", "the junta", "the Obama
   administration") become group actors keyed by country and sector (``groups.py``).
6. Demonyms left over ("Russian flags") are mentions of the country itself.
7. The drafts every step added to (``drafts.py``) become ``Actor`` records (``records.py``).

Each step only calls the layers below it: stages (acronyms, organisations, person names,
people, groups) use the drafts ledger and the readers of the words around a name, never the
steps after them; this module runs them in order.

Sector choices: media is JRN and health MED (current PLOVER); jihadists and militants are
INS, rebels and separatists REB, militias and mercenaries UAF; transnational jihadist networks
(al-Qaeda, Islamic State) IMG; former office-holders ELI.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from dyads.knowledge import Knowledge, load_knowledge, normalize
from dyads.model import Actor, Article, Options
from dyads.nlp.actors.acronyms import find_acronyms
from dyads.nlp.actors.drafts import Drafts, country_draft, group_draft
from dyads.nlp.actors.groups import ethnic_groups, find_groups, regional_bodies
from dyads.nlp.actors.name_context import (
    focal_country,
    in_locative_phrase,
    is_city_name,
    is_metonym,
    names_no_actor,
    place_after_preposition,
    place_not_actor,
)
from dyads.nlp.actors.organisations import add_known_org, known_org_countries, unknown_org
from dyads.nlp.actors.people import decide_people, resolve_people
from dyads.nlp.actors.person_names import NameMention, find_titled_names, part_of_a_name, read_person_name
from dyads.nlp.actors.records import freeze
from dyads.nlp.actors.titles import title_before
from dyads.nlp.doc_cache import doc_ents


def find_actors(doc: Doc, article: Article, options: Options) -> list[Actor]:
    """The actors of one article, with the knowledge its options name."""
    kb = load_knowledge(tuple(options.knowledge_dirs))
    return resolve(doc, kb, article.published)


def resolve(doc: Doc, kb: Knowledge, date: str | None) -> list[Actor]:
    """The steps of the module docstring, in order, on one parsed article dated ``date``."""
    drafts = Drafts(doc)
    focal = focal_country(doc)
    org_country = known_org_countries(doc, kb)
    names: list[NameMention] = []
    defined = find_acronyms(doc, drafts, kb, focal, org_country)
    # people first, so that their titles ("former Defense Minister") are not read as names
    entities = sorted(doc_ents(doc), key=lambda e: (e.label_ != "PERSON", e.start))
    full_names = {
        n
        for e in doc_ents(doc)
        if e.label_ == "PERSON"
        # "On Salisbury Yakovenko disputes": the place run into the name is no given name
        and len(name := e[1:] if place_after_preposition(e[0]) else e) > 1
        and (n := normalize(name.text))
    }
    for ent in entities:
        if not drafts.free(ent.start, ent.end) or any(s <= ent.start < e for s, e in defined):
            continue
        kind, _, rest = ent.kb_id_.partition(":")
        if not kind and names_no_actor(ent):
            drafts.taken.update(range(ent.start, ent.end))
            continue  # "Islam", "Brexit": a faith or a cause, not an actor
        if (
            not kind
            and ent.label_ in {"PERSON", "ORG"}
            and place_not_actor(ent, kb, full_names)
            and title_before(doc, ent.start, kb) is None
        ):
            drafts.taken.update(range(ent.start, ent.end))
            continue  # "Raqqa", "al-Hawl": places the NER took for actors
        if kind in {"country", "adjective"} and ent.end < len(doc) and doc[ent.end].text == "$":
            drafts.taken.update(range(ent.start, ent.end))
            continue  # "US $50 million": a currency
        if kind == "country":
            draft = country_draft(drafts, kb, rest)
            drafts.mention(draft, ent.start, ent.end)
        elif kind == "capital" and is_metonym(ent.root):
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
            add_known_org(doc, drafts, kb, ent, rest)
        elif ent.label_ == "PERSON":
            read_person_name(doc, drafts, kb, ent, names, org_country, focal)
        elif not kind and part_of_a_name(ent, full_names):
            read_person_name(doc, drafts, kb, ent, names, org_country, focal, part_of_a_name=True)
        elif ent.label_ == "ORG" and not kind and (known := kb.organization_for(ent.text)) is not None:
            add_known_org(doc, drafts, kb, ent, normalize(known.name))  # an imported organisation
        elif ent.label_ == "ORG" and not kind and any(t.is_title or t.is_upper for t in ent):
            lone_place = in_locative_phrase(ent.root) or is_city_name(ent.text)
            if len(ent) == 1 and lone_place and not _institutional(ent, kb):
                continue  # "schoolgirls in Chibok": a town the NER took for an organisation
            unknown_org(doc, drafts, kb, ent.start, ent.end, focal, org_country)
    find_titled_names(doc, drafts, kb, names, org_country)
    resolve_people(doc, names, drafts, kb, date)
    decide_people(doc, drafts, kb, date, focal)
    ethnic_groups(doc, drafts, kb)
    regional_bodies(doc, drafts, kb)
    find_groups(doc, drafts, kb, focal)
    for ent in doc_ents(doc):  # demonyms left over ("Russian flags") name the country itself
        if ent.kb_id_.startswith("adjective:") and drafts.free(ent.start, ent.end):
            drafts.mention(country_draft(drafts, kb, ent.kb_id_.split(":")[1]), ent.start, ent.end)
    return freeze(list(drafts.by_key.values()))


def _institutional(ent: Span, kb: Knowledge) -> bool:
    """A one-word name that reads as an institution ("Parliament", "NATO-style acronyms")."""
    return ent.text.isupper() or kb.sector_for(ent.text) is not None
