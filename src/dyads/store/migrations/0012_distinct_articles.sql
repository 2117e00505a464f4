-- Schema version 12: how many distinct articles reported the events a series or a comparison counts.
--
-- A count of events says little without what stands behind it: two events reported in one article
-- are one source, two events from two articles are two. The rollups of schema 9 cannot say how many
-- articles a row's events came from, since distinct articles do not add up: two events, or two
-- periods, may share an article, so summing each event's n_articles counts it twice. These tables
-- keep the articles themselves, one row per article under each rollup key, and a query counts the
-- distinct article ids of the rows it reads (dyads.query.article_counts).
--
-- dyad_articles  (actor country, recipient country, grain, period, type, quad, auxiliary, band,
--                article_id): an article reported an event of that dyad_rollup key. `events` is a
--                reference count: how many events of the key the article reported (each event once
--                however many of its sentences are in the article); the row goes when it reaches 0.
-- pair_articles  the same per unordered pair of countries (low <= high). An event with both
--                directions (RUS→MLI and MLI→RUS) counts twice in `events`; only whether a row is
--                there is ever read.
--
-- The keys put article_id right after the columns a series groups by (grain, period and, for the
-- dyads, type): a series reads one range of the key per pair, and within each group the article ids
-- come in order, so SQLite counts the distinct ones without a temporary b-tree. (The conditions on
-- quad, auxiliary and band are checked on each row.)
--
-- event_mentions_event gains article_id: the triggers and the series read from the events find an
-- event's articles in the index instead of looking up each of its reports in the table.
--
-- Triggers keep both tables exact as the rollups are kept (schemas 6 and 9), with the articles of an
-- event read from event_mentions:
--   a dyad arriving or leaving     adds or takes away the event under it, for each of its articles;
--   an event's key changing        (type, quad, auxiliary, dates, confidence: BEFORE the update its
--                                  rows are taken out, AFTER it they are put back under the new key;
--                                  unlike the rollups, a new score or mention count moves nothing);
--   a report arriving, leaving or moving to another event (re-clustering, dyads dedup --split and
--   --join, an article replaced or deleted): the event gains the article with its first report
--   there and loses it with its last.
-- Rows whose count falls to zero are dropped by the trigger that emptied them, found by their key.
--
-- The INSERT … SELECT statements at the end fill the tables of a store that already holds events;
-- dyads.store.derived_tables.rebuild runs them after a bulk load.

CREATE TABLE dyad_articles (
    source     TEXT NOT NULL,               -- actor country (ISO3)
    target     TEXT NOT NULL,               -- recipient country (ISO3)
    grain      TEXT NOT NULL,               -- as in dyad_rollup
    period     TEXT NOT NULL,
    type       TEXT NOT NULL,
    quad       INTEGER NOT NULL,
    auxiliary  TEXT NOT NULL,
    band       INTEGER NOT NULL,
    article_id INTEGER NOT NULL,            -- articles.id of a report of an event of the key
    events     INTEGER NOT NULL,            -- events of the key the article reported
    PRIMARY KEY (source, target, grain, period, type, article_id, quad, auxiliary, band)
) WITHOUT ROWID;

CREATE TABLE pair_articles (
    low        TEXT NOT NULL,               -- the two countries of the pair, in code order
    high       TEXT NOT NULL,
    grain      TEXT NOT NULL,
    period     TEXT NOT NULL,
    type       TEXT NOT NULL,
    quad       INTEGER NOT NULL,
    auxiliary  TEXT NOT NULL,
    band       INTEGER NOT NULL,
    article_id INTEGER NOT NULL,
    events     INTEGER NOT NULL,            -- event directions of the key the article reported
    PRIMARY KEY (low, high, grain, period, article_id, type, quad, auxiliary, band)
) WITHOUT ROWID;

DROP INDEX event_mentions_event;
CREATE INDEX event_mentions_event ON event_mentions (event_id, article_id);

