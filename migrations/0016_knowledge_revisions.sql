-- The maps of the national pages offer the most adopted good-practice entries (their titles,
-- published ones only) and keep them with the figures of their revision (src/computed.rs,
-- migration 0018). A write of a published entry – publishing, withdrawing, editing one – moves
-- the revision of every Land, as the catalog does; drafts and entries under review do not, so
-- that the daily editing of the knowledge platform keeps the figures.
--
-- This migration runs before 0018 in a fresh database: until 0018 has created the revisions,
-- the trigger has nothing to move.
CREATE FUNCTION kc_touch_revisions_of_practice() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    published boolean;
BEGIN
    IF to_regclass('land_revisions') IS NULL THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        SELECT bool_or(status = 'veroeffentlicht') INTO published FROM new_rows;
    ELSIF TG_OP = 'UPDATE' THEN
        SELECT bool_or(n.status = 'veroeffentlicht' OR o.status = 'veroeffentlicht')
        INTO published
        FROM new_rows n FULL JOIN old_rows o ON o.id = n.id;
    ELSE
        SELECT bool_or(status = 'veroeffentlicht') INTO published FROM old_rows;
    END IF;
    IF published THEN
        PERFORM kc_bump_land_revisions(ARRAY(SELECT code::text FROM laender));
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER knowledge_entries_revision_insert AFTER INSERT ON knowledge_entries
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION kc_touch_revisions_of_practice();
CREATE TRIGGER knowledge_entries_revision_update AFTER UPDATE ON knowledge_entries
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION kc_touch_revisions_of_practice();
CREATE TRIGGER knowledge_entries_revision_delete AFTER DELETE ON knowledge_entries
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION kc_touch_revisions_of_practice();
