-- Schema version 2: full text search (SQLite FTS5) over sentences and quotes.
--
-- Both indexes are external-content tables: the text lives once, in `sentences` and `quotes`;
-- triggers keep the index in step with every insert and delete. Query them with MATCH, e.g.
--   SELECT s.* FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid
--   WHERE sentences_fts MATCH 'wagner' ORDER BY rank;

CREATE VIRTUAL TABLE sentences_fts USING fts5 (
    text, content = 'sentences', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences BEGIN
    INSERT INTO sentences_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
    INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE VIRTUAL TABLE quotes_fts USING fts5 (
    content, speaker_name, content = 'quotes', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts (rowid, content, speaker_name) VALUES (new.id, new.content, new.speaker_name);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, content, speaker_name)
    VALUES ('delete', old.id, old.content, old.speaker_name);
END;

-- Index what a version-1 store already holds.
INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild');
INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild');
