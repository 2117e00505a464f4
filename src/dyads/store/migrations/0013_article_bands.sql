-- Schema version 13: the distinct articles of the default series and comparisons read from one row
-- per period, as the events are read from the rollups.
--
-- Schema 12 counts distinct articles by reading one row per article (dyad_articles, pair_articles):
-- exact, but a dense pair reads as many rows as it has articles. For the series a store is mostly
-- asked for — by month, quarter or year, factual events only, at a threshold on the 0.05 grid —
-- the count can be kept per period: an article counts at threshold k/20 when its best band there
-- (the highest band of its factual rows) is k or more.
--
-- dyad_article_best   (actor country, recipient country, qgrain, bucket, type, article_id, band):
--                     for a series by qgrain (month, quarter, year), the bands of the factual rows
--                     (auxiliary not negation, future or hypothetical) of dyad_articles that the
--                     article has in the period `bucket` of that series, each with the number of
--                     such rows (`keys`). The series' period of a row is the one dyads.query.rollups
--                     gives it: a monthly series keeps quarter- and year-grain rows under their own
--                     labels, a quarterly one puts the months in their quarter, a yearly one all in
--                     the year. The article's best band is the last entry of its range of the key.
-- dyad_article_bands  (…, qgrain, bucket, type, band, articles): a row at each band that is some
--                     article's best there, with the articles whose best band is that one or
--                     higher. A series at threshold k/20 reads, for each of its rows, the first row
--                     of the row's key at band k or above (none: no article).
-- pair_article_best,  the same per unordered pair without type (what a comparison counts), with a
-- pair_article_bands  further qgrain 'all' (bucket ''): the articles of every period, for the total.
--
-- Triggers on dyad_articles and pair_articles keep them exact, whatever changed those (reports
-- arriving, leaving or moving, an event's date, type or confidence changing, a dyad going): a row
-- arriving raises the article's best band in each bucket if it is higher, a row leaving lowers it
-- (or takes the article away) if it held that band alone. Those tables only ever gain and lose rows
-- (a changed key is a row leaving and another arriving; only their `events` count is updated). The
-- triggers name the rows they change by one list of values per key column, so that each is looked
-- up rather than the pair's rows scanned.
--
-- Queries with other filters (types, quad class, non-factual events, thresholds off the grid, day
-- and week periods, date bounds) keep counting from the schema 12 tables.

CREATE TABLE dyad_article_best (
    source     TEXT NOT NULL,
    target     TEXT NOT NULL,
    qgrain     TEXT NOT NULL,               -- the series: month | quarter | year
    bucket     TEXT NOT NULL,               -- the label of its period that holds the rows
    type       TEXT NOT NULL,
    article_id INTEGER NOT NULL,
    band       INTEGER NOT NULL,            -- a band of factual rows of the article there
    keys       INTEGER NOT NULL,            -- how many rows of dyad_articles of that band
    PRIMARY KEY (source, target, qgrain, bucket, type, article_id, band)
) WITHOUT ROWID;

CREATE TABLE dyad_article_bands (
    source     TEXT NOT NULL,
    target     TEXT NOT NULL,
    qgrain     TEXT NOT NULL,
    bucket     TEXT NOT NULL,
    type       TEXT NOT NULL,
    band       INTEGER NOT NULL,            -- a band that is the best of some article there
    articles   INTEGER NOT NULL,            -- articles whose best band there is this one or higher
    PRIMARY KEY (source, target, qgrain, bucket, type, band)
) WITHOUT ROWID;

CREATE TABLE pair_article_best (
    low        TEXT NOT NULL,
    high       TEXT NOT NULL,
    qgrain     TEXT NOT NULL,               -- the series: month | quarter | year | all (the total)
    bucket     TEXT NOT NULL,               -- the label of its period that holds the rows ('' for all)
    article_id INTEGER NOT NULL,
    band       INTEGER NOT NULL,            -- a band of factual rows of the article there
    keys       INTEGER NOT NULL,            -- how many rows of pair_articles of that band
    PRIMARY KEY (low, high, qgrain, bucket, article_id, band)
) WITHOUT ROWID;

CREATE TABLE pair_article_bands (
    low        TEXT NOT NULL,
    high       TEXT NOT NULL,
    qgrain     TEXT NOT NULL,
    bucket     TEXT NOT NULL,
    band       INTEGER NOT NULL,            -- a band that is the best of some article there
    articles   INTEGER NOT NULL,            -- articles whose best band there is this one or higher
    PRIMARY KEY (low, high, qgrain, bucket, band)
) WITHOUT ROWID;

-- A row of dyad_articles arriving: in each bucket where the article's best band was lower (or it had
-- none), it moves up to this row's band: that band gets a row (with the articles at or above it),
-- the rows above its old best band and up to the new one count it, and its old best band's row goes
-- if no other article has that band as its best (the row then says what the next row says).
CREATE TRIGGER best_dyad_add AFTER INSERT ON dyad_articles
WHEN new.auxiliary NOT IN ('negation', 'future', 'hypothetical')
BEGIN
    INSERT INTO dyad_article_bands (source, target, qgrain, bucket, type, band, articles)
    SELECT new.source, new.target, x.qgrain, x.bucket, new.type, new.band, coalesce((SELECT n.articles FROM dyad_article_bands n WHERE n.source = new.source AND n.target = new.target AND n.qgrain = x.qgrain AND n.bucket = x.bucket AND n.type = new.type
          AND n.band > new.band ORDER BY n.band LIMIT 1), 0)
    FROM (SELECT q.qgrain, q.bucket, (SELECT MAX(p.band) FROM dyad_article_best p
            WHERE p.source = new.source AND p.target = new.target AND p.type = new.type AND p.qgrain = q.qgrain
              AND p.bucket = q.bucket AND p.article_id = new.article_id) AS best
          FROM (SELECT 'month' AS qgrain, new.period AS bucket
          UNION ALL SELECT 'quarter', CASE new.grain WHEN 'month' THEN substr(new.period, 1, 4) || '-Q' || ((CAST(substr(new.period, 6, 2) AS INTEGER) + 2) / 3) ELSE new.period END
          UNION ALL SELECT 'year', substr(new.period, 1, 4)) q) x
    WHERE x.best IS NULL OR x.best < new.band
    ON CONFLICT DO NOTHING;
    UPDATE dyad_article_bands SET articles = articles + 1
    WHERE dyad_article_bands.source = new.source AND dyad_article_bands.target = new.target AND dyad_article_bands.qgrain IN ('month', 'quarter', 'year')
      AND dyad_article_bands.bucket IN (new.period, CASE new.grain WHEN 'month' THEN substr(new.period, 1, 4) || '-Q' || ((CAST(substr(new.period, 6, 2) AS INTEGER) + 2) / 3) ELSE new.period END, substr(new.period, 1, 4)) AND dyad_article_bands.type = new.type
      AND dyad_article_bands.bucket = CASE dyad_article_bands.qgrain WHEN 'month' THEN new.period WHEN 'quarter' THEN CASE new.grain WHEN 'month' THEN substr(new.period, 1, 4) || '-Q' || ((CAST(substr(new.period, 6, 2) AS INTEGER) + 2) / 3) ELSE new.period END
          WHEN 'year' THEN substr(new.period, 1, 4) ELSE '' END
      AND dyad_article_bands.band <= new.band AND dyad_article_bands.band > coalesce((SELECT MAX(p.band) FROM dyad_article_best p
          WHERE p.source = new.source AND p.target = new.target AND p.type = new.type AND p.qgrain = dyad_article_bands.qgrain
            AND p.bucket = dyad_article_bands.bucket AND p.article_id = new.article_id), -1);
    DELETE FROM dyad_article_bands
    WHERE dyad_article_bands.source = new.source AND dyad_article_bands.target = new.target AND dyad_article_bands.qgrain IN ('month', 'quarter', 'year')
      AND dyad_article_bands.bucket IN (new.period, CASE new.grain WHEN 'month' THEN substr(new.period, 1, 4) || '-Q' || ((CAST(substr(new.period, 6, 2) AS INTEGER) + 2) / 3) ELSE new.period END, substr(new.period, 1, 4)) AND dyad_article_bands.type = new.type
      AND dyad_article_bands.bucket = CASE dyad_article_bands.qgrain WHEN 'month' THEN new.period WHEN 'quarter' THEN CASE new.grain WHEN 'month' THEN substr(new.period, 1, 4) || '-Q' || ((CAST(substr(new.period, 6, 2) AS INTEGER) + 2) / 3) ELSE new.period END
          WHEN 'year' THEN substr(new.period, 1, 4) ELSE '' END
      AND dyad_article_bands.band < new.band AND dyad_article_bands.band = coalesce((SELECT MAX(p.band) FROM dyad_article_best p
          WHERE p.source = new.source AND p.target = new.target AND p.type = new.type AND p.qgrain = dyad_article_bands.qgrain
            AND p.bucket = dyad_article_bands.bucket AND p.article_id = new.article_id), -1)
      AND dyad_article_bands.articles = coalesce((SELECT n.articles FROM dyad_article_bands n WHERE n.source = dyad_article_bands.source AND n.target = dyad_article_bands.target AND n.qgrain = dyad_article_bands.qgrain AND n.bucket = dyad_article_bands.bucket AND n.type = dyad_article_bands.type
          AND n.band > dyad_article_bands.band ORDER BY n.band LIMIT 1), 0);
    INSERT INTO dyad_article_best (source, target, qgrain, bucket, type, article_id, band, keys)
    SELECT new.source, new.target, q.qgrain, q.bucket, new.type, new.article_id, new.band, 1
    FROM (SELECT 'month' AS qgrain, new.period AS bucket
          UNION ALL SELECT 'quarter', CASE new.grain WHEN 'month' THEN substr(new.period, 1, 4) || '-Q' || ((CAST(substr(new.period, 6, 2) AS INTEGER) + 2) / 3) ELSE new.period END
          UNION ALL SELECT 'year', substr(new.period, 1, 4)) q WHERE true
    ON CONFLICT DO UPDATE SET keys = keys + 1;
