-- Schema version 9: the pre-aggregated tables know how sure each event is, so that the counting
-- views (series, comparisons, timelines) read them at any threshold the user picks.
--
-- dyad_rollup, pair_rollup  gain a key column `band`: the number of multiples of 0.05 from 0.05 to
--              1.0 the event's confidence reaches (0 below 0.05, 4 from 0.20 up to 0.25, 20 at 1.0).
--              A threshold k/20 (0.20, 0.35, …) counts the rows of band >= k, exactly the events of
--              confidence >= k/20; any other threshold is answered from the events themselves
--              (dyads.query.rollups). The band is counted with comparisons against k / 20.0 (the very
--              double a user's "0.45" parses to), not with floor(confidence * 20), which puts
--              0.44999999999999996 in band 9.
-- party_events  gains `confidence` (the event's), riding along in its indexes: a timeline or a
--              listing at a threshold checks it on the index entry.
-- Triggers     as in schema 6, with the band in every key, and an event's contribution also moved
--              when its confidence changes (a more confident report arrives, or the best one goes).
--              Rows whose count falls to zero are dropped by the trigger that emptied them, by their
--              full key (schema 6 swept every row of the dyad).
--
-- The tables are rebuilt from the events: the INSERT … SELECT statements at the end are also what
-- dyads.store.derived_tables.rebuild runs (a migration that fills a table supersedes the earlier ones).

DROP TRIGGER rollup_dyad_add;
DROP TRIGGER rollup_dyad_remove;
DROP TRIGGER rollup_event_before_update;
DROP TRIGGER rollup_event_after_update;
DROP TRIGGER party_events_update;
DROP VIEW event_facts;
DROP TABLE dyad_rollup;
DROP TABLE pair_rollup;
DROP TABLE party_events;  -- and its indexes (party_events_event, _rank, _by_date, _by_type)

-- As in schema 6, plus each event's confidence band.
CREATE VIEW event_facts AS
SELECT event_id, grain,
       CASE grain
           WHEN 'month' THEN substr(date, 1, 7)
           WHEN 'quarter' THEN substr(date, 1, 4) || '-Q' || ((CAST(substr(date, 6, 2) AS INTEGER) + 2) / 3)
           ELSE substr(date, 1, 4) END AS period,
       type, quad, auxiliary, mentions, score_nanos,
       min(20, max(0, near - (confidence < near / 20.0) + (confidence >= (near + 1) / 20.0))) AS band
FROM (SELECT e.id AS event_id, e.date AS date, e.type AS type, e.quad AS quad,
             COALESCE(e.auxiliary, '') AS auxiliary, e.n_mentions AS mentions,
             CAST(round(e.score * 1000000000) AS INTEGER) AS score_nanos,
             e.confidence AS confidence, CAST(e.confidence * 20 AS INTEGER) AS near,
             CASE
                 WHEN e.date IS NULL THEN NULL
                 WHEN substr(e.date_lo, 1, 7) = substr(e.date_hi, 1, 7) THEN 'month'
                 WHEN substr(e.date_lo, 1, 4) || '-Q' || ((CAST(substr(e.date_lo, 6, 2) AS INTEGER) + 2) / 3)
                    = substr(e.date_hi, 1, 4) || '-Q' || ((CAST(substr(e.date_hi, 6, 2) AS INTEGER) + 2) / 3)
                     THEN 'quarter'
                 WHEN substr(e.date_lo, 1, 4) = substr(e.date_hi, 1, 4) THEN 'year'
             END AS grain
      FROM events e)
WHERE grain IS NOT NULL;

CREATE TABLE dyad_rollup (
    source     TEXT NOT NULL,               -- actor country (ISO3)
    target     TEXT NOT NULL,               -- recipient country (ISO3)
    grain      TEXT NOT NULL,               -- month | quarter | year: the finest holding the event
    period     TEXT NOT NULL,               -- "2021-03", "2021-Q1", "2021"
    type       TEXT NOT NULL,
    quad       INTEGER NOT NULL,
    auxiliary  TEXT NOT NULL,               -- '' for a plain event, else events.auxiliary
    band       INTEGER NOT NULL,            -- 0-20: confidence >= band / 20 (and < (band + 1) / 20)
    events     INTEGER NOT NULL,
    mentions   INTEGER NOT NULL,
    score_nanos INTEGER NOT NULL,           -- sum of the event scores in billionths (exact)
    PRIMARY KEY (source, target, grain, period, type, quad, auxiliary, band)
) WITHOUT ROWID;

CREATE TABLE pair_rollup (
    low        TEXT NOT NULL,               -- the two countries of the pair, in code order
    high       TEXT NOT NULL,
    grain      TEXT NOT NULL,
    period     TEXT NOT NULL,
    type       TEXT NOT NULL,
    quad       INTEGER NOT NULL,
    auxiliary  TEXT NOT NULL,
    band       INTEGER NOT NULL,
    events     INTEGER NOT NULL,
    mentions   INTEGER NOT NULL,
    score_nanos INTEGER NOT NULL,
    PRIMARY KEY (low, high, grain, period, type, quad, auxiliary, band)
) WITHOUT ROWID;

CREATE TABLE party_events (
    country     TEXT NOT NULL,              -- a country on either side of the event
    event_id    INTEGER NOT NULL,
    factual     INTEGER NOT NULL,           -- 0 when negated, future or hypothetical
    n_articles  INTEGER NOT NULL,
    n_mentions  INTEGER NOT NULL,
    abs_score   REAL NOT NULL,
    date        TEXT,
    type        TEXT NOT NULL,
    quad        INTEGER NOT NULL,
    confidence  REAL NOT NULL,              -- the event's (events.confidence)
    PRIMARY KEY (country, event_id)
) WITHOUT ROWID;
CREATE INDEX party_events_event ON party_events (event_id);
CREATE INDEX party_events_rank ON party_events
    (country, factual, n_articles DESC, n_mentions DESC, abs_score DESC, date, event_id, confidence)
    WHERE date IS NOT NULL;
CREATE INDEX party_events_by_date ON party_events
    (country, date, event_id, type, quad, factual, n_mentions, confidence);
CREATE INDEX party_events_by_type ON party_events
    (country, type, date, event_id, quad, factual, n_mentions, confidence);

-- A dyad arriving: its event counts for the pair; for the unordered pair only if the other
-- direction was not already there.
CREATE TRIGGER rollup_dyad_add AFTER INSERT ON event_dyads BEGIN
    INSERT INTO dyad_rollup (source, target, grain, period, type, quad, auxiliary, band, events, mentions, score_nanos)
    SELECT new.source, new.target, f.grain, f.period, f.type, f.quad, f.auxiliary, f.band, 1, f.mentions, f.score_nanos
    FROM event_facts f WHERE f.event_id = new.event_id
    ON CONFLICT DO UPDATE SET events = events + 1, mentions = mentions + excluded.mentions,
        score_nanos = score_nanos + excluded.score_nanos;
    INSERT INTO pair_rollup (low, high, grain, period, type, quad, auxiliary, band, events, mentions, score_nanos)
    SELECT min(new.source, new.target), max(new.source, new.target), f.grain, f.period, f.type, f.quad,
           f.auxiliary, f.band, 1, f.mentions, f.score_nanos
    FROM event_facts f WHERE f.event_id = new.event_id AND (new.source = new.target OR NOT EXISTS (
        SELECT 1 FROM event_dyads r WHERE r.source = new.target AND r.target = new.source
          AND r.event_id = new.event_id))
    ON CONFLICT DO UPDATE SET events = events + 1, mentions = mentions + excluded.mentions,
        score_nanos = score_nanos + excluded.score_nanos;
END;

-- A dyad leaving (a party left the event, or the event is going): its contribution goes, and the
-- rows it emptied.
CREATE TRIGGER rollup_dyad_remove AFTER DELETE ON event_dyads BEGIN
    UPDATE dyad_rollup SET events = dyad_rollup.events - 1, mentions = dyad_rollup.mentions - f.mentions,
        score_nanos = dyad_rollup.score_nanos - f.score_nanos
    FROM event_facts f WHERE f.event_id = old.event_id AND dyad_rollup.source = old.source AND dyad_rollup.target = old.target
      AND dyad_rollup.grain = f.grain AND dyad_rollup.period = f.period AND dyad_rollup.type = f.type AND dyad_rollup.quad = f.quad
      AND dyad_rollup.auxiliary = f.auxiliary AND dyad_rollup.band = f.band;
    DELETE FROM dyad_rollup WHERE source = old.source AND target = old.target AND events <= 0
      AND (grain, period, type, quad, auxiliary, band) IN
          (SELECT grain, period, type, quad, auxiliary, band FROM event_facts WHERE event_id = old.event_id);
    UPDATE pair_rollup SET events = pair_rollup.events - 1, mentions = pair_rollup.mentions - f.mentions,
        score_nanos = pair_rollup.score_nanos - f.score_nanos
    FROM event_facts f WHERE f.event_id = old.event_id
      AND pair_rollup.low = min(old.source, old.target) AND pair_rollup.high = max(old.source, old.target)
      AND pair_rollup.grain = f.grain AND pair_rollup.period = f.period AND pair_rollup.type = f.type AND pair_rollup.quad = f.quad
      AND pair_rollup.auxiliary = f.auxiliary AND pair_rollup.band = f.band
      AND (old.source = old.target OR NOT EXISTS (SELECT 1 FROM event_dyads o WHERE o.source = old.target
          AND o.target = old.source AND o.event_id = old.event_id));
    DELETE FROM pair_rollup WHERE low = min(old.source, old.target) AND high = max(old.source, old.target)
      AND events <= 0
      AND (grain, period, type, quad, auxiliary, band) IN
          (SELECT grain, period, type, quad, auxiliary, band FROM event_facts WHERE event_id = old.event_id);
END;

-- An event about to change what it counts for: take its contribution out of every pair it has, and
-- drop the rows that leaves empty …
CREATE TRIGGER rollup_event_before_update BEFORE UPDATE OF type, quad, auxiliary, date, date_lo, date_hi,
    score, n_mentions, confidence ON events
WHEN old.type IS NOT new.type OR old.quad IS NOT new.quad OR old.auxiliary IS NOT new.auxiliary
  OR old.date IS NOT new.date OR old.date_lo IS NOT new.date_lo OR old.date_hi IS NOT new.date_hi
  OR old.score IS NOT new.score OR old.n_mentions IS NOT new.n_mentions
  OR old.confidence IS NOT new.confidence
BEGIN
    UPDATE dyad_rollup SET events = dyad_rollup.events - 1, mentions = dyad_rollup.mentions - x.mentions,
        score_nanos = dyad_rollup.score_nanos - x.score_nanos
    FROM (SELECT d.source, d.target, f.* FROM event_dyads d JOIN event_facts f ON f.event_id = d.event_id
          WHERE d.event_id = old.id) x
    WHERE dyad_rollup.source = x.source AND dyad_rollup.target = x.target AND dyad_rollup.grain = x.grain AND dyad_rollup.period = x.period
      AND dyad_rollup.type = x.type AND dyad_rollup.quad = x.quad AND dyad_rollup.auxiliary = x.auxiliary
      AND dyad_rollup.band = x.band;
    DELETE FROM dyad_rollup WHERE events <= 0 AND (source, target, grain, period, type, quad, auxiliary, band) IN
        (SELECT d.source, d.target, f.grain, f.period, f.type, f.quad, f.auxiliary, f.band
         FROM event_dyads d JOIN event_facts f ON f.event_id = d.event_id WHERE d.event_id = old.id);
    UPDATE pair_rollup SET events = pair_rollup.events - 1, mentions = pair_rollup.mentions - x.mentions,
        score_nanos = pair_rollup.score_nanos - x.score_nanos
    FROM (SELECT min(d.source, d.target) AS low, max(d.source, d.target) AS high, f.*
          FROM event_dyads d JOIN event_facts f ON f.event_id = d.event_id
          WHERE d.event_id = old.id AND (d.source <= d.target OR NOT EXISTS (SELECT 1 FROM event_dyads o
              WHERE o.source = d.target AND o.target = d.source AND o.event_id = d.event_id))) x
    WHERE pair_rollup.low = x.low AND pair_rollup.high = x.high AND pair_rollup.grain = x.grain AND pair_rollup.period = x.period
      AND pair_rollup.type = x.type AND pair_rollup.quad = x.quad AND pair_rollup.auxiliary = x.auxiliary
      AND pair_rollup.band = x.band;
    DELETE FROM pair_rollup WHERE events <= 0 AND (low, high, grain, period, type, quad, auxiliary, band) IN
        (SELECT min(d.source, d.target), max(d.source, d.target), f.grain, f.period, f.type, f.quad, f.auxiliary, f.band
         FROM event_dyads d JOIN event_facts f ON f.event_id = d.event_id WHERE d.event_id = old.id);
END;

-- … and put it back once the row holds its new values.
CREATE TRIGGER rollup_event_after_update AFTER UPDATE OF type, quad, auxiliary, date, date_lo, date_hi,
    score, n_mentions, confidence ON events
WHEN old.type IS NOT new.type OR old.quad IS NOT new.quad OR old.auxiliary IS NOT new.auxiliary
  OR old.date IS NOT new.date OR old.date_lo IS NOT new.date_lo OR old.date_hi IS NOT new.date_hi
  OR old.score IS NOT new.score OR old.n_mentions IS NOT new.n_mentions
  OR old.confidence IS NOT new.confidence
BEGIN
    INSERT INTO dyad_rollup (source, target, grain, period, type, quad, auxiliary, band, events, mentions, score_nanos)
    SELECT d.source, d.target, f.grain, f.period, f.type, f.quad, f.auxiliary, f.band, 1, f.mentions, f.score_nanos
    FROM event_dyads d JOIN event_facts f ON f.event_id = d.event_id WHERE d.event_id = new.id
    ON CONFLICT DO UPDATE SET events = events + 1, mentions = mentions + excluded.mentions,
        score_nanos = score_nanos + excluded.score_nanos;
    INSERT INTO pair_rollup (low, high, grain, period, type, quad, auxiliary, band, events, mentions, score_nanos)
    SELECT min(d.source, d.target), max(d.source, d.target), f.grain, f.period, f.type, f.quad,
           f.auxiliary, f.band, 1, f.mentions, f.score_nanos
    FROM event_dyads d JOIN event_facts f ON f.event_id = d.event_id
    WHERE d.event_id = new.id AND (d.source <= d.target OR NOT EXISTS (SELECT 1 FROM event_dyads o
        WHERE o.source = d.target AND o.target = d.source AND o.event_id = d.event_id))
    ON CONFLICT DO UPDATE SET events = events + 1, mentions = mentions + excluded.mentions,
        score_nanos = score_nanos + excluded.score_nanos;
END;

-- party_events_add (a trigger on event_actors, so still there) fills the new column too;
-- party_events_remove and rollup_event_delete stay as schema 6 made them.
DROP TRIGGER party_events_add;
CREATE TRIGGER party_events_add AFTER INSERT ON event_actors WHEN new.country IS NOT NULL BEGIN
    INSERT OR IGNORE INTO party_events
        (country, event_id, factual, n_articles, n_mentions, abs_score, date, type, quad, confidence)
    SELECT new.country, e.id, e.auxiliary IS NULL OR e.auxiliary NOT IN ('negation', 'future', 'hypothetical'),
           e.n_articles, e.n_mentions, abs(e.score), e.date, e.type, e.quad, e.confidence
    FROM events e WHERE e.id = new.event_id;
END;

CREATE TRIGGER party_events_update AFTER UPDATE OF type, quad, auxiliary, date, score, n_mentions, n_articles,
    confidence ON events
BEGIN
    UPDATE party_events SET
        factual = new.auxiliary IS NULL OR new.auxiliary NOT IN ('negation', 'future', 'hypothetical'),
        n_articles = new.n_articles, n_mentions = new.n_mentions, abs_score = abs(new.score),
        date = new.date, type = new.type, quad = new.quad, confidence = new.confidence
    WHERE event_id = new.id;
END;

-- What a store already holds.
INSERT INTO dyad_rollup (source, target, grain, period, type, quad, auxiliary, band, events, mentions, score_nanos)
SELECT d.source, d.target, f.grain, f.period, f.type, f.quad, f.auxiliary, f.band,
       COUNT(*), SUM(f.mentions), SUM(f.score_nanos)
FROM event_dyads d JOIN event_facts f ON f.event_id = d.event_id
GROUP BY d.source, d.target, f.grain, f.period, f.type, f.quad, f.auxiliary, f.band;

INSERT INTO pair_rollup (low, high, grain, period, type, quad, auxiliary, band, events, mentions, score_nanos)
SELECT min(d.source, d.target), max(d.source, d.target), f.grain, f.period, f.type, f.quad, f.auxiliary, f.band,
       COUNT(*), SUM(f.mentions), SUM(f.score_nanos)
FROM event_dyads d JOIN event_facts f ON f.event_id = d.event_id
WHERE d.source <= d.target OR NOT EXISTS (SELECT 1 FROM event_dyads o
    WHERE o.source = d.target AND o.target = d.source AND o.event_id = d.event_id)
GROUP BY 1, 2, f.grain, f.period, f.type, f.quad, f.auxiliary, f.band;

INSERT OR IGNORE INTO party_events
    (country, event_id, factual, n_articles, n_mentions, abs_score, date, type, quad, confidence)
SELECT ea.country, e.id, e.auxiliary IS NULL OR e.auxiliary NOT IN ('negation', 'future', 'hypothetical'),
       e.n_articles, e.n_mentions, abs(e.score), e.date, e.type, e.quad, e.confidence
FROM event_actors ea JOIN events e ON e.id = ea.event_id
WHERE ea.country IS NOT NULL;
