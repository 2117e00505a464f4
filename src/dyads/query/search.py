"""Full text search over what the corpus says: quotes by words and speaker, and every sentence.

Both use the FTS5 indexes of the store; a user's words become a safe query (:func:`fts_query`).
"""

from __future__ import annotations

from dyads.query.filters import COUNTRY_SPEC, fts_query
from dyads.store import Page, Store


def search_quotes(
    store: Store, search: str | None = None, speaker: str | None = None, limit: int = 50, offset: int = 0
) -> Page:
    """Quotes whose words contain ``search`` (full text) and whose speaker matches ``speaker``
    (a country code or part of a name). Rows: id, speaker, speaker_country, content, direct, cue,
    article_id, title, published, outlet, source; best matches first when searching (fragments under
    40 characters after whole quotes)."""
    clauses, params = [], []
    join, order = "", "a.published, q.id"
    if search:
        join = " JOIN quotes_fts ON quotes_fts.rowid = q.id"
        clauses.append("quotes_fts MATCH ?")
        params.append(f"content : ({fts_query(search)})")  # the words said, not the speaker's name
        # bm25 favours the shortest texts; fragments (scare quotes, titles) go after real quotes.
        order = 'q."end" - q.start < 40, quotes_fts.rank, q.id'
    if speaker:
        if COUNTRY_SPEC.match(speaker) and len(speaker) == 3:
            clauses.append("q.speaker_country = ?")
            params.append(speaker)
        else:
            clauses.append("(q.speaker_name LIKE ? OR q.speaker_text LIKE ?)")
            params.extend([f"%{speaker}%", f"%{speaker}%"])
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    base = f"FROM quotes q JOIN articles a ON a.id = q.article_id{join}{where}"
    total = int(store.scalar(f"SELECT COUNT(*) {base}", params) or 0)
    items = store.rows(
        "SELECT q.id, COALESCE(q.speaker_name, q.speaker_text) AS speaker, q.speaker_country, q.content,"
        " q.direct, q.cue, a.id AS article_id, a.title, a.published, a.outlet,"
        f" COALESCE(a.url, a.source) AS source {base} ORDER BY {order} LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return Page(items=items, total=total, offset=offset, limit=limit)


def search_sentences(store: Store, query: str, limit: int = 50, offset: int = 0) -> Page:
    """Sentences containing all the words of ``query``, best first. Rows: id, snippet ([…] marks the
    hits), text, article_id, title, published, outlet, source, events (ids of events it reports)."""
    params = [fts_query(query)]
    total = int(store.scalar("SELECT COUNT(*) FROM sentences_fts WHERE sentences_fts MATCH ?", params) or 0)
    items = store.rows(
        "SELECT s.id, snippet(sentences_fts, 0, '[', ']', '…', 24) AS snippet, s.text, a.id AS article_id,"
        " a.title, a.published, a.outlet, COALESCE(a.url, a.source) AS source,"
        " (SELECT group_concat(m.event_id) FROM event_mentions m WHERE m.sentence_id = s.id) AS events"
        " FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid JOIN articles a ON a.id = s.article_id"
        " WHERE sentences_fts MATCH ? ORDER BY sentences_fts.rank, s.id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return Page(items=items, total=total, offset=offset, limit=limit)
