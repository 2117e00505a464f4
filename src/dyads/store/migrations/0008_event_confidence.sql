-- Schema version 8: how sure each deduplicated event is.
--
-- events.confidence  the highest confidence of the event's mentions (each the estimated probability
--                    that its type and both parties' countries are right): one well-read report is
--                    enough to trust the event. Kept by the store as mentions come and go.
-- settings key 'min_confidence': the store-wide threshold the counting views (series, comparisons,
--                    timelines, the overview, exports) apply; absent means the shipped model's default.
ALTER TABLE events ADD COLUMN confidence REAL NOT NULL DEFAULT 0;
UPDATE events SET confidence = COALESCE(
    (SELECT MAX(m.confidence) FROM event_mentions m WHERE m.event_id = events.id), 0);
CREATE INDEX events_confidence ON events (confidence);