END;

-- A row of dyad_articles leaving: in each bucket where it held the article's best band alone, the
-- article moves down to the best band it still has there (which gets a row), or goes: the rows above
-- that band and up to the old one no longer count it, and the old one's row goes if it no longer
-- differs from the next.
CREATE TRIGGER best_dyad_remove AFTER DELETE ON dyad_articles
WHEN old.auxiliary NOT IN ('negation', 'future', 'hypothetical')
BEGIN
    UPDATE dyad_article_best SET keys = keys - 1
    WHERE dyad_article_best.source = old.source AND dyad_article_best.target = old.target AND dyad_article_best.type = old.type AND dyad_article_best.article_id = old.article_id AND dyad_article_best.band = old.band
      AND (qgrain, bucket) IN (SELECT qgrain, bucket FROM (SELECT 'month' AS qgrain, old.period AS bucket
          UNION ALL SELECT 'quarter', CASE old.grain WHEN 'month' THEN substr(old.period, 1, 4) || '-Q' || ((CAST(substr(old.period, 6, 2) AS INTEGER) + 2) / 3) ELSE old.period END
          UNION ALL SELECT 'year', substr(old.period, 1, 4)));
    DELETE FROM dyad_article_best WHERE keys <= 0 AND dyad_article_best.source = old.source AND dyad_article_best.target = old.target AND dyad_article_best.type = old.type AND dyad_article_best.article_id = old.article_id AND dyad_article_best.band = old.band
      AND (qgrain, bucket) IN (SELECT qgrain, bucket FROM (SELECT 'month' AS qgrain, old.period AS bucket
          UNION ALL SELECT 'quarter', CASE old.grain WHEN 'month' THEN substr(old.period, 1, 4) || '-Q' || ((CAST(substr(old.period, 6, 2) AS INTEGER) + 2) / 3) ELSE old.period END
          UNION ALL SELECT 'year', substr(old.period, 1, 4)));
    INSERT INTO dyad_article_bands (source, target, qgrain, bucket, type, band, articles)
    SELECT old.source, old.target, x.qgrain, x.bucket, old.type, x.best, coalesce((SELECT n.articles FROM dyad_article_bands n WHERE n.source = old.source AND n.target = old.target AND n.qgrain = x.qgrain AND n.bucket = x.bucket AND n.type = old.type
          AND n.band > x.best ORDER BY n.band LIMIT 1), 0)
    FROM (SELECT q.qgrain, q.bucket, (SELECT MAX(p.band) FROM dyad_article_best p
            WHERE p.source = old.source AND p.target = old.target AND p.type = old.type AND p.qgrain = q.qgrain
              AND p.bucket = q.bucket AND p.article_id = old.article_id) AS best
          FROM (SELECT 'month' AS qgrain, old.period AS bucket
          UNION ALL SELECT 'quarter', CASE old.grain WHEN 'month' THEN substr(old.period, 1, 4) || '-Q' || ((CAST(substr(old.period, 6, 2) AS INTEGER) + 2) / 3) ELSE old.period END
          UNION ALL SELECT 'year', substr(old.period, 1, 4)) q) x
    WHERE x.best < old.band
    ON CONFLICT DO NOTHING;
    UPDATE dyad_article_bands SET articles = articles - 1
    WHERE dyad_article_bands.source = old.source AND dyad_article_bands.target = old.target AND dyad_article_bands.qgrain IN ('month', 'quarter', 'year')
      AND dyad_article_bands.bucket IN (old.period, CASE old.grain WHEN 'month' THEN substr(old.period, 1, 4) || '-Q' || ((CAST(substr(old.period, 6, 2) AS INTEGER) + 2) / 3) ELSE old.period END, substr(old.period, 1, 4)) AND dyad_article_bands.type = old.type
      AND dyad_article_bands.bucket = CASE dyad_article_bands.qgrain WHEN 'month' THEN old.period WHEN 'quarter' THEN CASE old.grain WHEN 'month' THEN substr(old.period, 1, 4) || '-Q' || ((CAST(substr(old.period, 6, 2) AS INTEGER) + 2) / 3) ELSE old.period END
          WHEN 'year' THEN substr(old.period, 1, 4) ELSE '' END
      AND dyad_article_bands.band <= old.band AND dyad_article_bands.band > coalesce((SELECT MAX(p.band) FROM dyad_article_best p
          WHERE p.source = old.source AND p.target = old.target AND p.type = old.type AND p.qgrain = dyad_article_bands.qgrain
            AND p.bucket = dyad_article_bands.bucket AND p.article_id = old.article_id), -1);
    DELETE FROM dyad_article_bands
    WHERE dyad_article_bands.source = old.source AND dyad_article_bands.target = old.target AND dyad_article_bands.qgrain IN ('month', 'quarter', 'year')
      AND dyad_article_bands.bucket IN (old.period, CASE old.grain WHEN 'month' THEN substr(old.period, 1, 4) || '-Q' || ((CAST(substr(old.period, 6, 2) AS INTEGER) + 2) / 3) ELSE old.period END, substr(old.period, 1, 4)) AND dyad_article_bands.type = old.type
      AND dyad_article_bands.bucket = CASE dyad_article_bands.qgrain WHEN 'month' THEN old.period WHEN 'quarter' THEN CASE old.grain WHEN 'month' THEN substr(old.period, 1, 4) || '-Q' || ((CAST(substr(old.period, 6, 2) AS INTEGER) + 2) / 3) ELSE old.period END
          WHEN 'year' THEN substr(old.period, 1, 4) ELSE '' END
      AND dyad_article_bands.band = old.band AND coalesce((SELECT MAX(p.band) FROM dyad_article_best p
          WHERE p.source = old.source AND p.target = old.target AND p.type = old.type AND p.qgrain = dyad_article_bands.qgrain
            AND p.bucket = dyad_article_bands.bucket AND p.article_id = old.article_id), -1) < old.band
      AND dyad_article_bands.articles = coalesce((SELECT n.articles FROM dyad_article_bands n WHERE n.source = dyad_article_bands.source AND n.target = dyad_article_bands.target AND n.qgrain = dyad_article_bands.qgrain AND n.bucket = dyad_article_bands.bucket AND n.type = dyad_article_bands.type
          AND n.band > dyad_article_bands.band ORDER BY n.band LIMIT 1), 0);
