"""The grammar the command line and the web share: types from the ontology, lists, parties, periods."""

from __future__ import annotations

import pytest

from dyads.knowledge.registry import builtin_path, read_yaml
from dyads.query.filters import (
    PERIOD_PATTERN,
    EventFilter,
    date_bound,
    is_country,
    is_party,
    party_side,
    plover_types,
    split_list,
)


def test_plover_types_are_the_ontology_s_in_its_order() -> None:
    types = plover_types()
    assert len(types) == 16
    assert types[:3] == ("AGREE", "CONSULT", "SUPPORT") and types[-1] == "ASSAULT"
    assert list(types) == list(read_yaml(builtin_path("plover.yaml"))["types"])


def test_lists_and_periods() -> None:
    assert split_list(" RUS, FRA,, ") == ("RUS", "FRA")
    assert split_list(None) == ()
    assert PERIOD_PATTERN == "^(day|week|month|quarter|year)$"


def test_party_specs() -> None:
    assert is_country(" MLI ") and not is_country("MLI:MIL") and not is_country("Wagner Group")
    assert is_party("Wagner Group") and is_party("MLI:MIL") and not is_party("<script>")
    assert party_side("MLI:MIL") == ("ea.country = ? AND ea.sector = ?", ["MLI", "MIL"])
    assert party_side("MLIMIL", "x") == ("x.country = ? AND x.sector = ?", ["MLI", "MIL"])


def test_dates_stand_for_their_span() -> None:
    assert date_bound("2020", end=False) == "2020-01-01"
    assert date_bound("2020-02", end=True) == "2020-02-29"
    with pytest.raises(ValueError, match="not an ISO date"):
        date_bound("2020-13", end=False)


def test_more_conditions_keep_the_filter() -> None:
    base = EventFilter(actor="RUS", extra=(("a = ?", (1,)),))
    more = base.with_conditions(("b = ?", (2,)))
    assert more.actor == "RUS" and more.extra == (("a = ?", (1,)), ("b = ?", (2,)))
    assert base.extra == (("a = ?", (1,)),)
