-- Pages that sum up a whole Land or the whole country (the Landesübersicht, the national
-- overview, the NAP report, the public map) keep what they computed in memory until a Land's
-- data changes (src/computed.rs). A Land's revision counts those changes: every statement that
-- writes a table these pages read adds one to the revision of each Land it touched, in the
-- same transaction, so a page that reads the revision first never shows older figures than
-- the revision names. The national figures change when any Land's revision does (their sum).

-- A Land's row appears with its first change (the Länder are loaded after the migrations).
CREATE TABLE land_revisions (
    land_code text PRIMARY KEY,
    revision  bigint NOT NULL
);

-- Rows are locked in code order, so two transactions touching several Länder cannot deadlock
-- on them.
CREATE FUNCTION kc_bump_land_revisions(codes text[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO land_revisions (land_code, revision)
    SELECT DISTINCT code, 1 FROM unnest(codes) code WHERE code IS NOT NULL ORDER BY code
    ON CONFLICT (land_code) DO UPDATE SET revision = land_revisions.revision + 1;
$$;

-- The trigger's argument names how a changed row leads to its Land: the column it is read
-- from ('land_code', 'kommune_ags', 'network_id', 'funding_id', 'indicator_id', 'program_id',
-- 'phase_id'), or 'alle' for national tables (the catalog). Once per statement: an import of
-- a thousand rows counts once. PL/pgSQL plans a statement when it first runs it, so each
-- branch names only the transition tables its trigger has.
CREATE FUNCTION kc_touch_land_revisions() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    via  text := TG_ARGV[0];
    keys text[];
BEGIN
    IF via = 'alle' THEN
        PERFORM kc_bump_land_revisions(ARRAY(SELECT code::text FROM laender));
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        EXECUTE format('SELECT array_agg(DISTINCT %I::text) FROM new_rows', via) INTO keys;
    ELSIF TG_OP = 'UPDATE' THEN
        EXECUTE format('SELECT array_agg(k) FROM (SELECT %1$I::text AS k FROM new_rows
                        UNION SELECT %1$I::text FROM old_rows) changed', via) INTO keys;
    ELSE
        EXECUTE format('SELECT array_agg(DISTINCT %I::text) FROM old_rows', via) INTO keys;
    END IF;
    PERFORM kc_bump_land_revisions(CASE via
        WHEN 'land_code' THEN keys
        WHEN 'kommune_ags' THEN ARRAY(SELECT DISTINCT left(k, 2) FROM unnest(keys) k)
        WHEN 'network_id' THEN ARRAY(
            SELECT DISTINCT left(n.kommune_ags, 2) FROM networks n
            WHERE n.id = ANY (keys::bigint[]))
        WHEN 'funding_id' THEN ARRAY(
            SELECT DISTINCT left(n.kommune_ags, 2) FROM fundings f
            JOIN networks n ON n.id = f.network_id WHERE f.id = ANY (keys::bigint[]))
        WHEN 'indicator_id' THEN ARRAY(
            SELECT DISTINCT left(n.kommune_ags, 2) FROM indicators i
            JOIN networks n ON n.id = i.network_id WHERE i.id = ANY (keys::bigint[]))
        WHEN 'program_id' THEN ARRAY(
            SELECT DISTINCT p.land_code::text FROM funding_programs p
            WHERE p.id = ANY (keys::bigint[]))
        WHEN 'phase_id' THEN ARRAY(
            SELECT DISTINCT p.land_code::text FROM funding_phases ph
            JOIN funding_programs p ON p.id = ph.program_id WHERE ph.id = ANY (keys::bigint[]))
    END);
    RETURN NULL;
END;
$$;

-- Transition tables allow one event per trigger: three triggers a table.
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT * FROM (VALUES
        ('kommunen', 'land_code'),
        ('networks', 'kommune_ags'),
        ('measures', 'network_id'),
        ('indicators', 'network_id'),
        ('indicator_values', 'indicator_id'),
        ('funding_programs', 'land_code'),
        ('funding_phases', 'program_id'),
        ('phase_deliverables', 'phase_id'),
        ('fundings', 'network_id'),
        ('funding_deliverables', 'funding_id'),
        ('reports', 'funding_id'),
        ('catalog_indicators', 'alle')
    ) AS v (tab, via)
    LOOP
        EXECUTE format('CREATE TRIGGER %1$s_revision_insert AFTER INSERT ON %1$I
                        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
                        EXECUTE FUNCTION kc_touch_land_revisions(%2$L)', t.tab, t.via);
        EXECUTE format('CREATE TRIGGER %1$s_revision_update AFTER UPDATE ON %1$I
                        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
                        EXECUTE FUNCTION kc_touch_land_revisions(%2$L)', t.tab, t.via);
        EXECUTE format('CREATE TRIGGER %1$s_revision_delete AFTER DELETE ON %1$I
                        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
                        EXECUTE FUNCTION kc_touch_land_revisions(%2$L)', t.tab, t.via);
    END LOOP;
END;
$$;