END;

-- A row of pair_articles arriving: in each bucket where the article's best band was lower (or it had
-- none), it moves up to this row's band: that band gets a row (with the articles at or above it),
-- the rows above its old best band and up to the new one count it, and its old best band's row goes
-- if no other article has that band as its best (the row then says what the next row says).
CREATE TRIGGER best_pair_add AFTER INSERT ON pair_articles
WHEN new.auxiliary NOT IN ('negation', 'future', 'hypothetical')
BEGIN
    INSERT INTO pair_article_bands (low, high, qgrain, bucket, band, articles)
    SELECT new.low, new.high, x.qgrain, x.bucket, new.band, coalesce((SELECT n.articles FROM pair_article_bands n WHERE n.low = new.low AND n.high = new.high AND n.qgrain = x.qgrain AND n.bucket = x.bucket
          AND n.band > new.band ORDER BY n.band LIMIT 1), 0)
    FROM (SELECT q.qgrain, q.bucket, (SELECT MAX(p.band) FROM pair_article_best p
            WHERE p.low = new.low AND p.high = new.high AND p.qgrain = q.qgrain
              AND p.bucket = q.bucket AND p.article_id = new.article_id) AS best
          FROM (SELECT 'month' AS qgrain, new.period AS bucket
          UNION ALL SELECT 'quarter', CASE new.grain WHEN 'month' THEN substr(new.period, 1, 4) || '-Q' || ((CAST(substr(new.period, 6, 2) AS INTEGER) + 2) / 3) ELSE new.period END
          UNION ALL SELECT 'year', substr(new.period, 1, 4)
          UNION ALL SELECT 'all', '') q) x
    WHERE x.best IS NULL OR x.best < new.band
    ON CONFLICT DO NOTHING;
    UPDATE pair_article_bands SET articles = articles + 1
    WHERE pair_article_bands.low = new.low AND pair_article_bands.high = new.high AND pair_article_bands.qgrain IN ('month', 'quarter', 'year', 'all')
      AND pair_article_bands.bucket IN (new.period, CASE new.grain WHEN 'month' THEN substr(new.period, 1, 4) || '-Q' || ((CAST(substr(new.period, 6, 2) AS INTEGER) + 2) / 3) ELSE new.period END, substr(new.period, 1, 4), '')
      AND pair_article_bands.bucket = CASE pair_article_bands.qgrain WHEN 'month' THEN new.period WHEN 'quarter' THEN CASE new.grain WHEN 'month' THEN substr(new.period, 1, 4) || '-Q' || ((CAST(substr(new.period, 6, 2) AS INTEGER) + 2) / 3) ELSE new.period END
          WHEN 'year' THEN substr(new.period, 1, 4) ELSE '' END
      AND pair_article_bands.band <= new.band AND pair_article_bands.band > coalesce((SELECT MAX(p.band) FROM pair_article_best p
          WHERE p.low = new.low AND p.high = new.high AND p.qgrain = pair_article_bands.qgrain
            AND p.bucket = pair_article_bands.bucket AND p.article_id = new.article_id), -1);
    DELETE FROM pair_article_bands
    WHERE pair_article_bands.low = new.low AND pair_article_bands.high = new.high AND pair_article_bands.qgrain IN ('month', 'quarter', 'year', 'all')
      AND pair_article_bands.bucket IN (new.period, CASE new.grain WHEN 'month' THEN substr(new.period, 1, 4) || '-Q' || ((CAST(substr(new.period, 6, 2) AS INTEGER) + 2) / 3) ELSE new.period END, substr(new.period, 1, 4), '')
      AND pair_article_bands.bucket = CASE pair_article_bands.qgrain WHEN 'month' THEN new.period WHEN 'quarter' THEN CASE new.grain WHEN 'month' THEN substr(new.period, 1, 4) || '-Q' || ((CAST(substr(new.period, 6, 2) AS INTEGER) + 2) / 3) ELSE new.period END
          WHEN 'year' THEN substr(new.period, 1, 4) ELSE '' END
      AND pair_article_bands.band < new.band AND pair_article_bands.band = coalesce((SELECT MAX(p.band) FROM pair_article_best p
          WHERE p.low = new.low AND p.high = new.high AND p.qgrain = pair_article_bands.qgrain
            AND p.bucket = pair_article_bands.bucket AND p.article_id = new.article_id), -1)
      AND pair_article_bands.articles = coalesce((SELECT n.articles FROM pair_article_bands n WHERE n.low = pair_article_bands.low AND n.high = pair_article_bands.high AND n.qgrain = pair_article_bands.qgrain AND n.bucket = pair_article_bands.bucket
          AND n.band > pair_article_bands.band ORDER BY n.band LIMIT 1), 0);
    INSERT INTO pair_article_best (low, high, qgrain, bucket, article_id, band, keys)
    SELECT new.low, new.high, q.qgrain, q.bucket, new.article_id, new.band, 1
    FROM (SELECT 'month' AS qgrain, new.period AS bucket
          UNION ALL SELECT 'quarter', CASE new.grain WHEN 'month' THEN substr(new.period, 1, 4) || '-Q' || ((CAST(substr(new.period, 6, 2) AS INTEGER) + 2) / 3) ELSE new.period END
          UNION ALL SELECT 'year', substr(new.period, 1, 4)
          UNION ALL SELECT 'all', '') q WHERE true
    ON CONFLICT DO UPDATE SET keys = keys + 1;
