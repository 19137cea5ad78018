-- The knowledge search keeps the pages it found in memory (src/computed.rs) until what a search
-- reads changes: the entries (the published ones are the hits; every entry, drafts too, adds
-- its words to knowledge_words, which the expansion of query words reads), the synonyms and the
-- names of the Länder (a facet). One row counts those changes, bumped in the writing
-- transaction; a search reads it (one statement) and takes the page kept for that revision.
-- knowledge_words and knowledge_vocabulary are written only by the entries' row triggers, so
-- within a statement that moves the revision anyway.
CREATE TABLE knowledge_revision (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    revision bigint NOT NULL
);

INSERT INTO knowledge_revision (revision) VALUES (1);

CREATE FUNCTION kc_touch_knowledge_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE knowledge_revision SET revision = revision + 1;
    RETURN NULL;
END;
$$;

-- Named "…_knowledge_revision" so that, with the triggers of 0016 and 0022 ("…_revision_…",
-- "…_revisions_…"), every writer of entries or Länder locks this row first: no deadlock.
CREATE TRIGGER knowledge_entries_knowledge_revision
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON knowledge_entries
    FOR EACH STATEMENT EXECUTE FUNCTION kc_touch_knowledge_revision();
CREATE TRIGGER knowledge_synonyms_knowledge_revision
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON knowledge_synonyms
    FOR EACH STATEMENT EXECUTE FUNCTION kc_touch_knowledge_revision();
CREATE TRIGGER laender_knowledge_revision
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON laender
    FOR EACH STATEMENT EXECUTE FUNCTION kc_touch_knowledge_revision();

-- The search for networks by name or place (`/netzwerke?q=…`, `/oeffentlich?q=…`: ILIKE
-- '%…%') answered from trigram indexes instead of testing the name of every network of the
-- country (at 5,000 networks the count 3.2 → 0.2 ms). The place is matched as the networks of
-- the Kommunen whose name matches (`kommune_ags = ANY (…)`), so that both halves of the OR are
-- index scans of networks.
CREATE INDEX networks_name_trgm_idx ON networks USING gin (name gin_trgm_ops);
CREATE INDEX kommunen_name_trgm_idx ON kommunen USING gin (name gin_trgm_ops);
