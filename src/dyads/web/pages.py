"""Server-rendered pages. Templates autoescape every string; data for charts is embedded with
``tojson`` (which escapes ``<``, ``>`` and ``&``), so stored text can never become markup or script."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from dyads.contract import analysis_from_json
from dyads.model import Analysis
from dyads.query import (
    EventFilter,
    compare,
    dyad_series,
    find_events,
    overview,
    search_quotes,
    search_sentences,
    timeline,
)
from dyads.query.filters import party_condition, split_list
from dyads.store import Store
from dyads.store.ontology import QUAD_NAMES
from dyads.web.highlight import marks_of, segments
from dyads.web.params import TYPES, Filter, Offset, OptText, Period, StoreDep, check_party, check_ref

templates = Jinja2Templates(directory=str(Path(__file__).with_name("templates")))
router = APIRouter(include_in_schema=False)
PAGE = 50


def render(request: Request, name: str, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context)


def _event_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows of query.find_events/timeline → what _events_table.html shows."""
    out = []
    for row in rows:
        sources = row.get("sources") or []
        first = sources[0] if sources else {}
        out.append(
            {
                "date": row.get("date"),
                "type": row.get("type"),
                "mode": row.get("mode"),
                "auxiliary": row.get("auxiliary"),
                "actor_label": row.get("actor") or "?",
                "recipient_label": row.get("recipient"),
                "score": row.get("score"),
                "place": row.get("place"),
                "sentence": row.get("sentence") or "",
                "article_id": first.get("article_id") or row.get("article_id") or "",
                "article_title": first.get("title") or row.get("source"),
                "event_id": "",
                "mentions": row.get("n_mentions"),
            }
        )
    return out


