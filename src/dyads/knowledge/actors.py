"""The actor knowledge base: countries, organisations, people with dated roles, sector words.

Data lives in YAML next to this module (``countries.yaml``, ``organizations.yaml``,
``people.yaml``, ``sectors.yaml``). Users layer their own files over it: every ``*.yaml`` /
``*.yml`` file in a folder given with ``--knowledge DIR`` (or ``[dyads] knowledge = [...]`` in
``dyads.toml``) may carry any of the top-level keys ``countries``, ``organizations``,
``people``, ``sectors``, ``student_titles`` and ``regions``. A user entry with the same key as a built-in
one (``iso3`` for a country, ``name`` for an organisation or a person) updates its fields; a
new key adds an entry. Unknown top-level keys are ignored, so other knowledge (event verbs,
places) may share a folder.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from dyads.knowledge.imported import imported_agents, imported_organizations, imported_people
from dyads.knowledge.registry import BUILTIN_DIR, KnowledgeError, read_yaml, user_files

BUILTIN_FILES = ("countries.yaml", "organizations.yaml", "people.yaml", "sectors.yaml")
SECTIONS = ("countries", "organizations", "people", "sectors", "student_titles", "regions", "peoples")


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str
    names: tuple[str, ...] = ()  # other full and short names ("Republic of Mali", "the US")
    adjectives: tuple[str, ...] = ()  # demonyms and adjectives ("Malian", "Malians")
    capitals: tuple[str, ...] = ()
    seats: tuple[tuple[str, str | None], ...] = ()  # seat-of-power metonym and its sector
    cameo: tuple[str, ...] = ()  # CAMEO codes that differ from the ISO3 code
    historical: bool = False

    @property
    def all_names(self) -> tuple[str, ...]:
        return (self.name, *self.names)


@dataclass(frozen=True)
class Organization:
    name: str  # canonical full name
    org: str  # short canonical name used in the `org` field ("ECOWAS", "UN")
    sector: str | None = None
    country: str | None = None  # ISO3 for national bodies, companies and armed groups
    kind: str = "organization"  # or "group" for movements and armed groups
    aliases: tuple[str, ...] = ()
    note: str | None = None
    # Regional adjectives whose leaders, acting together, are this body ("West African leaders"
    # imposing sanctions is ECOWAS) — used only when the article names the body itself.
    regions: tuple[str, ...] = ()
    source: str | None = None  # where an imported entry came from ("phoenix <file>:<line>")

    @property
    def all_names(self) -> tuple[str, ...]:
        return (self.name, self.org, *self.aliases)


@dataclass(frozen=True)
class PersonRole:
    title: str
    of: str | None = None  # ISO3 or organisation
    sector: str | None = None
    start: str | None = None  # ISO date, as precise as known
    end: str | None = None  # None: still held (as far as the knowledge base knows)

    def held_on(self, date: str) -> bool:
        """Whether the role was held on ``date`` (ISO, any precision; prefixes compare)."""
        day = date[:10]
        if self.start and self.start[: len(day)] > day:
            return False
        return not (self.end and self.end[: len(day)] < day)


@dataclass(frozen=True)
class Person:
    name: str
    aliases: tuple[str, ...] = ()  # other spellings; a bare surname only when it is distinctive
    country: str | None = None  # nationality
    sector: str | None = None  # sector outside any dated role (e.g. MIL for an officer)
    roles: tuple[PersonRole, ...] = ()
    note: str | None = None
    source: str | None = None  # where an imported entry came from ("phoenix <file>:<line>")

    def roles_on(self, date: str | None) -> tuple[PersonRole, ...]:
        if date is None:
            return self.roles
        return tuple(r for r in self.roles if r.held_on(date))


@lru_cache(maxsize=1 << 16)  # the same few thousand words and names are looked up in every article
def normalize(text: str) -> str:
    """Key for look-ups: accents folded, case folded, a leading "the" and punctuation dropped."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    folded = re.sub(r"[’'`]s\b", "s", folded)
    folded = re.sub(r"[^\w]+", " ", folded).strip()
    return re.sub(r"^the ", "", folded)


@dataclass(frozen=True)
class Knowledge:
    countries: tuple[Country, ...]
    organizations: tuple[Organization, ...]
    people: tuple[Person, ...]
    sector_terms: Mapping[str, str]  # lower-case noun or phrase -> sector code
    student_titles: frozenset[str]  # titles whose affiliation says nothing of nationality
    regions: tuple[str, ...] = ()  # regions and their adjectives: places, never actors
    peoples: tuple[str, ...] = ()  # adjectives of peoples without a state ("Kurdish"): never actors
    # the countries such a people lives in, by normalised adjective ("kurdish" -> TUR, SYR, IRQ, IRN)
    homelands: Mapping[str, frozenset[str]] = field(default_factory=dict)
    _country_index: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    _code_index: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    _iso3: dict[str, Country] = field(default_factory=dict, repr=False, compare=False)
    _org_index: dict[str, Organization] = field(default_factory=dict, repr=False, compare=False)
    _person_index: dict[str, Person] = field(default_factory=dict, repr=False, compare=False)
    _surname_index: dict[str, list[Person]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for country in self.countries:
            self._iso3[country.iso3] = country
            for code in (country.iso3, *country.cameo):
                self._code_index.setdefault(code.upper(), country.iso3)
            names = (*country.all_names, *country.adjectives, *country.capitals)
            for text in (*names, *(seat for seat, _ in country.seats)):
                if text.isupper() and len(text.replace(".", "")) <= 3:  # "US", "U.K.": not "us"
                    self._code_index.setdefault(text, country.iso3)
                    continue
                # First entry wins: an ambiguous adjective belongs to the state listed first.
                self._country_index.setdefault(normalize(text), country.iso3)
        for org in self.organizations:
            for text in org.all_names:
                self._org_index.setdefault(normalize(text), org)
        for person in self.people:
            for text in (person.name, *person.aliases):
                self._person_index.setdefault(normalize(text), person)
            words = normalize(person.name).split()
            if words:
                self._surname_index.setdefault(words[-1], []).append(person)

    def bodies_of_region(self, phrase: str) -> tuple[Organization, ...]:
        """The organisations that speak for a region named by ``phrase`` ("West African")."""
        key = normalize(phrase)
        return tuple(o for o in self.organizations if any(normalize(r) == key for r in o.regions))

    def country(self, iso3: str) -> Country | None:
        return self._iso3.get(iso3)

    def country_for(self, text: str) -> str | None:
        """ISO3 for a country name, short name, adjective, capital, seat of power or CAMEO code."""
        code = text.strip()
        if code.isupper() and code in self._code_index:  # "MLI", "JAP": codes only in capitals
            return self._code_index[code]
        return self._country_index.get(normalize(text))

    def organization_for(self, text: str) -> Organization | None:
        return self._org_index.get(normalize(text))

    def person_for(self, text: str) -> Person | None:
        return self._person_index.get(normalize(text))

    def people_with_surname(self, surname: str) -> tuple[Person, ...]:
        """Every person whose canonical name ends with ``surname`` (normalised), in order."""
        return tuple(self._surname_index.get(normalize(surname), ()))

    def homelands_of(self, adjective: str) -> frozenset[str]:
        """The countries a people without a state lives in ("Kurdish"), empty if not known."""
        return self.homelands.get(normalize(adjective), frozenset())

    def sector_for(self, noun: str) -> str | None:
        """Sector of a title or group noun ("minister" -> GOV, "Malian troops" -> MIL)."""
        words = normalize(noun).split()
        for start in range(len(words)):  # longest phrase first: "prime minister", then "minister"
            phrase = " ".join(words[start:])
            if phrase in self.sector_terms:
                return self.sector_terms[phrase]
        return None


def _tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def _date(value: Any) -> str | None:
    return None if value is None else str(value)


def _country(entry: dict[str, Any]) -> Country:
    seats = entry.get("seats") or {}
    if not isinstance(seats, dict):
        seats = {str(s): None for s in seats}
    return Country(
        iso3=str(entry["iso3"]).upper(),
        name=str(entry["name"]),
        names=_tuple(entry.get("names")),
        adjectives=_tuple(entry.get("adjectives")),
        capitals=_tuple(entry.get("capitals")),
        seats=tuple((str(k), None if v is None else str(v)) for k, v in seats.items()),
        cameo=_tuple(entry.get("cameo")),
        historical=bool(entry.get("historical", False)),
    )


def _organization(entry: dict[str, Any]) -> Organization:
    return Organization(
        name=str(entry["name"]),
        org=str(entry.get("org") or entry["name"]),
        sector=entry.get("sector"),
        country=entry.get("country"),
        kind=str(entry.get("kind", "organization")),
        aliases=_tuple(entry.get("aliases")),
        note=entry.get("note"),
        regions=_tuple(entry.get("regions")),
        source=entry.get("source"),
    )


def _person(entry: dict[str, Any]) -> Person:
    roles = tuple(
        PersonRole(
            title=str(r["title"]),
            of=r.get("of"),
            sector=r.get("sector"),
            start=_date(r.get("from")),
            end=_date(r.get("to")),
        )
        for r in entry.get("roles") or ()
    )
    return Person(
        name=str(entry["name"]),
        aliases=_tuple(entry.get("aliases")),
        country=entry.get("country"),
        sector=entry.get("sector"),
        roles=roles,
        note=entry.get("note"),
        source=entry.get("source"),
    )


def _read_yaml(path: Path) -> dict[str, Any]:
    return read_yaml(path, "a mapping with keys such as 'countries' or 'people'")


def _files(dirs: Iterable[str]) -> list[Path]:
    builtin = [BUILTIN_DIR / name for name in BUILTIN_FILES if (BUILTIN_DIR / name).is_file()]
    return builtin + user_files(dirs)


def _merge(
    entries: dict[str, dict[str, Any]], new: Any, key: str, source: Path, section: str, curated: bool = False
) -> None:
    if not isinstance(new, list):
        raise KnowledgeError(str(source), f"'{section}' must be a list of entries")
    for number, entry in enumerate(new, 1):
        if not isinstance(entry, dict) or key not in entry:
            raise KnowledgeError(str(source), f"entry {number} of '{section}' needs a '{key}'")
        ident = str(entry[key]).upper() if key == "iso3" else normalize(str(entry[key]))
        old = entries.get(ident, {})
        # a curated entry replaces an imported one of the same name; any other layer updates
        entries[ident] = dict(entry) if curated and "source" in old else {**old, **entry}


@lru_cache(maxsize=8)
def load_knowledge(dirs: tuple[str, ...] = ()) -> Knowledge:
    """The built-in knowledge with the user's folders (or single files) layered over it, in order."""
    countries: dict[str, dict[str, Any]] = {}
    # the imported layer first: the curated files replace its entries, the user's update them
    organizations = {normalize(e["name"]): e for e in imported_organizations()}
    people = {normalize(e["name"]): e for e in imported_people()}
    sector_terms: dict[str, str] = {}
    student_titles: set[str] = set()
    regions: dict[str, None] = {}
    peoples: dict[str, None] = {}
    homelands: dict[str, frozenset[str]] = {}
    sector_terms.update(imported_agents())  # under the curated sector words, which follow
    for path in _files(dirs):
        data = _read_yaml(path)
        _merge(countries, data.get("countries", []), "iso3", path, "countries")
        builtin = path.parent == BUILTIN_DIR
        _merge(organizations, data.get("organizations", []), "name", path, "organizations", builtin)
        _merge(people, data.get("people", []), "name", path, "people", builtin)
        sectors = data.get("sectors", {}) or {}
        if not isinstance(sectors, dict):
            raise KnowledgeError(str(path), "'sectors' must map a sector code to a list of words")
        for code, words in sectors.items():
            for word in _tuple(words):
                sector_terms[normalize(word)] = str(code).upper()
        student_titles.update(normalize(t) for t in _tuple(data.get("student_titles")))
        regions.update(dict.fromkeys(_tuple(data.get("regions"))))
        peoples.update(dict.fromkeys(_tuple(data.get("peoples"))))
        lands = data.get("homelands", {}) or {}
        if not isinstance(lands, dict):
            raise KnowledgeError(str(path), "'homelands' must map a people's adjective to country codes")
        for adjective, codes in lands.items():
            homelands[normalize(str(adjective))] = frozenset(str(c).upper() for c in _tuple(codes))
    own = [{k: e for k, e in t.items() if "source" not in e} for t in (organizations, people)]
    taken = _names_taken(countries, *own)
    try:
        return Knowledge(
            countries=tuple(_country(e) for e in countries.values()),
            organizations=tuple(_organization(e) for e in _beneath(organizations, taken)),
            people=tuple(_person(e) for e in _beneath(people, taken)),
            sector_terms=sector_terms,
            student_titles=frozenset(student_titles),
            regions=tuple(regions),
            peoples=tuple(peoples),
            homelands=homelands,
        )
    except (KeyError, TypeError, AttributeError) as error:
        raise KnowledgeError(",".join(dirs) or str(BUILTIN_DIR), f"malformed entry ({error})") from None


def _names_taken(*tables: dict[str, dict[str, Any]]) -> set[str]:
    """Every name the curated and user entries use: an imported entry may not take one."""
    taken: set[str] = set()
    for table in tables:
        for entry in table.values():
            for key in ("name", "org", "aliases", "names", "adjectives", "capitals", "seats"):
                taken.update(normalize(str(n)) for n in _tuple(entry.get(key)))
    return taken


def _beneath(entries: dict[str, dict[str, Any]], taken: set[str]) -> list[dict[str, Any]]:
    """The table in look-up order: curated and user entries first, then the imported ones that
    keep a name of their own (an alias another entry uses is dropped from the imported one)."""
    own = [e for e in entries.values() if "source" not in e]
    imported = []
    for entry in entries.values():
        if "source" not in entry:
            continue
        if normalize(str(entry["name"])) in taken:
            continue
        aliases = _tuple(entry.get("aliases"))
        kept = [a for a in aliases if normalize(a) not in taken]
        imported.append(entry if len(kept) == len(aliases) else {**entry, "aliases": kept})
    return own + imported


def country_for(text: str, dirs: tuple[str, ...] = ()) -> str | None:
    """ISO3 for a country name, adjective, capital or seat of power; None when unknown."""
    return load_knowledge(dirs).country_for(text)