-- A dyad arriving: its event counts for the pair in each article that reported it.
CREATE TRIGGER articles_dyad_add AFTER INSERT ON event_dyads BEGIN
    INSERT INTO dyad_articles (source, target, grain, period, type, quad, auxiliary, band, article_id, events)
    SELECT new.source, new.target, f.grain, f.period, f.type, f.quad, f.auxiliary, f.band, m.article_id, 1
    FROM event_facts f, (SELECT DISTINCT article_id FROM event_mentions WHERE event_id = new.event_id) m
    WHERE f.event_id = new.event_id
    ON CONFLICT DO UPDATE SET events = events + 1;
    INSERT INTO pair_articles (low, high, grain, period, type, quad, auxiliary, band, article_id, events)
    SELECT min(new.source, new.target), max(new.source, new.target), f.grain, f.period, f.type, f.quad,
           f.auxiliary, f.band, m.article_id, 1
    FROM event_facts f, (SELECT DISTINCT article_id FROM event_mentions WHERE event_id = new.event_id) m
    WHERE f.event_id = new.event_id
    ON CONFLICT DO UPDATE SET events = events + 1;
END;

-- A dyad leaving: its event's articles go from the pair, and the rows that leaves empty.
CREATE TRIGGER articles_dyad_remove AFTER DELETE ON event_dyads BEGIN
    UPDATE dyad_articles SET events = dyad_articles.events - 1
    FROM event_facts f, (SELECT DISTINCT article_id FROM event_mentions WHERE event_id = old.event_id) m
    WHERE f.event_id = old.event_id AND dyad_articles.source = old.source AND dyad_articles.target = old.target
      AND dyad_articles.grain = f.grain AND dyad_articles.period = f.period AND dyad_articles.type = f.type
      AND dyad_articles.quad = f.quad AND dyad_articles.auxiliary = f.auxiliary AND dyad_articles.band = f.band
      AND dyad_articles.article_id = m.article_id;
    DELETE FROM dyad_articles WHERE source = old.source AND target = old.target AND events <= 0
      AND (grain, period, type, quad, auxiliary, band) IN
          (SELECT grain, period, type, quad, auxiliary, band FROM event_facts WHERE event_id = old.event_id);
    UPDATE pair_articles SET events = pair_articles.events - 1
    FROM event_facts f, (SELECT DISTINCT article_id FROM event_mentions WHERE event_id = old.event_id) m
    WHERE f.event_id = old.event_id
      AND pair_articles.low = min(old.source, old.target) AND pair_articles.high = max(old.source, old.target)
      AND pair_articles.grain = f.grain AND pair_articles.period = f.period AND pair_articles.type = f.type
      AND pair_articles.quad = f.quad AND pair_articles.auxiliary = f.auxiliary AND pair_articles.band = f.band
      AND pair_articles.article_id = m.article_id;
    DELETE FROM pair_articles WHERE low = min(old.source, old.target) AND high = max(old.source, old.target)
      AND events <= 0
      AND (grain, period, type, quad, auxiliary, band) IN
          (SELECT grain, period, type, quad, auxiliary, band FROM event_facts WHERE event_id = old.event_id);
END;

-- An event about to change its key: take its articles out of every pair it has, and drop the rows
-- that leaves empty … (UPDATE … FROM changes each row once, so the pair rows, which both directions
-- of an event may name, take the number of directions at once.)
CREATE TRIGGER articles_event_before_update BEFORE UPDATE OF type, quad, auxiliary, date, date_lo, date_hi,
    confidence ON events
WHEN old.type IS NOT new.type OR old.quad IS NOT new.quad OR old.auxiliary IS NOT new.auxiliary
  OR old.date IS NOT new.date OR old.date_lo IS NOT new.date_lo OR old.date_hi IS NOT new.date_hi
  OR old.confidence IS NOT new.confidence
