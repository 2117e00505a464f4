"""Idioms of news text that name places where the entity recogniser often does not see one.

- datelines: "MIDDLETOWN — A man charged…", "ST. JOHN'S, N.L. - The victims…";
- a town used as an adjective of residence: "Coral Gables man charged", "Roselle police";
- a legislator's party and home town: "Rep. Jerry McNerney, D-Pleasanton";
- lists of counties: "Jackson and Barrow counties", "Becker, Clay and Wilkin counties";
- nationality and regional adjectives of two words ("Sri Lankan", "South Ossetian").
Every candidate must be known to the gazetteer, so these add recall without guessing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from spacy.tokens import Doc

from dyads.knowledge.gazetteer import ADMIN2, CITY, Gazetteer, normalize
from dyads.knowledge.registry import words
from dyads.nlp.doc_cache import doc_ents, doc_text
from dyads.nlp.places.toponym import Toponym

_DATELINE = re.compile(
    r"(?:^|(?<=[.!?\n])\s*)(?P<place>[A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+){0,3})"
    r"(?:,\s*(?P<state>[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?))?(?:\s+[—–-]{1,2}\s|:\s)"
)
_RESIDENT = re.compile(
    r"\b(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})(?:['’]s)? "
    r"(?:" + "|".join(map(re.escape, words("places_name_words")["resident_nouns"])) + r")\b"
)
_PARTY = re.compile(r"\b(?:R|D|I|DFL)-(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)\b")
_COUNTY_WORDS = {"counties": "County", "parishes": "Parish"}


def _known_town(gaz: Gazetteer, name: str) -> bool:
    return any(e.kind != CITY or e.population >= 1000 or e.country == "US" for e in gaz.lookup(name))


def _person_tokens(doc: Doc) -> set[int]:
    return {t.i for ent in doc_ents(doc) if ent.label_ == "PERSON" for t in ent}


def find_pattern_toponyms(doc: Doc, gaz: Gazetteer) -> Iterator[Toponym]:
    text = doc_text(doc)
    for match in _DATELINE.finditer(text):
        start, end = match.span("place")
        if _known_town(gaz, match.group("place")):
            yield Toponym(start, end, match.group("place"), "pattern")
            if match.group("state") and gaz.lookup(match.group("state")):
                yield Toponym(*match.span("state"), match.group("state"), "pattern")

    persons = _person_tokens(doc)
    for pattern in (_RESIDENT, _PARTY):
        for match in pattern.finditer(text):
            start, end = match.span("place")
            first = doc.char_span(start, end, alignment_mode="expand")
            if first is None or first[0].pos_ != "PROPN" or any(t.i in persons for t in first):
                continue
            if first[0].is_sent_start and first[0].lower_ in ("the", "a", "an"):
                continue
            if _known_town(gaz, match.group("place")):
                yield Toponym(start, end, match.group("place"), "pattern")

    yield from _county_lists(doc, gaz)
    yield from _two_word_adjectives(doc, gaz)


def _county_lists(doc: Doc, gaz: Gazetteer) -> Iterator[Toponym]:
    """Each name before "counties" is a county: "Becker, Clay, Otter Tail and Wilkin counties"."""
    for token in doc:
        word = _COUNTY_WORDS.get(token.lower_)
        if word is None:
            continue
        i = token.i - 1
        names: list[tuple[int, int]] = []
        while i >= 0:
            end = i
            while i >= 0 and doc[i].text[:1].isupper() and doc[i].pos_ == "PROPN" and end - i < 3:
                i -= 1
            if i == end:
                break
            names.append((i + 1, end + 1))
            if i >= 0 and doc[i].lower_ in (",", "and", "or"):
                i -= 1
                if i >= 0 and doc[i].lower_ in ("and", "or") and doc[i + 1].text == ",":
                    i -= 1
                continue
            break
        for start, end in names:
            span = doc[start:end]
            lookup = f"{span.text} {word}"
            if any(e.kind == ADMIN2 for e in gaz.lookup(lookup)):
                yield Toponym(span.start_char, span.end_char, span.text, "pattern", lookup=lookup)


def _two_word_adjectives(doc: Doc, gaz: Gazetteer) -> Iterator[Toponym]:
    for first, second in pairwise(doc):
        if not (first.text[:1].isupper() and second.text[:1].isupper()):
            continue
        surface = f"{first.text} {second.text}"
        key = normalize(surface)
        iso2 = gaz.demonyms.get(key)
        if iso2:
            yield Toponym(first.idx, second.idx + len(second.text), surface, "demonym", iso2)
        elif key in gaz.region_demonyms:
            yield Toponym(
                first.idx, second.idx + len(second.text), surface, "demonym", lookup=gaz.region_demonyms[key]
            )
