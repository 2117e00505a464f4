"""The dashboard in a real browser: Debian chromium driven by Playwright against `dyads serve`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from dash_support import PageVisit
from web_support import Server, build_test_store

pytestmark = [pytest.mark.browser]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    db = build_test_store(tmp_path_factory.mktemp("web") / "web.db")
    running = Server(db)
    yield running
    running.stop()


def svg_shapes(visit: PageVisit, selector: str) -> int:
    return int(
        visit.page.eval_on_selector(selector, "el => el.querySelectorAll('rect, path, circle, line').length")
    )


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/actor/MLI",
        "/dyad/RUS/MLI",
        "/compare?target=MLI&partners=RUS,FRA",
        "/articles",
        "/events",
        "/search?q=RUS",
    ],
)
def test_each_page_loads_without_console_errors(server: Server, browser: object, path: str) -> None:
    visit = PageVisit(browser, server.url + path)
    visit.close()


def test_overview_draws_chart_and_map(server: Server, browser: object) -> None:
    visit = PageVisit(browser, server.url + "/")
    visit.page.wait_for_selector("#event-map circle")
    assert svg_shapes(visit, "#quad-chart") > 3
    assert visit.page.eval_on_selector("#event-map", "el => el.querySelectorAll('path').length") > 100
    assert visit.page.eval_on_selector("#event-map", "el => el.querySelectorAll('circle').length") >= 1
    assert visit.page.locator("#top-dyads a").count() >= 2
    visit.close()


def table_cells(visit: PageVisit, selector: str) -> list[dict[str, str]]:
    """The rows of a table as {header: cell text}."""
    return visit.page.eval_on_selector(
        selector,
        """table => {
            const rows = [...table.querySelectorAll('tr')];
            const heads = [...rows[0].querySelectorAll('th')].map(th => th.textContent.trim());
            return rows.slice(1).map(tr => Object.fromEntries(
                [...tr.querySelectorAll('td')].map((td, i) => [heads[i], td.textContent.trim()])));
        }""",
    )


def test_dyad_and_actor_pages_draw_series_and_network(server: Server, browser: object) -> None:
    visit = PageVisit(browser, server.url + "/dyad/RUS/MLI?by=year")
    assert visit.page.eval_on_selector("#dyad-chart", "el => el.querySelectorAll('path').length") >= 2
    assert "helicopters" in visit.page.inner_text("#events-table")
    # the counts table: events, the sentences reporting them and their distinct articles, as the API says
    shown = table_cells(visit, "#dyad-counts")
    answer = httpx.get(server.url + "/api/v1/dyad/RUS/MLI?by=year").json()["items"]
    assert shown and [(r["period"], r["direction"], r["type"]) for r in shown] == [
        (r["period"], r["direction"], r["type"]) for r in answer
    ]
    assert [(int(r["events"]), int(r["reports"]), int(r["articles"])) for r in shown] == [
        (r["events"], r["mentions"], r["articles"]) for r in answer
    ]
    assert all(1 <= int(r["articles"]) <= int(r["reports"]) for r in shown)
    visit.close()
    visit = PageVisit(browser, server.url + "/actor/MLI")
    assert visit.page.eval_on_selector("#partners", "el => el.querySelectorAll('line').length") >= 2
    visit.close()
    visit = PageVisit(browser, server.url + "/compare?target=MLI&partners=RUS,FRA&by=year")
    assert visit.page.eval_on_selector("#compare-chart", "el => el.querySelectorAll('circle').length") >= 3
    assert "RUS" in visit.page.inner_text("#compare-totals") and "FRA" in visit.page.inner_text(
        "#compare-totals"
    )
    totals = {r["partner"]: r for r in table_cells(visit, "#compare-totals")}
    answer = httpx.get(server.url + "/api/v1/compare?target=MLI&partners=RUS,FRA&by=year").json()["items"]
    assert {
        r["partner"]: (r["events"], r["mentions"], r["articles"]) for r in answer if r["period"] == "all"
    } == {p: (int(t["events"]), int(t["reports"]), int(t["articles"])) for p, t in totals.items()}
    visit.close()


def test_article_highlights_and_explains_events(server: Server, browser: object) -> None:
    visit = PageVisit(browser, server.url + "/article/t-2021")
    marks = visit.page.locator("mark.event")
    assert marks.count() == 2
    marks.first.click()
    explanation = visit.page.inner_text("#explain-body")
    assert "AID" in explanation and "delivered" in explanation and "RUS" in explanation
    assert "lexicon: delivered" in explanation
    visit.close()


def test_filters_change_the_table_and_csv_downloads(server: Server, browser: object) -> None:
    visit = PageVisit(browser, server.url + "/events")
    all_rows = visit.page.locator("#events-table tr").count()
    visit.page.select_option("select[name=type]", ["AID"])
    visit.page.click("#event-filters button[type=submit]")
    visit.page.wait_for_load_state("load")
    filtered = visit.page.locator("#events-table tr").count()
    assert filtered == 2 and all_rows > filtered  # header + the one AID event
    with visit.page.expect_download() as info:
        visit.page.click("a.download-csv")
    path = info.value.path()
    lines = Path(path).read_text(encoding="utf-8").strip().splitlines()
    assert lines[0].startswith("id,date,when,type") and len(lines) == 2 and ",AID," in lines[1]
    visit.close()


def test_stored_script_is_shown_as_text_not_run(server: Server, browser: object) -> None:
    for path in ("/article/t-hostile", "/search?q=pwned", "/articles", "/events?text=warned"):
        visit = PageVisit(browser, server.url + path)
        assert visit.page.evaluate("() => window.__pwned") is None
        visit.close()
    visit = PageVisit(browser, server.url + "/article/t-hostile")
    assert "<script>" in visit.page.inner_text("#article-text")
    assert visit.page.locator("#article-text script, #article-text img").count() == 0
    visit.page.click("#article-text >> text=link") if visit.page.locator("#article-text a").count() else None
    assert visit.page.evaluate("() => window.__pwned") is None
    visit.close()