BEGIN
    UPDATE dyad_articles SET events = dyad_articles.events - 1
    FROM (SELECT d.source, d.target, f.grain, f.period, f.type, f.quad, f.auxiliary, f.band, m.article_id
          FROM event_dyads d JOIN event_facts f ON f.event_id = d.event_id,
               (SELECT DISTINCT article_id FROM event_mentions WHERE event_id = old.id) m
          WHERE d.event_id = old.id) x
    WHERE dyad_articles.source = x.source AND dyad_articles.target = x.target AND dyad_articles.grain = x.grain
      AND dyad_articles.period = x.period AND dyad_articles.type = x.type AND dyad_articles.quad = x.quad
      AND dyad_articles.auxiliary = x.auxiliary AND dyad_articles.band = x.band
      AND dyad_articles.article_id = x.article_id;
    DELETE FROM dyad_articles WHERE events <= 0
      AND (source, target, grain, period, type, quad, auxiliary, band) IN
          (SELECT d.source, d.target, f.grain, f.period, f.type, f.quad, f.auxiliary, f.band
           FROM event_dyads d JOIN event_facts f ON f.event_id = d.event_id WHERE d.event_id = old.id);
    UPDATE pair_articles SET events = pair_articles.events - x.n
    FROM (SELECT min(d.source, d.target) AS low, max(d.source, d.target) AS high, f.grain, f.period, f.type,
                 f.quad, f.auxiliary, f.band, m.article_id, COUNT(*) AS n
          FROM event_dyads d JOIN event_facts f ON f.event_id = d.event_id,
               (SELECT DISTINCT article_id FROM event_mentions WHERE event_id = old.id) m
          WHERE d.event_id = old.id
          GROUP BY 1, 2, m.article_id) x
    WHERE pair_articles.low = x.low AND pair_articles.high = x.high AND pair_articles.grain = x.grain
      AND pair_articles.period = x.period AND pair_articles.type = x.type AND pair_articles.quad = x.quad
      AND pair_articles.auxiliary = x.auxiliary AND pair_articles.band = x.band
      AND pair_articles.article_id = x.article_id;
    DELETE FROM pair_articles WHERE events <= 0
      AND (low, high, grain, period, type, quad, auxiliary, band) IN
          (SELECT min(d.source, d.target), max(d.source, d.target), f.grain, f.period, f.type, f.quad,
                  f.auxiliary, f.band
           FROM event_dyads d JOIN event_facts f ON f.event_id = d.event_id WHERE d.event_id = old.id);
END;

-- … and put them back under the key the row holds now.
CREATE TRIGGER articles_event_after_update AFTER UPDATE OF type, quad, auxiliary, date, date_lo, date_hi,
    confidence ON events
WHEN old.type IS NOT new.type OR old.quad IS NOT new.quad OR old.auxiliary IS NOT new.auxiliary
  OR old.date IS NOT new.date OR old.date_lo IS NOT new.date_lo OR old.date_hi IS NOT new.date_hi
  OR old.confidence IS NOT new.confidence
BEGIN
    INSERT INTO dyad_articles (source, target, grain, period, type, quad, auxiliary, band, article_id, events)
    SELECT d.source, d.target, f.grain, f.period, f.type, f.quad, f.auxiliary, f.band, m.article_id, 1
    FROM event_dyads d JOIN event_facts f ON f.event_id = d.event_id,
         (SELECT DISTINCT article_id FROM event_mentions WHERE event_id = new.id) m
    WHERE d.event_id = new.id
    ON CONFLICT DO UPDATE SET events = events + 1;
    INSERT INTO pair_articles (low, high, grain, period, type, quad, auxiliary, band, article_id, events)
    SELECT min(d.source, d.target), max(d.source, d.target), f.grain, f.period, f.type, f.quad, f.auxiliary,
           f.band, m.article_id, 1
    FROM event_dyads d JOIN event_facts f ON f.event_id = d.event_id,
         (SELECT DISTINCT article_id FROM event_mentions WHERE event_id = new.id) m
    WHERE d.event_id = new.id
    ON CONFLICT DO UPDATE SET events = events + 1;
END;

-- A report arriving: with the first report of its event in its article, the event's pairs gain the
-- article.
CREATE TRIGGER articles_report_add AFTER INSERT ON event_mentions
WHEN NOT EXISTS (SELECT 1 FROM event_mentions o WHERE o.event_id = new.event_id
    AND o.article_id = new.article_id AND o.id <> new.id)
