from dyads.contract import analysis_from_json, analysis_to_json
from dyads.model import Actor, Analysis, Article, Event, Place, Quote, Role, TimeExpr


def test_round_trip_keeps_every_field() -> None:
    article = Article(id="x", text="Russia signed a deal with Mali.", published="2020-09-25")
    analysis = Analysis(
        article=article,
        actors=(
            Actor(id="a1", name="Russia", kind="country", country="RUS", code="RUS", mentions=((0, 6),)),
            Actor(id="a2", name="Mali", kind="country", country="MLI", roles=(Role("x", "MLI", "2020"),)),
        ),
        events=(
            Event(id="e1", type="AGREE", trigger=(7, 13), sentence=(0, 31), actor=("a1",), recipient=("a2",)),
        ),
        quotes=(Quote(id="q1", content=(0, 31), speaker=None, direct=False),),
        places=(
            Place(
                id="p1",
                name="Mali",
                lat=17.0,
                lon=-4.0,
                country="MLI",
                feature="country",
                mentions=((26, 30),),
            ),
        ),
        times=(TimeExpr(span=(0, 4), value="2020", type="DATE"),),
    )
    data = analysis_to_json(analysis)
    assert data["schema"] == "dyads.analysis/1"
    assert analysis_from_json(data) == analysis