def _with_articles(store: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Attach the first reporting article to each event row, so the table links to its source."""
    for row in rows:
        if "sources" in row:
            continue
        found = store.rows(
            "SELECT a.id AS article_id, a.title, m.local_id FROM event_mentions m"
            " JOIN articles a ON a.id = m.article_id WHERE m.event_id = ? ORDER BY m.id LIMIT 1",
            (row["id"],),
        )
        row["sources"] = found
    return rows


@router.get("/", response_class=HTMLResponse)
def overview_page(request: Request, store: StoreDep) -> HTMLResponse:
    counts = store.counts()
    stats = {"articles": counts["articles"], "events": counts["events"], "actors": counts["actors"]}
    return render(
        request,
        "overview.html",
        stats=stats,
        quads=overview.quad_series(store, "month"),
        dyads=overview.top_dyads(store),
        actors=overview.active_actors(store),
        places=overview.event_places(store),
    )


@router.get("/actor/{party}", response_class=HTMLResponse)
def actor_page(request: Request, party: str, store: StoreDep, by: Period = "quarter") -> HTMLResponse:
    check_party("party", party)
    rows = _with_articles(store, timeline(store, party, limit=50))
    series_rows = compare(
        store, party, [p["id"] for p in overview.partner_network(store, party, 5)["nodes"][1:]], by=by
    )
    return render(
        request,
        "actor.html",
        actor=party,
        events=_event_rows(rows),
        series=overview.series_by_direction(series_rows, key="partner"),
        network=overview.partner_network(store, party),
    )


@router.get("/dyad/{first}/{second}", response_class=HTMLResponse)
def dyad_page(
    request: Request, first: str, second: str, store: StoreDep, by: Period = "month"
) -> HTMLResponse:
    check_party("first", first)
    check_party("second", second)
    series = overview.series_by_direction(dyad_series(store, first, second, by=by))
    # the first party as the filter's party (a date-ordered index serves it), the second as a
    # condition on the other side
    two, two_params = party_condition(second, None, "eb")
    flt = EventFilter(party=first, extra=((two, tuple(two_params)),))
    rows = _with_articles(store, find_events(store, flt, limit=200).items)
    return render(request, "dyad.html", a=first, b=second, by=by, series=series, events=_event_rows(rows))


@router.get("/compare", response_class=HTMLResponse)
def compare_page(
    request: Request,
    store: StoreDep,
    target: Annotated[str | None, Query(max_length=100)] = None,
    partners: Annotated[str, Query(max_length=500)] = "",
    by: Period = "quarter",
) -> HTMLResponse:
    names = split_list(partners)
    series: dict[str, Any] = {}
    totals: list[dict[str, Any]] = []
    if target and names:
        check_party("target", target)
        for name in names:
            check_party("partners", name)
        rows = compare(store, target, names, by=by)
        series = overview.series_by_direction(rows, key="partner")
        totals = [r for r in rows if r["period"] == "all"]
    return render(
        request,
        "compare.html",
        target=target,
        partners_text=",".join(names),
        by=by,
        series=series,
        totals=totals,
    )


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request, store: StoreDep, offset: Offset = 0) -> HTMLResponse:
    page = store.list_articles(limit=PAGE, offset=offset)
    items = [
        {
            "id": a["doc_id"],
            "title": a["title"],
            "published": a["published"],
            "outlet": a["outlet"],
            "events": a["n_events"],
        }
        for a in page.items
    ]
    prev_url = f"/articles?offset={max(0, offset - PAGE)}" if offset else None
    next_url = f"/articles?offset={offset + PAGE}" if offset + PAGE < page.total else None
    return render(
        request, "articles.html", articles=items, total=page.total, prev_url=prev_url, next_url=next_url
    )


def _article_context(analysis: Analysis) -> dict[str, Any]:
    text = analysis.article.text
    names = {a.id: a.name for a in analysis.actors}
    places = {p.id: p.name for p in analysis.places}

    def snippet(span: tuple[int, int]) -> str:
        return " ".join(text[span[0] : span[1]].split())

    events = [
        {
            "id": e.id,
            "type": e.type,
            "mode": e.mode,
            "cameo": e.cameo,
            "score": e.score,
            "auxiliary": e.auxiliary,
            "confidence": e.confidence,
            "date": e.date,
            "place": places.get(e.location or ""),
            "trigger_text": snippet(e.trigger),
            "sentence_text": snippet(e.sentence),
            "actor_names": ", ".join(names.get(i, i) for i in e.actor) or "?",
            "recipient_names": ", ".join(names.get(i, i) for i in e.recipient),
            "why": e.why,
        }
        for e in analysis.events
    ]
    quotes = [{"speaker": names.get(q.speaker or ""), "text": snippet(q.content)} for q in analysis.quotes]
    return {
        "article": analysis.article,
        "segments": segments(text, marks_of(analysis)),
        "events": events,
        "actors": analysis.actors,
        "quotes": quotes,
    }


@router.get("/article/{ref}", response_class=HTMLResponse)
def article_page(request: Request, ref: str, store: StoreDep) -> HTMLResponse:
    doc = store.get_analysis(check_ref(ref))
    if doc is None:
        raise HTTPException(404, f"no article {ref!r}")
    return render(request, "article.html", **_article_context(analysis_from_json(doc)))


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, store: StoreDep, flt: Filter, offset: Offset = 0) -> HTMLResponse:
    page = find_events(store, flt, limit=PAGE, offset=offset)
    params = {k: v for k, v in request.query_params.items() if k != "offset" and v}
    query = urlencode(params)
    prev_url = f"/events?{urlencode({**params, 'offset': max(0, offset - PAGE)})}" if offset else None
    next_url = (
        f"/events?{urlencode({**params, 'offset': offset + PAGE})}" if offset + PAGE < page.total else None
    )
    shown = {
        "actor": flt.actor,
        "recipient": flt.recipient,
        "type": flt.types[0] if flt.types else None,
        "quad": request.query_params.get("quad"),
        "start": flt.since,
        "end": flt.until,
        "text": flt.text,
    }
    return render(
        request,
        "events.html",
        events=_event_rows(_with_articles(store, page.items)),
        total=page.total,
        total_is_lower_bound=page.total_is_lower_bound,
        f=shown,
        types=TYPES,
        quads=[str(n) for n in sorted(QUAD_NAMES.values())],
        query_string=query,
        prev_url=prev_url,
        next_url=next_url,
    )


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, store: StoreDep, q: OptText = None) -> HTMLResponse:
    sentences: list[dict[str, Any]] = []
    quotes: list[dict[str, Any]] = []
    if q and q.strip():
        sentences = [
            {"text": s["text"], "article_id": s["article_id"], "article_title": s["title"]}
            for s in search_sentences(store, q, limit=50).items
        ]
        quotes = [
            {
                "speaker": s["speaker"],
                "text": s["content"],
                "article_id": s["article_id"],
                "article_title": s["title"],
            }
            for s in search_quotes(store, search=q, limit=50).items
        ]
    return render(request, "search.html", q=q or "", sentences=sentences, quotes=quotes)
