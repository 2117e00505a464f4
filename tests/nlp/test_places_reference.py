"""Places of the reference article (skipped without ../shared)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyads.knowledge.gazetteer import haversine_km
from dyads.model import Options, Place
from dyads.nlp.pipeline import build_nlp
from dyads.nlp.places.find import find_places
from dyads.read.dispatch import read_path

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
ARTICLE = SHARED / "corpus" / "seed" / "mali-opens-its-doors-to-russia.md"

pytestmark = pytest.mark.skipif(not ARTICLE.exists(), reason="reference article not available")


@pytest.fixture(scope="module")
def article() -> tuple[str, list[Place]]:
    text = read_path(str(ARTICLE)).text
    return text, find_places(build_nlp()(text), [], Options())


def place_named(article: tuple[str, list[Place]], name: str) -> Place:
    text, places = article
    hits = [p for p in places if any(text[s:e] == name for s, e in p.mentions)]
    assert hits, f"{name!r} not found among {[p.name for p in places]}"
    assert len(hits) == 1, f"{name!r} resolved to several places: {hits}"
    return hits[0]


@pytest.mark.parametrize(
    ("name", "lat", "lon"),
    [("Bamako", 12.65, -8.0), ("Timbuktu", 16.77, -3.01), ("Gao", 16.27, -0.04)],
)
def test_malian_towns(article, name: str, lat: float, lon: float) -> None:
    place = place_named(article, name)
    assert place.country == "MLI"
    assert place.feature == "city"
    assert place.lat is not None and place.lon is not None
    assert haversine_km(place.lat, place.lon, lat, lon) < 10


def test_niger_is_the_country(article) -> None:
    niger = place_named(article, "Niger")
    assert niger.feature == "country"
    assert niger.country == "NER"


@pytest.mark.parametrize("name", ["Sahel", "West Africa"])
def test_regions(article, name: str) -> None:
    assert place_named(article, name).feature == "region"


@pytest.mark.parametrize(
    ("name", "iso3"), [("Mali", "MLI"), ("Russia", "RUS"), ("France", "FRA"), ("Syria", "SYR")]
)
def test_countries(article, name: str, iso3: str) -> None:
    place = place_named(article, name)
    assert place.feature == "country"
    assert place.country == iso3


def test_moscow_in_russia(article) -> None:
    moscow = place_named(article, "Moscow")
    assert moscow.feature == "city"
    assert moscow.country == "RUS"
    assert moscow.lat is not None and moscow.lon is not None
    assert haversine_km(moscow.lat, moscow.lon, 55.75, 37.62) < 20


def test_every_mention_points_at_its_name(article) -> None:
    text, places = article
    for place in places:
        for start, end in place.mentions:
            assert text[start:end].strip() == text[start:end]
            assert text[start:end][:1].isupper()
