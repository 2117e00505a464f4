"""The five components as spaCy sees them: declared once, run by nlp.pipe, each one droppable."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dyads.model import Article
from dyads.nlp.analyze import analyze_article
from dyads.nlp.doc_data import analysis_of, make_doc
from dyads.nlp.pipeline import COMPONENTS, build_nlp

TEXT = (
    "Russian Foreign Minister Sergei Lavrov met his Malian counterpart Abdoulaye Diop in Moscow on "
    'Tuesday. "Russia will keep helping Mali," Lavrov said.'
)


def test_components_follow_the_model_in_the_declared_order(nlp: Language) -> None:
    assert tuple(nlp.pipe_names[-len(COMPONENTS) :]) == COMPONENTS
    # the entity patterns from the knowledge run before the statistical NER, which they overrule
    assert nlp.pipe_names.index("dyads_actor_ruler") < nlp.pipe_names.index("ner")


def test_nlp_pipe_leaves_every_record_on_the_doc(nlp: Language) -> None:
    article = Article(id="t", text=TEXT, published="2022-05-20")
    (doc,) = nlp.pipe([make_doc(nlp, article)])
    assert doc._.article is article
    assert any(a.country == "RUS" for a in doc._.actors)
    assert any(p.name == "Moscow" for p in doc._.places)
    assert any(t.value == "2022-05-17" for t in doc._.times)
    assert doc._.quotes and doc._.events
    # the Doc's records are exactly what the whole-article path returns
    assert analysis_of(doc) == analyze_article(article)


def test_a_bare_doc_is_an_undated_article(nlp: Language) -> None:
    doc = nlp(TEXT)
    assert doc._.article.published is None
    assert doc._.actors and doc._.events


def test_a_component_can_be_dropped(nlp: Language) -> None:
    with nlp.select_pipes(disable=["dyads_events", "dyads_quotes"]):
        doc = nlp(TEXT)
    assert doc._.actors and doc._.places
    assert doc._.events is None and doc._.quotes is None
    analysis = analysis_of(doc)
    assert analysis.events == () and analysis.quotes == () and analysis.actors


def test_an_unknown_component_is_named() -> None:
    with pytest.raises(ValueError, match="dyads_nothing"):
        build_nlp(components=("dyads_nothing",))
