"""Event mentions joined to deduplicated events, as articles are stored, deleted or re-clustered.

Each event an analysis codes is stored as a mention and attached to the stored event it reports —
same type, overlapping parties, dates within the window, compatible places (the rules are in
:mod:`dyads.store.dedup`) — or to a new event. The event's parties, joint dyads and counts follow
its mentions. Used by :class:`~dyads.store.writer.ArticleWriter` inside the store's transactions;
nothing here commits.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta
from typing import Any

from dyads.contract import analysis_from_json
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


class EventLinker:
    """Attaches event mentions to deduplicated events under ``dedup``, on one connection."""

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

    def link(
        self,
        article_row: int,
        analysis: Analysis,
        event: Event,
        actor_rows: dict[str, int],
        place_rows: dict[str, int],
        sentence_rows: dict[tuple[int, int], int],
    ) -> None:
        """Store one event mention of an article and attach it to the event it reports: a stored one
        it matches (see :func:`dyads.store.dedup.best_match`), or a new one."""
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
            " score = COALESCE((SELECT AVG(score) FROM event_mentions WHERE event_id = :e), score),"
            " confidence = COALESCE((SELECT MAX(confidence) FROM event_mentions WHERE event_id = :e), 0)"
            " WHERE id = :e",
            {"e": event_id},
        )

    def rebuild_event(self, event_id: int) -> None:
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
