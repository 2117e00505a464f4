-- Schema version 10: events counted right — why reports were merged, and a user's corrections.
--
-- event_mentions.merged_because  why the report is in its event, in a line: "matches report 812:
--                    same ASSAULT; RUS:MIL → UKR; both 2024-05-03; place kharkiv", "says the same as
--                    report 40", "joined by hand"; NULL for the event's first report.
-- dedup_decisions    pairs of reports a user split apart (together = 0, dyads dedup --split) or
--                    joined (together = 1, dyads dedup --join); re-clustering keeps them. mention_a
--                    is the lower id. They go with their reports when an article is replaced.
-- event_mentions_type_date  the look-up of the reports an arriving report may merge with.
-- The date basis of reports dated only by their article is corrected (below).
-- Events stored before this version were merged by the earlier rule: opening the store after this
-- migration re-clusters them once (dyads.store.store), as `dyads dedup` does.
ALTER TABLE event_mentions ADD COLUMN merged_because TEXT;

CREATE TABLE dedup_decisions (
    mention_a   INTEGER NOT NULL REFERENCES event_mentions (id) ON DELETE CASCADE,
    mention_b   INTEGER NOT NULL REFERENCES event_mentions (id) ON DELETE CASCADE,
    together    INTEGER NOT NULL,           -- 1 joined by hand, 0 split by hand
    at          TEXT NOT NULL,
    PRIMARY KEY (mention_a, mention_b),
    CHECK (mention_a < mention_b)
) WITHOUT ROWID;
CREATE INDEX dedup_decisions_b ON dedup_decisions (mention_b);

CREATE INDEX event_mentions_type_date ON event_mentions (type, date_lo);

-- A report dated only by its article (the analysis gives the publication date at precision
-- "article") rests on its publication date, not on its text.
UPDATE event_mentions SET date_basis = 'published'
WHERE date_basis = 'event' AND EXISTS (
    SELECT 1 FROM articles a, json_each(a.analysis_json, '$.events') e
    WHERE a.id = event_mentions.article_id AND json_extract(e.value, '$.id') = event_mentions.local_id
      AND json_extract(e.value, '$.date_precision') = 'article');
