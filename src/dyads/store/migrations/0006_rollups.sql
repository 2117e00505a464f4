-- Schema version 6: pre-aggregated tables for the analysts' queries on large stores.
--
-- dyad_rollup  events, mentions and score sums (integers in billionths of a point: sums that do not
--              depend on the order rows are added in, however often rows come and go) per (actor country, recipient country, grain, period,
--              type, quad, auxiliary), each event under the finest of month, quarter and year that
--              holds its date range: a monthly, quarterly or yearly dyad series of two countries reads
--              a few hundred rows instead of every event between them. (Day and week series read the
--              events themselves.)
-- pair_rollup  the same per unordered pair of countries (low <= high), an event counted once however
--              many directions it has: what a comparison of partners sums.
-- party_events one row per (country, event) with the columns a timeline ranks by; the partial index
--              party_events_rank lists a country's dated events in timeline order, so the key events
--              are the first rows of one index range.
--
-- An event counts in a period only when its whole date range lies in it (as in the series queries).
-- Triggers keep the three tables exact as events gain mentions (counts, score and dates change),
-- parties arrive or leave (articles replaced or deleted) and events are re-clustered:
-- an event's contribution is taken out BEFORE its row changes and put back AFTER, both read through
-- the view event_facts. Rows whose count falls to zero are dropped.
-- The INSERT … SELECT statements at the end rebuild the tables from scratch (they are also run by
-- dyads.store.derived_tables.rebuild after a bulk load).

-- Each dated event with the finest grain — month, quarter or year — one period of which holds its
-- whole date range, and that period's label (as dyads.query.filters.period_sql gives it, from
-- events.date). A coarser series adds up the finer grains: a quarter is its months plus the events
-- known only to lie within the quarter. Events vaguer than a year have no row.
CREATE VIEW event_facts AS
SELECT event_id, grain,
       CASE grain
           WHEN 'month' THEN substr(date, 1, 7)
           WHEN 'quarter' THEN substr(date, 1, 4) || '-Q' || ((CAST(substr(date, 6, 2) AS INTEGER) + 2) / 3)
           ELSE substr(date, 1, 4) END AS period,
       type, quad, auxiliary, mentions, score_nanos
FROM (SELECT e.id AS event_id, e.date AS date, e.type AS type, e.quad AS quad,
             COALESCE(e.auxiliary, '') AS auxiliary, e.n_mentions AS mentions,
             CAST(round(e.score * 1000000000) AS INTEGER) AS score_nanos,
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
    events     INTEGER NOT NULL,
    mentions   INTEGER NOT NULL,
    score_nanos INTEGER NOT NULL,      -- sum of the event scores in billionths (exact)
    PRIMARY KEY (source, target, grain, period, type, quad, auxiliary)
) WITHOUT ROWID;

CREATE TABLE pair_rollup (
    low        TEXT NOT NULL,               -- the two countries of the pair, in code order
    high       TEXT NOT NULL,
    grain      TEXT NOT NULL,
    period     TEXT NOT NULL,
    type       TEXT NOT NULL,
    quad       INTEGER NOT NULL,
    auxiliary  TEXT NOT NULL,
    events     INTEGER NOT NULL,
    mentions   INTEGER NOT NULL,
    score_nanos INTEGER NOT NULL,      -- sum of the event scores in billionths (exact)
    PRIMARY KEY (low, high, grain, period, type, quad, auxiliary)
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
    PRIMARY KEY (country, event_id)
) WITHOUT ROWID;
CREATE INDEX party_events_event ON party_events (event_id);
CREATE INDEX party_events_rank ON party_events
    (country, factual, n_articles DESC, n_mentions DESC, abs_score DESC, date, event_id)
    WHERE date IS NOT NULL;

-- A dyad arriving: its event counts for the pair; for the unordered pair only if the other
-- direction was not already there.
CREATE TRIGGER rollup_dyad_add AFTER INSERT ON event_dyads BEGIN
    INSERT INTO dyad_rollup (source, target, grain, period, type, quad, auxiliary, events, mentions, score_nanos)
    SELECT new.source, new.target, f.grain, f.period, f.type, f.quad, f.auxiliary, 1, f.mentions, f.score_nanos
    FROM event_facts f WHERE f.event_id = new.event_id
    ON CONFLICT DO UPDATE SET events = events + 1, mentions = mentions + excluded.mentions,
        score_nanos = score_nanos + excluded.score_nanos;
    INSERT INTO pair_rollup (low, high, grain, period, type, quad, auxiliary, events, mentions, score_nanos)
    SELECT min(new.source, new.target), max(new.source, new.target), f.grain, f.period, f.type, f.quad,
           f.auxiliary, 1, f.mentions, f.score_nanos
    FROM event_facts f WHERE f.event_id = new.event_id AND (new.source = new.target OR NOT EXISTS (
        SELECT 1 FROM event_dyads r WHERE r.source = new.target AND r.target = new.source
          AND r.event_id = new.event_id))
    ON CONFLICT DO UPDATE SET events = events + 1, mentions = mentions + excluded.mentions,
        score_nanos = score_nanos + excluded.score_nanos;