BEGIN
    INSERT INTO dyad_articles (source, target, grain, period, type, quad, auxiliary, band, article_id, events)
    SELECT d.source, d.target, f.grain, f.period, f.type, f.quad, f.auxiliary, f.band, new.article_id, 1
    FROM event_dyads d JOIN event_facts f ON f.event_id = d.event_id WHERE d.event_id = new.event_id
    ON CONFLICT DO UPDATE SET events = events + 1;
    INSERT INTO pair_articles (low, high, grain, period, type, quad, auxiliary, band, article_id, events)
    SELECT min(d.source, d.target), max(d.source, d.target), f.grain, f.period, f.type, f.quad, f.auxiliary,
           f.band, new.article_id, 1
    FROM event_dyads d JOIN event_facts f ON f.event_id = d.event_id WHERE d.event_id = new.event_id
    ON CONFLICT DO UPDATE SET events = events + 1;
END;

-- A report leaving (its article replaced or deleted): with the last report of its event in its
-- article, the event's pairs lose the article.
CREATE TRIGGER articles_report_remove AFTER DELETE ON event_mentions
WHEN NOT EXISTS (SELECT 1 FROM event_mentions o WHERE o.event_id = old.event_id
    AND o.article_id = old.article_id)
BEGIN
    UPDATE dyad_articles SET events = dyad_articles.events - 1
    FROM (SELECT d.source, d.target, f.* FROM event_dyads d JOIN event_facts f ON f.event_id = d.event_id
          WHERE d.event_id = old.event_id) x
    WHERE dyad_articles.source = x.source AND dyad_articles.target = x.target AND dyad_articles.grain = x.grain
      AND dyad_articles.period = x.period AND dyad_articles.type = x.type AND dyad_articles.quad = x.quad
      AND dyad_articles.auxiliary = x.auxiliary AND dyad_articles.band = x.band
      AND dyad_articles.article_id = old.article_id;
    DELETE FROM dyad_articles WHERE events <= 0
      AND (source, target, grain, period, type, quad, auxiliary, band, article_id) IN
          (SELECT d.source, d.target, f.grain, f.period, f.type, f.quad, f.auxiliary, f.band, old.article_id
           FROM event_dyads d JOIN event_facts f ON f.event_id = d.event_id WHERE d.event_id = old.event_id);
    UPDATE pair_articles SET events = pair_articles.events - x.n
    FROM (SELECT min(d.source, d.target) AS low, max(d.source, d.target) AS high, f.grain, f.period, f.type,
                 f.quad, f.auxiliary, f.band, COUNT(*) AS n
          FROM event_dyads d JOIN event_facts f ON f.event_id = d.event_id
          WHERE d.event_id = old.event_id GROUP BY 1, 2) x
    WHERE pair_articles.low = x.low AND pair_articles.high = x.high AND pair_articles.grain = x.grain
      AND pair_articles.period = x.period AND pair_articles.type = x.type AND pair_articles.quad = x.quad
      AND pair_articles.auxiliary = x.auxiliary AND pair_articles.band = x.band
      AND pair_articles.article_id = old.article_id;
    DELETE FROM pair_articles WHERE events <= 0
      AND (low, high, grain, period, type, quad, auxiliary, band, article_id) IN
          (SELECT min(d.source, d.target), max(d.source, d.target), f.grain, f.period, f.type, f.quad,
                  f.auxiliary, f.band, old.article_id
           FROM event_dyads d JOIN event_facts f ON f.event_id = d.event_id WHERE d.event_id = old.event_id);
END;

-- A report moving to another event (re-clustering, a split or a join): the event it leaves loses
-- its article with its last report there …
CREATE TRIGGER articles_report_leave AFTER UPDATE OF event_id, article_id ON event_mentions
WHEN (old.event_id IS NOT new.event_id OR old.article_id IS NOT new.article_id)
  AND NOT EXISTS (SELECT 1 FROM event_mentions o WHERE o.event_id = old.event_id
      AND o.article_id = old.article_id)
