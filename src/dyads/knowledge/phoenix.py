"""Reading the Phoenix/PETRARCH2 actor and agent dictionaries into dyads' own records.

Used by ``scripts/import_phoenix.py`` (``make knowledge``) only, never at run time: the run time
reads the TSV files it writes (``imported.py``). The dictionaries' format, in short: a line
``NAME_WITH_UNDERSCORES [CODE]`` starts an entry; ``+ALIAS`` lines add names; indented
``[CODE from-to]`` lines give dated codes (``YYMMDD``; ``>d`` from then on, ``<d`` until then);
``#`` starts a comment. Every record keeps the file and line it came from.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from dyads.knowledge.actors import Knowledge, normalize
from dyads.knowledge.registry import words

CODE = re.compile(r"\[([^\]]*)\]")
# Lower-case inside a name: articles, prepositions and Arabic, Romance and Dutch particles.
PARTICLES = frozenset(words("knowledge_name_particles")["particles"])
ORGANISATION_WORDS = frozenset(words("knowledge_name_particles")["organisation_words"])


@dataclass(frozen=True)
class Code:
    """One actor code with its dates, as written (``USAGOV 090120-170120``)."""

    code: str
    start: str | None = None
    end: str | None = None


@dataclass
class RawEntry:
    """An entry of an actor dictionary as it stands in the file."""

    name: str
    line: int
    aliases: list[str] = field(default_factory=list)
    codes: list[Code] = field(default_factory=list)
    comment: str = ""
    inline: bool = False  # the code stood on the name's own line (a country header)


def parse_date(text: str) -> str | None:
    """ISO date of a dictionary date: ``YYMMDD`` (years up to 25 are 20YY) or ``YYYYMMDD``.

    Some dates carry a stray digit (``201005011``); the first eight are read then.
    """
    digits = text.strip()
    if not digits.isdigit():
        return None
    if len(digits) == 6:
        year = int(digits[:2])
        century = 2000 if year <= 25 else 1900
        digits = f"{century + year}{digits[2:]}"
    elif len(digits) > 8 and digits.startswith(("19", "20")):
        digits = digits[:8]
    if len(digits) != 8:
        return None
    month, day = int(digits[4:6]), int(digits[6:8])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{digits[:4]}-{digits[4:6]}-{digits[6:8]}"


def parse_code(text: str) -> Code | None:
    """A bracketed code's content: ``ARGGOV 080101-080430``, ``IGOUNO >070201``, ``GBRELI``."""
    parts = text.split()
    if not parts or not re.fullmatch(r"[A-Z~]{3,}", parts[0]):
        return None
    code = parts[0].strip("~")
    span = "".join(parts[1:])
    if not span:
        return Code(code)
    if span.startswith(">"):
        return Code(code, start=parse_date(span[1:]))
    if span.startswith("<"):
        return Code(code, end=parse_date(span[1:]))
    start, _, end = span.partition("-")
    return Code(code, start=parse_date(start), end=parse_date(end))


def _codes(text: str) -> list[Code]:
    return [c for c in (parse_code(m) for m in CODE.findall(text)) if c is not None]


def _name_part(text: str) -> str:
    return re.split(r"[\[#{]", text, maxsplit=1)[0].strip()


def read_entries(lines: list[str]) -> Iterator[RawEntry]:
    """The entries of an actor dictionary, in file order, with their line numbers (from 1)."""
    entry: RawEntry | None = None
    for number, raw in enumerate(lines, 1):
        line = raw.rstrip("\n")
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if line[:1] in " \t" or stripped.startswith("["):
            if entry is not None:
                entry.codes.extend(_codes(stripped.split("#", 1)[0]))
            continue
        if stripped.startswith("+"):
            if entry is not None:
                body = stripped[1:].split("#", 1)[0]
                entry.aliases.extend(a for a in (_name_part(p) for p in body.split("+")) if a)
                entry.codes.extend(_codes(body))
            continue
        if entry is not None:
            yield entry
        head, _, comment = stripped.partition("#")
        codes = _codes(head)
        entry = RawEntry(_name_part(head), number, codes=codes, comment=comment.strip(), inline=bool(codes))
    if entry is not None:
        yield entry


def _segment_case(part: str) -> str:
    # "o'brien" -> "O'Brien"; a lone letter after an apostrophe is a possessive ("Women's")
    pieces = part.split("'")
    return "'".join(p.capitalize() if i == 0 or len(p) > 1 else p for i, p in enumerate(pieces))


