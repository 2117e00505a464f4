"""The CAMEO verb dictionary as lexicon senses: the converter, the shipped table, the layering
under the curated lexicon, and events coded through an imported sense on real parses."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from dyads.knowledge.cameo_verbs import (
    VERBS_FILE,
    convert_verbs,
    imported_verbs,
    parse_mapping,
    plover_of,
    to_tsv,
)
from dyads.model import Actor, Article, Options
from dyads.nlp.events.find import find_events
from dyads.nlp.events.lexicon import LexiconError, load_lexicon

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT.parent / "shared" / "reference"

# A small dictionary in the verb file's format, written for these tests.
MAPPING = """# CAMEO to PLOVER
07: AID
070: AID, , # Provide aid
073: AID, , humanitarian # Provide humanitarian aid
14: PROTEST
141: PROTEST, demo, # Demonstrate
"""
DICTIONARY = """####### SYNONYM SETS #######
&CROWD
+MARCHERS
####### VERB PATTERNS #######

---  SHIP   [070]  ---
SHIP {SHIPS SHIPPED SHIPPING }
FERRY
+SEND_OVER
- * RELIEF                                          [073]   # SHIP
- * (TO)                                            [0709]  # SHIP
- * (INTO CAPITAL)                                  [141]   # FERRY
- * GOODS (ACROSS)                                  [141]   # FERRY
- &CROWD *                                          [141]   # SHIP
- * {AID CONVOY}                                    [073]   # SHIP
- * TROOPS                                          [042:043]   # SHIP
- * STATEMENT                                       [010]   # SHIP
- * CARGO                                           [---]   # SHIP

