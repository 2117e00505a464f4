"""Full text search over what the corpus says: quotes by words and speaker, and every sentence.

Both use the FTS5 indexes of the store; a user's words become a safe query (:func:`fts_query`).
"""

from __future__ import annotations

from dyads.query.filters import clean_text, fts_query, is_country
from dyads.store import Page, Store


def like_escaped(text: str) -> str:
    """``text`` for a LIKE pattern with ``ESCAPE '\\'``: its ``%``, ``_`` and ``\\`` match themselves."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_quotes(
    store: Store,
    search: str | None = None,
    speaker: str | None = None,
    limit: int = 50,
    offset: int = 0,
    speech_only: bool = True,
) -> Page:
    """Quotes whose words contain ``search`` (full text) and whose speaker matches ``speaker``
    (a country code or part of a name); only speech unless ``speech_only`` is False (attributions of
    thought, plan or evidence are kept but are nobody's words). Rows: id, speaker, speaker_country,
    content, direct, speech, cue, article_id, title, published, outlet, source; best matches first
    when searching (fragments under 40 characters after whole quotes)."""
    clauses: list[str] = ["q.speech = 1"] if speech_only else []
    params: list[object] = []
    join, order = "", "a.published, q.id"
    if search:
        join = " JOIN quotes_fts ON quotes_fts.rowid = q.id"
        clauses.append("quotes_fts MATCH ?")
        params.append(f"content : ({fts_query(search)})")  # the words said, not the speaker's name
        # bm25 favours the shortest texts; fragments (scare quotes, titles) go after real quotes.
        order = 'q."end" - q.start < 40, quotes_fts.rank, q.id'
    speaker = clean_text(speaker or "").strip()
    if speaker:
        if is_country(speaker):
            clauses.append("q.speaker_country = ?")
            params.append(speaker)
        else:
            # The speaker's words are matched literally: "%" and "_" are not wildcards here.
            pattern = "%" + like_escaped(speaker) + "%"
            clauses.append(r"(q.speaker_name LIKE ? ESCAPE '\' OR q.speaker_text LIKE ? ESCAPE '\')")
            params.extend([pattern, pattern])
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    base = f"FROM quotes q JOIN articles a ON a.id = q.article_id{join}{where}"
    total = int(store.scalar(f"SELECT COUNT(*) {base}", params) or 0)
    items = store.rows(
        "SELECT q.id, COALESCE(q.speaker_name, q.speaker_text) AS speaker, q.speaker_country, q.content,"
        " q.direct, q.speech, q.cue, a.id AS article_id, a.title, a.published, a.outlet,"
        f" COALESCE(a.url, a.source) AS source {base} ORDER BY {order} LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return Page(items=items, total=total, offset=offset, limit=limit)


SNIPPET_WIDTH = 68  # characters: a snippet fits the 70-character cells of a table unclipped
# Marks that cannot occur in stored text (control characters are never in it): the hits are found
# by them, then shown as [hit].
_OPEN, _CLOSE = "\x02", "\x03"


def snippet(marked: str, width: int = SNIPPET_WIDTH) -> str:
    """A window of at most ``width`` characters (plus "…" at a cut end) of a sentence whose hits are
    between ``\\x02`` and ``\\x03``, shown as ``[hit]``: it starts shortly before the first hit, and
    ends at a word boundary outside every hit, never inside one (a hit is never cut)."""
    plain = marked.replace(_OPEN, "[").replace(_CLOSE, "]")
    if len(plain) <= width:
        return plain
    first = plain.find("[")
    start = max(0, first - width // 4) if first >= 0 else 0
    if start:
        # Start on a word, and never inside a hit.
        space = plain.find(" ", start)
        start = space + 1 if 0 <= space < max(first, start) else (first if first >= 0 else start)
    end = start + width
    if end < len(plain):
        opened = plain.rfind("[", start, end)
        if opened > plain.rfind("]", start, end):  # the window would end inside a hit: take it whole
            end = plain.find("]", opened) + 1
        else:
            space = plain.rfind(" ", start, end)
            end = space if space > plain.rfind("]", start, end) else end
    return ("…" if start else "") + plain[start:end].strip() + ("…" if end < len(plain) else "")


def search_sentences(store: Store, query: str, limit: int = 50, offset: int = 0) -> Page:
    """Sentences containing all the words of ``query``, best first. Rows: id, snippet (a window of
    the sentence, [hit] marking the hits, never cut inside one), text, article_id, title, published,
    outlet, source, events (ids of events it reports)."""
    params = [fts_query(query)]
    total = int(store.scalar("SELECT COUNT(*) FROM sentences_fts WHERE sentences_fts MATCH ?", params) or 0)
    items = store.rows(
        f"SELECT s.id, highlight(sentences_fts, 0, '{_OPEN}', '{_CLOSE}') AS snippet, s.text, a.id AS article_id,"
        " a.title, a.published, a.outlet, COALESCE(a.url, a.source) AS source,"
        " (SELECT group_concat(m.event_id) FROM event_mentions m WHERE m.sentence_id = s.id) AS events"
        " FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid JOIN articles a ON a.id = s.article_id"
        " WHERE sentences_fts MATCH ? ORDER BY sentences_fts.rank, s.id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    for item in items:
        item["snippet"] = snippet(item["snippet"] or "")
    for item in items:
        item["snippet"] = snippet(item["snippet"] or "")
    return Page(items=items, total=total, offset=offset, limit=limit)
