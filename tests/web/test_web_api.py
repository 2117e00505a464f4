"""Every REST endpoint against a real server, including bad parameters (4xx with a message, never 5xx)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from dyads.store import open_store
from synthetic_store import EventSpec, make_analysis
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
    assert {r["direction"] for r in dyad["items"]} == {"RUS→MLI"}
    assert sum(r["events"] for r in dyad["items"]) == 4
    timeline = api.get("/timeline/MLI").json()["items"]
    assert [e["date"][:4] for e in timeline] == sorted(e["date"][:4] for e in timeline)
    assert all(e["sources"] for e in timeline)
    rows = api.get("/compare", params={"target": "MLI", "partners": "RUS,FRA", "by": "year"}).json()["items"]
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
        ("/events", {"limit": "-1"}, 422),
        ("/events", {"limit": "100000"}, 422),
        ("/events", {"offset": "-1"}, 422),
        ("/events", {"type": "PARTY"}, 422),
        ("/events", {"start": "yesterday"}, 422),
        ("/events", {"start": "2020-13-45"}, 422),
        ("/events", {"since": "2020-02-30"}, 422),
        ("/events", {"type": "AGREE,FOO"}, 422),
        ("/events", {"quad": "friendly"}, 422),
        ("/events", {"actor": "Wagnr"}, 422),
        ("/dyad/RUS/MLI", {"until": "yesterday"}, 422),
        ("/timeline/Nowhereland", {}, 422),
        ("/events/9223372036854775808", {}, 422),
        ("/articles/99999999999999999999999", {}, 404),
        ("/articles/99999999999999999999999/analysis", {}, 404),
        ("/search", {"q": "\x00"}, 422),
        ("/events.csv", {"text": "\x00"}, 422),
        ("/events", {"text": "\x01\x02"}, 422),
        ("/quotes", {"search": "\x00"}, 422),
        ("/no/such/route", {}, 404),
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
    assert response.status_code == status, response.text
    assert response.json()["error"] and response.json()["status"] == status


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


def test_parties_are_resolved_and_listed_for_autocompletion(api: httpx.Client) -> None:
    by_code = api.get("/events", params={"actor": "RUS"}).json()["total"]
    for typed in ("rus", "Russia", "russian"):
        assert api.get("/events", params={"actor": typed}).json()["total"] == by_code == 4
    assert api.get("/timeline/mali").json()["total"] == api.get("/timeline/MLI").json()["total"] > 0
    wrong = api.get("/events", params={"party": "Malli"})
    assert wrong.status_code == 422 and "did you mean Mali" in wrong.json()["error"]
    parties = api.get("/parties", params={"q": "ma"}).json()
    assert parties["items"][0] == {"name": "Mali", "kind": "country", "code": "MLI", "count": 7}
    assert parties["total"] == len(parties["items"]) and parties["offset"] == 0
    assert api.get("/parties", params={"q": "\x00"}).json()["items"] == []


def test_one_set_of_parsers_for_lists_quads_and_dates(api: httpx.Client) -> None:
    both = api.get("/events", params={"type": "AGREE,aid"}).json()["total"]
    assert both == api.get("/events", params=[("type", "AGREE"), ("type", "AID")]).json()["total"] == 2
    assert api.get("/events", params={"quad": "material_conflict"}).json()["total"] == 1
    assert api.get("/events", params={"since": "2021", "until": "2021-12"}).json()["total"] == 2
    messages = {
        api.get("/events", params={"since": bad}).json()["error"] for bad in ("yesterday", "2021-13-01")
    }
    assert all(m.startswith("since: expected a date as YYYY, YYYY-MM or YYYY-MM-DD") for m in messages)
    # dyad, timeline and compare honour the dates (and the old names start/end)
    everything = api.get("/dyad/RUS/MLI", params={"by": "year"}).json()["items"]
    for params in ({"since": "2021"}, {"start": "2021"}):
        later = api.get("/dyad/RUS/MLI", params={"by": "year", **params}).json()["items"]
        assert {r["period"] for r in later} == {"2021", "2022"} != {r["period"] for r in everything}
    assert api.get("/timeline/MLI", params={"until": "2019"}).json()["total"] == 2
    compared = api.get("/compare", params={"target": "MLI", "partners": "FRA", "since": "2022"}).json()
    assert [r["events"] for r in compared["items"] if r["period"] == "all"] == [1]


def test_api_conventions(api: httpx.Client) -> None:
    for path in ("/no/such/route", "/events/1/nothing"):
        missing = api.get(path)
        assert missing.status_code == 404 and missing.json()["status"] == 404 and missing.json()["error"]
    refused = api.post("/events")
    assert refused.status_code == 405 and refused.json() == {"error": refused.json()["error"], "status": 405}
    head = api.head("/events")
    assert (
        head.status_code == 200 and head.content == b"" and head.headers["content-type"] == "application/json"
    )
    assert api.head("/events.csv").status_code == 200
    big = api.get("/events", params={"limit": 500}, headers={"Accept-Encoding": "gzip"})
    assert big.headers["content-encoding"] == "gzip" and big.json()["total"] == 7
    for path in ("/articles", "/events", "/quotes", "/actors", "/places", "/timeline/MLI", "/dyad/RUS/MLI"):
        body = api.get(path).json()
        assert {"total", "offset", "limit", "items"} <= body.keys(), path
    actors = api.get("/actors", params={"limit": 1, "offset": 1}).json()
    assert actors["total"] == 3 and actors["offset"] == 1 and len(actors["items"]) == 1


def test_quote_speakers_are_matched_literally(api: httpx.Client) -> None:
    assert api.get("/quotes", params={"speaker": "%"}).json()["total"] == 0
    assert api.get("/quotes", params={"speaker": "_"}).json()["total"] == 0


# Values that once reached SQLite unchecked: integers past 2**63, NUL and control characters, FTS5
# syntax, LIKE wildcards and quotes, long strings.
FUZZ = [
    "9223372036854775808",
    "99999999999999999999999",
    "-9223372036854775809",
    "\x00",
    "a\x00b",
    "\x01\x1b[31m\x7f\x85",
    "AND OR NOT",
    'NEAR("a" "b")',
    "text:* ^x",
    '"unbalanced',
    "%_\\",
    "x" * 10_000,
    "²",
]
# The default run tries one value of each kind; the slow run all of them.
FUZZ_FAST = [FUZZ[0], FUZZ[4], FUZZ[5], FUZZ[7], FUZZ[10], FUZZ[11]]


@pytest.mark.parametrize(
    "values", [pytest.param(FUZZ_FAST, id="fast"), pytest.param(FUZZ, id="all", marks=pytest.mark.slow)]
)
def test_no_parameter_value_gives_a_5xx(api: httpx.Client, values: list[str]) -> None:
    """Every parameter of every route of the OpenAPI schema, path ones too, with each value."""
    base = str(api.base_url).rstrip("/").removesuffix("/api/v1")
    client = httpx.Client(base_url=base, timeout=30)
    schema = client.get("/openapi.json").json()
    tried = 0
    for route, methods in schema["paths"].items():
        if "get" not in methods:
            continue
        parameters = methods["get"].get("parameters", [])
        defaults = {"target": "MLI", "partners": "RUS", "q": "pact"}
        for parameter in parameters:
            for value in values:
                path = route
                query = {
                    p["name"]: defaults[p["name"]]
                    for p in parameters
                    if p["name"] in defaults and p["required"]
                }
                if parameter["in"] == "path":
                    path = route.replace(
                        "{" + parameter["name"] + "}", httpx.URL("", params={"v": value}).query.decode()[2:]
                    )
                else:
                    query[parameter["name"]] = value
                for other in parameters:  # the other path parameters: a real value
                    path = path.replace(
                        "{" + other["name"] + "}", "1" if other["name"] in ("event_id", "ref") else "MLI"
                    )
                response = client.get(path, params=query)
                tried += 1
                assert response.status_code < 500, (path, query, response.text[:200])
                if response.status_code == 200 and path.endswith(".csv"):
                    assert (
                        response.text.startswith("id,date,type") and ",when,confidence\r\n" in response.text
                    )
    client.close()
    assert tried >= 80 * len(values)  # 88 parameters over the routes


@pytest.fixture(scope="module")
def dated_api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    """A store whose events are known to a year, a month and a day."""
    path = tmp_path_factory.mktemp("dated") / "dated.db"
    with open_store(path) as store:
        store.add_analysis(
            make_analysis(
                [
                    EventSpec("RUS pledged help to MLI in 2019.", "RUS", "AGREE", "MLI", date="2019"),
                    EventSpec("RUS sent grain to MLI in May.", "RUS", "AID", "MLI", date="2019-05"),
                    EventSpec("MLI thanked RUS on 3 June.", "MLI", "CONSULT", "RUS", date="2019-06-03"),
                ],
                published="2019-12-30",
            )
        )
    server = Server(Path(path))
    with httpx.Client(base_url=server.url + "/api/v1", timeout=30) as client:
        yield client
    server.stop()


def test_dates_are_shown_as_precise_as_known(dated_api: httpx.Client) -> None:
    items = dated_api.get("/events").json()["items"]
    assert [(e["when"], e["date"]) for e in items] == [
        ("2019", "2019"),
        ("2019-05", "2019-05"),
        ("2019-06-03",) * 2,
    ]
    exported = dated_api.get("/events.csv")
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    assert [r["when"] for r in rows] == ["2019", "2019-05", "2019-06-03"]
    assert "2019-01-01" not in exported.text and "2019-05-01" not in exported.text
    assert [e["when"] for e in dated_api.get("/timeline/MLI").json()["items"]] == [
        "2019",
        "2019-05",
        "2019-06-03",
    ]


def test_totals_do_not_depend_on_the_period(dated_api: httpx.Client) -> None:
    totals = []
    for by in ("day", "week", "month", "quarter", "year"):
        rows = dated_api.get("/compare", params={"target": "MLI", "partners": "RUS", "by": by}).json()[
            "items"
        ]
        totals.append([r["events"] for r in rows if r["period"] == "all"])
        dyad = dated_api.get("/dyad/RUS/MLI", params={"by": by}).json()["items"]
        assert sum(r["events"] for r in dyad) == 3
    assert totals == [[3]] * 5
    monthly = dated_api.get("/dyad/RUS/MLI", params={"by": "month"}).json()["items"]
    assert [(r["period"], r["grain"]) for r in monthly] == [
        ("2019", "year"),
        ("2019-05", "month"),
        ("2019-06", "month"),
    ]
    quads = dated_api.get("/overview", params={"by": "month"}).json()["quads"]
    assert [q["period"] for q in quads] == ["2019", "2019-05", "2019-06"]


def test_gzip_is_for_clients_that_accept_it(dated_api: httpx.Client) -> None:
    plain = dated_api.get("/events", params={"limit": 500}, headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers and plain.json()["total"] == 3


def test_a_merged_event_says_why_in_the_api_and_on_its_page(tmp_path: Path) -> None:
    reports = [
        make_analysis(
            [EventSpec(f"{words} on Monday.", actor, "ASSAULT", "SYR", date="2019-05-06")],
            published="2019-05-07",
            outlet=outlet,
        )
        for words, actor, outlet in (
            ("RUS struck SYR", "RUS", "Wire A"),
            ("RUS:MIL jets hit SYR", "RUS:MIL", "Wire B"),
        )
    ]
    with open_store(tmp_path / "m.db") as store:
        for analysis in reports:
            store.add_analysis(analysis)
        event_id = store.scalar("SELECT id FROM events")
    server = Server(tmp_path / "m.db")
    try:
        detail = httpx.get(f"{server.url}/api/v1/events/{event_id}").json()
        reasons = sorted(m["merged_because"] or "" for m in detail["mentions"])
        assert detail["n_mentions"] == 2 and detail["n_articles"] == 2
        assert (
            reasons[0] == "" and reasons[1].startswith("matches report") and "both 2019-05-06" in reasons[1]
        )
        page = httpx.get(f"{server.url}/event/{event_id}").text
        assert "why merged" in page and "matches report" in page and "first report" in page
    finally:
        server.stop()
