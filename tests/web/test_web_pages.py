"""The analyst's pages in a real browser (Debian chromium through Playwright) over a real server:
charts, dates at their precision, the filter form, the event, quote, actor, place and timeline
pages, downloads, hostile URLs and ids, keyboard use, and the vendored API docs."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from dash_support import DATA_URL, DOTS_ID, SCRIPT_URL, SLASH_ID, PageVisit, build_dash_store
from web_support import Server

pytestmark = [pytest.mark.browser]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = Server(build_dash_store(tmp_path_factory.mktemp("dash") / "dash.db"))
    yield running
    running.stop()


def series_points(visit: PageVisit, chart: str, series: str) -> list[dict[str, Any]]:
    return visit.page.eval_on_selector_all(
        f'{chart} g[data-series="{series}"] circle',
        "els => els.map(c => ({period: c.dataset.period, cy: +c.getAttribute('cy')}))",
    )


def stroke(visit: PageVisit, chart: str, series: str) -> str:
    return visit.page.get_attribute(f'{chart} path[data-series="{series}"]', "stroke") or ""


def test_time_axis_is_continuous_with_empty_years_at_zero(server: Server, browser: Any) -> None:
    visit = PageVisit(browser, server.url + "/dyad/BFA/NER?by=year")
    points = series_points(visit, "#dyad-chart", "BFA→NER")
    assert [p["period"] for p in points] == ["2012", "2013", "2014"]
    zero = float(visit.page.eval_on_selector("#dyad-chart > line", "l => +l.getAttribute('y1')"))
    assert points[1]["cy"] == pytest.approx(zero) and points[0]["cy"] < zero
    visit.close()


def test_legends_sit_outside_the_plot(server: Server, browser: Any) -> None:
    for path, chart in (
        ("/dyad/RUS/MLI?by=year", "#dyad-chart"),
        ("/actor/MLI?by=year", "#actor-chart"),
        ("/compare?target=MLI&partners=RUS,FRA&by=year", "#compare-chart"),
    ):
        visit = PageVisit(browser, server.url + path)
        plot = visit.page.locator(chart).bounding_box()
        legend = visit.page.locator(f'.chart-legend[data-for="{chart[1:]}"]')
        box = legend.bounding_box()
        assert plot and box and box["y"] >= plot["y"] + plot["height"], path
        assert "RUS" in legend.inner_text() and visit.page.locator(f"{chart} text.legend").count() == 0
        visit.close()


def test_a_country_has_one_colour_on_every_page(server: Server, browser: Any) -> None:
    visit = PageVisit(browser, server.url + "/dyad/RUS/MLI?by=year")
    on_dyad = {"RUS": stroke(visit, "#dyad-chart", "RUS→MLI")}
    visit.close()
    visit = PageVisit(browser, server.url + "/dyad/MLI/FRA?by=year")
    on_dyad |= {
        "MLI": stroke(visit, "#dyad-chart", "MLI→FRA"),
        "FRA": stroke(visit, "#dyad-chart", "FRA→MLI"),
    }
    visit.close()
    visit = PageVisit(browser, server.url + "/compare?target=MLI&partners=FRA,RUS&by=year")
    on_compare = {
        "RUS": stroke(visit, "#compare-chart", "RUS"),
        "FRA": stroke(visit, "#compare-chart", "FRA"),
    }
    visit.close()
    visit = PageVisit(browser, server.url + "/actor/MLI?by=year")
    on_actor = stroke(visit, "#actor-chart", "RUS")
    visit.close()
    assert on_dyad["RUS"] == on_compare["RUS"] == on_actor != ""
    assert on_dyad["FRA"] == on_compare["FRA"]
    assert len({on_dyad["RUS"], on_dyad["MLI"], on_dyad["FRA"]}) == 3


def test_dates_show_at_their_precision_in_every_table(server: Server, browser: Any) -> None:
    for path in ("/events?party=BFA", "/timeline/BFA", "/dyad/BFA/NER?by=year", "/actor/BFA"):
        visit = PageVisit(browser, server.url + path)
        dates = visit.page.eval_on_selector_all(
            "#events-table td.when", "tds => tds.map(t => t.innerText.trim())"
        )
        assert "2012" in dates and "2014-03" in dates, (path, dates)
        assert "2012-01-01" not in visit.page.inner_text("#events-table"), path
        visit.close()
    event_csv = httpx.get(server.url + "/events", params={"party": "BFA", "format": "csv"}).text
    rows = list(csv.DictReader(io.StringIO(event_csv)))
    assert {r["when"] for r in rows} == {"2012", "2014-03"}


def test_filters_survive_submits_and_sorting(server: Server, browser: Any) -> None:
    visit = PageVisit(browser, server.url + "/events")
    page = visit.page
    page.fill("input[name=actor]", "RUS")
    page.fill("input[name=recipient]", "MLI")
    page.fill("input[name=place]", "Bamako")
    page.select_option("select[name=type]", ["AGREE", "AID", "CONSULT"])
    page.select_option("select[name=quad]", "material_cooperation")
    page.fill("input[name=since]", "2019")
    page.fill("input[name=until]", "2021-09")
    page.fill("input[name=min_mentions]", "1")
    page.fill("input[name=text]", "helicopters")
    for _ in range(2):  # the second submit starts from the page the first one returned
        page.click("#event-filters button[type=submit]")
        page.wait_for_load_state("load")
        query = parse_qs(urlsplit(page.url).query)
        assert sorted(query["type"]) == ["AGREE", "AID", "CONSULT"] and query["quad"] == [
            "material_cooperation"
        ]
        assert query["since"] == ["2019"] and query["until"] == ["2021-09"] and query["place"] == ["Bamako"]
        assert (
            query["actor"] == ["RUS"] and query["text"] == ["helicopters"] and query["min_mentions"] == ["1"]
        )
        assert (
            page.input_value("input[name=since]") == "2019"
            and page.input_value("input[name=until]") == "2021-09"
        )
        chosen = page.eval_on_selector("select[name=type]", "s => [...s.selectedOptions].map(o => o.value)")
        assert sorted(chosen) == ["AGREE", "AID", "CONSULT"]
        assert page.locator("#events-table tbody tr").count() == 1
        assert "helicopters" in page.inner_text("#events-table")
    visit.close()

    visit = PageVisit(browser, server.url + "/events")
    dates = visit.page.eval_on_selector_all("#events-table td.when", "tds => tds.map(t => t.innerText)")
    assert dates == sorted(dates, reverse=True) and len(dates) == 9  # newest first by default
    visit.page.click("a.sort[data-sort=score]")
    visit.page.wait_for_load_state("load")
    scores = [
        float(s)
        for s in visit.page.eval_on_selector_all(
            "#events-table tbody td:nth-child(4)", "tds => tds.map(t => t.innerText)"
        )
    ]
    assert scores == sorted(scores, reverse=True)
    visit.page.click("a.sort[data-sort=score]")
    visit.page.wait_for_load_state("load")
    again = [
        float(s)
        for s in visit.page.eval_on_selector_all(
            "#events-table tbody td:nth-child(4)", "tds => tds.map(t => t.innerText)"
        )
    ]
    assert again == sorted(scores)
    visit.close()


def test_a_bad_filter_is_a_clear_error(server: Server) -> None:
    for params, word in (
        ({"since": "2021-13"}, "since"),
        ({"quad": "warm"}, "quad"),
        ({"type": "FOO"}, "type"),
    ):
        answer = httpx.get(server.url + "/events", params=params)
        assert answer.status_code == 422 and word in answer.text


def test_event_page_lists_every_report_and_links_its_parties(server: Server, browser: Any) -> None:
    visit = PageVisit(browser, server.url + "/events?type=AID")
    header = visit.page.inner_text("#events-table thead")
    assert "reports" in header and "articles" in header  # each event beside its reports and articles
    visit.page.click("#events-table tbody tr >> nth=0 >> td.when a")
    visit.page.wait_for_load_state("load")
    assert "/event/" in visit.page.url
    text = visit.page.inner_text("main")
    assert "RUS delivered helicopters to MLI." in text and "lexicon: delivered" in text
    visit.page.click("#event-summary a[href='/actor/RUS']")
    visit.page.wait_for_load_state("load")
    assert visit.page.locator("#events-table tbody tr").count() >= 4
    visit.close()


def test_views_and_their_downloads(server: Server, browser: Any) -> None:
    for path, table, expect in (
        ("/quotes?speaker=", "#quotes-table", "Pact"),
        ("/actors?q=ru", "#actors-list", "RUS"),
        ("/places", "#places-list", "Bamako"),
        ("/timeline/MLI", "#events-table", "helicopters"),
        ("/dyad/RUS/MLI?by=year", "#events-table", "helicopters"),
    ):
        visit = PageVisit(browser, server.url + path)
        assert expect in visit.page.inner_text(table), path
        csv_url = visit.page.get_attribute("a.download-csv", "href")
        json_url = visit.page.get_attribute("a.download-json", "href")
        visit.close()
        as_csv = httpx.get(server.url + str(csv_url))
        as_json = httpx.get(server.url + str(json_url))
        assert as_csv.status_code == 200 and as_csv.headers["content-type"].startswith("text/csv"), path
        assert len(as_csv.text.splitlines()) >= 2 and json.loads(as_json.text)["items"], path


def test_the_map_leads_to_the_events_of_a_place(server: Server, browser: Any) -> None:
    visit = PageVisit(browser, server.url + "/")
    visit.page.wait_for_selector("#event-map a circle")
    visit.page.locator("#event-map a circle").first.click(force=True)
    visit.page.wait_for_load_state("load")
    assert parse_qs(urlsplit(visit.page.url).query)["place"] == ["Bamako"]
    assert visit.page.locator("#events-table tbody tr").count() == 7
    visit.close()


def test_hostile_urls_are_text_and_odd_ids_are_links(server: Server, browser: Any) -> None:
    visit = PageVisit(browser, server.url + "/articles")
    for doc_id, url in ((SLASH_ID, SCRIPT_URL), (DOTS_ID, DATA_URL)):
        visit.page.click(f"#articles-table a:text('Pact {doc_id}')")
        visit.page.wait_for_load_state("load")
        assert visit.page.inner_text("h1") == f"Pact {doc_id}"
        assert url in visit.page.inner_text("#article-meta")
        live = visit.page.eval_on_selector_all(
            "a", "as => as.map(a => a.href).filter(h => !/^https?:/.test(h))"
        )
        assert live == [], live
        visit.page.go_back()
        visit.page.wait_for_load_state("load")
    visit.close()
    visit = PageVisit(browser, server.url + "/events?party=BFA")
    hrefs = visit.page.eval_on_selector_all("#events-table a[href^='/article/']", "as => as.map(a => a.href)")
    assert all(httpx.get(h).status_code == 200 for h in hrefs) and len(hrefs) == 2
    visit.close()


def test_event_highlights_are_reachable_by_keyboard(server: Server, browser: Any) -> None:
    visit = PageVisit(browser, server.url + "/article/t-2021")
    for _ in range(40):
        visit.page.keyboard.press("Tab")
        if visit.page.evaluate("() => document.activeElement.matches('mark.event')"):
            break
    else:
        pytest.fail("no event highlight took the focus")
    visit.page.keyboard.press("Enter")
    assert "delivered" in visit.page.inner_text("#explain-body")
    visit.close()


@pytest.mark.parametrize("path", ["/docs", "/redoc"])
def test_api_docs_come_from_the_package_with_the_security_headers(
    server: Server, browser: Any, path: str
) -> None:
    headers = httpx.get(server.url + path).headers
    assert "script-src 'self'" in headers["content-security-policy"] and headers["x-frame-options"] == "DENY"
    requested: list[str] = []
    page = browser.new_page()
    page.on("request", lambda req: requested.append(req.url))
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(server.url + path, wait_until="networkidle")
    page.get_by_text("/api/v1/events/{event_id}").first.wait_for(timeout=15000)
    page.close()
    assert [u for u in requested if not u.startswith(server.url)] == []
    assert errors == []
