-- Schema version 5: the country dyads of every event, for fast dyad series and comparisons.
--
-- One row per (actor country, recipient country) pair an event involves, derived from
-- event_actors by triggers; the writer adds the pairs of countries acting jointly in a cooperative
-- event that has no recipient ("Russia and Mali signed an agreement"). A dyad query then reads exactly
-- the events between two countries instead of intersecting two long lists of event ids:
--   SELECT e.* FROM event_dyads d JOIN events e ON e.id = d.event_id WHERE d.source = 'RUS' AND d.target = 'MLI';

CREATE TABLE event_dyads (
    source    TEXT NOT NULL,                -- ISO3 of a country on the actor side
    target    TEXT NOT NULL,                -- ISO3 of a country on the recipient side
    event_id  INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    PRIMARY KEY (source, target, event_id)
) WITHOUT ROWID;
CREATE INDEX event_dyads_event ON event_dyads (event_id);

CREATE TRIGGER event_dyads_add AFTER INSERT ON event_actors WHEN new.country IS NOT NULL BEGIN
    INSERT OR IGNORE INTO event_dyads (source, target, event_id)
    SELECT new.country, other.country, new.event_id FROM event_actors other
    WHERE new.role = 'actor' AND other.event_id = new.event_id AND other.role = 'recipient'
      AND other.country IS NOT NULL;
    INSERT OR IGNORE INTO event_dyads (source, target, event_id)
    SELECT other.country, new.country, new.event_id FROM event_actors other
    WHERE new.role = 'recipient' AND other.event_id = new.event_id AND other.role = 'actor'
      AND other.country IS NOT NULL;
END;

-- A party leaving an event (an article replaced): re-derive that event's dyads from what remains.
CREATE TRIGGER event_dyads_remove AFTER DELETE ON event_actors WHEN old.country IS NOT NULL BEGIN
    DELETE FROM event_dyads WHERE event_id = old.event_id;
    INSERT OR IGNORE INTO event_dyads (source, target, event_id)
    SELECT a.country, r.country, a.event_id FROM event_actors a
    JOIN event_actors r ON r.event_id = a.event_id AND r.role = 'recipient' AND r.country IS NOT NULL
    WHERE a.event_id = old.event_id AND a.role = 'actor' AND a.country IS NOT NULL;
END;

INSERT OR IGNORE INTO event_dyads (source, target, event_id)
SELECT a.country, r.country, a.event_id FROM event_actors a
JOIN event_actors r ON r.event_id = a.event_id AND r.role = 'recipient' AND r.country IS NOT NULL
WHERE a.role = 'actor' AND a.country IS NOT NULL;