END;

CREATE TRIGGER rollup_dyad_remove AFTER DELETE ON event_dyads BEGIN
    UPDATE dyad_rollup SET events = dyad_rollup.events - 1, mentions = dyad_rollup.mentions - f.mentions,
        score_nanos = dyad_rollup.score_nanos - f.score_nanos
    FROM event_facts f WHERE f.event_id = old.event_id AND dyad_rollup.source = old.source AND dyad_rollup.target = old.target
      AND dyad_rollup.grain = f.grain AND dyad_rollup.period = f.period AND dyad_rollup.type = f.type AND dyad_rollup.quad = f.quad
      AND dyad_rollup.auxiliary = f.auxiliary;
    DELETE FROM dyad_rollup WHERE source = old.source AND target = old.target AND events <= 0;
    UPDATE pair_rollup SET events = pair_rollup.events - 1, mentions = pair_rollup.mentions - f.mentions,
        score_nanos = pair_rollup.score_nanos - f.score_nanos
    FROM event_facts f WHERE f.event_id = old.event_id
      AND pair_rollup.low = min(old.source, old.target) AND pair_rollup.high = max(old.source, old.target)
      AND pair_rollup.grain = f.grain AND pair_rollup.period = f.period AND pair_rollup.type = f.type AND pair_rollup.quad = f.quad
      AND pair_rollup.auxiliary = f.auxiliary
      AND (old.source = old.target OR NOT EXISTS (SELECT 1 FROM event_dyads o WHERE o.source = old.target
          AND o.target = old.source AND o.event_id = old.event_id));
    DELETE FROM pair_rollup WHERE low = min(old.source, old.target) AND high = max(old.source, old.target)
      AND events <= 0;
END;

-- An event about to change what it counts for: take its contribution out of every pair it has …
CREATE TRIGGER rollup_event_before_update BEFORE UPDATE OF type, quad, auxiliary, date, date_lo, date_hi,
    score, n_mentions ON events
WHEN old.type IS NOT new.type OR old.quad IS NOT new.quad OR old.auxiliary IS NOT new.auxiliary
  OR old.date IS NOT new.date OR old.date_lo IS NOT new.date_lo OR old.date_hi IS NOT new.date_hi
  OR old.score IS NOT new.score OR old.n_mentions IS NOT new.n_mentions
BEGIN
    UPDATE dyad_rollup SET events = dyad_rollup.events - 1, mentions = dyad_rollup.mentions - x.mentions,
        score_nanos = dyad_rollup.score_nanos - x.score_nanos
    FROM (SELECT d.source, d.target, f.* FROM event_dyads d JOIN event_facts f ON f.event_id = d.event_id
          WHERE d.event_id = old.id) x
    WHERE dyad_rollup.source = x.source AND dyad_rollup.target = x.target AND dyad_rollup.grain = x.grain AND dyad_rollup.period = x.period
      AND dyad_rollup.type = x.type AND dyad_rollup.quad = x.quad AND dyad_rollup.auxiliary = x.auxiliary;
    UPDATE pair_rollup SET events = pair_rollup.events - 1, mentions = pair_rollup.mentions - x.mentions,
        score_nanos = pair_rollup.score_nanos - x.score_nanos
    FROM (SELECT min(d.source, d.target) AS low, max(d.source, d.target) AS high, f.*
          FROM event_dyads d JOIN event_facts f ON f.event_id = d.event_id
          WHERE d.event_id = old.id AND (d.source <= d.target OR NOT EXISTS (SELECT 1 FROM event_dyads o
              WHERE o.source = d.target AND o.target = d.source AND o.event_id = d.event_id))) x
    WHERE pair_rollup.low = x.low AND pair_rollup.high = x.high AND pair_rollup.grain = x.grain AND pair_rollup.period = x.period
      AND pair_rollup.type = x.type AND pair_rollup.quad = x.quad AND pair_rollup.auxiliary = x.auxiliary;
END;

-- … and put it back once the row holds its new values (the emptied rows go after that).
CREATE TRIGGER rollup_event_after_update AFTER UPDATE OF type, quad, auxiliary, date, date_lo, date_hi,
    score, n_mentions ON events
WHEN old.type IS NOT new.type OR old.quad IS NOT new.quad OR old.auxiliary IS NOT new.auxiliary
  OR old.date IS NOT new.date OR old.date_lo IS NOT new.date_lo OR old.date_hi IS NOT new.date_hi
  OR old.score IS NOT new.score OR old.n_mentions IS NOT new.n_mentions
