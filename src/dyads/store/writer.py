"""Writes to the corpus store: one analysis into all its tables, with event dedup applied online.

Used by :class:`dyads.store.Store` inside its transactions; nothing here commits. The article and
what it holds (actors, places, mentions, sentences, times, quotes) are written here; its event
mentions, and the deduplicated events they join, by :class:`~dyads.store.event_linker.EventLinker`,
which also rebuilds the events of a whole store (:meth:`ArticleWriter.recluster`, ``dyads dedup``).
"""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import UTC, datetime

from dyads.contract import analysis_to_json
from dyads.model import Analysis
from dyads.store.dedup import DedupParams
from dyads.store.event_linker import EventLinker

_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+|\n\s*")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def sentence_spans(text: str, fixed: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans over the whole text: the ``fixed`` spans (as the analysis cut them) plus the
    rest split after end punctuation or at line breaks; pieces overlapping a fixed span are dropped."""
    pieces, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        pieces.append((start, match.start() + 1 if text[match.start()] in ".!?" else match.start()))
        start = match.end()
    pieces.append((start, len(text)))
    spans = set(fixed)
    for lo, hi in pieces:
        while lo < hi and text[lo].isspace():
            lo += 1
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        if hi > lo and not any(lo < f_hi and f_lo < hi for f_lo, f_hi in fixed):
            spans.add((lo, hi))
    return sorted(spans)


def _trim(text: str, span: tuple[int, int]) -> tuple[int, int]:
    lo, hi = max(0, span[0]), min(len(text), span[1])
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return lo, hi


class ArticleWriter:
    """Inserts and deletes articles with everything derived from them, on one connection."""

    def __init__(self, conn: sqlite3.Connection, params: DedupParams):
        self.conn = conn
        self.events = EventLinker(conn, params)

    @property
    def dedup(self) -> DedupParams:
        """The parameters events are deduplicated under (set before :meth:`recluster`)."""
        return self.events.dedup

    @dedup.setter
    def dedup(self, params: DedupParams) -> None:
        self.events.dedup = params

    def insert(self, analysis: Analysis, digest: str, source: str | None) -> int:
        article = analysis.article
        text = article.text
        doc = json.dumps(analysis_to_json(analysis), ensure_ascii=False, separators=(",", ":"))
        cur = self.conn.execute(
            "INSERT INTO articles (doc_id, content_hash, source, url, title, published, outlet, language,"
            " n_chars, analysis_json, analyzed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article.id,
                digest,
                source,
                article.url,
                article.title,
                article.published,
                article.outlet,
                article.language,
                len(text),
                doc,
                _now(),
            ),
        )
        row = int(cur.lastrowid or 0)
        actor_rows: dict[str, int] = {}
        for actor in analysis.actors:
            cur = self.conn.execute(
                "INSERT INTO actors (article_id, local_id, name, kind, country, sector, org, code, roles_json,"
                " why, n_mentions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    row,
                    actor.id,
                    actor.name,
                    actor.kind,
                    actor.country,
                    actor.sector,
                    actor.org,
                    actor.code,
                    json.dumps(
                        [{"title": r.title, "of": r.of, "from": r.start, "to": r.end} for r in actor.roles]
                    ),
                    actor.why,
                    len(actor.mentions),
                ),
            )
            actor_rows[actor.id] = int(cur.lastrowid or 0)
            self.conn.executemany(
                'INSERT INTO mentions (article_id, actor_id, start, "end", text) VALUES (?, ?, ?, ?, ?)',
                [(row, actor_rows[actor.id], s, e, text[s:e]) for s, e in actor.mentions],
            )
        place_rows: dict[str, int] = {}
        for place in analysis.places:
            cur = self.conn.execute(
                "INSERT INTO places (article_id, local_id, name, geonameid, lat, lon, country, feature)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    row,
                    place.id,
                    place.name,
                    place.geonameid,
                    place.lat,
                    place.lon,
                    place.country,
                    place.feature,
                ),
            )
            place_rows[place.id] = int(cur.lastrowid or 0)
            self.conn.executemany(
                'INSERT INTO mentions (article_id, place_id, start, "end", text) VALUES (?, ?, ?, ?, ?)',
                [(row, place_rows[place.id], s, e, text[s:e]) for s, e in place.mentions],
            )
        # Event sentences are stored trimmed of surrounding whitespace; mentions find theirs by the
        # span the analysis gave.
        trimmed = {
            e.sentence: _trim(text, e.sentence) for e in analysis.events if e.sentence[1] > e.sentence[0]
        }
        span_rows: dict[tuple[int, int], int] = {}
        for lo, hi in sentence_spans(text, sorted(set(trimmed.values()))):
            cur = self.conn.execute(
                'INSERT OR IGNORE INTO sentences (article_id, start, "end", text) VALUES (?, ?, ?, ?)',
                (row, lo, hi, text[lo:hi]),
            )
            if cur.lastrowid and cur.rowcount:
                span_rows[(lo, hi)] = int(cur.lastrowid)
        sentence_rows = {given: span_rows[span] for given, span in trimmed.items() if span in span_rows}
        self.conn.executemany(
            'INSERT INTO times (article_id, start, "end", text, value, type) VALUES (?, ?, ?, ?, ?, ?)',
            [
                (row, t.span[0], t.span[1], text[t.span[0] : t.span[1]], t.value, t.type)
                for t in analysis.times
            ],
        )
        for quote in analysis.quotes:
            speaker = analysis.actor(quote.speaker) if quote.speaker else None
            lo, hi = quote.content
            self.conn.execute(
                'INSERT INTO quotes (article_id, local_id, start, "end", content, speaker_actor_id, speaker_name,'
                " speaker_country, speaker_text, cue, direct, speech) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    row,
                    quote.id,
                    lo,
                    hi,
                    text[lo:hi],
                    actor_rows.get(quote.speaker or ""),
                    speaker.name if speaker else None,
                    speaker.country if speaker else None,
                    text[quote.speaker_span[0] : quote.speaker_span[1]] if quote.speaker_span else None,
                    text[quote.cue[0] : quote.cue[1]] if quote.cue else None,
                    int(quote.direct),
                    int(quote.speech),
                ),
            )
        stored = [
            self.events.link(row, analysis, event, actor_rows, place_rows, sentence_rows)
            for event in analysis.events
        ]
        self.events.settle(stored)
        return row

    def delete(self, article_row: int) -> None:
        """Delete an article; the events its mentions were in lose them (or go, when it was their only
        source), and what remains of them is clustered again."""
        touched = [
            r[0]
            for r in self.conn.execute(
                "SELECT DISTINCT event_id FROM event_mentions WHERE article_id = ?", (article_row,)
            ).fetchall()
        ]
        self.conn.execute("DELETE FROM articles WHERE id = ?", (article_row,))
        left: list[int] = []
        for event_id in touched:
            rest = [
                r[0]
                for r in self.conn.execute("SELECT id FROM event_mentions WHERE event_id = ?", (event_id,))
            ]
            if not rest:
                self.conn.execute("DELETE FROM events WHERE id = ?", (event_id,))
            left.extend(rest)
        self.events.settle(left)

    def recluster(self) -> None:
        """Re-derive every deduplicated event under ``self.dedup``: the same parameters and
        decisions give back the same events, with the same ids where they did not change."""
        self.events.recluster()