def _word_case(word: str, first: bool) -> str:
    out = []
    for i, part in enumerate(word.lower().split("-")):
        if part in PARTICLES and not (first and i == 0):
            out.append(part)
        elif part.startswith("mc") and len(part) > 2:
            out.append("Mc" + part[2:].capitalize())
        else:
            out.append(_segment_case(part))
    return "-".join(out)


def display_name(raw: str, organisation: bool = False) -> str:
    """A dictionary name as news writes it: ``BASHAR_AL-ASSAD_`` -> ``Bashar al-Assad``.

    An organisation's name of one short word is an acronym (``IAEA``); a part in parentheses
    is left out (it is an acronym, kept as an alias by the caller).
    """
    text = re.sub(r"\([^)]*\)", " ", raw).replace("_", " ")
    words_ = text.split()
    if organisation and len(words_) == 1 and len(words_[0]) <= 4:
        return words_[0].upper()
    return " ".join(_word_case(w, i == 0) for i, w in enumerate(words_))


def acronyms(raw: str) -> list[str]:
    """Acronyms the dictionaries give in parentheses: ``..._ARMY_(AAIA)_`` -> ``AAIA``."""
    return [a for a in re.findall(r"\(([A-Z0-9-]{2,10})\)", raw)]


def looks_organisation(raw: str) -> bool:
    """Whether a dictionary name names a body rather than a person (by its words)."""
    names = {w.lower() for w in re.split(r"[_\s()]+", raw) if w}
    return bool(names & ORGANISATION_WORDS)


@dataclass(frozen=True)
class CodeReader:
    """The importer's reading of codes: states through the knowledge base, the rest from
    ``phoenix_codes.yaml``."""

    kb: Knowledge
    table: Mapping[str, Any]

    def parts(self, code: str) -> list[str]:
        return [code[i : i + 3] for i in range(0, len(code), 3)]

    def country(self, code: str) -> str | None:
        first = code[:3]
        if first in self.table["international"] or first in self.table["regions"]:
            return None
        iso3 = self.kb.country_for(first)
        return iso3 if iso3 and self.kb.country(iso3) is not None else None

    def sector(self, code: str) -> str | None:
        parts = self.parts(code)
        if parts and parts[0] in self.table["international"]:
            return self.table["international"][parts[0]]
        rest = parts[1:] if self.country(code) or (parts and parts[0] in self.table["regions"]) else parts
        for part in rest:
            if part in self.table["sectors"]:
                return str(self.table["sectors"][part])
        return None

    def body(self, code: str) -> str | None:
        """The organisation an IGO code names (``IGOUNOKID`` -> ``UN``)."""
        parts = self.parts(code)
        if len(parts) > 1 and parts[0] == "IGO":
            return self.table["igo_bodies"].get(parts[1])
        return None

    def title(self, sector: str | None) -> str:
        return str(self.table["role_titles"].get(sector or "", "office"))


def _aliases(entry: RawEntry, name: str, organisation: bool) -> list[str]:
    """Other names of an entry, written as news writes them. A person keeps no one-word alias
    (a bare surname is linked within the article, not from the dictionary) and no alias that is
    the name with a title before it ("PRESIDENT_BARACK_OBAMA": titles are read from the text)."""
    key = normalize(name)
    out: dict[str, None] = {}
    for raw in entry.aliases:
        alias = display_name(raw, organisation)
        alias_key = normalize(alias)
        if not alias_key or alias_key == key or alias_key.endswith(" " + key):
            continue
        if not organisation and len(alias_key.split()) < 2:
            continue
        out[alias] = None
    if organisation:
        out.update(dict.fromkeys(a for raw in (entry.name, *entry.aliases) for a in acronyms(raw)))
    out.pop(name, None)
    return list(out)


def person_row(entry: RawEntry, reader: CodeReader, source: str) -> tuple[str, ...] | None:
    """(name, aliases, country, sector, roles, source) of a person entry; None without codes."""
    if not entry.codes:
        return None
    name = display_name(entry.name)
    if len(normalize(name).split()) < 2:
        return None  # one word: a surname the dictionary could not place, too ambiguous to match
    undated = [c for c in entry.codes if c.start is None and c.end is None]
    dated = [c for c in entry.codes if c not in undated]
    countries = [reader.country(c.code) for c in (*undated, *dated)]
    country = next((c for c in countries if c), "")
    sector = next((s for s in (reader.sector(c.code) for c in undated) if s), "")
    roles = []
    for code in dated:
        role_sector = reader.sector(code.code)
        if role_sector is None or (code.start and code.end and code.start > code.end):
            continue  # a code with no sector says no office; reversed dates are a slip
        of = reader.body(code.code) or reader.country(code.code) or country
        if not of:
            continue  # held nowhere the code names: no role to date
        fields = (reader.title(role_sector), of, role_sector, code.start or "", code.end or "")
        roles.append(",".join(fields))
    aliases = "|".join(_aliases(entry, name, organisation=False))
    return (name, aliases, country, sector, ";".join(roles), source)


