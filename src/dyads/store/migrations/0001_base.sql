-- dyads corpus schema, version 1: one row per analysed article and the records of its analysis.
--
-- Conventions: every table keyed by an INTEGER `id`; `article_id` columns point at articles.id;
-- `local_id` is the id inside the article's analysis JSON ("a1", "e3", "q2", "p1");
-- `start`/`end` are [start, end) character offsets into the article text; dates are ISO text
-- ("2020", "2020-08", "2020-08-21"). Deleting an article deletes all its rows (ON DELETE CASCADE).

-- One analysed article. `analysis_json` is the full dyads.analysis/1 document exactly as produced,
-- so any article can be re-rendered without re-running the analysis.
CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    doc_id        TEXT NOT NULL,            -- article.id in the analysis (sha1 of text, or the id given)
    content_hash  TEXT NOT NULL UNIQUE,     -- sha1 over text + publication date: the idempotency key
    source        TEXT,                     -- where the bytes came from: path, URL, "file.jsonl:12"
    url           TEXT,
    title         TEXT,
    published     TEXT,                     -- ISO date, as precise as known
    outlet        TEXT,
    language      TEXT,
    n_chars       INTEGER NOT NULL,
    analysis_json TEXT NOT NULL,
    analyzed_at   TEXT NOT NULL             -- UTC timestamp of the write
);
CREATE INDEX articles_doc_id ON articles (doc_id);
CREATE INDEX articles_published ON articles (published);

-- Actors as resolved in one article. Group across articles by (name, country, kind) or by `code`.
CREATE TABLE actors (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    local_id    TEXT NOT NULL,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,              -- person | country | organization | group
    country     TEXT,                       -- ISO 3166-1 alpha-3
    sector      TEXT,                       -- CAMEO/Phoenix agent code: GOV MIL REB …
    org         TEXT,
    code        TEXT,                       -- CAMEO-style code, e.g. MLIMIL
    roles_json  TEXT NOT NULL DEFAULT '[]',
    why         TEXT,
    n_mentions  INTEGER NOT NULL DEFAULT 0,
    UNIQUE (article_id, local_id)
);
CREATE INDEX actors_country ON actors (country, sector);
CREATE INDEX actors_name ON actors (name COLLATE NOCASE);

-- Places as resolved in one article.
CREATE TABLE places (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    local_id    TEXT NOT NULL,
    name        TEXT NOT NULL,
    geonameid   INTEGER,
    lat         REAL,
    lon         REAL,
    country     TEXT,
    feature     TEXT,                       -- city | country | region | admin | landmark
    UNIQUE (article_id, local_id)
);
CREATE INDEX places_name ON places (name COLLATE NOCASE);

