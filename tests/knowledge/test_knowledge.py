"""The actor knowledge base: look-ups, dated roles, user files layered over the built-in ones."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import pytest

from dyads.knowledge import KnowledgeError, country_for, load_knowledge

T = TypeVar("T")


def found(value: T | None) -> T:
    """The entry a look-up must find."""
    assert value is not None
    return value


EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "knowledge"


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Mali", "MLI"),
        ("Malian", "MLI"),
        ("the Kremlin", "RUS"),
        ("Moscow", "RUS"),
        ("Downing Street", "GBR"),
        ("Élysée", "FRA"),
        ("Elysee", "FRA"),
        ("Ivory Coast", "CIV"),
        ("Burkinabe", "BFA"),
        ("Soviet Union", "SUN"),
        ("Czechoslovakia", "CSK"),
        ("East Germany", "DDR"),
        ("JAP", "JPN"),  # CAMEO's own codes map to ISO3
        ("ITL", "ITA"),
        ("VTN", "VNM"),
        ("ROM", "ROU"),
        ("ZAR", "COD"),
        ("U.S.", "USA"),
    ],
)
def test_country_for_names_adjectives_capitals_seats_and_codes(kb, text, iso3):
    assert kb.country_for(text) == iso3


def test_country_for_is_not_fooled_by_common_words(kb):
    assert kb.country_for("us") is None  # the pronoun, not the United States
    assert kb.country_for("can") is None  # not CAN (Canada)
    assert country_for("Atlantis") is None


def test_every_un_member_has_an_entry(kb):
    current = [c for c in kb.countries if not c.historical]
    assert len(current) >= 193 + 2  # members and the two observer states
    assert len({c.iso3 for c in kb.countries}) == len(kb.countries)
    assert all(len(c.iso3) == 3 and c.iso3.isupper() for c in kb.countries)


def test_organizations_have_sectors_and_short_names(kb):
    ecowas = kb.organization_for("Economic Community of West African States")
    assert ecowas is not None and (ecowas.org, ecowas.sector, ecowas.country) == ("ECOWAS", "IGO", None)
    assert kb.organization_for("al-Qaida").org == "al-Qaeda"
    rosatom = kb.organization_for("Rosatom")
    assert (rosatom.sector, rosatom.country) == ("BUS", "RUS")
    wagner = kb.organization_for("Wagner Group")
    assert wagner.country == "RUS"
    assert kb.organization_for("Amnesty International").sector == "NGO"


def test_sector_vocabulary_prefers_the_longest_phrase(kb):
    assert kb.sector_for("minister") == "GOV"
    assert kb.sector_for("Malian troops") == "MIL"
    assert kb.sector_for("security forces") == "COP"
    assert kb.sector_for("forces") == "MIL"
    assert kb.sector_for("DPhil candidate") == "EDU"
    assert kb.sector_for("candidate") == "PTY"
    assert kb.sector_for("journalists") == "JRN"
    assert kb.sector_for("weather") is None


def test_dated_roles_follow_the_calendar(kb):
    keita = kb.person_for("Ibrahim Boubacar Keita")
    assert keita is not None and keita.country == "MLI"
    assert [r.title for r in keita.roles_on("2015-06-01")] == ["President"]
    assert keita.roles_on("2024-03-01") == ()
    goita = kb.person_for("Assimi Goïta")
    assert goita is kb.person_for("Assimi Goita")  # accents folded
    assert {r.title for r in goita.roles_on("2022-01-01")} == {"Transitional President"}


def test_user_files_add_and_override_entries(tmp_path):
    (tmp_path / "mine.yaml").write_text(
        "organizations:\n"
        "  - {name: Wagner Group, sector: MIL}\n"
        "  - {name: Dozo hunters, org: Dozo, sector: UAF, country: MLI, kind: group}\n"
        "countries:\n"
        "  - {iso3: MLI, adjectives: [Malian, Malinese]}\n"
        "sectors:\n"
        "  CVL: [herdsmen]\n",
        encoding="utf-8",
    )
    kb = load_knowledge((str(tmp_path),))
    wagner = found(kb.organization_for("Wagner"))
    assert (wagner.sector, wagner.country) == ("MIL", "RUS")  # updated field, others kept
    assert found(kb.organization_for("Dozo hunters")).country == "MLI"
    assert kb.country_for("Malinese") == "MLI"
    assert found(kb.country("MLI")).capitals == ("Bamako",)  # the rest of the entry stays
    assert kb.sector_for("herdsmen") == "CVL"
    assert load_knowledge().organization_for("Dozo hunters") is None  # built-in untouched


def test_example_knowledge_folder_loads():
    kb = load_knowledge((str(EXAMPLES),))
    assert found(kb.organization_for("VDP")).country == "BFA"
    assert found(kb.person_for("Alousseni Sanou")).country == "MLI"


def test_bad_user_files_give_one_line_errors(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("people: [\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"bad\.yaml: not valid YAML"):
        load_knowledge((str(tmp_path),))
    bad.write_text("people:\n  - {aliases: [X]}\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="needs a 'name'"):
        load_knowledge((str(bad),))
    with pytest.raises(KnowledgeError, match="no such knowledge folder"):
        load_knowledge((str(tmp_path / "missing"),))


def test_config_file_knowledge_folders_are_relative_to_the_file(tmp_path, monkeypatch):
    from dyads.cli.config import CONFIG_ENV, load_options

    (tmp_path / "kb").mkdir()
    (tmp_path / "kb" / "local.yaml").write_text(
        "organizations:\n  - {name: Dozo hunters, org: Dozo, sector: UAF, country: MLI, kind: group}\n",
        encoding="utf-8",
    )
    config = tmp_path / "dyads.toml"
    config.write_text('[dyads]\nknowledge = ["kb"]\n', encoding="utf-8")
    monkeypatch.setenv(CONFIG_ENV, str(config))
    options = load_options(knowledge_dirs=(str(EXAMPLES),))
    assert options.knowledge_dirs == (str(tmp_path / "kb"), str(EXAMPLES))  # config first, then CLI
    kb = load_knowledge(options.knowledge_dirs)
    assert found(kb.organization_for("Dozo")).country == "MLI"
    assert found(kb.organization_for("VDP")).country == "BFA"


SECTORS = {
    "GOV", "MIL", "REB", "INS", "OPP", "PTY", "COP", "JUD", "LEG", "SPY", "CVL", "BUS", "JRN", "MED",
    "EDU", "REL", "NGO", "IGO", "IMG", "REF", "LAB", "ELI", "CRM", "UAF", "SOC",
}  # fmt: skip


def test_built_in_entries_are_consistent(kb):
    import re

    iso3 = {c.iso3 for c in kb.countries}
    orgs = {o.org for o in kb.organizations}
    date = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
    for org in kb.organizations:
        assert org.sector in SECTORS, org
        assert org.country is None or org.country in iso3, org
    for person in kb.people:
        assert person.country is None or person.country in iso3, person.name
        for role in person.roles:
            assert role.sector in SECTORS, (person.name, role)
            assert role.of in iso3 | orgs, (person.name, role)
            for value in (role.start, role.end):
                assert value is None or date.match(value), (person.name, role)
            assert not (role.start and role.end) or role.start <= role.end, (person.name, role)
    assert set(kb.sector_terms.values()) <= SECTORS
