"""The golden quality gate: our own example articles against hand-written expectations.

Each ``tests/golden/*.yaml`` (except ``floors.yaml``) names one article under ``examples/`` and
lists the facts a correct analysis must contain: key actors, events, times and places. The whole
pipeline (reader + language analysis) runs once over every article; recall per category is then
compared with the floors pinned in ``tests/golden/floors.yaml``. A drop below a floor fails.

Matching is tolerant where analysts legitimately differ and strict where they must not:

- names: accents, case and punctuation are ignored, aliases may be listed, and a shorter name
  matches a longer one word for word ("Le Drian" ~ "Jean-Yves Le Drian");
- countries: exact ISO3 codes, always (an actor coded to the wrong state is wrong);
- sectors and event types: the expectation lists every acceptable code (``[GOV, MIL]``);
  ``null`` in the list accepts an actor with no sector;
- event ends (``actor``, ``recipient``): a code matches an actor whose country or ``org`` is it;
- dates: compared at the expectation's precision ("2022-01" accepts "2022-01-31", not "2022").

Run ``python tests/test_golden.py`` for a per-article report of what was missed.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from dyads.model import Actor, Analysis, Event, Place, TimeExpr

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
EXAMPLES = ROOT / "examples"
FLOORS = GOLDEN / "floors.yaml"
CATEGORIES = ("actors", "events", "times", "places")


# --- expectations -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Expectation:
    """One article's hand-written expectations, straight from its YAML file."""

    path: Path  # the YAML file
    article: Path  # the example article it describes
    actors: tuple[dict[str, Any], ...] = ()
    events: tuple[dict[str, Any], ...] = ()
    times: tuple[dict[str, Any], ...] = ()
    places: tuple[dict[str, Any], ...] = ()

    def items(self, category: str) -> tuple[dict[str, Any], ...]:
        items: tuple[dict[str, Any], ...] = getattr(self, category)
        return items


