-- Knowledge platform: entries with German full-text search that also finds parts of compound
-- words and ignores how umlauts are written.

-- Folds case, umlauts and ß so that "Übergang", "uebergang" and "UEBERGANG" are one word.
CREATE FUNCTION kc_fold(input text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN translate(
        replace(replace(replace(replace(lower(translate(input, 'ÄÖÜ', 'äöü')),
            'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss'),
        'àáâãåçèéêëìíîïñòóôõùúûýÿ', 'aaaaaceeeeiiiinooooouuuyy');

-- Every word, and for words of six letters or more also every word-final part of four letters
-- or more ("kinderarmut": "kinderarmut", "inderarmut", …, "armut"). A query word then matches
-- any indexed part that starts with it: at the start, in the middle or at the end of a word.
CREATE FUNCTION kc_word_parts(folded text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN (SELECT string_agg(DISTINCT substr(word, i), ' ')
            FROM regexp_split_to_table(folded, '[^a-z0-9]+') word,
                 generate_series(1, greatest(length(word) - 3, 1)) i
            WHERE length(word) >= 2 AND (i = 1 OR length(word) >= 6));

-- The Handlungsfelder and themes of an entry as one array ("feld:wohnen", "thema:recht"), so
-- the search can count both facets in a single pass.
CREATE FUNCTION kc_facet_tags(felder text[], themen text[]) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN ARRAY(SELECT 'feld:' || f FROM unnest(felder) f)
           || ARRAY(SELECT 'thema:' || t FROM unnest(themen) t);

CREATE TABLE knowledge_entries (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug             text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 120),
    title            text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    kind             text NOT NULL CHECK (kind IN ('good_practice', 'workshop_ergebnis', 'handlungsempfehlung',
                         'forderung', 'studie', 'foerderprogramm')),
    level            text NOT NULL CHECK (level IN ('bund', 'land', 'kommune')),
    summary          text NOT NULL DEFAULT '' CHECK (length(summary) <= 600),
    body             text NOT NULL DEFAULT '' CHECK (length(body) <= 50000),
    source_document  text NOT NULL DEFAULT '' CHECK (length(source_document) <= 300),
    source_section   text NOT NULL DEFAULT '' CHECK (length(source_section) <= 300),
    workshop         smallint CHECK (workshop BETWEEN 1 AND 6),
    place            text NOT NULL DEFAULT '' CHECK (length(place) <= 200),
    kommune_ags      text REFERENCES kommunen (ags),
    land_code        char(2) REFERENCES laender (code),
    year             smallint CHECK (year BETWEEN 1990 AND 2100),
    handlungsfelder  text[] NOT NULL DEFAULT '{}' CHECK (handlungsfelder <@ ARRAY['fruehkindliche_bildung',
                         'schulische_bildung', 'gesundheit', 'ernaehrung', 'wohnen', 'freizeit_kultur_sport',
                         'erwerbsintegration']),
    themes           text[] NOT NULL DEFAULT '{}' CHECK (themes <@ ARRAY['politischer_wille', 'jugendhilfeplanung',
                         'finanzierung', 'daten_monitoring', 'beteiligung', 'jobcenter_arbeitsmarkt',
                         'bildung_teilhabe', 'lotsendienste_zugaenge', 'vernetzung', 'qualitaetsentwicklung',
                         'recht']),
    contacts         text[] NOT NULL DEFAULT '{}',
    status           text NOT NULL DEFAULT 'entwurf' CHECK (status IN ('entwurf', 'eingereicht',
                         'veroeffentlicht', 'zurueckgegeben')),
    -- Written by the project from the source documents (content, not demo data).
    seeded           boolean NOT NULL DEFAULT false,
    author_user_id   bigint REFERENCES users (id) ON DELETE SET NULL,
    -- The territory of the drafting user: who else from there may edit the draft.
    author_kommune_ags text REFERENCES kommunen (ags),
    author_land_code char(2) REFERENCES laender (code),
    review_comment   text NOT NULL DEFAULT '',
    version          integer NOT NULL DEFAULT 1,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    published_at     timestamptz,
    -- What the search matches against (no positions, so it stays compact): German stems of
    -- all text, and every word with its word-final parts, so that "armut" is found inside
    -- "Kinderarmut" and at the start of "Armutsprävention" (see kc_word_parts).
    search_doc       tsvector GENERATED ALWAYS AS (
        strip(to_tsvector('german', kc_fold(title || ' ' || summary || ' ' || body)))
        || strip(to_tsvector('simple', coalesce(kc_word_parts(kc_fold(title || ' ' || summary || ' ' || body)), '')))
    ) STORED,
    -- Title and summary only: small enough to rank thousands of hits in milliseconds (a hit
    -- found only in the body ranks below every hit in a title or summary).
    rank_doc         tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('german', kc_fold(title)), 'A')
        || setweight(to_tsvector('simple', kc_fold(title)), 'A')
        || setweight(to_tsvector('german', kc_fold(summary)), 'B')
        || setweight(to_tsvector('simple', kc_fold(summary)), 'B')
    ) STORED,
    facet_tags       text[] GENERATED ALWAYS AS (kc_facet_tags(handlungsfelder, themes)) STORED,
    CONSTRAINT knowledge_entries_slug_key UNIQUE (slug)
);
-- Ranking reads rank_doc for every hit: kept in the row (compressed if need be) rather than
-- out of line in the TOAST table, which costs an index lookup per hit (measured: 25 ms more
-- for 10 000 hits).
ALTER TABLE knowledge_entries ALTER COLUMN rank_doc SET STORAGE MAIN;

-- Only published entries are searched; drafts are listed by their own index.
CREATE INDEX knowledge_entries_search_idx ON knowledge_entries USING gin (search_doc)
    WHERE status = 'veroeffentlicht';
CREATE INDEX knowledge_entries_drafts_idx ON knowledge_entries (updated_at DESC)
    WHERE status <> 'veroeffentlicht';

-- The vocabulary of word parts in search_doc, so that a query word can be expanded to the parts
-- that start with it ("armut" → "armut", "armuts", "armutspraevention", …) by a prefix scan.
CREATE TABLE knowledge_words (
    word text COLLATE "C" PRIMARY KEY
);

CREATE FUNCTION knowledge_collect_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO knowledge_words (word)
    SELECT lexeme
    FROM unnest(to_tsvector('simple', coalesce(kc_word_parts(kc_fold(NEW.title || ' ' || NEW.summary || ' ' || NEW.body)), '')))
    WHERE lexeme ~ '^[a-z0-9]{2,60}$'
    ON CONFLICT DO NOTHING;
    RETURN NEW;
END;
$$;

CREATE TRIGGER knowledge_entries_words
    AFTER INSERT OR UPDATE OF title, summary, body ON knowledge_entries
    FOR EACH ROW EXECUTE FUNCTION knowledge_collect_words();
