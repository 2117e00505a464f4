"""Event mentions stored and grouped into deduplicated events, as articles arrive, leave or are re-clustered.

Each event an analysis codes is stored as a mention (one report in one sentence) in an event of its
own; then the neighbourhood of the new mentions (:func:`dyads.store.mention_keys.neighbourhood`) is
clustered again (:func:`dyads.store.dedup_clusters.cluster`) and the events written back. Since the
clusters of a neighbourhood depend only on the mentions in it, the events of a store do not depend on
the order its articles were stored in (nor on how many workers analysed them).

Events are changed only by INSERT, UPDATE and DELETE on ``events``, ``event_actors`` and
``event_dyads``, so the triggers keep the rollup tables exact. An event keeps the id most of its
mentions had; its date, place and parties come from all its mentions (:mod:`dyads.store.event_rows`).
Used by :class:`~dyads.store.writer.ArticleWriter` inside the store's transactions; nothing here commits.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable

from dyads.model import Analysis, Event
from dyads.store.confidence_threshold import min_confidence
from dyads.store.dedup import DedupParams, MentionKey, mention_range
from dyads.store.dedup_clusters import Cluster, cluster
from dyads.store.dedup_decisions import decisions
from dyads.store.event_rows import refresh_event
from dyads.store.mention_keys import neighbourhood
from dyads.store.ontology import quad_class


class EventLinker:
    """Stores event mentions and keeps the deduplicated events under ``dedup``, on one connection."""

    def __init__(self, conn: sqlite3.Connection, params: DedupParams):
        self.conn = conn
        self.dedup = params

    def link(
        self,
        article_row: int,
        analysis: Analysis,
        event: Event,
        actor_rows: dict[str, int],
        place_rows: dict[str, int],
        sentence_rows: dict[tuple[int, int], int],
    ) -> int:
        """Store one event mention of an article, in an event of its own until :meth:`settle`."""
        span, basis = mention_range(
            event.date, event.date_precision, analysis.article.published, event.date_span
        )
        lo, hi = (span[0].isoformat(), span[1].isoformat()) if span else (None, None)
        quad = quad_class(event.type, event.cameo, event.score)
        cur = self.conn.execute(
            "INSERT INTO events (type, quad, cameo, auxiliary, date, date_lo, date_hi, score)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (event.type, quad, event.cameo, event.auxiliary, lo, lo, hi, event.score),
        )
        event_id = int(cur.lastrowid or 0)
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
                lo,
                hi,
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
            self.conn.executemany(
                "INSERT OR IGNORE INTO mention_actors (mention_id, role, position, actor_id) VALUES (?, ?, ?, ?)",
                [
                    (mention, role, pos, actor_rows[local])
                    for pos, local in enumerate(ids)
                    if local in actor_rows
                ],
            )
        return mention

    def settle(self, seeds: Iterable[int]) -> None:
        """Cluster again the neighbourhood of ``seeds`` (mentions just stored, or left behind by
        mentions deleted) and write its events back."""
        seeds = list(seeds)
        if not seeds:
            return
        threshold = min_confidence(self.conn)
        keys = neighbourhood(self.conn, seeds, self.dedup, threshold)
        self.write(self._clusters(keys, threshold), renew=set(seeds))

    def _clusters(self, keys: dict[int, MentionKey], threshold: float) -> list[Cluster]:
        apart, together = decisions(self.conn, keys)
        return cluster(list(keys.values()), self.dedup, threshold, apart, together)

    def recluster(self) -> None:
        """Re-derive every deduplicated event under ``self.dedup`` and the store's threshold; events
        that come out the same keep their ids."""
        threshold = min_confidence(self.conn)
        found: list[Cluster] = []
        done: set[int] = set()
        for (mention,) in self.conn.execute("SELECT id FROM event_mentions ORDER BY id").fetchall():
            if mention in done:
                continue
            keys = neighbourhood(self.conn, [mention], self.dedup, threshold, follow_events=False)
            done.update(keys)
            found.extend(self._clusters(keys, threshold))
        self.write(found, renew=done)

    def write(self, clusters: list[Cluster], renew: set[int]) -> None:
        """Make the stored events exactly ``clusters`` (which hold every mention of the events they
        touch). Events are derived again where their mentions changed or hold one in ``renew``."""
        members = [m for c in clusters for m in c.mentions]
        current: dict[int, tuple[int, str | None]] = {}
        for start in range(0, len(members), 500):
            batch = members[start : start + 500]
            current.update(
                (r[0], (r[1], r[2]))
                for r in self.conn.execute(
                    f"SELECT id, event_id, merged_because FROM event_mentions WHERE id IN ({','.join('?' * len(batch))})",
                    batch,
                )
            )
        before: dict[int, set[int]] = {}
        for mention, (event_id, _) in current.items():
            before.setdefault(event_id, set()).add(mention)
        taken: set[int] = set()
        chosen: list[int | None] = []
        for group in clusters:
            votes = Counter(current[m][0] for m in group.mentions if current[m][0] not in taken)
            pick = min(votes, key=lambda e: (-votes[e], e)) if votes else None
            if pick is not None:
                taken.add(pick)
            chosen.append(pick)
        # Every mention moves first, then the events are derived: an event's counts read its mentions.
        changed: list[tuple[int, tuple[int, ...]]] = []
        for group, pick in zip(clusters, chosen, strict=True):
            event_id = pick if pick is not None else self._blank_event(group.mentions[0])
            self.conn.executemany(
                "UPDATE event_mentions SET event_id = ?, merged_because = ? WHERE id = ?",
                [
                    (event_id, p.because, p.mention)
                    for p in group.placements
                    if current[p.mention] != (event_id, p.because)
                ],
            )
            if (
                pick is None
                or before.get(pick) != set(group.mentions)
                or not renew.isdisjoint(group.mentions)
            ):
                changed.append((event_id, group.mentions))
        for event_id, mentions in changed:
            refresh_event(self.conn, event_id, mentions)
        for event_id in sorted(before.keys() - taken):
            self.conn.execute("DELETE FROM events WHERE id = ?", (event_id,))

    def _blank_event(self, mention: int) -> int:
        """A new event row for a cluster none of whose mentions' events it keeps (filled by refresh_event)."""
        cur = self.conn.execute(
            "INSERT INTO events (type, quad, cameo, auxiliary, score)"
            " SELECT type, 0, cameo, auxiliary, score FROM event_mentions WHERE id = ?",
            (mention,),
        )
        return int(cur.lastrowid or 0)