def _dates_as_text(value: Any) -> Any:
    """YAML reads 2022-01-31 as a date; expectations compare ISO strings."""
    if isinstance(value, dict):
        return {k: _dates_as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_dates_as_text(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def load_expectation(path: Path) -> Expectation:
    data = _dates_as_text(yaml.safe_load(path.read_text(encoding="utf-8")))
    if not isinstance(data, dict) or "article" not in data:
        raise ValueError(f"{path}: no 'article' key")
    lists = {c: tuple(data.get(c) or ()) for c in CATEGORIES}
    for category, items in lists.items():
        for item in items:
            if not isinstance(item, dict):
                raise ValueError(f"{path}: {category} entry is not a mapping: {item!r}")
    return Expectation(path=path, article=EXAMPLES / str(data["article"]), **lists)


def golden_files() -> list[Path]:
    return sorted(p for p in GOLDEN.glob("*.yaml") if p.name != FLOORS.name)


# --- normalisation ------------------------------------------------------------------------------


def normalise(text: str) -> str:
    """Lower case, accents and punctuation dropped, whitespace collapsed ("Goïta's" → "goita s")."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    words = re.sub(r"[^\w]+", " ", plain.lower().replace("'s ", " ").replace("’s ", " "))
    return " ".join(words.split())


def contains_words(longer: str, shorter: str) -> bool:
    """True when ``shorter`` occurs in ``longer`` as whole words (both already normalised)."""
    return bool(shorter) and f" {shorter} " in f" {longer} "


def alternatives(value: Any) -> list[Any]:
    """A scalar or a list in the YAML, as a list ("GOV" → ["GOV"])."""
    return list(value) if isinstance(value, list) else [value]


def names_of(expected: dict[str, Any]) -> list[str]:
    names = [expected["name"]] if expected.get("name") else []
    return [normalise(n) for n in names + list(expected.get("aliases") or [])]


def name_matches(expected_names: Sequence[str], candidates: Iterable[str]) -> bool:
    """Any expected name equals or is contained word for word in a candidate, or the reverse
    for candidates of two words or more ("Le Drian" ~ "Jean-Yves Le Drian")."""
    for candidate in (normalise(c) for c in candidates):
        for name in expected_names:
            if candidate == name or contains_words(candidate, name):
                return True
            if len(candidate.split()) >= 2 and contains_words(name, candidate):
                return True
    return False


def span_text(text: str, span: Sequence[int]) -> str:
    return text[span[0] : span[1]]


# --- matching one expectation against one analysis ----------------------------------------------


def actor_matches(expected: dict[str, Any], actor: Actor, text: str) -> bool:
    if "country" in expected and actor.country != expected["country"]:
        return False
    if "org" in expected and (actor.org or "").upper() != str(expected["org"]).upper():
        return False
    if "sector" in expected and actor.sector not in alternatives(expected["sector"]):
        return False
    if "kind" in expected and actor.kind not in alternatives(expected["kind"]):
        return False
    names = names_of(expected)
    if not names:
        return True
    mentions = [span_text(text, m) for m in actor.mentions]
    return name_matches(names, [actor.name, *mentions])


def end_matches(code: str, actor: Actor | None) -> bool:
    """An event end ("MLI", "ECOWAS") against an actor: its country or its organisation."""
    if actor is None:
        return False
    return actor.country == code or (actor.org or "").upper() == code.upper()


def date_matches(expected: str, found: str | None) -> bool:
    """Compared at the expectation's precision: "2022-01" accepts "2022-01-31" but not "2022"."""
    return found is not None and len(found) >= len(expected) and found.startswith(expected)


def event_matches(expected: dict[str, Any], event: Event, analysis: Analysis) -> bool:
    if event.type not in alternatives(expected["type"]):
        return False
    if expected.get("actor") and not any(
        end_matches(str(expected["actor"]), analysis.actor(a)) for a in event.actor
    ):
        return False
    if expected.get("recipient") and not any(
        end_matches(str(expected["recipient"]), analysis.actor(r)) for r in event.recipient
    ):
        return False
    wanted = expected.get("date")
    return not wanted or date_matches(str(wanted), event.date)


def time_matches(expected: dict[str, Any], time: TimeExpr, text: str) -> bool:
    if time.value not in [str(v) for v in alternatives(expected["value"])]:
        return False
    if not expected.get("text"):
        return True
    found, wanted = normalise(span_text(text, time.span)), normalise(str(expected["text"]))
    return contains_words(found, wanted) or contains_words(wanted, found)


def place_matches(expected: dict[str, Any], place: Place, text: str) -> bool:
    if "country" in expected and place.country != expected["country"]:
        return False
    if "feature" in expected and place.feature not in alternatives(expected["feature"]):
        return False
    mentions = [span_text(text, m) for m in place.mentions]
    names = names_of(expected)
    return name_matches(names, [place.name, *mentions])


def found(category: str, expected: dict[str, Any], analysis: Analysis) -> bool:
    """Is this one expectation satisfied anywhere in the analysis?"""
    text = analysis.article.text
    if category == "actors":
        return any(actor_matches(expected, a, text) for a in analysis.actors)
    if category == "events":
        return any(event_matches(expected, e, analysis) for e in analysis.events)
    if category == "times":
        return any(time_matches(expected, t, text) for t in analysis.times)
    if category == "places":
        return any(place_matches(expected, p, text) for p in analysis.places)
    raise ValueError(f"unknown category {category!r}")


# --- scoring ------------------------------------------------------------------------------------


@dataclass
class Tally:
    found: int = 0
    expected: int = 0
    missed: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0


def score(pairs: Iterable[tuple[Expectation, Analysis]]) -> dict[str, Tally]:
    tallies = {c: Tally() for c in CATEGORIES}
    for expectation, analysis in pairs:
        for category in CATEGORIES:
            for item in expectation.items(category):
                tally = tallies[category]
                tally.expected += 1
                if found(category, item, analysis):
                    tally.found += 1
                else:
                    tally.missed.append(f"{expectation.path.name}: {item}")
    return tallies


def run_pipeline(expectations: Sequence[Expectation]) -> Iterator[tuple[Expectation, Analysis]]:
    from dyads.nlp.analyze import analyze_articles
    from dyads.read import read_path

    articles = [read_path(str(e.article)) for e in expectations]
    yield from zip(expectations, analyze_articles(articles), strict=True)


@lru_cache(maxsize=1)
def _measure_once() -> dict[str, Tally] | BaseException:
    # A failing pipeline is remembered too, so each category's test does not rerun it.
    try:
        expectations = [load_expectation(p) for p in golden_files()]
        return score(run_pipeline(expectations))
    except Exception as error:  # re-raised by measured()
        return error


def measured() -> dict[str, Tally]:
    """Recall per category over the whole golden set; the pipeline runs once per session."""
    result = _measure_once()
    if isinstance(result, BaseException):
        raise result
    return result


def load_floors() -> dict[str, float]:
    data = yaml.safe_load(FLOORS.read_text(encoding="utf-8")) or {}
    return {c: float(data.get(c, 0.0)) for c in CATEGORIES}


# --- tests: the golden files themselves ---------------------------------------------------------


def test_every_example_article_has_expectations() -> None:
    described = {load_expectation(p).article.resolve() for p in golden_files()}
    articles = {
        p.resolve()
        for p in EXAMPLES.rglob("*")
        if p.is_file() and p.suffix in {".md", ".txt", ".html"} and "knowledge" not in p.parts
    }
    assert articles, "no example articles found"
    assert sorted(map(str, articles - described)) == []


@pytest.mark.parametrize("path", golden_files(), ids=lambda p: p.stem)
def test_golden_file_is_well_formed(path: Path) -> None:
    expectation = load_expectation(path)
    assert expectation.article.is_file(), f"{path.name}: no article {expectation.article}"
    assert expectation.actors and expectation.events, f"{path.name}: needs actors and events"
    for actor in expectation.actors:
        assert actor.get("name") or actor.get("country") or actor.get("org"), actor
        if actor.get("country"):
            assert re.fullmatch(r"[A-Z]{3}", actor["country"]), actor
    for event in expectation.events:
        assert event.get("type"), event
        assert event.get("actor") or event.get("recipient"), event
        if event.get("date"):
            assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", str(event["date"])), event
    for time in expectation.times:
        assert time.get("value"), time
    for place in expectation.places:
        assert place.get("name"), place


def test_floors_cover_every_category() -> None:
    floors = load_floors()
    assert set(floors) == set(CATEGORIES)
    assert all(0.0 <= v <= 1.0 for v in floors.values())


# --- tests: the matching rules, on records built by hand ----------------------------------------


def _analysis(**records: Any) -> Analysis:
    from dyads.model import Article

    text = "Mali's transitional government expelled the French ambassador, Joel Meyer, on Monday."
    return Analysis(article=Article(id="t", text=text), **records)


def test_actor_match_is_tolerant_on_names_and_strict_on_countries() -> None:
    meyer = Actor(id="a1", name="Joël Meyer", kind="person", country="FRA", sector="GOV")
    assert actor_matches({"name": "Joel Meyer", "country": "FRA", "sector": "GOV"}, meyer, "")
    assert actor_matches({"name": "Meyer", "country": "FRA"}, meyer, "")
    assert not actor_matches({"name": "Joel Meyer", "country": "MLI"}, meyer, "")
    assert not actor_matches({"name": "Joel Meyer", "sector": ["MIL"]}, meyer, "")
    assert actor_matches({"country": "FRA", "sector": ["MIL", "GOV"]}, meyer, "")
    assert actor_matches({"name": "Joel Meyer", "sector": ["MIL", None]}, meyer, "") is False


def test_actor_match_reads_mentions() -> None:
    analysis = _analysis()
    mali = Actor(id="a1", name="Mali", kind="country", country="MLI", sector="GOV", mentions=((0, 30),))
    assert actor_matches({"name": "transitional government", "country": "MLI"}, mali, analysis.article.text)


def test_event_match_checks_type_direction_and_date_precision() -> None:
    mali = Actor(id="a1", name="Mali", kind="country", country="MLI", sector="GOV")
    meyer = Actor(id="a2", name="Joel Meyer", kind="person", country="FRA", sector="GOV")
    event = Event(
        id="e1",
        type="SANCTION",
        trigger=(31, 39),
        sentence=(0, 86),
        actor=("a1",),
        recipient=("a2",),
        date="2022-01-31",
    )
    analysis = _analysis(actors=(mali, meyer), events=(event,))
    assert event_matches(
        {"type": ["SANCTION", "COERCE"], "actor": "MLI", "recipient": "FRA", "date": "2022-01"},
        event,
        analysis,
    )
    assert not event_matches({"type": "SANCTION", "actor": "FRA", "recipient": "MLI"}, event, analysis)
    assert not event_matches({"type": "ACCUSE", "actor": "MLI"}, event, analysis)
    assert not event_matches({"type": "SANCTION", "actor": "MLI", "date": "2022-02"}, event, analysis)
    coarse = Event(id="e2", type="SANCTION", trigger=(31, 39), sentence=(0, 86), actor=("a1",), date="2022")
    assert not event_matches({"type": "SANCTION", "actor": "MLI", "date": "2022-01"}, coarse, analysis)


def test_org_codes_match_event_ends() -> None:
    ecowas = Actor(
        id="a1",
        name="Economic Community of West African States",
        kind="organization",
        sector="IGO",
        org="ECOWAS",
    )
    assert end_matches("ECOWAS", ecowas)
    assert not end_matches("MLI", ecowas)
    assert not end_matches("MLI", None)


def test_time_and_place_matches() -> None:
    analysis = _analysis()
    text = analysis.article.text
    start = text.index("Monday")
    monday = TimeExpr(span=(start, start + len("Monday")), value="2022-01-31")
    assert time_matches({"text": "Monday", "value": "2022-01-31"}, monday, text)
    assert not time_matches({"text": "Monday", "value": "2022-02-01"}, monday, text)
    bamako = Place(id="p1", name="Bamako", country="MLI")
    assert place_matches({"name": "Bamako", "country": "MLI"}, bamako, text)
    assert not place_matches({"name": "Bamako", "country": "FRA"}, bamako, text)


# --- the gate -----------------------------------------------------------------------------------


@pytest.mark.parametrize("category", CATEGORIES)
def test_golden_recall_holds_its_floor(category: str) -> None:
    tally = measured()[category]
    floor = load_floors()[category]
    assert tally.expected > 0
    assert tally.recall >= floor, (
        f"{category} recall {tally.recall:.3f} ({tally.found}/{tally.expected}) fell below the "
        f"pinned floor {floor:.3f}; first misses: {tally.missed[:5]}"
    )


def main(argv: Sequence[str]) -> int:
    """Print recall per category and, with ``-v``, every missed expectation."""
    tallies = measured()
    floors = load_floors()
    for category, tally in tallies.items():
        print(
            f"{category:7s} recall {tally.recall:.3f}  ({tally.found}/{tally.expected})  floor {floors[category]:.2f}"
        )
    if "-v" in argv:
        for category, tally in tallies.items():
            for miss in tally.missed:
                print(f"  missed {category}: {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
