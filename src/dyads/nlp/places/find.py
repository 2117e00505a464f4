"""Toponyms resolved offline to coordinates and ISO3.

``find_places`` finds the place names of an article (``detect.py``), chooses what each
means (``resolve.py``) and returns one ``Place`` per distinct place, carrying every span
that names it. Places are numbered p1, p2… in order of first mention; events refer to them
by these ids.
"""

from __future__ import annotations

from spacy.tokens import Doc

from dyads.knowledge.gazetteer import (
    ADMIN1,
    ADMIN2,
    CITY,
    CONTINENT,
    COUNTRY,
    REGION,
    Entry,
    Gazetteer,
    normalize,
)
from dyads.model import Actor, Options, Place, PlaceFeature
from dyads.nlp.doc_cache import doc_text
from dyads.nlp.places.detect import find_toponyms
from dyads.nlp.places.names import WORDS
from dyads.nlp.places.resolve import NameGroup, group_toponyms, resolve_groups
from dyads.nlp.places.toponym import Toponym
from dyads.nlp.places.user import LANDMARK, gazetteer_for

FEATURE_OF_KIND: dict[str, PlaceFeature] = {
    COUNTRY: "country",
    ADMIN1: "admin",
    ADMIN2: "admin",
    REGION: "region",
    CONTINENT: "region",
    LANDMARK: "landmark",
}


def _keep_unresolved(toponym: Toponym) -> bool:
    """One-word names the gazetteer does not know are mostly the recogniser's mistakes
    (surnames, groups); longer ones are kept when they read as places (streets, parks, rivers),
    which they are even without coordinates."""
    words = toponym.text.replace(".", "").casefold().split()
    return len(words) >= 2 and (
        words[-1] in WORDS.geographic_heads or words[0] in ("interstate", "highway", "route", "mount", "lake")
    )


def _not_people(toponyms: list[Toponym], actors: list[Actor]) -> list[Toponym]:
    """A name the actor stage read as a person ("Fairfield said", "Taylor") is not a place here.
    Adjectives of nationality, datelines and county lists are never people's names."""
    person_spans = [m for actor in actors if actor.kind == "person" for m in actor.mentions]
    if not person_spans:
        return toponyms
    return [
        t
        for t in toponyms
        if t.demonym_of
        or t.source == "pattern"
        or not any(s <= t.start and t.end <= e for s, e in person_spans)
    ]


def _in_named_country(group: NameGroup, entry: Entry | None, gaz: Gazetteer) -> Entry | None:
    """A region that spans borders, named with one country's adjective, is that country's part:
    "Iraqi Kurdistan" is in Iraq though "Kurdistan" lies in four countries."""
    if entry is None or entry.kind != REGION or entry.country:
        return entry
    for toponym in group.toponyms:
        first, _, rest = toponym.text.partition(" ")
        iso2 = gaz.demonyms.get(normalize(first)) if rest else None
        if iso2:
            return entry._replace(country=iso2)
    return entry


def _feature(group: NameGroup, entry: Entry) -> PlaceFeature:
    """A province named after its capital town ("Idlib province") is the province, though the
    gazetteer knows only the town: the town's point lies inside it."""
    if group.division and entry.kind == CITY:
        return "admin"
    return FEATURE_OF_KIND.get(entry.kind, "city")


def _not_organisations(toponyms: list[Toponym], actors: list[Actor]) -> list[Toponym]:
    """A name the actor stage knows as an organisation's whole name is the organisation, not a
    hamlet that shares it: "in Congress" is the legislature, not Congress, Arizona. A place that
    opens an organisation's name ("the Georgia Bureau of Investigation") is still named."""
    organisation_spans = {m for actor in actors if actor.kind == "organization" for m in actor.mentions}
    return [t for t in toponyms if t.demonym_of or (t.start, t.end) not in organisation_spans]


def find_places(doc: Doc, actors: list[Actor], options: Options) -> list[Place]:
    gaz = gazetteer_for(tuple(options.knowledge_dirs))
    toponyms = _not_organisations(_not_people(find_toponyms(doc, gaz), actors), actors)
    if not toponyms:
        return []
    groups = group_toponyms(toponyms, doc_text(doc), gaz)
    chosen = [_in_named_country(g, e, gaz) for g, e in zip(groups, resolve_groups(groups), strict=True)]

    # Several names may resolve to one place ("U.S." and "America"): merge their spans.
    merged: dict[object, tuple[Entry | None, str, list[tuple[int, int]], PlaceFeature]] = {}
    for group, entry in zip(groups, chosen, strict=True):
        if entry is None and not _keep_unresolved(group.toponyms[0]):
            continue
        spans = [(t.start, t.end) for t in group.toponyms]
        identity: object = (entry.kind, entry.geonameid, entry.name, entry.lat) if entry else group.key
        if identity in merged:
            merged[identity][2].extend(spans)
        else:
            name = entry.name if entry else group.toponyms[0].text
            merged[identity] = (entry, name, spans, _feature(group, entry) if entry else "landmark")

    if not merged:
        return []
    ordered = sorted(merged.values(), key=lambda item: min(item[2]))
    places = []
    for number, (entry, name, spans, feature) in enumerate(ordered, start=1):
        places.append(
            Place(
                id=f"p{number}",
                name=name,
                lat=entry.lat if entry else None,
                lon=entry.lon if entry else None,
                geonameid=entry.geonameid if entry else None,
                country=gaz.country_iso3(entry.country) if entry else None,
                feature=feature,
                mentions=tuple(sorted(set(spans))),
            )
        )
    return places
