"""Who a user means by a party: ``mli``, ``Mali``, ``ecowas``, ``Lavrov`` → the spec a query matches.

One resolver for the command line, the API and the pages, tried in this order:

1. a country code in any case (``mli``), or a country and sector (``mli:mil``, ``MLIMIL``), that
   the knowledge base or the store knows;
2. a country's name, short name or adjective (``Mali``, ``Malian``), an organisation's name or
   acronym (``ECOWAS``, ``Wagner``), a person's name or alias (``Lavrov``) in the knowledge base;
3. a name or organisation as the store holds it, in any case;
4. a person by surname, when exactly one stored name ends with it.

Anything else is an :class:`UnknownParty` naming the closest parties ("no party 'Wagnr'; did you
mean Wagner Group?"): a misspelt party is an error, never a silent empty result.
:func:`find_parties` lists the parties whose names start with what a user has typed, for
autocompletion.
"""

from __future__ import annotations

import dataclasses
import difflib
from dataclasses import dataclass
from functools import lru_cache

from dyads.knowledge import load_knowledge
from dyads.query.filters import COUNTRY_SPEC, EventFilter, clean_text, country_spec, known_sectors
from dyads.query.parse import BadParameter
from dyads.query.search import like_escaped
from dyads.store import Row, Store

MAX_PARTY = 100  # characters: longer is not a party name
_SUGGESTIONS = 3
_STORED_NAMES = 5_000  # the most frequent stored names offered as suggestions (the error path only)


class UnknownParty(BadParameter):
    """No party answers to what the user typed; the message names the closest ones."""


@dataclass(frozen=True)
class Party:
    """A resolved party: the spec queries take, a readable name and what kind of party it is."""

    spec: str  # "MLI", "MLI:MIL", "ECOWAS", "Sergey Lavrov": what EventFilter and the series take
    name: str  # "Mali", "Mali (MIL)", "ECOWAS", "Sergey Lavrov"
    kind: str  # country | sector | organization | group | person | name


def _country(store: Store, code: str) -> bool:
    """Whether ``code`` is a country the knowledge base knows or the store has events of."""
    if load_knowledge(()).country(code) is not None:
        return True
    return store.scalar("SELECT 1 FROM party_events WHERE country = ? LIMIT 1", [code]) is not None


def _country_party(code: str, sector: str | None = None) -> Party:
    known = load_knowledge(()).country(code)
    name = known.name if known else code
    if sector:
        return Party(f"{code}:{sector}", f"{name} ({sector})", "sector")
    return Party(code, name, "country")


def _by_code(store: Store, text: str) -> Party | None:
    """Step 1: a code in any case, with or without a sector."""
    found = country_spec(text.upper()) if COUNTRY_SPEC.match(text.upper()) else None
    if found is None or not _country(store, found[0]):
        return None
    sector = found[1]
    if sector and ":" not in text and sector not in known_sectors():
        return None
    return _country_party(found[0], sector)


def _org_spec(org_name: str, full_name: str) -> str:
    """The spec of an organisation: its short name, unless that reads as a country code ("IMF")."""
    return full_name if country_spec(org_name) else org_name


def _by_knowledge(text: str) -> Party | None:
    """Step 2: the knowledge base's countries, organisations and people."""
    kb = load_knowledge(())
    code = kb.country_for(text)
    if code:
        return _country_party(code)
    org = kb.organization_for(text)
    if org:
        return Party(_org_spec(org.org, org.name), org.org, org.kind)
    person = kb.person_for(text)
    if person:
        return Party(person.name, person.name, "person")
    return None


def _by_stored_name(store: Store, text: str) -> Party | None:
    """Step 3: a name or organisation as stored, in any case (the indexes are NOCASE)."""
    for column in ("org", "name"):
        found = store.scalar(
            f"SELECT {column} FROM event_actors WHERE {column} = ? COLLATE NOCASE LIMIT 1", [text]
        )
        if found:
            if country_spec(str(found)):
                return None  # a stored name that reads as a code: the code has been tried
            return Party(str(found), str(found), "organization" if column == "org" else "name")
    # an actor the store knows who is party to no event yet: a real party with no events, not an
    # unknown one (the dashboard links every actor it shows)
    found = store.scalar("SELECT name FROM actors WHERE name = ? COLLATE NOCASE LIMIT 1", [text])
    if found and not country_spec(str(found)):
        return Party(str(found), str(found), "name")
    return None


def _by_surname(store: Store, text: str, param: str) -> Party | None:
    """Step 4: the one stored name whose last word is ``text``; several are an error."""
    if " " in text:
        return None
    names = [
        str(r[0])
        for r in store.conn.execute(
            r"SELECT DISTINCT name FROM event_actors WHERE name LIKE ? ESCAPE '\' LIMIT 6",
            ["% " + like_escaped(text)],
        )
    ]
    if len(names) == 1:
        return Party(names[0], names[0], "person")
    if len(names) > 1:
        shown = ", ".join(sorted(names)[:5])
        raise BadParameter(f"{param}: {text!r} could be any of {shown}; give the full name")
    return None


