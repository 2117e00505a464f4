"""Finding toponyms: character spans in the text that name a place.

Sources, in order of trust:
1. the named-entity recogniser's GPE and LOC spans (and FAC spans the gazetteer knows);
2. adjectives of nationality tagged NORP ("Russian", "Palestinians"): news geoparsing
   corpora treat them as mentions of the country, and so do we;
3. the gazetteer's own names found in the text (countries, US states and their newspaper
   abbreviations, regions, continents, large cities), for what the recogniser missed or
   labelled PERSON/ORG ("Georgia" as a person);
4. place names at the start of an organisation's or facility's name ("Mansfield Police
   Department", "Douglas County Hospital"): the place is named even though the entity is not it;
5. a known name right after a preposition of place ("an airfield in Gao");
6. the idioms of ``patterns.py`` (datelines, "Coral Gables man", "D-Pleasanton", county lists).
Spans are then shaped by ``names.py`` ("Northeast Georgia" → "Georgia").
Metonymic uses ("Russia said", "Washington announced") stay toponyms.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from dyads.knowledge.gazetteer import ADMIN1, ADMIN2, CITY, COUNTRY, REGION, Gazetteer, normalize
from dyads.nlp.doc_cache import doc_ents, doc_text
from dyads.nlp.places.names import WORDS, clean_span, is_known, is_thoroughfare, shape_name, split_commas
from dyads.nlp.places.patterns import find_pattern_toponyms
from dyads.nlp.places.toponym import Toponym


def _embedded_place(
    gaz: Gazetteer, ent: Span, standalone: set[str], strict: bool = False
) -> tuple[int, int] | None:
    """The longest leading run of tokens in an ORG/FAC name that the gazetteer knows as a place,
    when what follows is an organisational head word ("Alexandria Police", "Ohio Department")."""
    tokens = list(ent)
    if tokens and tokens[0].lower_ == "the":
        tokens = tokens[1:]
    for size in range(min(4, len(tokens) - 1), 0, -1):
        head = tokens[size]
        run = tokens[:size]
        if not all(t.text[:1].isupper() for t in run):
            continue
        surface = ent.doc[run[0].i : run[-1].i + 1].text
        entries = gaz.lookup(surface)
        if not entries:
            continue
        # A town's name that is also a common word ("Federal", "Olympic", "Titan") opens many
        # organisations' names; take it only when the town is big or named on its own elsewhere.
        strong = (
            any(e.kind in (COUNTRY, ADMIN1, ADMIN2, REGION) or e.population >= 100_000 for e in entries)
            or normalize(surface) in standalone
        )
        # Facilities are often named after things that are also towns ("Independence Square");
        # take their leading place name only before a word of organisation ("… Hospital").
        if strong and (head.lower_ in WORDS.organisation_heads or (head.text[:1].isupper() and not strict)):
            return run[0].idx, run[-1].idx + len(run[-1].text)
    # "University of Alexandria", "Bank of Georgia"
    for i, token in enumerate(tokens[:-1]):
        if token.lower_ == "of" and i > 0:
            rest = tokens[i + 1 :]
            surface = ent.doc[rest[0].i : rest[-1].i + 1].text
            if rest[0].text[:1].isupper() and is_known(gaz, surface):
                return rest[0].idx, rest[-1].idx + len(rest[-1].text)
    return None


def find_toponyms(doc: Doc, gaz: Gazetteer) -> list[Toponym]:
    text = doc_text(doc)
    found: list[Toponym] = []

    def add(start: int, end: int, source: str, demonym_of: str | None = None) -> None:
        cleaned = clean_span(text, start, end)
        if cleaned and not demonym_of:
            cleaned = shape_name(text, *cleaned, gaz)
        if cleaned:
            found.append(Toponym(cleaned[0], cleaned[1], text[cleaned[0] : cleaned[1]], source, demonym_of))

    standalone = {normalize(e.text) for e in doc_ents(doc) if e.label_ in ("GPE", "LOC")}
    for ent in doc_ents(doc):
        if ent.label_ in ("GPE", "LOC"):
            for start, end in split_commas(text, ent.start_char, ent.end_char):
                add(start, end, "ner")
        elif ent.label_ == "FAC":
            # A facility named like a small town ("White House", Tennessee) is the facility.
            if is_thoroughfare(ent) or any(
                e.kind != CITY or e.population >= 100_000 for e in gaz.lookup(ent.text)
            ):
                add(ent.start_char, ent.end_char, "ner")
            else:
                embedded = _embedded_place(gaz, ent, standalone, strict=True)
                if embedded:
                    add(*embedded, "embedded")
        elif ent.label_ == "NORP":
            iso2 = gaz.demonyms.get(normalize(ent.text))
            if iso2:
                add(ent.start_char, ent.end_char, "demonym", iso2)
        elif ent.label_ == "ORG":
            embedded = _embedded_place(gaz, ent, standalone)
            if embedded:
                add(*embedded, "embedded")

    found.extend(_gazetteer_matches(doc, gaz))
    found.extend(_after_prepositions(doc, gaz))
    found.extend(find_pattern_toponyms(doc, gaz))
    chosen = _without_overlaps(found)
    toponyms = _without_overlaps(chosen + _other_mentions(doc, chosen, gaz))
    return [
        t for t in toponyms if not _opens_occasion_name(text, t) and not _opens_listed_persons_name(doc, t)
    ]


_NEXT_WORD = re.compile(r"[\s-]+([A-Za-z]+)\b")


def _opens_occasion_name(text: str, toponym: Toponym) -> bool:
    """ "the Gulf War", "the Olympic Games", "Lincoln Day": the name of an occasion that
    opens with a place name is not a mention of the place."""
    match = _NEXT_WORD.match(text, toponym.end)
    return match is not None and match.group(1).casefold() in WORDS.occasion_heads


_LISTED_WITH = ("conj", "appos")


def _opens_listed_persons_name(doc: Doc, toponym: Toponym) -> bool:
    """ "Officers Ron McCurry and Chad Walker", "Matt Shaul, Chad Foster, Mike Barber": a place
    name that is the first name of someone listed among people is no place."""
    first = doc.char_span(toponym.start, toponym.end)
    if first is None or len(first) != 1 or first[0].i + 1 >= len(doc):
        return False
    surname = doc[first[0].i + 1]
    if first[0].head.i != surname.i or surname.pos_ != "PROPN" or surname.ent_type_:
        return False
    if surname.lower_ in WORDS.organisation_heads or surname.lower_ in WORDS.geographic_heads:
        return False
    listed = [surname.head] if surname.dep_ in _LISTED_WITH else []
    listed += [child for child in surname.children if child.dep_ in _LISTED_WITH]
    return any(token.ent_type_ == "PERSON" for token in listed)


def _other_mentions(doc: Doc, toponyms: list[Toponym], gaz: Gazetteer) -> list[Toponym]:
    """One name, one sense per article: once "Fargo" is a place, so is every other "Fargo" the
    recogniser left untagged ("Fargo Mayor Dennis Walaker", "Fargo-Moorhead")."""
    names = {
        t.text: t
        for t in toponyms
        if not t.demonym_of and not t.lookup and is_known(gaz, t.text) and t.text[:1].isupper()
    }
    if not names:
        return []
    first_words: dict[str, list[str]] = {}
    for name in names:
        first_words.setdefault(name.split(" ", 1)[0], []).append(name)
    # Inside a person's full name or a date, or inside an organisation's name but not at its
    # head ("United Russia", a party), the same word is something else. Events and works keep
    # it: "the Nashville Film Festival" names Nashville.
    blocked: set[int] = set()
    for ent in doc_ents(doc):
        if ent.label_ == "ORG":
            blocked.update(t.i for t in ent if not _leads_organisation(doc, ent, t.i))
        elif ent.label_ in ("DATE", "TIME") or (ent.label_ == "PERSON" and len(ent) > 1):
            blocked.update(t.i for t in ent)
    text = doc_text(doc)
    out: list[Toponym] = []
    for token in doc:
        candidates = first_words.get(token.text)
        if not candidates or token.i in blocked:
            continue
        for name in sorted(candidates, key=len, reverse=True):
            end = token.idx + len(name)
            if text[token.idx : end] == name and (end == len(text) or not text[end].isalnum()):
                out.append(Toponym(token.idx, end, name, "propagated"))
                break
    return out


def _gazetteer_matches(doc: Doc, gaz: Gazetteer) -> list[Toponym]:
    """Known names the recogniser missed, matched case-sensitively on token boundaries."""
    text = doc_text(doc)
    out: list[Toponym] = []
    tokens = list(doc)
    for i, token in enumerate(tokens):
        if not token.text[:1].isupper():
            continue
        for size in (4, 3, 2, 1):
            if i + size > len(tokens):
                continue
            last = tokens[i + size - 1]
            surface = text[token.idx : last.idx + len(last.text)]
            kind = gaz.matcher_names.get(surface)
            if kind is None:
                continue
            if not _free_to_match(doc, i, i + size, kind):
                break
            # A state abbreviation such as "Ind." or "Miss." is a place only after a comma
            # ("Gary, Ind.") or when it carries internal periods ("W.Va.", "N.C.").
            if (
                surface in gaz.state_abbreviations
                and surface.count(".") == 1
                and (i == 0 or tokens[i - 1].text != ",")
            ):
                break
            out.append(Toponym(token.idx, last.idx + len(last.text), surface, "gazetteer"))
            break
        key = normalize(token.text)
        iso2 = gaz.demonyms.get(key)
        region = gaz.region_demonyms.get(key)
        if (iso2 or region) and _adjectival(token) and token.ent_type_ != "PERSON":
            end = token.idx + len(token.text)
            out.append(Toponym(token.idx, end, token.text, "demonym", iso2, lookup=region))
    return out


def _free_to_match(doc: Doc, start: int, end: int, kind: str) -> bool:
    """A gazetteer name inside a person's, work's or product's name is not a toponym
    ("Toyota" the maker, "Lincoln" the president). A country or state the recogniser took
    for an organisation or person all by itself ("Georgia") is one."""
    for token in doc[start:end]:
        if token.ent_type_ in ("", "GPE", "LOC", "NORP", "FAC"):
            continue
        ent = next((e for e in doc_ents(doc) if e.start <= token.i < e.end), None)
        if ent is None:
            continue
        whole = ent.start == start and ent.end == end
        if ent.label_ == "ORG" and not whole and _leads_organisation(doc, ent, start):
            continue  # "the Georgia Bureau of Investigation" names Georgia; "Toyota" names a maker
        if not (whole and kind in (COUNTRY, ADMIN1, REGION)):
            return False
    return not (kind == CITY and end - start == 1 and doc[start].is_sent_start and doc[start].ent_type_ == "")


def _leads_organisation(doc: Doc, ent: Span, start: int) -> bool:
    """The name opens the organisation's name ("the Georgia Bureau…") or follows its "of"
    ("Bank of Georgia"), rather than ending it ("United Russia", a party)."""
    first = ent.start + (1 if ent[0].lower_ == "the" else 0)
    if first < start and doc[first].lower_ in WORDS.direction:
        first += 1  # "Northeast Texas Community College"
    return start == first or (start > ent.start and doc[start - 1].lower_ == "of")


def _adjectival(token: Token) -> bool:
    """ "Russian troops", "the Palestinians": a nationality, not a surname ("French said")."""
    if token.text.endswith("s") and token.pos_ in ("PROPN", "NOUN"):
        return True
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return following is not None and following.pos_ in ("NOUN", "PROPN", "ADJ") and token.dep_ != "nsubj"


_SOURCE_RANK = {
    "ner": 0,
    "demonym": 1,
    "gazetteer": 2,
    "pattern": 3,
    "context": 4,
    "embedded": 5,
    "propagated": 6,
}


def _without_overlaps(found: list[Toponym]) -> list[Toponym]:
    """Keep one toponym per stretch of text: the recogniser's first, then the longer."""
    chosen: list[Toponym] = []
    taken: list[tuple[int, int]] = []
    # Longer first ("Burkina Faso" over the recogniser's "Burkina"), the recogniser on ties;
    # names found inside organisations' names last.
    for toponym in sorted(
        found, key=lambda t: (t.source == "embedded", -(t.end - t.start), _SOURCE_RANK[t.source], t.start)
    ):
        if any(toponym.start < e and s < toponym.end for s, e in taken):
            continue
        chosen.append(toponym)
        taken.append((toponym.start, toponym.end))
    return sorted(chosen, key=lambda t: t.start)


