-- Search speed on 10 000 entries (quality bar: p99 under 30 ms), in three parts.

-- 1. Facet counts without unnesting arrays: every entry carries its facet values packed into
-- one bigint, the search returns the keys of all hits as one array, and the application
-- counts them (knowledge::facets). Unnesting the Handlungsfelder and themes of 10 000 hits
-- and grouping them took 12–20 ms; aggregating the keys takes about one.

-- The facet values that have a bit in the key, in bit order. knowledge::facets decodes with
-- the same list (a test compares both).
CREATE FUNCTION kc_facet_vocabulary() RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN ARRAY[
        'art:good_practice', 'art:workshop_ergebnis', 'art:handlungsempfehlung', 'art:forderung',
        'art:studie', 'art:foerderprogramm',
        'ebene:bund', 'ebene:land', 'ebene:kommune',
        'feld:fruehkindliche_bildung', 'feld:schulische_bildung', 'feld:gesundheit', 'feld:ernaehrung',
        'feld:wohnen', 'feld:freizeit_kultur_sport', 'feld:erwerbsintegration',
        'thema:politischer_wille', 'thema:jugendhilfeplanung', 'thema:finanzierung',
        'thema:daten_monitoring', 'thema:beteiligung', 'thema:jobcenter_arbeitsmarkt',
        'thema:bildung_teilhabe', 'thema:lotsendienste_zugaenge', 'thema:vernetzung',
        'thema:qualitaetsentwicklung', 'thema:recht'];

-- Bits 0–26: the entry's values at their kc_facet_vocabulary() positions; bits 32–36: the
-- Land code as a number (0: none); bits 40–46: the year minus 1989 (0: none).
CREATE FUNCTION kc_facet_key(kind text, level text, felder text[], themen text[], land char(2),
                             year smallint) RETURNS bigint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN (SELECT coalesce(sum(1::bigint << (position - 1)::integer), 0)::bigint
            FROM unnest(kc_facet_vocabulary()) WITH ORDINALITY vocabulary(tag, position)
            WHERE tag IN ('art:' || kind, 'ebene:' || level)
               OR tag = ANY (ARRAY(SELECT 'feld:' || f FROM unnest(felder) f))
               OR tag = ANY (ARRAY(SELECT 'thema:' || t FROM unnest(themen) t)))
           | (coalesce(land::integer, 0)::bigint << 32)
           | (coalesce(year - 1989, 0)::bigint << 40);

-- 2. Ranking reads rank_doc of every hit. Words as written suffice for it (the ranking query
-- asks for prefixes of the word and of its German stem), so the German stems go, which
-- shrinks rank_doc by a third.
-- 3. What the search reads of every hit stays uncompressed in the row (PLAIN: rank_doc is at
-- most two kilobytes, the arrays are short: each value once at most), and everything else that is long (summary,
-- body, search_doc …) is compressed or moved out of the row from 128 bytes on, so that
-- reading 10 000 hits touches a third fewer pages (20 → 13 MB).
ALTER TABLE knowledge_entries
    DROP COLUMN facet_tags,
    ADD COLUMN facet_key bigint NOT NULL
        GENERATED ALWAYS AS (kc_facet_key(kind, level, handlungsfelder, themes, land_code, year)) STORED,
    DROP COLUMN rank_doc,
    ADD COLUMN rank_doc tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', kc_fold(title)), 'A')
        || setweight(to_tsvector('simple', kc_fold(summary)), 'B')
    ) STORED,
    ALTER COLUMN rank_doc SET STORAGE PLAIN,
    ALTER COLUMN handlungsfelder SET STORAGE PLAIN,
    ALTER COLUMN themes SET STORAGE PLAIN,
    ADD CONSTRAINT knowledge_entries_handlungsfelder_short CHECK (cardinality(handlungsfelder) <= 7),
    ADD CONSTRAINT knowledge_entries_themes_short CHECK (cardinality(themes) <= 11),
    SET (toast_tuple_target = 128);
DROP FUNCTION kc_facet_tags(text[], text[]);

-- Entries change rarely and by hand; a search should not have to read through a pending list
-- of up to 4 MB (gin_pending_list_limit) of entries not yet merged into the index.
ALTER INDEX knowledge_entries_search_idx SET (fastupdate = off);
