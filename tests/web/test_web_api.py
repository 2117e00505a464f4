"""Every REST endpoint against a real server, including bad parameters (4xx with a message, never 5xx)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import httpx
import pytest

from web_support import Server, build_test_store

INJECTIONS = [
    "'; DROP TABLE events; --",
    "MLI' OR '1'='1",
    '" OR 1=1 --',
    "RUS) UNION SELECT sql FROM sqlite_master --",
    "%' OR 1=1 --",
]


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    db = build_test_store(tmp_path_factory.mktemp("api") / "api.db")
    server = Server(db)
    with httpx.Client(base_url=server.url + "/api/v1", timeout=30) as client:
        yield client
    server.stop()


def test_health_counts_the_store(api: httpx.Client) -> None:
    body = api.get("/health").json()
    assert body["ok"] and body["counts"]["articles"] == 4 and body["counts"]["events"] == 7


def test_articles_and_analysis_round_trip(api: httpx.Client) -> None:
    page = api.get("/articles", params={"limit": 2}).json()
    assert page["total"] == 4 and len(page["items"]) == 2
    doc = api.get("/articles/t-2021/analysis").json()
    assert doc["schema"] == "dyads.analysis/1" and doc["article"]["id"] == "t-2021"
    text = doc["article"]["text"]
    for event in doc["events"]:
        start, end = event["trigger"]
        assert text[start:end] in {"delivered", "expelled"}
    assert api.get("/articles/t-2021").json()["title"] == "Helicopters"


def test_events_filters(api: httpx.Client) -> None:
    assert api.get("/events", params={"actor": "RUS"}).json()["total"] == 4
    assert api.get("/events", params={"actor": "RUS", "recipient": "MLI", "type": "AID"}).json()["total"] == 1
    assert api.get("/events", params={"quad": 4}).json()["total"] == 1
    assert api.get("/events", params={"start": "2021", "end": "2021-12"}).json()["total"] == 2
    assert api.get("/events", params={"text": "helicopters"}).json()["total"] == 1
    assert api.get("/events", params={"place": "Bamako"}).json()["total"] == 7
    paged = api.get("/events", params={"limit": 3, "offset": 3}).json()
    assert paged["offset"] == 3 and len(paged["items"]) == 3


def test_event_detail_keeps_the_sentence(api: httpx.Client) -> None:
    first = api.get("/events", params={"type": "AID"}).json()["items"][0]
    detail = api.get(f"/events/{first['id']}").json()
    assert detail["mentions"][0]["sentence"] == "RUS delivered helicopters to MLI."
    assert detail["mentions"][0]["why"] == "lexicon: delivered"


def test_events_csv_matches_the_query(api: httpx.Client) -> None:
    response = api.get("/events.csv", params={"actor": "RUS"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 4 and {r["type"] for r in rows} == {"AGREE", "AID", "CONSULT", "THREATEN"}


def test_dyad_timeline_compare(api: httpx.Client) -> None:
    dyad = api.get("/dyad/RUS/MLI", params={"by": "year"}).json()
    assert {r["direction"] for r in dyad["rows"]} == {"RUS→MLI"}
    assert sum(r["events"] for r in dyad["rows"]) == 4
    timeline = api.get("/timeline/MLI").json()["events"]
    assert [e["date"][:4] for e in timeline] == sorted(e["date"][:4] for e in timeline)
    assert all(e["sources"] for e in timeline)
    rows = api.get("/compare", params={"target": "MLI", "partners": "RUS,FRA", "by": "year"}).json()["rows"]
    totals = {r["partner"]: r for r in rows if r["period"] == "all"}
    assert totals["RUS"]["cooperation"] == 3 and totals["RUS"]["conflict"] == 1
    assert totals["FRA"]["conflict"] >= 2 and totals["FRA"]["balance"] < totals["RUS"]["balance"]


def test_quotes_search_actors_places(api: httpx.Client) -> None:
    assert api.get("/quotes").json()["total"] == 4
    assert api.get("/search", params={"q": "defence pact"}).json()["total"] == 1
    names = {a["name"] for a in api.get("/actors").json()["items"]}
    assert {"RUS", "MLI", "FRA"} <= names
    places = api.get("/places").json()["items"]
    assert places[0]["name"] == "Bamako" and places[0]["lat"] == pytest.approx(12.65)
    overview = api.get("/overview").json()
    assert overview["dyads"][0]["actor"] == "RUS"


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        ("/events", {"quad": "9"}, 422),
        ("/events", {"quad": "x"}, 422),
        ("/events", {"limit": "0"}, 422),
        ("/events", {"limit": "100000"}, 422),
        ("/events", {"offset": "-1"}, 422),
        ("/events", {"type": "PARTY"}, 422),
        ("/events", {"start": "yesterday"}, 422),
        ("/events", {"start": "2020-13-45"}, 400),
        ("/dyad/RUS/MLI", {"by": "decade"}, 422),
        ("/compare", {"target": "MLI"}, 422),
        ("/compare", {"target": "MLI", "partners": ",,"}, 422),
        ("/search", {}, 422),
        ("/actors", {"kind": "alien"}, 422),
        ("/places", {"country": "mali"}, 422),
        ("/articles/nope", {}, 404),
        ("/articles/nope/analysis", {}, 404),
        ("/events/999999", {}, 404),
        ("/events/abc", {}, 422),
    ],
)
def test_bad_parameters_get_a_4xx_with_a_message(
    api: httpx.Client, path: str, params: dict, status: int
) -> None:
    response = api.get(path, params=params)
    assert response.status_code == status
    assert response.json()["error"]


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_strings_are_only_data(api: httpx.Client, value: str) -> None:
    for path, params in [
        ("/events", {"actor": value}),
        ("/events", {"recipient": value}),
        ("/events", {"place": value}),
        ("/events", {"text": value}),
        ("/quotes", {"search": value, "speaker": value}),
        ("/search", {"q": value}),
    ]:
        response = api.get(path, params=params)
        assert response.status_code < 500, (path, params, response.text)
        if response.status_code == 200 and "total" in response.json():
            assert response.json()["total"] == 0
    assert api.get("/health").json()["counts"]["events"] == 7


def test_paths_cannot_reach_files_outside_the_store(api: httpx.Client) -> None:
    base = str(api.base_url).removesuffix("/api/v1")
    for path in (
        "/static/../../../../etc/passwd",
        "/static/%2e%2e/%2e%2e/etc/passwd",
        "/article/..%2F..%2Fetc%2Fpasswd",
    ):
        response = httpx.get(base + path, timeout=10)
        assert response.status_code in (404, 400, 422)
        assert "root:" not in response.text
