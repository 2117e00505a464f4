"""Reading a person's title and an appositive description: "Russian Ambassador to Mali and
Niger Igor Gromyko", "Samuel Ramani, DPhil candidate at …", "Nordgold, a Russian gold company".

Pure functions over a parsed Doc and the knowledge base: a ``Title`` says what sector and country
the words give and where the role is held. ``describe_title`` turns one into a role's title.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dyads.knowledge import Knowledge, normalize
from dyads.knowledge.registry import words

_TITLE_WORDS = words("actors_titles")
# Words that may sit inside a title without being its head ("former Defense Minister").
TITLE_MODIFIERS = frozenset(_TITLE_WORDS["title_modifiers"])
# Forms of address the NER keeps inside a name ("Mr Wallace").
HONORIFICS = frozenset(_TITLE_WORDS["honorifics"])
# Words that end an appositive description ("…, DPhil candidate at the Higher School").
DESCRIPTION_STOPS = frozenset(_TITLE_WORDS["description_stops"])
TITLE_LINKS = {"to", "of", "for", "and", "in", "on"}
FORMER = {"former", "ex", "ousted", "deposed", "exiled", "toppled", "overthrown", "disgraced"}
OFFICE_SECTORS = {"GOV", "LEG", "JUD"}


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
        if t.is_punct or t.lower_ in DESCRIPTION_STOPS:
            break
        if t.pos_ in {"VERB", "AUX"} or t.ent_type_ == "PERSON":
            return None, end
        tokens.append(t)
        i += 1
    tokens = [t for t in tokens if t.lower_ not in {"a", "an", "the"}]
    if not tokens:
        return None, end
    title = read_title(doc, tokens, kb)
    if title is None and (country := _leading_demonym(tokens, kb)) is not None:
        # "Sally Jones, a British member of Isis": no title noun, but the nationality is stated
        text = doc[tokens[0].i : tokens[-1].i + 1].text
        title = Title(
            text=text, sector=None, country=country, start=tokens[0].idx, end=tokens[-1].idx + len(tokens[-1])
        )
    return title, i


def _leading_demonym(tokens: list[Token], kb: Knowledge) -> str | None:
    """The country of a demonym among a description's words before any preposition ("British
    member of Isis" is British; "member of a Syrian group" says nothing of the person)."""
    for t in tokens:
        if t.pos_ == "ADP":
            return None
        if t.ent_type_ == "NORP" and (country := entity_country(t, kb)):
            return country
    return None


def token_at(doc: Doc, char: int) -> int:
    """The token at a character offset (the end of the text when none is there)."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else len(doc)


def describe_title(title: Title, kb: Knowledge) -> str:
    """A role title for the record: "Ambassador to Mali and Niger"."""
    text = title.head or title.text
    if title.text and title.head and title.text.endswith(title.head):
        words = [w for w in title.text.split() if kb.country_for(w) is None]
        text = " ".join(words) or title.head
    if title.to:
        names = [(kb.country(c).name if kb.country(c) else c) for c in title.to]  # type: ignore[union-attr]
        text += " to " + (" and ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else names[0])
    return text