def organisation_row(entry: RawEntry, reader: CodeReader, source: str, kind: str) -> tuple[str, ...] | None:
    """(name, org, aliases, country, sector, kind, source) of a body or group; None without codes."""
    if not entry.codes or not entry.name:
        return None
    name = display_name(entry.name, organisation=True)
    code = entry.codes[0].code
    short = reader.body(code) if normalize(name) in {"un", "united nations"} else None
    found = acronyms(entry.name)
    org = short or (found[0] if found else name)
    aliases = "|".join(_aliases(entry, name, organisation=True))
    country = reader.country(code) or ""
    sector = reader.sector(code)
    if sector is None:
        return None  # neither a sector nor a body dyads could code it as
    return (name, org, aliases, country, sector, kind, source)


def convert_actors(
    lines: list[str], file_name: str, reader: CodeReader, groups: bool = False
) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """People and organisations of one actor dictionary. A country header (its code on its own
    line: ``MALI_ [MLI]``) and its aliases, cities among them, are places: they are left to the
    curated countries and the gazetteer."""
    people: list[tuple[str, ...]] = []
    bodies: list[tuple[str, ...]] = []
    for entry in read_entries(lines):
        source = f"{file_name}:{entry.line}"
        if file_name.startswith("Phoenix.Countries") and entry.inline:
            continue
        company = all(c.start is None and c.end is None for c in entry.codes) and any(
            reader.sector(c.code) == "BUS" for c in entry.codes
        )
        one_word = entry.inline and len(entry.name.strip("_").split("_")) < 2
        if groups or company or one_word or looks_organisation(entry.name):
            row = organisation_row(entry, reader, source, "group" if groups else "organization")
            if row is not None:
                bodies.append(row)
        elif (row := person_row(entry, reader, source)) is not None:
            people.append(row)
    return people, bodies


def _plural(noun: str) -> str:
    last = noun.split()[-1]
    if last.endswith("man"):
        return noun[:-3] + "men"
    if last.endswith(("s", "sh", "ch", "x")):
        return noun + "es"
    if last.endswith("y") and last[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def convert_agents(lines: list[str], file_name: str, reader: CodeReader) -> list[tuple[str, ...]]:
    """(noun, sector, source) for every generic noun of the agents dictionary and its plural.

    ``!PERSON!`` stands for each word of its substitution set; ``{PLURAL}`` gives the plural
    (``{}``: none); otherwise the plural is formed the English way.
    """
    sets: dict[str, list[str]] = {}
    rows: dict[str, tuple[str, ...]] = {}
    for number, raw in enumerate(lines, 1):
        line = raw.split("#", 1)[0].strip()
        if match := re.fullmatch(r"(![A-Z]+!)\s*=\s*(.+)", line):
            sets[match.group(1)] = [w.strip() for w in match.group(2).split(",") if w.strip()]
            continue
        match = re.fullmatch(r"([^\[{]+?)\s*(\{[^}]*\})?\s*\[([A-Z~]+)\]", line)
        if not match:
            continue
        code = match.group(3)
        sector = reader.sector(code.replace("~", "")) if code.endswith("~") else None
        sector = sector or next(
            (
                reader.table["sectors"][p]
                for p in reader.parts(code.strip("~"))
                if p in reader.table["sectors"]
            ),
            None,
        )
        if not sector:
            continue
        nouns = [match.group(1)]
        for token, fillers in sets.items():
            nouns = [n.replace(token, f) for n in nouns for f in (fillers if token in n else [token])]
        plural = match.group(2)
        for noun in nouns:
            text = noun.replace("_", " ").strip().lower()
            if "!" in text or not text:
                continue
            forms = [text]
            if plural is None and not text.endswith(("men", "people")):
                forms.append(_plural(text))
            elif plural and plural != "{}":
                forms.append(plural.strip("{}").replace("_", " ").lower())
            for form in forms:
                rows.setdefault(form, (form, str(sector), f"{file_name}:{number}"))
    return list(rows.values())
