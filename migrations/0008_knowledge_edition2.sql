-- Knowledge platform, second edition.

-- 1. A kind for entries from descriptive papers: the NAP-Ausschuss paper calls itself "kein
-- offizielles Empfehlungspapier" of "deskriptiven Charakter", so its entries are no
-- "Handlungsempfehlung". The facet vocabulary lists the kinds in the order of
-- knowledge::vocab::ARTEN (a test compares both); a new kind shifts the bits of every later
-- value, so every key is computed again (an UPDATE recomputes stored generated columns).
ALTER TABLE knowledge_entries
    DROP CONSTRAINT knowledge_entries_kind_check,
    ADD CONSTRAINT knowledge_entries_kind_check CHECK (kind IN ('good_practice', 'workshop_ergebnis',
        'handlungsempfehlung', 'beschreibung', 'forderung', 'studie', 'foerderprogramm'));

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
        'thema:qualitaetsentwicklung', 'thema:recht'];

UPDATE knowledge_entries SET kind = kind;

-- 2. Corrections of the seed reach running databases. seed_digest: the fingerprint of the
-- seed text last written into the entry, or last decided on by the Geschäftsstelle
-- (knowledge::seed::SeedEntry::digest). seed_version: the entry's version right after the seed
-- wrote it; while version still equals it, nobody has changed the entry and a corrected seed
-- text replaces it. Entries seeded before this migration are unchanged exactly when they are
-- still at version 1; their fingerprint is unknown, so the next start compares their text.
ALTER TABLE knowledge_entries
    ADD COLUMN seed_digest text,
    ADD COLUMN seed_version integer;
UPDATE knowledge_entries SET seed_version = 1 WHERE seeded AND version = 1;
