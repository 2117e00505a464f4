"""Analysis ⇄ ``dyads.analysis/1`` JSON: the only module that knows the wire shape."""

from __future__ import annotations

from typing import Any

from dyads.model import Actor, Analysis, Article, Event, Place, Quote, Role, Span, TimeExpr

SCHEMA = "dyads.analysis/1"


def _span(value: Span | None) -> list[int] | None:
    return None if value is None else [value[0], value[1]]


def _to_span(value: Any) -> Span | None:
    if value is None:
        return None
    return (int(value[0]), int(value[1]))


def _date_span(value: Any) -> tuple[str, str] | None:
    """A stored ``date_span`` (two ISO days), or None when absent or malformed."""
    if isinstance(value, list | tuple) and len(value) == 2 and all(isinstance(v, str) for v in value):
        return (value[0], value[1])
    return None


def article_to_json(article: Article) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": article.id,
        "url": article.url,
        "title": article.title,
        "authors": list(article.authors),
        "published": article.published,
        "outlet": article.outlet,
        "language": article.language,
        "text": article.text,
    }
    if article.warnings:
        out["warnings"] = list(article.warnings)
    return out


def article_from_json(data: dict[str, Any]) -> Article:
    return Article(
        id=str(data["id"]),
        text=str(data["text"]),
        url=data.get("url"),
        title=data.get("title"),
        authors=tuple(data.get("authors") or ()),
        published=data.get("published"),
        outlet=data.get("outlet"),
        language=data.get("language") or "en",
        warnings=tuple(data.get("warnings") or ()),
    )


def _role_to_json(role: Role) -> dict[str, Any]:
    return {"title": role.title, "of": role.of, "from": role.start, "to": role.end}


def _actor_to_json(actor: Actor) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "country": actor.country,
        "sector": actor.sector,
        "org": actor.org,
        "code": actor.code,
        "roles": [_role_to_json(r) for r in actor.roles],
        "mentions": [_span(m) for m in actor.mentions],
    }
    if actor.why:
        out["why"] = actor.why
    return out


def _actor_from_json(data: dict[str, Any]) -> Actor:
    return Actor(
        id=data["id"],
        name=data["name"],
        kind=data["kind"],
        country=data.get("country"),
        sector=data.get("sector"),
        org=data.get("org"),
        code=data.get("code"),
        roles=tuple(
            Role(title=r["title"], of=r.get("of"), start=r.get("from"), end=r.get("to"))
            for r in data.get("roles") or ()
        ),
        mentions=tuple(_to_span(m) for m in data.get("mentions") or ()),  # type: ignore[misc]
        why=data.get("why"),
    )


def _event_to_json(event: Event) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": event.id,
        "type": event.type,
        "mode": event.mode,
        "context": list(event.context),
        "cameo": event.cameo,
        "score": event.score,
        "actor": list(event.actor),
        "recipient": list(event.recipient),
        "trigger": _span(event.trigger),
        "sentence": _span(event.sentence),
        "date": event.date,
        "location": event.location,
        "auxiliary": event.auxiliary,
        "confidence": event.confidence,
    }
    if event.date_precision:
        out["date_precision"] = event.date_precision
    if event.date_span:
        out["date_span"] = list(event.date_span)
    if event.why:
        out["why"] = event.why
    if event.signals:
        out["signals"] = list(event.signals)
    return out


def _event_from_json(data: dict[str, Any]) -> Event:
    return Event(
        id=data["id"],
        type=data["type"],
        trigger=_to_span(data["trigger"]) or (0, 0),
        sentence=_to_span(data["sentence"]) or (0, 0),
        actor=tuple(data.get("actor") or ()),
        recipient=tuple(data.get("recipient") or ()),
        mode=data.get("mode"),
        context=tuple(data.get("context") or ()),
        cameo=data.get("cameo"),
        score=float(data.get("score") or 0.0),
        date=data.get("date"),
        date_precision=data.get("date_precision"),
        date_span=_date_span(data.get("date_span")),
        location=data.get("location"),
        auxiliary=data.get("auxiliary"),
        confidence=float(data.get("confidence") or 0.0),
        why=data.get("why"),
        signals=tuple(data.get("signals") or ()),
    )


def _quote_to_json(quote: Quote) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": quote.id,
        "content": _span(quote.content),
        "speaker": quote.speaker,
        "speaker_span": _span(quote.speaker_span),
        "cue": _span(quote.cue),
        "direct": quote.direct,
        "antecedent": _span(quote.antecedent),
        "why": quote.why,
    }
    if not quote.speech:
        out["speech"] = False  # a thought, plan or finding: attributed, but nobody's words
    return out


def _quote_from_json(data: dict[str, Any]) -> Quote:
    return Quote(
        id=data["id"],
        content=_to_span(data["content"]) or (0, 0),
        speaker=data.get("speaker"),
        speaker_span=_to_span(data.get("speaker_span")),
        cue=_to_span(data.get("cue")),
        direct=bool(data.get("direct", True)),
        antecedent=_to_span(data.get("antecedent")),
        why=data.get("why"),
        speech=data.get("speech") is not False,
    )


def _place_to_json(place: Place) -> dict[str, Any]:
    return {
        "id": place.id,
        "name": place.name,
        "geonameid": place.geonameid,
        "lat": place.lat,
        "lon": place.lon,
        "country": place.country,
        "feature": place.feature,
        "mentions": [_span(m) for m in place.mentions],
    }


def _place_from_json(data: dict[str, Any]) -> Place:
    return Place(
        id=data["id"],
        name=data["name"],
        geonameid=data.get("geonameid"),
        lat=data.get("lat"),
        lon=data.get("lon"),
        country=data.get("country"),
        feature=data.get("feature") or "city",
        mentions=tuple(_to_span(m) for m in data.get("mentions") or ()),  # type: ignore[misc]
    )


def _time_to_json(time: TimeExpr) -> dict[str, Any]:
    return {"span": _span(time.span), "value": time.value, "type": time.type}


def _time_from_json(data: dict[str, Any]) -> TimeExpr:
    return TimeExpr(span=_to_span(data["span"]) or (0, 0), value=data["value"], type=data["type"])


def analysis_to_json(analysis: Analysis) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "article": article_to_json(analysis.article),
        "actors": [_actor_to_json(a) for a in analysis.actors],
        "events": [_event_to_json(e) for e in analysis.events],
        "quotes": [_quote_to_json(q) for q in analysis.quotes],
        "places": [_place_to_json(p) for p in analysis.places],
        "times": [_time_to_json(t) for t in analysis.times],
    }


def analysis_from_json(data: dict[str, Any]) -> Analysis:
    if data.get("schema") != SCHEMA:
        raise ValueError(f"not a {SCHEMA} document (schema={data.get('schema')!r})")
    return Analysis(
        article=article_from_json(data["article"]),
        actors=tuple(_actor_from_json(a) for a in data.get("actors") or ()),
        events=tuple(_event_from_json(e) for e in data.get("events") or ()),
        quotes=tuple(_quote_from_json(q) for q in data.get("quotes") or ()),
        places=tuple(_place_from_json(p) for p in data.get("places") or ()),
        times=tuple(_time_from_json(t) for t in data.get("times") or ()),
    )
