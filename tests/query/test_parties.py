"""One party resolver: codes and names in any case, organisations, people by surname, and an error
with the closest names for a party nobody knows."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from dyads.query import EventFilter, compare, dyad_series, find_events, timeline
from dyads.query.parse import BadParameter
from dyads.query.parties import UnknownParty, find_parties, resolve_party
from dyads.store import Store, open_store
from synthetic_store import EventSpec, make_analysis

ECOWAS = "Economic Community of West African States"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    analysis = make_analysis(
        [
            EventSpec(
                "ECOWAS sanctioned MLI over the delay.", "ECOWAS", "SANCTION", "MLI", date="2022-01-09"
            ),
            EventSpec(
                "Sergey Lavrov met MLI officials.", "Sergey Lavrov", "CONSULT", "MLI", date="2023-02-07"
            ),
            EventSpec(
                "Wagner Group trained MLI:MIL units.", "Wagner Group", "COOPERATE", "MLI:MIL", date="2022"
            ),
            EventSpec("Abdoulaye Diop thanked RUS.", "Abdoulaye Diop", "CONSULT", "RUS", date="2023-02-08"),
            EventSpec("Amadou Traore criticised FRA.", "Amadou Traore", "ACCUSE", "FRA", date="2022-02-01"),
            EventSpec("Fatou Traore praised RUS.", "Fatou Traore", "CONSULT", "RUS", date="2022-03-01"),
        ],
        published="2023-02-09",
    )
    # The knowledge base names organisations by their full name and keeps the acronym as `org`.
    actors = tuple(
        dataclasses.replace(a, name=ECOWAS, org="ECOWAS", kind="organization")
        if a.name == "ECOWAS"
        else dataclasses.replace(a, org="Wagner Group", country="RUS", sector="UAF")
        if a.name == "Wagner Group"
        else a
        for a in analysis.actors
    )
    path = tmp_path_factory.mktemp("parties") / "p.db"
    with open_store(path) as writer:
        writer.add_analysis(dataclasses.replace(analysis, actors=actors))
    return open_store(path, readonly=True)


@pytest.mark.parametrize(
    ("typed", "spec"),
    [
        ("MLI", "MLI"),
        ("mli", "MLI"),
        ("Mali", "MLI"),
        ("malian", "MLI"),
        ("mli:mil", "MLI:MIL"),
        ("ECOWAS", "ECOWAS"),
        ("ecowas", "ECOWAS"),
        ("Lavrov", "Sergey Lavrov"),
        ("Wagner", "Wagner Group"),
        ("wagner group", "Wagner Group"),
        ("Diop", "Abdoulaye Diop"),  # a surname found only in the store
        ("abdoulaye diop", "Abdoulaye Diop"),
    ],
)
def test_a_party_is_found_however_it_is_typed(store: Store, typed: str, spec: str) -> None:
    assert resolve_party(store, typed).spec == spec
    assert find_events(store, EventFilter(party=typed)).total >= 1


def test_every_query_resolves_its_parties(store: Store) -> None:
    assert find_events(store, EventFilter(actor="ecowas", recipient="mali")).items[0]["type"] == "SANCTION"
    assert [r["type"] for r in dyad_series(store, "ECOWAS", "mli", by="year")] == ["SANCTION"]
    assert [r["type"] for r in timeline(store, "Lavrov")] == ["CONSULT"]
    totals = [r for r in compare(store, "mali", ["Wagner", "ecowas"], by="year") if r["period"] == "all"]
    assert [(r["partner"], r["events"]) for r in totals] == [("Wagner Group", 1), ("ECOWAS", 1)]


def test_an_unknown_party_is_an_error_with_the_closest_names(store: Store) -> None:
    with pytest.raises(UnknownParty, match="no party 'Wagnr'; did you mean Wagner Group"):
        resolve_party(store, "Wagnr")
    with pytest.raises(UnknownParty, match="actor: no party 'Lavrof'; did you mean Sergey Lavrov"):
        find_events(store, EventFilter(actor="Lavrof"))
    with pytest.raises(BadParameter, match="'Traore' could be any of Amadou Traore, Fatou Traore"):
        resolve_party(store, "Traore")
    for bad in ("\x00", " ", "x" * 500):
        with pytest.raises(BadParameter):
            resolve_party(store, bad)


def test_parties_for_autocompletion(store: Store) -> None:
    rows = find_parties(store, "ma")
    assert {"name": "Mali", "kind": "country", "code": "MLI", "count": 3} in rows
    assert [r["code"] for r in find_parties(store, "wag")] == ["Wagner Group"]
    assert [r["code"] for r in find_parties(store, "eco")] == ["ECOWAS"]
    assert [r["name"] for r in find_parties(store, "lav")] == ["Sergey Lavrov"]
    assert find_parties(store, "zzz") == [] and find_parties(store, "\x00") == []


def test_the_resolved_spec_resolves_to_itself(store: Store, tmp_path: Path) -> None:
    for typed in ("mli", "ecowas", "Lavrov", "Wagner", "Diop", "mli:mil"):
        spec = resolve_party(store, typed).spec
        assert resolve_party(store, spec).spec == spec
