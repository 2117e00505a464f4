-- Schema version 3: indexes for the analysts' queries and for deleting or replacing an article.
--
-- Party lookups by country serve either side (timelines, comparisons) as well as one role (dyads);
-- names and organisations are matched without regard to case. The foreign-key columns get their
-- own indexes so that ON DELETE CASCADE / SET NULL does not scan whole tables.

DROP INDEX event_actors_country;
CREATE INDEX event_actors_country ON event_actors (country, role, event_id);
CREATE INDEX event_actors_name ON event_actors (name COLLATE NOCASE);
CREATE INDEX event_actors_org ON event_actors (org COLLATE NOCASE);

CREATE INDEX event_mentions_article ON event_mentions (article_id);
CREATE INDEX event_mentions_sentence ON event_mentions (sentence_id);
CREATE INDEX event_mentions_place ON event_mentions (place_id);
CREATE INDEX mention_actors_actor ON mention_actors (actor_id, role);
CREATE INDEX mentions_article ON mentions (article_id);
CREATE INDEX times_article ON times (article_id);
CREATE INDEX quotes_speaker_actor ON quotes (speaker_actor_id);
