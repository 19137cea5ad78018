-- Knowledge platform, third edition: an entry page of a fixed few cheap statements, structured
-- references, Lebensphasen, synonyms and a search that forgives typing errors and Latin plurals.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- 1. The entry page reads what was computed when the entry was written (knowledge::db::find).

-- The body rendered to sanitised HTML by the application (knowledge::markdown), written with
-- every body. A body written without it loses the stored HTML, so a page never shows an older
-- text than the entry has: without HTML it renders the body itself.
ALTER TABLE knowledge_entries ADD COLUMN body_html text;

CREATE FUNCTION knowledge_forget_html() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.body IS DISTINCT FROM OLD.body AND NEW.body_html IS NOT DISTINCT FROM OLD.body_html THEN
        NEW.body_html := NULL;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER knowledge_entries_html
    BEFORE UPDATE OF body ON knowledge_entries
    FOR EACH ROW EXECUTE FUNCTION knowledge_forget_html();

-- 2. Structured references ("Quellen und Rechtsgrundlagen"): a list of {kind, title} in the
-- entry's row, so that the search document can hold them (knowledge::vocab::QUELLENARTEN).
CREATE FUNCTION kc_citations_valid(citations jsonb) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN jsonb_typeof(citations) = 'array'
       AND jsonb_array_length(citations) <= 20
       AND NOT EXISTS (
           SELECT 1 FROM jsonb_array_elements(citations) c
           WHERE jsonb_typeof(c) <> 'object'
              OR NOT coalesce(c ->> 'kind' IN ('rechtsnorm', 'eu_rechtsakt', 'drucksache', 'gutachten',
                                               'bericht', 'sonstige'), false)
              OR NOT coalesce(length(c ->> 'title') BETWEEN 1 AND 300, false));

