"""Writes to the corpus store: one analysis into all its tables, with event dedup applied online.

Used by :class:`dyads.store.Store` inside its transactions; nothing here commits. Also rebuilds the
deduplicated events of a whole store under new :class:`~dyads.store.dedup.DedupParams`
(:meth:`ArticleWriter.recluster`, ``dyads dedup``).
"""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import UTC, datetime, timedelta
from typing import Any

from dyads.contract import analysis_from_json, analysis_to_json
from dyads.model import Analysis, Event
from dyads.store.dedup import (
    DedupParams,
    MentionKey,
    PlaceKey,
    actor_key,
    best_match,
    mention_range,
    party_key,
    place_key,
)
from dyads.store.ontology import is_mutual, quad_class

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
        self.dedup = params
        self.first_candidate = 0  # events with a lower id are not candidates (while reclustering)

    def rows(
        self, sql: str, params: tuple[Any, ...] | list[Any] | dict[str, Any] = ()
    ) -> list[dict[str, Any]]:
        cursor = self.conn.execute(sql, params)
        names = [d[0] for d in cursor.description or ()]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def scalar(self, sql: str, params: tuple[Any, ...] | list[Any] = ()) -> Any:
        row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

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
                " speaker_country, speaker_text, cue, direct) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                ),
            )
        for event in analysis.events:
            self._insert_mention(row, analysis, event, actor_rows, place_rows, sentence_rows)
        return row

    # -- event mentions and dedup ----------------------------------------------------------

    def _mention_key(self, analysis: Analysis, event: Event) -> tuple[MentionKey, str]:
        def keys(ids: tuple[str, ...]) -> frozenset[str]:
            return frozenset(actor_key(a) for a in (analysis.actor(i) for i in ids) if a is not None)

        span, basis = mention_range(event.date, analysis.article.published, self.dedup)
        key = MentionKey(
            type=event.type,
            actors=keys(event.actor),
            recipients=keys(event.recipient),
            lo=span[0] if span else None,
            hi=span[1] if span else None,
            place=place_key(analysis.place(event.location) if event.location else None),
            auxiliary=event.auxiliary,
        )
        return key, basis

    def _candidates(self, key: MentionKey) -> list[tuple[int, MentionKey]]:
        if key.lo is None or key.hi is None or not key.actors:
            return []

        reach = timedelta(days=self.dedup.window_days)
        widest = timedelta(days=self.dedup.window_days + self.dedup.max_uncertainty_days)
        sides = (
            list(key.actors | key.recipients) if key.type in self.dedup.symmetric_types else list(key.actors)
        )
        marks = ",".join("?" * len(sides))
        found = self.rows(
            "SELECT DISTINCT e.id, e.date_lo, e.date_hi, e.place_name, e.geonameid, e.place_country,"
            " e.place_feature FROM events e JOIN event_actors ea ON ea.event_id = e.id"
            f" WHERE ea.key IN ({marks}) AND e.type = ? AND e.auxiliary IS ?"
            " AND ((e.date_lo BETWEEN ? AND ?) OR (e.date_lo = ? AND e.date_hi = ?)) AND e.id >= ?",
            [
                *sides,
                key.type,
                key.auxiliary,
                (key.lo - widest).isoformat(),
                (key.hi + reach).isoformat(),
                key.lo.isoformat(),
                key.hi.isoformat(),
                self.first_candidate,
            ],
        )
        out = []
        for cand in found:
            parties = self.conn.execute(
                "SELECT DISTINCT role, key FROM event_actors WHERE event_id = ?", (cand["id"],)
            ).fetchall()
            place = None
            if cand["place_name"] or cand["geonameid"] is not None:
                place = PlaceKey(
                    name=cand["place_name"].lower() if cand["place_name"] else None,
                    geonameid=cand["geonameid"],
                    country=cand["place_country"],
                    is_country=cand["place_feature"] == "country",
                )
            out.append(
                (
                    int(cand["id"]),
                    MentionKey(
                        type=key.type,
                        actors=frozenset(k for r, k in parties if r == "actor"),
                        recipients=frozenset(k for r, k in parties if r == "recipient"),
                        lo=datetime.fromisoformat(cand["date_lo"]).date(),
                        hi=datetime.fromisoformat(cand["date_hi"]).date(),
                        place=place,
                        auxiliary=key.auxiliary,
                    ),
                )
            )
        return out

    def _insert_mention(
        self,
        article_row: int,
        analysis: Analysis,
        event: Event,
        actor_rows: dict[str, int],
        place_rows: dict[str, int],
        sentence_rows: dict[tuple[int, int], int],
    ) -> None:
        key, basis = self._mention_key(analysis, event)
        event_id = best_match(key, self._candidates(key), self.dedup)
        if event_id is None:
            event_id = self._new_event(analysis, event, key)
        text = analysis.article.text
        cur = self.conn.execute(
            "INSERT INTO event_mentions (event_id, article_id, local_id, sentence_id, type, mode, context_json,"
            " cameo, score, date, date_basis, date_lo, date_hi, auxiliary, confidence, trigger_start,"
            " trigger_end, trigger_text, place_id, why) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            " ?, ?, ?, ?)",
            (
                event_id,
                article_row,
                event.id,
                sentence_rows.get(event.sentence),
                event.type,
                event.mode,
                json.dumps(list(event.context)),
                event.cameo,
                event.score,
                event.date,
                basis,
                key.lo.isoformat() if key.lo else None,
                key.hi.isoformat() if key.hi else None,
                event.auxiliary,
                event.confidence,
                event.trigger[0],
                event.trigger[1],
                text[event.trigger[0] : event.trigger[1]],
                place_rows.get(event.location or ""),
                event.why,
            ),
        )
        mention = int(cur.lastrowid or 0)
        for role, ids in (("actor", event.actor), ("recipient", event.recipient)):
            for position, local in enumerate(ids):
                if local in actor_rows:
                    self.conn.execute(
                        "INSERT OR IGNORE INTO mention_actors (mention_id, role, position, actor_id)"
                        " VALUES (?, ?, ?, ?)",
                        (mention, role, position, actor_rows[local]),
                    )
        self._add_parties(event_id, mention)
        self._refresh_counts(event_id)

    def _new_event(self, analysis: Analysis, event: Event, key: MentionKey) -> int:
        first = [analysis.actor(i) for i in event.actor[:1]]
        second = [analysis.actor(i) for i in event.recipient[:1]]
        a1 = first[0] if first else None
        a2 = second[0] if second else None
        place = analysis.place(event.location) if event.location else None
        cur = self.conn.execute(
            "INSERT INTO events (type, quad, cameo, auxiliary, date, date_lo, date_hi, score, place_name,"
            " place_country, place_feature, geonameid, lat, lon, actor1_name, actor1_code, actor1_country,"
            " actor1_sector, actor2_name, actor2_code, actor2_country, actor2_sector)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                event.type,
                quad_class(event.type, event.cameo, event.score),
                event.cameo,
                event.auxiliary,
                key.lo.isoformat() if key.lo else None,
                key.lo.isoformat() if key.lo else None,
                key.hi.isoformat() if key.hi else None,
                event.score,
                place.name if place else None,
                place.country if place else None,
                place.feature if place else None,
                place.geonameid if place else None,
                place.lat if place else None,
                place.lon if place else None,
                a1.name if a1 else None,
                a1.code if a1 else None,
                a1.country if a1 else None,
                a1.sector if a1 else None,
                a2.name if a2 else None,
                a2.code if a2 else None,
                a2.country if a2 else None,
                a2.sector if a2 else None,
            ),
        )
        return int(cur.lastrowid or 0)

    def _add_parties(self, event_id: int, mention: int) -> None:
        """Add a mention's actors to its event's parties (the union dedup and queries use)."""
        for role, name, kind_country, org, sector, code in self.conn.execute(
            "SELECT ma.role, a.name, a.country, a.org, a.sector, a.code FROM mention_actors ma"
            " JOIN actors a ON a.id = ma.actor_id WHERE ma.mention_id = ? ORDER BY ma.role, ma.position",
            (mention,),
        ).fetchall():
            key = party_key(name, kind_country, org)
            self.conn.execute(
                "INSERT OR IGNORE INTO event_actors (event_id, role, key, name, country, sector, org, code)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (event_id, role, key, name, kind_country, sector, org, code),
            )
        self._joint_dyads(event_id)

    def _joint_dyads(self, event_id: int) -> None:
        """Countries acting jointly in a mutual event ("Russia and Mali signed an agreement", coded
        with both as actors and no recipient) cooperate with each other: record each ordered pair
        as a dyad, so dyad series and comparisons count the event between them. Only for cooperative
        events: "Russia and Syria bombed Idlib" says nothing about Russia and Syria towards each other."""
        event_type = self.scalar("SELECT type FROM events WHERE id = ?", (event_id,))
        if event_type is None or not is_mutual(str(event_type)):
            return
        if self.scalar("SELECT 1 FROM event_actors WHERE event_id = ? AND role = 'recipient'", (event_id,)):
            return
        countries = [
            r[0]
            for r in self.conn.execute(
                "SELECT DISTINCT country FROM event_actors WHERE event_id = ? AND role = 'actor'"
                " AND country IS NOT NULL ORDER BY country",
                (event_id,),
            ).fetchall()
        ]
        self.conn.executemany(
            "INSERT OR IGNORE INTO event_dyads (source, target, event_id) VALUES (?, ?, ?)",
            [(a, b, event_id) for a in countries for b in countries if a != b],
        )

    def _refresh_counts(self, event_id: int) -> None:
        self.conn.execute(
            "UPDATE events SET"
            " n_mentions = (SELECT COUNT(*) FROM event_mentions WHERE event_id = :e),"
            " n_articles = (SELECT COUNT(DISTINCT article_id) FROM event_mentions WHERE event_id = :e),"
            " n_sources = (SELECT COUNT(DISTINCT COALESCE(a.outlet, a.source, a.id)) FROM event_mentions m"
            "   JOIN articles a ON a.id = m.article_id WHERE m.event_id = :e),"
            " score = COALESCE((SELECT AVG(score) FROM event_mentions WHERE event_id = :e), score)"
            " WHERE id = :e",
            {"e": event_id},
        )

    def delete(self, article_row: int) -> None:
        touched = [
            r[0]
            for r in self.conn.execute(
                "SELECT DISTINCT event_id FROM event_mentions WHERE article_id = ?", (article_row,)
            ).fetchall()
        ]
        self.conn.execute("DELETE FROM articles WHERE id = ?", (article_row,))
        for event_id in touched:
            self._rebuild_event(event_id)

    def _rebuild_event(self, event_id: int) -> None:
        """After mentions left an event: drop it if empty, else re-derive its parties and counts."""
        remaining = [
            r[0]
            for r in self.conn.execute(
                "SELECT id FROM event_mentions WHERE event_id = ? ORDER BY id", (event_id,)
            ).fetchall()
        ]
        if not remaining:
            self.conn.execute("DELETE FROM events WHERE id = ?", (event_id,))
            return
        self.conn.execute("DELETE FROM event_actors WHERE event_id = ?", (event_id,))
        self.conn.execute(
            "UPDATE events SET (date, date_lo, date_hi) = (SELECT date_lo, date_lo, date_hi FROM event_mentions"
            " WHERE id = ?) WHERE id = ?",
            (remaining[0], event_id),
        )
        for mention in remaining:
            self._add_parties(event_id, mention)
        self._refresh_counts(event_id)

    def recluster(self) -> None:
        """Re-derive every deduplicated event under ``self.dedup``, from the stored analyses, in the
        order they were stored: the same parameters give back the same events (with new ids)."""
        self.first_candidate = int(self.scalar("SELECT COALESCE(MAX(id), 0) FROM events")) + 1
        last = 0
        try:
            while True:
                chunk = self.conn.execute(
                    "SELECT id, analysis_json FROM articles WHERE id > ? ORDER BY id LIMIT 200", (last,)
                ).fetchall()
                if not chunk:
                    break
                for article_row, doc in chunk:
                    last = article_row
                    self._recluster_article(article_row, analysis_from_json(json.loads(doc)))
            self.conn.execute("DELETE FROM events WHERE id < ?", (self.first_candidate,))
        finally:
            self.first_candidate = 0

    def _recluster_article(self, article_row: int, analysis: Analysis) -> None:
        for event in analysis.events:
            mention = self.scalar(
                "SELECT id FROM event_mentions WHERE article_id = ? AND local_id = ?", (article_row, event.id)
            )
            if mention is None:
                continue
            key, basis = self._mention_key(analysis, event)
            event_id = best_match(key, self._candidates(key), self.dedup) or self._new_event(
                analysis, event, key
            )
            self.conn.execute(
                "UPDATE event_mentions SET event_id = ?, date_basis = ?, date_lo = ?, date_hi = ? WHERE id = ?",
                (
                    event_id,
                    basis,
                    key.lo.isoformat() if key.lo else None,
                    key.hi.isoformat() if key.hi else None,
                    mention,
                ),
            )
            self._add_parties(event_id, mention)
            self._refresh_counts(event_id)
