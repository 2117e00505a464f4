"""The imported layer: the Phoenix dictionaries converted by the importer, layered under ours."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyads.knowledge import load_knowledge
from dyads.knowledge.imported import IMPORTED_DIR, imported_organizations, imported_people, read_codes
from dyads.knowledge.phoenix import CodeReader, convert_actors, convert_agents, parse_code, parse_date
from dyads.knowledge.phoenix_build import build

ROOT = Path(__file__).resolve().parents[2]
PHOENIX = ROOT.parent / "shared" / "reference" / "phoenix"
DICTIONARIES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
    "Phoenix.agents.txt",
    "LICENSE",
)


def reader() -> CodeReader:
    return CodeReader(load_knowledge(()), read_codes())


def test_dates_and_codes_read_as_the_dictionaries_write_them():
    assert parse_date("080430") == "2008-04-30"
    assert parse_date("450101") == "1945-01-01"
    assert parse_date("20100711") == "2010-07-11"
    assert parse_date("201005011") == "2010-05-01"  # a stray digit in the source
    assert parse_date("999999") is None
    code = parse_code("ARGGOV 080101-080430")
    assert code is not None and (code.code, code.start, code.end) == ("ARGGOV", "2008-01-01", "2008-04-30")
    code = parse_code("IGOUNO  >070201")
    assert code is not None and (code.start, code.end) == ("2007-02-01", None)


def test_a_person_with_dated_codes_becomes_dated_roles_with_provenance():
    lines = [
        "MALI_  [MLI]",  # a country header: a place, left to the curated countries
        "+BAMAKO_",
        "AMADOU_EXAMPLE_MAIGA_  # CountryInfo.txt",
        "+PRESIDENT_AMADOU_EXAMPLE_MAIGA_",
        "+A._E._MAIGA_",
        "\t[MLIELI 600101-020608]",
        "\t[MLIGOV >020608]",
        "\t[ELI]",
    ]
    people, bodies = convert_actors(lines, "Phoenix.Countries.actors.txt", reader())
    assert bodies == []
    assert len(people) == 1
    name, aliases, country, sector, roles, source = people[0]
    assert (name, country, sector, source) == (
        "Amadou Example Maiga",
        "MLI",
        "ELI",
        "Phoenix.Countries.actors.txt:3",
    )
    assert aliases == "A. E. Maiga"  # the titled alias is dropped: titles are read from the text
    assert roles == "public figure,MLI,ELI,1960-01-01,2002-06-08;government office,MLI,GOV,2002-06-08,"


def test_armed_groups_keep_country_sector_and_acronym():
    lines = ["ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_ [YEMREB] #  kkl", "+JAYSH_ADAN_", "", "X_FRONT_ [IMGMUSALQ]"]
    _, bodies = convert_actors(lines, "Phoenix.MilNonState.actors.txt", reader(), groups=True)
    first = bodies[0]
    assert first[:2] == ("Aden Abyan Islamic Army", "AAIA")
    assert set(first[2].split("|")) == {"Jaysh Adan", "AAIA"}
    assert first[3:6] == ("YEM", "REB", "group")
    assert bodies[1][3:5] == ("", "IMG")


def test_agent_nouns_expand_substitution_sets_and_plurals():
    lines = [
        "!PERSON! = MAN, WOMAN",
        "POLICE {} [~COP]",
        "BUSINESS!PERSON! [~BUS]",
        "REBEL [~REB]",
        "OBSERVER [IGO~]",
    ]
    rows = {noun: sector for noun, sector, _ in convert_agents(lines, "Phoenix.agents.txt", reader())}
    assert rows["police"] == "COP" and "polices" not in rows
    assert rows["businessman"] == rows["businesswoman"] == "BUS"
    assert rows["rebels"] == "REB"
    assert rows["observers"] == "IGO"


def test_shipped_tables_are_large_and_every_row_traceable():
    people = imported_people()
    dated = [p for p in people if any(r["from"] or r["to"] for r in p["roles"])]
    assert len(dated) >= 15_000
    assert len(imported_organizations()) >= 2_000
    assert all(e["source"].startswith("phoenix Phoenix.") for e in (*people, *imported_organizations()))
    assert (IMPORTED_DIR / "LICENSE.phoenix").read_text(encoding="utf-8").startswith("The MIT License")


def test_curated_entries_replace_imported_ones_and_users_update_them(tmp_path):
    kb = load_knowledge(())
    putin = kb.person_for("Vladimir Putin")
    assert putin is not None and putin.source is None  # curated: titles, exact dates
    hunt = kb.person_for("Rex Hunt")  # known from the imported dictionaries only
    assert hunt is not None and hunt.country == "GBR" and hunt.source is not None
    assert hunt.source.startswith("phoenix Phoenix.Countries.actors.txt:")
    (tmp_path / "mine.yaml").write_text("people:\n- {name: Rex Hunt, sector: LEG}\n", encoding="utf-8")
    mine = load_knowledge((str(tmp_path),)).person_for("Rex Hunt")
    assert mine is not None and mine.sector == "LEG" and mine.country == "GBR" and mine.roles == hunt.roles


@pytest.mark.skipif(not PHOENIX.is_dir(), reason="the Phoenix dictionaries are not beside the repository")
def test_importer_output_equals_the_shipped_files():
    files = {name: (PHOENIX / name).read_text(encoding="utf-8", errors="replace") for name in DICTIONARIES}
    built = build(files, load_knowledge(()), read_codes())
    for name, text in built.items():
        assert (IMPORTED_DIR / name).read_text(encoding="utf-8") == text, (
            f"{name} differs: run make knowledge"
        )
