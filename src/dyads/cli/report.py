"""The readable text report (rich) of an Article or an Analysis."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from dyads.model import Analysis, Article

# On a terminal, its width; piped, rich would assume 80 columns and fold every table cell: 160 then.
console = Console() if Console().is_terminal else Console(width=160)


def print_article(article: Article) -> None:
    console.rule(f"[bold]{article.title or '(untitled)'}")
    for label, value in (
        ("id", article.id),
        ("published", article.published),
        ("outlet", article.outlet),
        ("authors", ", ".join(article.authors) or None),
        ("url", article.url),
        ("language", article.language),
    ):
        if value:
            console.print(f"[dim]{label}:[/dim] {value}", markup=True, highlight=False)
    for warning in article.warnings:
        console.print(f"[yellow]warning:[/yellow] {warning}", highlight=False)
    console.print()
    console.print(article.text, markup=False, highlight=False)


def _snippet(text: str, span: tuple[int, int], width: int = 160) -> str:
    out = " ".join(text[span[0] : span[1]].split())
    return out if len(out) <= width else out[: width - 1] + "…"


def print_analysis(analysis: Analysis) -> None:
    article = analysis.article
    print_article(article)
    text = article.text

    actors = Table(
        "id", "name", "kind", "country", "sector", "org", "code", "roles", "mentions", title="Actors"
    )
    for a in analysis.actors:
        roles = "; ".join(f"{r.title} ({r.of or '?'})" for r in a.roles)
        actors.add_row(
            a.id,
            a.name,
            a.kind,
            a.country or "",
            a.sector or "",
            a.org or "",
            a.code or "",
            roles,
            str(len(a.mentions)),
        )
    console.print(actors)

    names = {a.id: a.name for a in analysis.actors}
    places = {p.id: p.name for p in analysis.places}
    events = Table("id", "type", "actor → recipient", "date", "where", "aux", "score", "why", title="Events")
    for e in analysis.events:
        who = ", ".join(names.get(i, i) for i in e.actor) or "?"
        whom = ", ".join(names.get(i, i) for i in e.recipient) or "—"
        why = f"trigger “{_snippet(text, e.trigger)}”; {e.why or ''}\n{_snippet(text, e.sentence)}"
        events.add_row(
            e.id,
            f"{e.type}" + (f"/{e.mode}" if e.mode else "") + (f" [{e.cameo}]" if e.cameo else ""),
            f"{who} → {whom}",
            "/".join(e.date_span) if e.date_span else e.date or "",
            places.get(e.location or "", ""),
            e.auxiliary or "",
            f"{e.score:+.1f}",
            why,
        )
    console.print(events)

    quotes = Table("id", "speaker", "cue", "direct", "content", title="Quotes")
    for q in analysis.quotes:
        quotes.add_row(
            q.id,
            names.get(q.speaker or "", "—"),
            _snippet(text, q.cue) if q.cue else "",
            "yes" if q.direct else "no",
            _snippet(text, q.content, 200),
        )
    console.print(quotes)

    times = Table("text", "value", "type", title="Times")
    for t in analysis.times:
        times.add_row(_snippet(text, t.span), t.value, t.type)
    console.print(times)

    place_table = Table("id", "name", "feature", "country", "lat", "lon", "mentions", title="Places")
    for p in analysis.places:
        place_table.add_row(
            p.id,
            p.name,
            p.feature,
            p.country or "",
            f"{p.lat:.3f}" if p.lat is not None else "",
            f"{p.lon:.3f}" if p.lon is not None else "",
            str(len(p.mentions)),
        )
    console.print(place_table)