@lru_cache(maxsize=1)
def _known_names() -> dict[str, str]:
    """Every name the knowledge base has for a party, in lower case → the party it stands for."""
    kb = load_knowledge(())
    labels: dict[str, str] = {}
    for country in kb.countries:
        for name in (country.iso3, *country.all_names):
            labels.setdefault(name.lower(), f"{country.name} ({country.iso3})")
    for org in kb.organizations:
        for name in org.all_names:
            labels.setdefault(name.lower(), org.org)
    for person in kb.people:
        for name in (person.name, *person.aliases):
            labels.setdefault(name.lower(), person.name)
    return labels


def _suggestions(store: Store, text: str) -> list[str]:
    """The parties whose names are closest to ``text``, best first."""
    labels = dict(_known_names())
    stored = store.conn.execute(
        "SELECT name FROM event_actors GROUP BY name ORDER BY COUNT(*) DESC LIMIT ?", [_STORED_NAMES]
    )
    for (name,) in stored:
        labels.setdefault(str(name).lower(), str(name))
    # Only names of about the same length can be close (a ratio of 0.75 allows that much), and
    # comparing with every name is what makes an unknown party slow to report.
    typed = text.lower()
    slack = max(2, len(typed) // 2)
    near = [name for name in labels if abs(len(name) - len(typed)) <= slack]
    close = difflib.get_close_matches(typed, near, n=10, cutoff=0.75)
    return list(dict.fromkeys(labels[c] for c in close))[:_SUGGESTIONS]


def resolve_party(store: Store, text: str, param: str = "party") -> Party:
    """The party ``text`` names (see the module's description for the order); raises
    :class:`UnknownParty` (a :class:`BadParameter`, naming ``param``) with the closest matches."""
    cleaned = " ".join(clean_text(text).split())
    if not cleaned:
        raise BadParameter(f"{param}: empty party name")
    if len(cleaned) > MAX_PARTY:
        raise BadParameter(f"{param}: a party name is at most {MAX_PARTY} characters, got {len(cleaned)}")
    found = (
        _by_code(store, cleaned)
        or _by_knowledge(cleaned)
        or _by_stored_name(store, cleaned)
        or _by_surname(store, cleaned, param)
    )
    if found:
        return found
    close = _suggestions(store, cleaned)
    hint = f"; did you mean {' or '.join(close)}?" if close else ""
    raise UnknownParty(f"{param}: no party {cleaned[:50]!r}{hint}")


def resolve_filter(store: Store, flt: EventFilter, names: dict[str, str] | None = None) -> EventFilter:
    """``flt`` with its actor, recipient and party as resolved specs; ``names`` maps each field to
    the name the user knows it by (``--actor`` on the command line) for the error message."""
    names = names or {}

    def spec(field: str, value: str | None) -> str | None:
        return resolve_party(store, value, names.get(field, field)).spec if value else None

    if not (flt.actor or flt.recipient or flt.party):
        return flt
    return dataclasses.replace(
        flt,
        actor=spec("actor", flt.actor),
        recipient=spec("recipient", flt.recipient),
        party=spec("party", flt.party),
    )


def find_parties(store: Store, prefix: str, limit: int = 10) -> list[Row]:
    """Parties whose code or name starts with ``prefix`` (any case), for autocompletion, with the
    events they take part in, most first. Rows: name, kind, code (the spec to query with), count."""
    text = " ".join(clean_text(prefix).split())[:MAX_PARTY]
    if not text:
        return []
    candidates: dict[str, Party] = {}
    kb = load_knowledge(())
    low = text.lower()
    for country in kb.countries:
        if country.iso3.lower().startswith(low) or any(n.lower().startswith(low) for n in country.all_names):
            candidates.setdefault(country.iso3, _country_party(country.iso3))
    for org in kb.organizations:
        if any(n.lower().startswith(low) for n in org.all_names):
            party = Party(_org_spec(org.org, org.name), org.org, org.kind)
            candidates.setdefault(party.spec, party)
    for person in kb.people:
        if any(n.lower().startswith(low) or f" {low}" in n.lower() for n in (person.name, *person.aliases)):
            candidates.setdefault(person.name, Party(person.name, person.name, "person"))
    # Stored names by prefix: a range over the NOCASE index, no scan.
    stored = store.conn.execute(
        "SELECT DISTINCT name FROM event_actors WHERE name >= ? COLLATE NOCASE AND name < ? COLLATE NOCASE"
        " LIMIT 50",
        [text, text + "\U0010ffff"],
    )
    for (name,) in stored:
        if not country_spec(str(name)):
            # A stored full name the knowledge base knows is the party already listed under its acronym.
            party = _by_knowledge(str(name)) or Party(str(name), str(name), "name")
            candidates.setdefault(party.spec, party)
    counted = [(_event_count(store, p), p) for p in candidates.values()]
    counted.sort(key=lambda found: (-found[0], found[1].name))
    return [
        {"name": p.name, "kind": p.kind, "code": p.spec, "count": count} for count, p in counted if count
    ][:limit]


def _event_count(store: Store, party: Party) -> int:
    """How many events a party takes part in, on either side (one index range)."""
    found = country_spec(party.spec)
    if found and not found[1]:
        return int(store.scalar("SELECT COUNT(*) FROM party_events WHERE country = ?", [found[0]]) or 0)
    if found:
        sql, params = "country = ? AND sector = ?", list(found)
    else:
        sql, params = "(name = ? COLLATE NOCASE OR org = ? COLLATE NOCASE)", [party.spec, party.spec]
    return int(store.scalar(f"SELECT COUNT(DISTINCT event_id) FROM event_actors WHERE {sql}", params) or 0)