END;

-- A row of pair_articles leaving: in each bucket where it held the article's best band alone, the
-- article moves down to the best band it still has there (which gets a row), or goes: the rows above
-- that band and up to the old one no longer count it, and the old one's row goes if it no longer
-- differs from the next.
CREATE TRIGGER best_pair_remove AFTER DELETE ON pair_articles
WHEN old.auxiliary NOT IN ('negation', 'future', 'hypothetical')
BEGIN
    UPDATE pair_article_best SET keys = keys - 1
    WHERE pair_article_best.low = old.low AND pair_article_best.high = old.high AND pair_article_best.article_id = old.article_id AND pair_article_best.band = old.band
      AND (qgrain, bucket) IN (SELECT qgrain, bucket FROM (SELECT 'month' AS qgrain, old.period AS bucket
          UNION ALL SELECT 'quarter', CASE old.grain WHEN 'month' THEN substr(old.period, 1, 4) || '-Q' || ((CAST(substr(old.period, 6, 2) AS INTEGER) + 2) / 3) ELSE old.period END
          UNION ALL SELECT 'year', substr(old.period, 1, 4)
          UNION ALL SELECT 'all', ''));
    DELETE FROM pair_article_best WHERE keys <= 0 AND pair_article_best.low = old.low AND pair_article_best.high = old.high AND pair_article_best.article_id = old.article_id AND pair_article_best.band = old.band
      AND (qgrain, bucket) IN (SELECT qgrain, bucket FROM (SELECT 'month' AS qgrain, old.period AS bucket
          UNION ALL SELECT 'quarter', CASE old.grain WHEN 'month' THEN substr(old.period, 1, 4) || '-Q' || ((CAST(substr(old.period, 6, 2) AS INTEGER) + 2) / 3) ELSE old.period END
          UNION ALL SELECT 'year', substr(old.period, 1, 4)
          UNION ALL SELECT 'all', ''));
    INSERT INTO pair_article_bands (low, high, qgrain, bucket, band, articles)
    SELECT old.low, old.high, x.qgrain, x.bucket, x.best, coalesce((SELECT n.articles FROM pair_article_bands n WHERE n.low = old.low AND n.high = old.high AND n.qgrain = x.qgrain AND n.bucket = x.bucket
          AND n.band > x.best ORDER BY n.band LIMIT 1), 0)
    FROM (SELECT q.qgrain, q.bucket, (SELECT MAX(p.band) FROM pair_article_best p
            WHERE p.low = old.low AND p.high = old.high AND p.qgrain = q.qgrain
              AND p.bucket = q.bucket AND p.article_id = old.article_id) AS best
          FROM (SELECT 'month' AS qgrain, old.period AS bucket
          UNION ALL SELECT 'quarter', CASE old.grain WHEN 'month' THEN substr(old.period, 1, 4) || '-Q' || ((CAST(substr(old.period, 6, 2) AS INTEGER) + 2) / 3) ELSE old.period END
          UNION ALL SELECT 'year', substr(old.period, 1, 4)
          UNION ALL SELECT 'all', '') q) x
    WHERE x.best < old.band
    ON CONFLICT DO NOTHING;
    UPDATE pair_article_bands SET articles = articles - 1
    WHERE pair_article_bands.low = old.low AND pair_article_bands.high = old.high AND pair_article_bands.qgrain IN ('month', 'quarter', 'year', 'all')
      AND pair_article_bands.bucket IN (old.period, CASE old.grain WHEN 'month' THEN substr(old.period, 1, 4) || '-Q' || ((CAST(substr(old.period, 6, 2) AS INTEGER) + 2) / 3) ELSE old.period END, substr(old.period, 1, 4), '')
      AND pair_article_bands.bucket = CASE pair_article_bands.qgrain WHEN 'month' THEN old.period WHEN 'quarter' THEN CASE old.grain WHEN 'month' THEN substr(old.period, 1, 4) || '-Q' || ((CAST(substr(old.period, 6, 2) AS INTEGER) + 2) / 3) ELSE old.period END
          WHEN 'year' THEN substr(old.period, 1, 4) ELSE '' END
      AND pair_article_bands.band <= old.band AND pair_article_bands.band > coalesce((SELECT MAX(p.band) FROM pair_article_best p
          WHERE p.low = old.low AND p.high = old.high AND p.qgrain = pair_article_bands.qgrain
            AND p.bucket = pair_article_bands.bucket AND p.article_id = old.article_id), -1);
    DELETE FROM pair_article_bands
    WHERE pair_article_bands.low = old.low AND pair_article_bands.high = old.high AND pair_article_bands.qgrain IN ('month', 'quarter', 'year', 'all')
      AND pair_article_bands.bucket IN (old.period, CASE old.grain WHEN 'month' THEN substr(old.period, 1, 4) || '-Q' || ((CAST(substr(old.period, 6, 2) AS INTEGER) + 2) / 3) ELSE old.period END, substr(old.period, 1, 4), '')
      AND pair_article_bands.bucket = CASE pair_article_bands.qgrain WHEN 'month' THEN old.period WHEN 'quarter' THEN CASE old.grain WHEN 'month' THEN substr(old.period, 1, 4) || '-Q' || ((CAST(substr(old.period, 6, 2) AS INTEGER) + 2) / 3) ELSE old.period END
          WHEN 'year' THEN substr(old.period, 1, 4) ELSE '' END
      AND pair_article_bands.band = old.band AND coalesce((SELECT MAX(p.band) FROM pair_article_best p
          WHERE p.low = old.low AND p.high = old.high AND p.qgrain = pair_article_bands.qgrain
            AND p.bucket = pair_article_bands.bucket AND p.article_id = old.article_id), -1) < old.band
      AND pair_article_bands.articles = coalesce((SELECT n.articles FROM pair_article_bands n WHERE n.low = pair_article_bands.low AND n.high = pair_article_bands.high AND n.qgrain = pair_article_bands.qgrain AND n.bucket = pair_article_bands.bucket
          AND n.band > pair_article_bands.band ORDER BY n.band LIMIT 1), 0);