-- Every span where an actor or a place is named.
CREATE TABLE mentions (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    actor_id    INTEGER REFERENCES actors (id) ON DELETE CASCADE,
    place_id    INTEGER REFERENCES places (id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT NOT NULL
);
CREATE INDEX mentions_actor ON mentions (actor_id);
CREATE INDEX mentions_place ON mentions (place_id);

-- Sentences of the article text (the event sentences as the analysis cut them, the rest split on
-- end punctuation), searchable with full text search from schema version 2.
CREATE TABLE sentences (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT NOT NULL,
    UNIQUE (article_id, start)
);

-- Time expressions (TIMEX3 values).
CREATE TABLE times (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT NOT NULL,
    value       TEXT NOT NULL,
    type        TEXT NOT NULL               -- DATE | TIME | DURATION | SET
);

-- Quotes: the quoted or reported words and who said them.
CREATE TABLE quotes (
    id               INTEGER PRIMARY KEY,
    article_id       INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    local_id         TEXT NOT NULL,
    start            INTEGER NOT NULL,
    "end"            INTEGER NOT NULL,
    content          TEXT NOT NULL,
    speaker_actor_id INTEGER REFERENCES actors (id) ON DELETE SET NULL,
    speaker_name     TEXT,                  -- the speaker actor's canonical name, copied for search
    speaker_country  TEXT,
    speaker_text     TEXT,                  -- the words naming the speaker ("he", "the minister")
    cue              TEXT,                  -- "said", "stressed" …
    direct           INTEGER NOT NULL,      -- 1 inside quotation marks
    UNIQUE (article_id, local_id)
);
CREATE INDEX quotes_speaker ON quotes (speaker_name COLLATE NOCASE);

-- Deduplicated real-world events: one row per event, however many sentences report it.
-- The columns describe the cluster: its type and quad class, the date range of its first report
-- (`date` is the start of that range), the mean PLOVER score, the place, and how widely it was reported.
CREATE TABLE events (
    id           INTEGER PRIMARY KEY,
    type         TEXT NOT NULL,             -- PLOVER type: AGREE … ASSAULT
    quad         INTEGER NOT NULL,          -- 1 verbal cooperation, 2 material cooperation,
                                            -- 3 verbal conflict, 4 material conflict (GDELT QuadClass)
    cameo        TEXT,
    auxiliary    TEXT,                      -- historical | future | hypothetical | negation | NULL
    date         TEXT,                      -- first day of the event's date range
    date_lo      TEXT,                      -- date range of the first report (ISO days)
    date_hi      TEXT,
    score        REAL NOT NULL,             -- mean PLOVER score of the mentions (-10..+10)
    place_name   TEXT,
    place_country TEXT,
    place_feature TEXT,
    geonameid    INTEGER,
    lat          REAL,
    lon          REAL,
    actor1_name  TEXT, actor1_code TEXT, actor1_country TEXT, actor1_sector TEXT,
    actor2_name  TEXT, actor2_code TEXT, actor2_country TEXT, actor2_sector TEXT,
    n_mentions   INTEGER NOT NULL DEFAULT 0,
    n_articles   INTEGER NOT NULL DEFAULT 0,
    n_sources    INTEGER NOT NULL DEFAULT 0 -- distinct outlets (or sources when no outlet is known)
);
CREATE INDEX events_type_date ON events (type, date_lo);
CREATE INDEX events_date ON events (date);

-- The parties of each deduplicated event: the union over its mentions of the actors named on each
-- side (one row per distinct name). `key` is what dedup compares: "c:MLI" (a country, whoever in it
-- acts), "o:ECOWAS" (an organisation), "n:wagner group" (a name).
CREATE TABLE event_actors (
    event_id    INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    role        TEXT NOT NULL,              -- actor (CAMEO source) | recipient (CAMEO target)
    key         TEXT NOT NULL,
    name        TEXT NOT NULL,
    country     TEXT,
    sector      TEXT,
    org         TEXT,
    code        TEXT,
    PRIMARY KEY (event_id, role, key, name)
) WITHOUT ROWID;
CREATE INDEX event_actors_country ON event_actors (role, country, event_id);
CREATE INDEX event_actors_key ON event_actors (key, role, event_id);

-- One coded event in one sentence of one article; `event_id` is the deduplicated event it belongs to.
CREATE TABLE event_mentions (
    id           INTEGER PRIMARY KEY,
    event_id     INTEGER NOT NULL REFERENCES events (id),
    article_id   INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    local_id     TEXT NOT NULL,
    sentence_id  INTEGER REFERENCES sentences (id) ON DELETE SET NULL,
    type         TEXT NOT NULL,
    mode         TEXT,
    context_json TEXT NOT NULL DEFAULT '[]',
    cameo        TEXT,
    score        REAL NOT NULL,
    date         TEXT,                      -- as the analysis gave it
    date_basis   TEXT NOT NULL,             -- event (the text dates it) | published | none
    date_lo      TEXT,                      -- the date range dedup used (ISO days)
    date_hi      TEXT,
    auxiliary    TEXT,
    confidence   REAL NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end  INTEGER NOT NULL,
    trigger_text TEXT NOT NULL,
    place_id     INTEGER REFERENCES places (id) ON DELETE SET NULL,
    why          TEXT,
    UNIQUE (article_id, local_id)
);
CREATE INDEX event_mentions_event ON event_mentions (event_id);

-- Which actors of the article each mention names, in order.
CREATE TABLE mention_actors (
    mention_id  INTEGER NOT NULL REFERENCES event_mentions (id) ON DELETE CASCADE,
    role        TEXT NOT NULL,              -- actor | recipient
    position    INTEGER NOT NULL,
    actor_id    INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    PRIMARY KEY (mention_id, role, position)
) WITHOUT ROWID;

-- Inputs that could not be read, analysed or stored, and why. One row per input; a later success
-- removes it.
CREATE TABLE failures (
    source      TEXT PRIMARY KEY,
    stage       TEXT NOT NULL,              -- read | analyze | store
    problem     TEXT NOT NULL,
    at          TEXT NOT NULL
);
