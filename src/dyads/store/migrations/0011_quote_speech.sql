-- Schema version 11: whether a quote record is its speaker's words.
--
-- quotes.speech  1 when the record is speech (a verb or noun of saying, or quotation marks); 0 for
--                attributions of thought, plan or evidence ("seeking", "backs", "believes") that the
--                analysis keeps but that are not what anyone said. Quote listings show speech unless
--                asked for every record. Filled here from the stored analyses (a record written
--                before the flag existed is speech).
ALTER TABLE quotes ADD COLUMN speech INTEGER NOT NULL DEFAULT 1;
UPDATE quotes SET speech = COALESCE(
    (SELECT CASE json_extract(q.value, '$.speech') WHEN 0 THEN 0 ELSE 1 END
     FROM articles a, json_each(a.analysis_json, '$.quotes') q
     WHERE a.id = quotes.article_id AND json_extract(q.value, '$.id') = quotes.local_id),
    1);