END;

-- What a store already holds.

INSERT INTO dyad_article_best (source, target, qgrain, bucket, type, article_id, band, keys)
SELECT r.source, r.target, q.qgrain,
       CASE q.qgrain WHEN 'month' THEN r.period
           WHEN 'quarter' THEN CASE r.grain WHEN 'month' THEN substr(r.period, 1, 4) || '-Q' || ((CAST(substr(r.period, 6, 2) AS INTEGER) + 2) / 3) ELSE r.period END
           WHEN 'year' THEN substr(r.period, 1, 4) ELSE '' END,
       r.type, r.article_id, r.band, COUNT(*)
FROM dyad_articles r, (SELECT 'month' AS qgrain UNION ALL SELECT 'quarter' UNION ALL SELECT 'year') q
WHERE r.auxiliary NOT IN ('negation', 'future', 'hypothetical')
GROUP BY 1, 2, 3, 4, 5, 6, 7;

INSERT INTO dyad_article_bands (source, target, qgrain, bucket, type, band, articles)
SELECT source, target, qgrain, bucket, type, band,
       SUM(COUNT(*)) OVER (PARTITION BY source, target, qgrain, bucket, type ORDER BY band DESC)
FROM (SELECT source, target, qgrain, bucket, type, article_id, MAX(band) AS band FROM dyad_article_best
      GROUP BY source, target, qgrain, bucket, type, article_id)
