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
-- a thousand rows counts once, joining its rows to their Land in one query.
CREATE FUNCTION kc_touch_land_revisions() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    via text := TG_ARGV[0];
    -- The Länder of the rows of transition table %1$s.
    laender_of text := CASE via
        WHEN 'land_code' THEN 'SELECT land_code::text FROM %1$s'
        WHEN 'kommune_ags' THEN 'SELECT left(kommune_ags, 2) FROM %1$s'
        WHEN 'network_id' THEN
            'SELECT left(n.kommune_ags, 2) FROM %1$s c JOIN networks n ON n.id = c.network_id'
        WHEN 'funding_id' THEN
            'SELECT left(n.kommune_ags, 2) FROM %1$s c JOIN fundings f ON f.id = c.funding_id
             JOIN networks n ON n.id = f.network_id'
        WHEN 'indicator_id' THEN
            'SELECT left(n.kommune_ags, 2) FROM %1$s c JOIN indicators i ON i.id = c.indicator_id
             JOIN networks n ON n.id = i.network_id'
        WHEN 'program_id' THEN
            'SELECT p.land_code::text FROM %1$s c JOIN funding_programs p ON p.id = c.program_id'
        WHEN 'phase_id' THEN
            'SELECT p.land_code::text FROM %1$s c JOIN funding_phases ph ON ph.id = c.phase_id
             JOIN funding_programs p ON p.id = ph.program_id'
        WHEN 'alle' THEN 'SELECT code::text FROM laender'
    END;
    changed text := CASE TG_OP
        WHEN 'INSERT' THEN format(laender_of, 'new_rows')
        WHEN 'DELETE' THEN format(laender_of, 'old_rows')
        ELSE format(laender_of, 'new_rows') || ' UNION ' || format(laender_of, 'old_rows')
    END;
BEGIN
    EXECUTE format('SELECT kc_bump_land_revisions(ARRAY(SELECT DISTINCT code FROM (%s) changed (code)))',
                   changed);
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