CREATE FUNCTION kc_citation_text(citations jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN (SELECT coalesce(string_agg(c ->> 'title', ' '), '') FROM jsonb_array_elements(citations) c);

-- 3. Lebensphasen, the vocabulary of measures (crate::vocab::LEBENSPHASEN).
ALTER TABLE knowledge_entries
    ADD COLUMN citations jsonb NOT NULL DEFAULT '[]' CHECK (kc_citations_valid(citations)),
    ADD COLUMN lebensphasen text[] NOT NULL DEFAULT '{}' CHECK (lebensphasen <@ ARRAY['schwangerschaft_geburt',
        'null_bis_drei', 'drei_bis_sechs', 'sechs_bis_zehn', 'zehn_bis_sechzehn', 'sechzehn_bis_achtzehn']
        AND cardinality(lebensphasen) <= 6);
ALTER TABLE knowledge_entries ALTER COLUMN lebensphasen SET STORAGE PLAIN;

-- The search document gains the references, the facet key the Lebensphasen: both generated
-- columns are made anew (and with them the index and the function that read them).
DROP FUNCTION kc_knowledge_hits(text, text[], text[], text[], text[], text[], smallint[]);
ALTER TABLE knowledge_entries DROP COLUMN search_doc, DROP COLUMN facet_key;
DROP FUNCTION kc_facet_key(text, text, text[], text[], char(2), smallint);

-- The Lebensphasen follow the themes, in the order of crate::vocab::LEBENSPHASEN (a test
-- compares both): 34 values, bits 0–33.
CREATE OR REPLACE FUNCTION kc_facet_vocabulary() RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN ARRAY[
        'art:good_practice', 'art:workshop_ergebnis', 'art:handlungsempfehlung', 'art:beschreibung',
        'art:forderung', 'art:studie', 'art:foerderprogramm',
        'ebene:bund', 'ebene:land', 'ebene:kommune',
        'feld:fruehkindliche_bildung', 'feld:schulische_bildung', 'feld:gesundheit', 'feld:ernaehrung',
        'feld:wohnen', 'feld:freizeit_kultur_sport', 'feld:erwerbsintegration',
        'thema:politischer_wille', 'thema:jugendhilfeplanung', 'thema:finanzierung',
        'thema:daten_monitoring', 'thema:beteiligung', 'thema:jobcenter_arbeitsmarkt',
        'thema:bildung_teilhabe', 'thema:lotsendienste_zugaenge', 'thema:vernetzung',
        'thema:qualitaetsentwicklung', 'thema:recht',
        'phase:schwangerschaft_geburt', 'phase:null_bis_drei', 'phase:drei_bis_sechs',
        'phase:sechs_bis_zehn', 'phase:zehn_bis_sechzehn', 'phase:sechzehn_bis_achtzehn'];

-- Bits 0–33: the entry's values at their kc_facet_vocabulary() positions; bits 40–44: the
-- Land code as a number (0: none); bits 48–54: the year minus 1989 (0: none).
CREATE FUNCTION kc_facet_key(kind text, level text, felder text[], themen text[], phasen text[],
                             land char(2), year smallint) RETURNS bigint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN (SELECT coalesce(sum(1::bigint << (position - 1)::integer), 0)::bigint
            FROM unnest(kc_facet_vocabulary()) WITH ORDINALITY vocabulary(tag, position)
            WHERE tag IN ('art:' || kind, 'ebene:' || level)
               OR tag = ANY (ARRAY(SELECT 'feld:' || f FROM unnest(felder) f))
               OR tag = ANY (ARRAY(SELECT 'thema:' || t FROM unnest(themen) t))
               OR tag = ANY (ARRAY(SELECT 'phase:' || p FROM unnest(phasen) p)))
           | (coalesce(land::integer, 0)::bigint << 40)
           | (coalesce(year - 1989, 0)::bigint << 48);

ALTER TABLE knowledge_entries
    ADD COLUMN search_doc tsvector GENERATED ALWAYS AS (
        strip(to_tsvector('german', kc_fold(title || ' ' || summary || ' ' || body || ' ' || kc_citation_text(citations))))
        || strip(to_tsvector('simple', coalesce(kc_word_parts(kc_fold(title || ' ' || summary || ' ' || body
                                                                     || ' ' || kc_citation_text(citations))), '')))
    ) STORED,
    ADD COLUMN facet_key bigint NOT NULL
        GENERATED ALWAYS AS (kc_facet_key(kind, level, handlungsfelder, themes, lebensphasen, land_code, year)) STORED;

CREATE INDEX knowledge_entries_search_idx ON knowledge_entries USING gin (search_doc)
    WITH (fastupdate = off) WHERE status = 'veroeffentlicht';

-- As in migration 0006, with the Lebensphasen as one more facet.
CREATE FUNCTION kc_knowledge_hits(matching text, kinds text[], levels text[], felder text[],
                                  themen text[], phasen text[], laender text[], years smallint[])
    RETURNS SETOF knowledge_entries
    LANGUAGE sql STABLE
AS $$
    SELECT * FROM knowledge_entries e
    WHERE e.status = 'veroeffentlicht'
      AND (matching IS NULL OR e.search_doc @@ to_tsquery('simple', matching))
      AND (cardinality(kinds) = 0 OR e.kind = ANY (kinds))
      AND (cardinality(levels) = 0 OR e.level = ANY (levels))
      AND (cardinality(felder) = 0 OR e.handlungsfelder && felder)
      AND (cardinality(themen) = 0 OR e.themes && themen)
      AND (cardinality(phasen) = 0 OR e.lebensphasen && phasen)
      AND (cardinality(laender) = 0 OR e.land_code = ANY (laender))
      AND (cardinality(years) = 0 OR e.year = ANY (years))
$$;

-- 4. Related entries, computed when an entry is written (knowledge::db::refresh_related) rather
-- than over the whole corpus at every view. related_version: the entry's version they were
-- computed for; the start computes them for every entry where it differs.
ALTER TABLE knowledge_entries ADD COLUMN related_version integer;

CREATE TABLE knowledge_related (
    entry_id   bigint NOT NULL REFERENCES knowledge_entries (id) ON DELETE CASCADE,
    position   smallint NOT NULL CHECK (position BETWEEN 1 AND 5),
    related_id bigint NOT NULL REFERENCES knowledge_entries (id) ON DELETE CASCADE,
    PRIMARY KEY (entry_id, position)
);
CREATE INDEX knowledge_related_target_idx ON knowledge_related (related_id);

-- The five published entries closest to each of `ids`: shared themes count twice, shared
-- Handlungsfelder and Lebensphasen once, and the text similarity of their search documents to
-- the entry's title words up to ten times.
CREATE FUNCTION kc_compute_related(ids bigint[]) RETURNS void LANGUAGE sql AS $$
    DELETE FROM knowledge_related WHERE entry_id = ANY (ids);
    INSERT INTO knowledge_related (entry_id, position, related_id)
    SELECT me.id, r.position, r.id
    FROM (SELECT id, themes, handlungsfelder, lebensphasen,
                 (SELECT to_tsquery('simple', string_agg(lexeme, ' | '))
                    FROM unnest(to_tsvector('german', kc_fold(title)))) AS words
          FROM knowledge_entries WHERE id = ANY (ids)) me,
         LATERAL (SELECT ranked.id, ranked.position
                  FROM (SELECT e.id,
                               row_number() OVER (ORDER BY
                                   2 * cardinality(ARRAY(SELECT unnest(e.themes) INTERSECT SELECT unnest(me.themes)))
                                   + cardinality(ARRAY(SELECT unnest(e.handlungsfelder) INTERSECT SELECT unnest(me.handlungsfelder)))
                                   + cardinality(ARRAY(SELECT unnest(e.lebensphasen) INTERSECT SELECT unnest(me.lebensphasen)))
                                   + CASE WHEN me.words IS NULL THEN 0 ELSE 10 * ts_rank(e.search_doc, me.words) END DESC,
                                   e.id) AS position
                        FROM knowledge_entries e
                        WHERE e.status = 'veroeffentlicht' AND e.id <> me.id
                          AND (e.themes && me.themes OR e.handlungsfelder && me.handlungsfelder
                               OR (me.words IS NOT NULL AND e.search_doc @@ me.words))) ranked
                  WHERE ranked.position <= 5) r;
    UPDATE knowledge_entries SET related_version = version
    WHERE id = ANY (ids) AND related_version IS DISTINCT FROM version;
$$;

-- After `changed` was written: its own list, the lists that named it, and the lists of the
-- entries it now names (the closeness is mutual). Lists elsewhere that it would now enter stay
-- until their entries are written again: related entries are a reading aid, not a ranking.
CREATE FUNCTION kc_refresh_related(changed bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM kc_compute_related(ARRAY(SELECT changed UNION SELECT entry_id FROM knowledge_related
                                                          WHERE related_id = changed));
    PERFORM kc_compute_related(ARRAY(SELECT related_id FROM knowledge_related WHERE entry_id = changed));
END;
$$;

-- 5. Words for "Meinten Sie …?": every word of five letters or more of a published entry as
-- written, with its folded form and its German stem (a trailing "um" dropped, so that
-- "Familienzentrum" and "Familienzentren" share "familienzentr"). A query word whose stem no
-- entry has gets the most similar word by trigrams (knowledge::db::expand). Only published
-- text: the suggestions must not reveal drafts.
CREATE FUNCTION kc_stem(folded text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN coalesce((SELECT regexp_replace(lexeme, '(.{5,})um$', '\1')
                     FROM unnest(to_tsvector('german'::regconfig, folded)) LIMIT 1), folded);

CREATE TABLE knowledge_vocabulary (
    folded text COLLATE "C" PRIMARY KEY,
    word   text NOT NULL,
    stem   text NOT NULL
);
CREATE INDEX knowledge_vocabulary_stem_idx ON knowledge_vocabulary (stem);
CREATE INDEX knowledge_vocabulary_trgm_idx ON knowledge_vocabulary USING gist (folded gist_trgm_ops);

CREATE FUNCTION kc_collect_vocabulary(text) RETURNS void LANGUAGE sql AS $$
    INSERT INTO knowledge_vocabulary (folded, word, stem)
    SELECT DISTINCT ON (kc_fold(w)) kc_fold(w), w, kc_stem(kc_fold(w))
    FROM regexp_split_to_table($1, '[^A-Za-z0-9ÄÖÜäöüßÀ-ÿ]+') w
    WHERE length(w) BETWEEN 5 AND 60
    ON CONFLICT DO NOTHING;
$$;

-- The word parts (migration 0003) now come from the references too.
CREATE OR REPLACE FUNCTION knowledge_collect_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO knowledge_words (word)
    SELECT lexeme
    FROM unnest(to_tsvector('simple', coalesce(kc_word_parts(kc_fold(NEW.title || ' ' || NEW.summary || ' '
                                                                     || NEW.body || ' ' || kc_citation_text(NEW.citations))), '')))
    WHERE lexeme ~ '^[a-z0-9]{2,60}$'
    ON CONFLICT DO NOTHING;
    IF NEW.status = 'veroeffentlicht' THEN
        PERFORM kc_collect_vocabulary(NEW.title || ' ' || NEW.summary || ' ' || NEW.body || ' '
                                      || kc_citation_text(NEW.citations));
    END IF;
    RETURN NEW;
END;
$$;

DROP TRIGGER knowledge_entries_words ON knowledge_entries;
CREATE TRIGGER knowledge_entries_words
    AFTER INSERT OR UPDATE OF title, summary, body, citations, status ON knowledge_entries
    FOR EACH ROW EXECUTE FUNCTION knowledge_collect_words();

SELECT kc_collect_vocabulary(title || ' ' || summary || ' ' || body)
FROM knowledge_entries WHERE status = 'veroeffentlicht';

-- 6. Synonyms as professionals write them, kept by the Bund (knowledge::synonyms). A pair
-- works both ways; the search words of each side are stored as the search folds a query
-- (knowledge::search::terms), without short function words, so that "Bildung und Teilhabe"
-- is found in a query "Bildung Teilhabe" too.
CREATE FUNCTION kc_search_words(phrase text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN ARRAY(SELECT DISTINCT w FROM regexp_split_to_table(kc_fold(phrase), '[^a-z0-9]+') w
                 WHERE length(w) BETWEEN 2 AND 60
                   AND w NOT IN ('und', 'oder', 'fuer', 'der', 'die', 'das', 'des', 'den', 'dem',
                                 'von', 'mit', 'im', 'in', 'an', 'am', 'zur', 'zum', 'bei', 'auf')
                 ORDER BY w);

CREATE TABLE knowledge_synonyms (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    term          text NOT NULL CHECK (length(term) BETWEEN 2 AND 80),
    synonym       text NOT NULL CHECK (length(synonym) BETWEEN 2 AND 80),
    term_words    text[] GENERATED ALWAYS AS (kc_search_words(term)) STORED,
    synonym_words text[] GENERATED ALWAYS AS (kc_search_words(synonym)) STORED,
    created_by    bigint REFERENCES users (id) ON DELETE SET NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT knowledge_synonyms_words CHECK (cardinality(term_words) BETWEEN 1 AND 8
                                               AND cardinality(synonym_words) BETWEEN 1 AND 8
                                               AND term_words <> synonym_words)
);
-- A pair once, in either order.
CREATE UNIQUE INDEX knowledge_synonyms_pair_key ON knowledge_synonyms
    (least(term_words, synonym_words), greatest(term_words, synonym_words));

INSERT INTO knowledge_synonyms (term, synonym) VALUES
    ('Kita', 'Kindertagesstätte'),
    ('Kita', 'Kindertageseinrichtung'),
    ('Kindertagesstätte', 'Kindertageseinrichtung'),
    ('Kita', 'Kindergarten'),
    ('Tagespflege', 'Kindertagespflege'),
    ('U3', 'unter Dreijährige'),
    ('BuT', 'Bildung und Teilhabe'),
    ('BuT', 'Bildungspaket'),
    ('Bildungspaket', 'Bildung und Teilhabe'),
    ('SGB II', 'Bürgergeld'),
    ('SGB II', 'Grundsicherung für Arbeitsuchende'),
    ('Bürgergeld', 'Grundsicherung für Arbeitsuchende'),
    ('Bürgergeld', 'Hartz IV'),
    ('SGB XII', 'Sozialhilfe'),
    ('SGB III', 'Arbeitsförderung'),
    ('SGB VIII', 'Kinder- und Jugendhilfe'),
    ('SGB VIII', 'KJHG'),
    ('KJHG', 'Kinder- und Jugendhilfegesetz'),
    ('KKG', 'Gesetz zur Kooperation und Information im Kinderschutz'),
    ('KiZ', 'Kinderzuschlag'),
    ('zkT', 'zugelassener kommunaler Träger'),
    ('Optionskommune', 'zugelassener kommunaler Träger'),
    ('Optionskommune', 'kommunales Jobcenter'),
    ('JBA', 'Jugendberufsagentur'),
    ('ÖGD', 'Öffentlicher Gesundheitsdienst'),
    ('ÖPNV', 'öffentlicher Personennahverkehr'),
    ('ASD', 'Allgemeiner Sozialer Dienst'),
    ('JHP', 'Jugendhilfeplanung'),
    ('OGS', 'Offene Ganztagsschule'),
    ('Ganztag', 'Ganztagsschule'),
    ('NAP', 'Nationaler Aktionsplan'),
    ('NAP Kinderchancen', 'Neue Chancen für Kinder in Deutschland'),
    ('Kindergarantie', 'Europäische Garantie für Kinder'),
    ('ESF Plus', 'Europäischer Sozialfonds Plus'),
    ('ESF', 'Europäischer Sozialfonds'),
    ('Alleinerziehende', 'Einelternfamilien'),
    ('Migrationsgeschichte', 'Migrationshintergrund'),
    ('Präventionskette', 'Präventionsnetzwerk'),
    ('Präventionskette', 'integrierte kommunale Strategie'),
    ('Sozialraum', 'Quartier'),
    ('Sozialraum', 'Stadtteil'),
    ('Quartier', 'Stadtteil'),
    ('Geh-Struktur', 'aufsuchende Arbeit'),
    ('Komm-Struktur', 'Kommstruktur'),
    ('Beteiligung', 'Partizipation'),
    ('Familienbildung', 'Elternbildung'),
    ('Schulsozialarbeit', 'Jugendsozialarbeit an Schulen'),
    ('Früherkennungsuntersuchung', 'Vorsorgeuntersuchung'),
    ('Schuleingangsuntersuchung', 'Einschulungsuntersuchung'),
    ('Ehrenamt', 'bürgerschaftliches Engagement'),
    ('Landkreis', 'Kreis'),
    ('Kommune', 'Gemeinde');

-- 7. From a gap to help: which networks run measures in which Handlungsfeld × Lebensphase,
-- kept by the database whenever measures change, so that the page for a gap of a
-- Bestandsaufnahme and an entry's "Netzwerke, die Ähnliches tun" read a few rows by index
-- instead of the measures of the whole country (knowledge::help).
-- is_public: the network's, kept here so that a cell's public networks are read from the
-- index alone, however few networks of the country are public.
CREATE TABLE measure_coverage (
    network_id bigint NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    feld       text NOT NULL,
    phase      text NOT NULL,
    measures   integer NOT NULL CHECK (measures > 0),
    is_public  boolean NOT NULL,
    PRIMARY KEY (network_id, feld, phase)
);
CREATE INDEX measure_coverage_public_idx ON measure_coverage (feld, phase, measures DESC, network_id)
    WHERE is_public;

-- Running measures only ('laufend', states::MeasureStatus::Running), as the Bestandsaufnahme counts.
CREATE FUNCTION kc_cover_networks(ids bigint[]) RETURNS void LANGUAGE sql AS $$
    DELETE FROM measure_coverage WHERE network_id = ANY (ids);
    INSERT INTO measure_coverage (network_id, feld, phase, measures, is_public)
    SELECT m.network_id, f, p, count(*), bool_or(n.is_public)
    FROM measures m JOIN networks n ON n.id = m.network_id, unnest(m.handlungsfelder) f, unnest(m.lebensphasen) p
    WHERE m.network_id = ANY (ids) AND m.status = 'laufend'
    GROUP BY m.network_id, f, p;
$$;

CREATE FUNCTION networks_cover_public() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE measure_coverage SET is_public = NEW.is_public WHERE network_id = NEW.id;
    RETURN NULL;
END;
$$;

CREATE TRIGGER networks_cover_public AFTER UPDATE OF is_public ON networks
    FOR EACH ROW WHEN (OLD.is_public IS DISTINCT FROM NEW.is_public)
    EXECUTE FUNCTION networks_cover_public();

-- Once per statement for the networks it touched (an import of a thousand measures recounts
-- its network once). PL/pgSQL plans a statement when it first runs it, so each branch names
-- only the transition tables its trigger has.
CREATE FUNCTION measures_cover() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM kc_cover_networks(ARRAY(SELECT DISTINCT network_id FROM new_measures));
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM kc_cover_networks(ARRAY(SELECT network_id FROM new_measures
                                        UNION SELECT network_id FROM old_measures));
    ELSE
        PERFORM kc_cover_networks(ARRAY(SELECT DISTINCT network_id FROM old_measures));
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER measures_cover_insert AFTER INSERT ON measures
    REFERENCING NEW TABLE AS new_measures FOR EACH STATEMENT EXECUTE FUNCTION measures_cover();
CREATE TRIGGER measures_cover_update AFTER UPDATE ON measures
    REFERENCING OLD TABLE AS old_measures NEW TABLE AS new_measures
    FOR EACH STATEMENT EXECUTE FUNCTION measures_cover();
CREATE TRIGGER measures_cover_delete AFTER DELETE ON measures
    REFERENCING OLD TABLE AS old_measures FOR EACH STATEMENT EXECUTE FUNCTION measures_cover();

SELECT kc_cover_networks(ARRAY(SELECT id FROM networks));