GROUP BY source, target, qgrain, bucket, type, band;

INSERT INTO pair_article_best (low, high, qgrain, bucket, article_id, band, keys)
SELECT r.low, r.high, q.qgrain,
       CASE q.qgrain WHEN 'month' THEN r.period
           WHEN 'quarter' THEN CASE r.grain WHEN 'month' THEN substr(r.period, 1, 4) || '-Q' || ((CAST(substr(r.period, 6, 2) AS INTEGER) + 2) / 3) ELSE r.period END
           WHEN 'year' THEN substr(r.period, 1, 4) ELSE '' END,
       r.article_id, r.band, COUNT(*)
FROM pair_articles r, (SELECT 'month' AS qgrain UNION ALL SELECT 'quarter' UNION ALL SELECT 'year' UNION ALL SELECT 'all') q
WHERE r.auxiliary NOT IN ('negation', 'future', 'hypothetical')
GROUP BY 1, 2, 3, 4, 5, 6;

INSERT INTO pair_article_bands (low, high, qgrain, bucket, band, articles)
SELECT low, high, qgrain, bucket, band,
       SUM(COUNT(*)) OVER (PARTITION BY low, high, qgrain, bucket ORDER BY band DESC)
FROM (SELECT low, high, qgrain, bucket, article_id, MAX(band) AS band FROM pair_article_best
      GROUP BY low, high, qgrain, bucket, article_id)
GROUP BY low, high, qgrain, bucket, band;