---  MUSE   [010]  ---
MUSE
######## TRANSFORMATIONS ##########
~ a (a b ATTACK) SAY = a b 015
"""


def test_mapping_reads_types_and_modes_and_falls_back_to_the_parent_code():
    mapping = parse_mapping(MAPPING)
    assert mapping["141"] == ("PROTEST", "demo")
    assert plover_of("0709", mapping) == ("AID", "")  # no line for 0709: its parent 070
    assert plover_of("010", mapping) is None  # a statement: no PLOVER type
    assert plover_of("---", mapping) == ("-", "")


def test_synonym_sets_and_simple_patterns_become_senses_with_their_line():
    rows = convert_verbs(DICTIONARY, parse_mapping(MAPPING), "test.txt")
    said = {(r.verb, r.type, r.mode, r.cameo, r.objects, r.preps) for r in rows if not r.modifiers}
    for verb in ("ship", "ferry", "send over"):
        assert (verb, "AID", "", "070", (), ()) in said  # the set's own code
        assert (verb, "AID", "", "073", ("relief",), ()) in said
        assert (verb, "AID", "", "0709", (), ("to",)) in said
        assert (verb, "PROTEST", "demo", "141", ("capital",), ("into",)) in said
        assert (verb, "PROTEST", "demo", "141", ("goods",), ("across",)) in said
        assert (verb, "-", "", "---", ("cargo",), ()) in said  # not an event
    phrases = {(r.verb, r.cameo, r.objects, r.modifiers) for r in rows if r.modifiers}
    assert phrases == {(v, "073", ("convoy",), ("aid",)) for v in ("ship", "ferry", "send over")}
    # synonym-set words, subjects, code pairs and statements are not said
    assert not any(r.objects in (("troops",), ("statement",)) for r in rows)
    assert not any(r.verb in ("muse", "marchers") for r in rows)
    lines = DICTIONARY.splitlines()
    for row in rows:  # a pattern's line holds its code, a plain sense's line its verb
        name, number = row.source.split(":")
        line = lines[int(number) - 1]
        assert name == "test.txt"
        assert (
            f"[{row.cameo}]" in line
            if row.objects or row.preps or row.modifiers
            else row.verb.split()[0].upper() in line
        )


def test_the_table_round_trips_through_tsv(tmp_path, monkeypatch):
    rows = convert_verbs(DICTIONARY, parse_mapping(MAPPING), "test.txt")
    path = tmp_path / "cameo_verbs.tsv"
    path.write_text(to_tsv(rows), encoding="utf-8")
    monkeypatch.setattr("dyads.knowledge.cameo_verbs.VERBS_FILE", path)
    imported_verbs.cache_clear()
    try:
        assert list(imported_verbs()) == rows
    finally:
        imported_verbs.cache_clear()


@pytest.mark.skipif(
    not (REFERENCE / "phoenix" / "CAMEO.2.0.txt").is_file(), reason="reference dictionaries absent"
)
def test_importer_output_equals_the_shipped_table(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location(
        "import_cameo_verbs", ROOT / "scripts" / "import_cameo_verbs.py"
    )
    assert spec and spec.loader
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    out = tmp_path / "cameo_verbs.tsv"
    monkeypatch.setattr(script, "VERBS_FILE", out)
    assert (
        script.main(
            ["--from", str(REFERENCE / "phoenix"), "--mapping", str(REFERENCE / "CAMEO2PLOVER-2021.txt")]
        )
        == 0
    )
    assert out.read_text(encoding="utf-8") == VERBS_FILE.read_text(encoding="utf-8")
    rows = imported_verbs()
    assert len(rows) > 10_000 and len({r.verb for r in rows}) > 1_000
    assert all(r.source.startswith("CAMEO.2.0.txt:") for r in rows)


def _user_lexicon(tmp_path: Path, setting: str) -> tuple[str, ...]:
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "event_lexicon.yaml").write_text(f"imported_verbs: {setting}\n", encoding="utf-8")
    return (str(tmp_path),)


def test_curated_verbs_keep_their_senses_and_imported_ones_fill_the_gaps(tmp_path):
    imported = {r.verb for r in imported_verbs()}
    lexicon = load_lexicon(())
    curated = {v for v, senses in load_lexicon(_user_lexicon(tmp_path, "none")).verbs.items()}
    both = curated & imported
    assert both  # the dictionary knows verbs the curated lexicon has too …
    for verb in both:  # … and those keep only their curated senses
        assert all(not s.entry.startswith("phoenix") for s in lexicon.verbs[verb])
    # "reaffirm" is only in the dictionary: its patterns are taken, its plain code is not by default
    reaffirm = lexicon.verbs["reaffirm"]
    assert reaffirm and all(s.conditional and s.entry.startswith("phoenix verb:reaffirm") for s in reaffirm)
    assert any(s.type == "SUPPORT" and "commitment" in s.objects for s in reaffirm)
    # a phrase of a curated verb ("ask for") is not taken either: it would be tried first
    assert "ask" in curated and "ask for" not in lexicon.verbs


def test_the_setting_switches_the_imported_senses(tmp_path):
    assert "reaffirm" not in load_lexicon(_user_lexicon(tmp_path / "none", "none")).verbs
    every = load_lexicon(_user_lexicon(tmp_path / "all", "all"))
    assert any(not s.conditional and s.type == "AGREE" for s in every.verbs["proffer"])  # OFFER [030]
    assert all(s.conditional for s in load_lexicon(()).verbs["proffer"])
    with pytest.raises(LexiconError, match=r"event_lexicon.yaml: imported_verbs must be one of"):
        load_lexicon(_user_lexicon(tmp_path / "b", "maybe"))


def _events(nlp, text: str, names: dict[str, str], knowledge: tuple[str, ...] = ()):
    actors = []
    for i, (name, country) in enumerate(names.items(), 1):
        start = text.index(name)
        actors.append(
            Actor(
                id=f"a{i}", name=name, kind="country", country=country, mentions=((start, start + len(name)),)
            )
        )
    article = Article(id="t", text=text, published="2023-03-01")
    return find_events(nlp(text), article, actors, [], [], Options(knowledge_dirs=knowledge))


def test_an_imported_pattern_codes_an_event_the_curated_lexicon_misses(nlp, tmp_path):
    text = "Japan reaffirmed its commitment to Ghana on Tuesday."
    names = {"Japan": "JPN", "Ghana": "GHA"}
    events = _events(nlp, text, names)
    assert [(e.type, e.actor, e.recipient) for e in events] == [("SUPPORT", ("a1",), ("a2",))]
    assert "phoenix verb:reaffirm" in (events[0].why or "")
    # without the imported senses no event comes from the dictionary (the noun "its commitment",
    # owned through its clause's subject, may still code one of its own)
    curated_only = _events(nlp, text, names, _user_lexicon(tmp_path, "none"))
    assert not any("phoenix" in (e.why or "") for e in curated_only)