BEGIN
    UPDATE dyad_articles SET events = dyad_articles.events - 1
    FROM (SELECT d.source, d.target, f.* FROM event_dyads d JOIN event_facts f ON f.event_id = d.event_id
          WHERE d.event_id = old.event_id) x
    WHERE dyad_articles.source = x.source AND dyad_articles.target = x.target AND dyad_articles.grain = x.grain
      AND dyad_articles.period = x.period AND dyad_articles.type = x.type AND dyad_articles.quad = x.quad
      AND dyad_articles.auxiliary = x.auxiliary AND dyad_articles.band = x.band
      AND dyad_articles.article_id = old.article_id;
    DELETE FROM dyad_articles WHERE events <= 0
      AND (source, target, grain, period, type, quad, auxiliary, band, article_id) IN
          (SELECT d.source, d.target, f.grain, f.period, f.type, f.quad, f.auxiliary, f.band, old.article_id
           FROM event_dyads d JOIN event_facts f ON f.event_id = d.event_id WHERE d.event_id = old.event_id);
    UPDATE pair_articles SET events = pair_articles.events - x.n
    FROM (SELECT min(d.source, d.target) AS low, max(d.source, d.target) AS high, f.grain, f.period, f.type,
                 f.quad, f.auxiliary, f.band, COUNT(*) AS n
          FROM event_dyads d JOIN event_facts f ON f.event_id = d.event_id
          WHERE d.event_id = old.event_id GROUP BY 1, 2) x
    WHERE pair_articles.low = x.low AND pair_articles.high = x.high AND pair_articles.grain = x.grain
      AND pair_articles.period = x.period AND pair_articles.type = x.type AND pair_articles.quad = x.quad
      AND pair_articles.auxiliary = x.auxiliary AND pair_articles.band = x.band
      AND pair_articles.article_id = old.article_id;
    DELETE FROM pair_articles WHERE events <= 0
      AND (low, high, grain, period, type, quad, auxiliary, band, article_id) IN
          (SELECT min(d.source, d.target), max(d.source, d.target), f.grain, f.period, f.type, f.quad,
                  f.auxiliary, f.band, old.article_id
           FROM event_dyads d JOIN event_facts f ON f.event_id = d.event_id WHERE d.event_id = old.event_id);
END;

-- … and the event it joins gains the article with its first report there.
CREATE TRIGGER articles_report_join AFTER UPDATE OF event_id, article_id ON event_mentions
WHEN (old.event_id IS NOT new.event_id OR old.article_id IS NOT new.article_id)
  AND NOT EXISTS (SELECT 1 FROM event_mentions o WHERE o.event_id = new.event_id
      AND o.article_id = new.article_id AND o.id <> new.id)
BEGIN
    INSERT INTO dyad_articles (source, target, grain, period, type, quad, auxiliary, band, article_id, events)
    SELECT d.source, d.target, f.grain, f.period, f.type, f.quad, f.auxiliary, f.band, new.article_id, 1
    FROM event_dyads d JOIN event_facts f ON f.event_id = d.event_id WHERE d.event_id = new.event_id
    ON CONFLICT DO UPDATE SET events = events + 1;
    INSERT INTO pair_articles (low, high, grain, period, type, quad, auxiliary, band, article_id, events)
    SELECT min(d.source, d.target), max(d.source, d.target), f.grain, f.period, f.type, f.quad, f.auxiliary,
           f.band, new.article_id, 1
    FROM event_dyads d JOIN event_facts f ON f.event_id = d.event_id WHERE d.event_id = new.event_id
    ON CONFLICT DO UPDATE SET events = events + 1;
END;

-- What a store already holds.
INSERT INTO dyad_articles (source, target, grain, period, type, quad, auxiliary, band, article_id, events)
SELECT d.source, d.target, f.grain, f.period, f.type, f.quad, f.auxiliary, f.band, m.article_id, COUNT(*)
FROM event_dyads d JOIN event_facts f ON f.event_id = d.event_id
JOIN (SELECT DISTINCT event_id, article_id FROM event_mentions) m ON m.event_id = d.event_id
GROUP BY d.source, d.target, f.grain, f.period, f.type, m.article_id, f.quad, f.auxiliary, f.band;

INSERT INTO pair_articles (low, high, grain, period, type, quad, auxiliary, band, article_id, events)
SELECT min(d.source, d.target), max(d.source, d.target), f.grain, f.period, f.type, f.quad, f.auxiliary,
       f.band, m.article_id, COUNT(*)
FROM event_dyads d JOIN event_facts f ON f.event_id = d.event_id
JOIN (SELECT DISTINCT event_id, article_id FROM event_mentions) m ON m.event_id = d.event_id
GROUP BY 1, 2, f.grain, f.period, m.article_id, f.type, f.quad, f.auxiliary, f.band;