def _of_residence(doc: Doc, token: Token) -> bool:
    """ "James Tauber of Nelson", "Bowers, 19, of Martinez": "of" after a person's name or age
    gives where the person lives."""
    if token.lower_ != "of" or token.i < 2:
        return False
    before = doc[token.i - 1]
    if before.ent_type_ == "PERSON":
        return True
    return before.text == "," and doc[token.i - 2].like_num and doc[token.i - 2].text.isdigit()


def _after_prepositions(doc: Doc, gaz: Gazetteer) -> list[Toponym]:
    """ "an airfield in Gao": a capitalised name the recogniser left untagged, right after a
    preposition of place, that the gazetteer knows as a town of some size or a division."""
    out: list[Toponym] = []
    for token in doc:
        if token.i + 1 >= len(doc):
            continue
        if token.lower_ not in WORDS.place_prepositions and not _of_residence(doc, token):
            continue
        first = doc[token.i + 1]
        if first.pos_ != "PROPN" or not first.text[:1].isupper() or first.lower_ in WORDS.calendar:
            continue
        ent = next((e for e in doc_ents(doc) if e.start == first.i), None) if first.ent_type_ else None
        # The recogniser's "ORG", "PERSON" or "NORP" right after "in": "in Oxford" is the town,
        # unless the word is an adjective of nationality.
        if first.ent_type_ and (ent is None or ent.label_ not in ("ORG", "PERSON", "NORP")):
            continue
        if ent is not None and ent.label_ == "NORP" and normalize(ent.text) in gaz.demonyms:
            continue
        if ent is not None:
            span = ent
        else:
            end = first.i + 1
            while (
                end < len(doc) and end - first.i < 3 and doc[end].pos_ == "PROPN" and not doc[end].ent_type_
            ):
                end += 1
            span = doc[first.i : end]
        entries = gaz.lookup(span.text)
        if any(e.kind != CITY or e.population >= 1000 for e in entries):
            out.append(Toponym(span.start_char, span.end_char, span.text, "context"))
    return out
