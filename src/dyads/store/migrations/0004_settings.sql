-- Schema version 4: settings the store keeps for later runs.
--
-- key 'dedup': the event deduplication parameters (JSON) the events were last clustered with
-- (`dyads dedup --window …`), used by every later ingest so that old and new events merge alike.
CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
