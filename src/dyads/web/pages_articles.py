"""The pages of what was written: the articles, one article highlighted, quotes, and search."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response

from dyads.contract import analysis_from_json
from dyads.model import Analysis
from dyads.query import search_quotes, search_sentences
from dyads.store import Store
from dyads.web.highlight import marks_of, segments
from dyads.web.params import Offset, OptText, StoreDep, check_ref
from dyads.web.render import PAGE, Format, at_precision, pager, render, tabular

router = APIRouter(include_in_schema=False)
MAX_ROW_ID = 2**63 - 1  # SQLite's largest integer: a longer number cannot be a row id


@router.get("/articles")
def articles_page(request: Request, store: StoreDep, offset: Offset = 0, format: Format = None) -> Response:
    if format:
        return tabular(store.list_articles(limit=10_000_000).items, format, "articles")
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
    return render(
        request,
        "articles.html",
        articles=items,
        total=page.total,
        **pager(request, "/articles", offset, page.total),
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
            "date": "/".join(e.date_span) if e.date_span else at_precision(e.date, e.date_precision),
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


def _analysis(store: Store, ref: str) -> dict[str, Any] | None:
    if ref.isdigit() and int(ref) > MAX_ROW_ID:
        return None
    return store.get_analysis(check_ref(ref))


@router.get("/article/{ref:path}")
def article_page(request: Request, ref: str, store: StoreDep) -> Response:
    doc = _analysis(store, ref)
    if doc is None:
        raise HTTPException(404, f"no article {ref[:80]!r}")
    return render(request, "article.html", **_article_context(analysis_from_json(doc)))


@router.get("/quotes")
def quotes_page(
    request: Request,
    store: StoreDep,
    search: OptText = None,
    speaker: OptText = None,
    offset: Offset = 0,
    format: Format = None,
) -> Response:
    if format:
        return tabular(
            search_quotes(store, search=search, speaker=speaker, limit=10_000_000).items, format, "quotes"
        )
    page = search_quotes(store, search=search, speaker=speaker, limit=PAGE, offset=offset)
    return render(
        request,
        "quotes.html",
        quotes=page.items,
        total=page.total,
        search=search or "",
        speaker=speaker or "",
        **pager(request, "/quotes", offset, page.total),
    )


@router.get("/search")
def search_page(request: Request, store: StoreDep, q: OptText = None, format: Format = None) -> Response:
    sentences: list[dict[str, Any]] = []
    quotes: list[dict[str, Any]] = []
    if q and q.strip():
        sentences = search_sentences(store, q, limit=50).items
        quotes = search_quotes(store, search=q, limit=50).items
    if format:
        return tabular(sentences, format, "search")
    return render(request, "search.html", q=q or "", sentences=sentences, quotes=quotes)
