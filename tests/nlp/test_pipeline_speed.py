"""The caches that make the pipeline fast give the same values as what they replace."""

from __future__ import annotations

import pickle

import spacy
from spacy.tokens import Span

from dyads.knowledge import gazetteer as gz
from dyads.knowledge.gazetteer.compact import EntryTable, from_compact, to_compact
from dyads.nlp.doc_cache import doc_ents, doc_text


def test_doc_text_and_ents_equal_the_doc_own() -> None:
    nlp = spacy.blank("en")
    doc = nlp("Troops left  Gao on Monday.\nThey reached Mopti.")
    doc.ents = [Span(doc, 2, 3, label="GPE"), Span(doc, 9, 10, label="GPE")]
    assert doc_text(doc) == doc.text
    assert doc_text(doc) is doc_text(doc)
    assert [(e.start, e.end, e.label_) for e in doc_ents(doc)] == [
        (e.start, e.end, e.label_) for e in doc.ents
    ]
    assert doc_ents(doc) is doc_ents(doc)
    other = nlp("Nothing here.")
    assert doc_ents(other) == () and doc_text(other) == "Nothing here."


def _small_gazetteer() -> gz.Gazetteer:
    entries = [
        gz.Entry(2460596, "Mali", 17.0, -4.0, "ML", None, 19_000_000, gz.COUNTRY),
        gz.Entry(2460596 + 1, "Bamako", 12.65, -8.0, "ML", "08", 1_297_281, gz.CITY, True),
        gz.Entry(None, "Loudon County", 35.7, -84.3, "US", "TN", 0, gz.ADMIN2),
        gz.Entry(None, "Sahel", 15.0, 0.0, None, None, 0, gz.REGION),
    ]
    by_name = {"mali": [0], "bamako": [1], "loudon county": [2], "sahel": [3], "shared": [3, 1]}
    return gz.Gazetteer(
        entries=entries,
        by_name=by_name,
        iso3={"ML": "MLI"},
        demonyms={"malian": "ML"},
        matcher_names={"Mali": gz.COUNTRY},
        country_index={"ML": 0},
    )


def test_compact_form_gives_the_same_lookups() -> None:
    built = _small_gazetteer()
    loaded = from_compact(pickle.loads(pickle.dumps(to_compact(built))))
    assert list(loaded.entries) == list(built.entries)
    assert [type(e.geonameid) for e in loaded.entries] == [type(e.geonameid) for e in built.entries]
    assert dict(loaded.by_name) == built.by_name
    for name in ("Mali", "the Sahel", "Loudon Co.", "shared", "nowhere"):
        assert loaded.lookup(name) == built.lookup(name)
    assert loaded.lookup_country("ML") == built.lookup_country("ML")
    assert loaded.country_iso3("ML") == "MLI" and loaded.demonyms == built.demonyms
    assert isinstance(loaded.entries, EntryTable)
    assert loaded.entries.names_of(gz.CITY, 1_000_000) == frozenset({"Bamako"})
    assert loaded.entries.names_of(gz.CITY, 2_000_000) == frozenset()
    assert loaded.entries[1:3] == built.entries[1:3]
