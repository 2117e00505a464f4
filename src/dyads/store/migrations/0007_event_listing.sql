-- Schema 7: indexes that serve a page of the event listing (dyads events, /api/v1/events, the
-- dashboard's events page) in date order, so that a page reads as many index entries as it shows
-- instead of sorting every match.
--
-- A country's events by date (party_events holds one row per country on either side of an event);
-- the filtering columns ride along so that candidates are checked without reading the table.
CREATE INDEX party_events_by_date ON party_events (country, date, event_id, type, quad, factual, n_mentions);

-- … and by type, then date: one type of a country's events (--actor MLI --type ASSAULT).
CREATE INDEX party_events_by_type ON party_events (country, type, date, event_id, quad, factual, n_mentions);

-- Events of one type by date, whoever the parties (--type PROTEST).
CREATE INDEX events_type_day ON events (type, date);

-- Events placed in a country or at a named place, by date (--place MLI, --place Gao): a place seldom
-- named is found at once instead of by walking every event in date order.
CREATE INDEX events_place_country ON events (place_country, date);
CREATE INDEX events_place_name ON events (place_name COLLATE NOCASE, date);
