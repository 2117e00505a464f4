"""The actors' and places' word lists read as lists of words (YAML reads a bare "on" or "off" as
a boolean, which would drop the word from its list)."""

from __future__ import annotations

import pytest

from dyads.knowledge.registry import LEXICON_DIR, words

OURS = sorted(p.stem for p in LEXICON_DIR.glob("*.yaml") if p.stem.startswith(("actors_", "places_")))


@pytest.mark.parametrize("name", OURS)
def test_word_lists_are_lower_case_words(name: str) -> None:
    lists = words(name)
    assert lists
    for key, listed in lists.items():
        assert listed, key
        assert all(w == w.strip().casefold() and w for w in listed), key


def test_connectors_keep_the_words_yaml_reads_as_booleans() -> None:
    connectors = words("actors_connectors")
    assert "off" in connectors["locative_prepositions"]
    assert "on" in connectors["acronym_connectors"]