BEGIN
    INSERT INTO dyad_rollup (source, target, grain, period, type, quad, auxiliary, events, mentions, score_nanos)
    SELECT d.source, d.target, f.grain, f.period, f.type, f.quad, f.auxiliary, 1, f.mentions, f.score_nanos
    FROM event_dyads d JOIN event_facts f ON f.event_id = d.event_id WHERE d.event_id = new.id
    ON CONFLICT DO UPDATE SET events = events + 1, mentions = mentions + excluded.mentions,
        score_nanos = score_nanos + excluded.score_nanos;
    INSERT INTO pair_rollup (low, high, grain, period, type, quad, auxiliary, events, mentions, score_nanos)
    SELECT min(d.source, d.target), max(d.source, d.target), f.grain, f.period, f.type, f.quad,
           f.auxiliary, 1, f.mentions, f.score_nanos
    FROM event_dyads d JOIN event_facts f ON f.event_id = d.event_id
    WHERE d.event_id = new.id AND (d.source <= d.target OR NOT EXISTS (SELECT 1 FROM event_dyads o
        WHERE o.source = d.target AND o.target = d.source AND o.event_id = d.event_id))
    ON CONFLICT DO UPDATE SET events = events + 1, mentions = mentions + excluded.mentions,
        score_nanos = score_nanos + excluded.score_nanos;
    DELETE FROM dyad_rollup WHERE events <= 0 AND (source, target) IN
        (SELECT source, target FROM event_dyads WHERE event_id = new.id);
    DELETE FROM pair_rollup WHERE events <= 0 AND (low, high) IN
        (SELECT min(source, target), max(source, target) FROM event_dyads WHERE event_id = new.id);
END;

-- An event leaving: its dyads go first, while the row still tells what they counted for.
CREATE TRIGGER rollup_event_delete BEFORE DELETE ON events BEGIN
    DELETE FROM event_dyads WHERE event_id = old.id;
    DELETE FROM party_events WHERE event_id = old.id;
END;

CREATE TRIGGER party_events_add AFTER INSERT ON event_actors WHEN new.country IS NOT NULL BEGIN
    INSERT OR IGNORE INTO party_events
        (country, event_id, factual, n_articles, n_mentions, abs_score, date, type, quad)
    SELECT new.country, e.id, e.auxiliary IS NULL OR e.auxiliary NOT IN ('negation', 'future', 'hypothetical'),
           e.n_articles, e.n_mentions, abs(e.score), e.date, e.type, e.quad
    FROM events e WHERE e.id = new.event_id;
END;

CREATE TRIGGER party_events_remove AFTER DELETE ON event_actors WHEN old.country IS NOT NULL BEGIN
    DELETE FROM party_events WHERE country = old.country AND event_id = old.event_id AND NOT EXISTS (
        SELECT 1 FROM event_actors WHERE event_id = old.event_id AND country = old.country);
END;

CREATE TRIGGER party_events_update AFTER UPDATE OF type, quad, auxiliary, date, score, n_mentions, n_articles
    ON events
BEGIN
    UPDATE party_events SET
        factual = new.auxiliary IS NULL OR new.auxiliary NOT IN ('negation', 'future', 'hypothetical'),
        n_articles = new.n_articles, n_mentions = new.n_mentions, abs_score = abs(new.score),
        date = new.date, type = new.type, quad = new.quad
    WHERE event_id = new.id;
END;

-- What a store already holds.
INSERT INTO dyad_rollup (source, target, grain, period, type, quad, auxiliary, events, mentions, score_nanos)
SELECT d.source, d.target, f.grain, f.period, f.type, f.quad, f.auxiliary, COUNT(*), SUM(f.mentions), SUM(f.score_nanos)
FROM event_dyads d JOIN event_facts f ON f.event_id = d.event_id
GROUP BY d.source, d.target, f.grain, f.period, f.type, f.quad, f.auxiliary;

INSERT INTO pair_rollup (low, high, grain, period, type, quad, auxiliary, events, mentions, score_nanos)
SELECT min(d.source, d.target), max(d.source, d.target), f.grain, f.period, f.type, f.quad, f.auxiliary,
       COUNT(*), SUM(f.mentions), SUM(f.score_nanos)
FROM event_dyads d JOIN event_facts f ON f.event_id = d.event_id
WHERE d.source <= d.target OR NOT EXISTS (SELECT 1 FROM event_dyads o
    WHERE o.source = d.target AND o.target = d.source AND o.event_id = d.event_id)
GROUP BY 1, 2, f.grain, f.period, f.type, f.quad, f.auxiliary;

INSERT OR IGNORE INTO party_events (country, event_id, factual, n_articles, n_mentions, abs_score, date, type, quad)
SELECT ea.country, e.id, e.auxiliary IS NULL OR e.auxiliary NOT IN ('negation', 'future', 'hypothetical'),
       e.n_articles, e.n_mentions, abs(e.score), e.date, e.type, e.quad
FROM event_actors ea JOIN events e ON e.id = ea.event_id
WHERE ea.country IS NOT NULL;
