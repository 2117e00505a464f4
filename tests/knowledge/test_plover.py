"""The PLOVER types read from plover.yaml, with a user's file layered over it."""

from __future__ import annotations

import pytest

from dyads.knowledge.plover import QUADS, plover_types
from dyads.knowledge.registry import KnowledgeError


def test_sixteen_types_in_codebook_order():
    types = plover_types()
    assert len(types) == 16
    assert (types[0].name, types[-1].name) == ("AGREE", "ASSAULT")
    assert {t.quad for t in types} == set(QUADS)
    assault = types[-1]
    assert (assault.quad, assault.score, assault.cameo, assault.modes["aerial"]) == (
        "material_conflict",
        -9.0,
        "180",
        -9.5,
    )
    assert [t.name for t in types if t.cooperative] == [
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
    ]


def test_a_user_file_replaces_a_type_in_place_and_adds_new_ones(tmp_path):
    (tmp_path / "plover.yaml").write_text(
        "types:\n  AID: {quad: material_cooperation, score: 9}\n  EXTRA: {quad: verbal_conflict, score: -1}\n",
        encoding="utf-8",
    )
    types = plover_types([str(tmp_path)])
    names = [t.name for t in types]
    assert names.index("AID") == [t.name for t in plover_types()].index("AID")
    assert names[-1] == "EXTRA"
    assert next(t for t in types if t.name == "AID").score == 9


def test_a_type_without_a_score_names_the_file(tmp_path):
    (tmp_path / "plover.yaml").write_text("types:\n  AID: {quad: material_cooperation}\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"plover\.yaml: type 'AID' needs a score"):
        plover_types([str(tmp_path)])
