-- A network's detail pages (its overview, goals, measures, indicators, fundings) keep what they
-- loaded in memory until the network's data changes (src/computed.rs), as the pages of a whole
-- Land do with `land_revisions` (0018). A network's revision counts the statements that wrote
-- its data, bumped in the writing transaction; row 0 counts changes of what many networks show
-- (names of Kommunen and users, programs and their phases, the catalog). A page's key is the
-- sum of its network's row and row 0: both only grow, so a change of either changes the sum.

CREATE TABLE network_revisions (
    network_id bigint PRIMARY KEY,
    revision   bigint NOT NULL
);

INSERT INTO network_revisions (network_id, revision)
SELECT 0, 1 UNION ALL SELECT id, 1 FROM networks;

-- Rows are locked in id order, so two transactions touching several networks cannot deadlock
-- on them.
CREATE FUNCTION kc_bump_network_revisions(ids bigint[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO network_revisions (network_id, revision)
    SELECT DISTINCT id, 1 FROM unnest(ids) id WHERE id IS NOT NULL ORDER BY id
    ON CONFLICT (network_id) DO UPDATE SET revision = network_revisions.revision + 1;
$$;

-- The trigger's argument names how a changed row leads to its network: the column it is read
-- from ('id' of the network itself, 'network_id', 'goal_id', 'indicator_id', 'funding_id',
-- 'report_id'), or 'geteilt' for data many networks show (row 0). Once per statement.
CREATE FUNCTION kc_touch_network_revisions() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    via text := TG_ARGV[0];
    -- The networks of the rows of transition table %1$s.
    networks_of text := CASE via
        WHEN 'id' THEN 'SELECT id FROM %1$s'
        WHEN 'network_id' THEN 'SELECT network_id FROM %1$s'
        WHEN 'goal_id' THEN 'SELECT g.network_id FROM %1$s c JOIN goals g ON g.id = c.goal_id'
        WHEN 'indicator_id' THEN
            'SELECT i.network_id FROM %1$s c JOIN indicators i ON i.id = c.indicator_id'
        WHEN 'funding_id' THEN
            'SELECT f.network_id FROM %1$s c JOIN fundings f ON f.id = c.funding_id'
        WHEN 'report_id' THEN
            'SELECT f.network_id FROM %1$s c JOIN reports r ON r.id = c.report_id
             JOIN fundings f ON f.id = r.funding_id'
    END;
    changed text;
BEGIN
    IF via = 'geteilt' THEN
        PERFORM kc_bump_network_revisions(ARRAY[0::bigint]);
        RETURN NULL;
    END IF;
    changed := CASE TG_OP
        WHEN 'INSERT' THEN format(networks_of, 'new_rows')
        WHEN 'DELETE' THEN format(networks_of, 'old_rows')
        ELSE format(networks_of, 'new_rows') || ' UNION ' || format(networks_of, 'old_rows')
    END;
    EXECUTE format('SELECT kc_bump_network_revisions(ARRAY(SELECT DISTINCT id FROM (%s) changed (id)))',
                   changed);
    RETURN NULL;
END;
$$;

-- Named after the Land's triggers of 0018 ("…_revision_…" sorts before "…_revisions_…"), so
-- every statement locks its Land's row before its networks' rows.
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT * FROM (VALUES
        ('networks', 'id'),
        ('sozialraeume', 'network_id'),
        ('partners', 'network_id'),
        ('measures', 'network_id'),
        ('measure_goals', 'network_id'),
        ('goals', 'network_id'),
        ('milestones', 'goal_id'),
        ('indicators', 'network_id'),
        ('indicator_values', 'indicator_id'),
        ('fundings', 'network_id'),
        ('funding_deliverables', 'funding_id'),
        ('reports', 'funding_id'),
        ('report_events', 'report_id')
    ) AS v (tab, via)
    LOOP
        EXECUTE format('CREATE TRIGGER %1$s_revisions_of_networks_insert AFTER INSERT ON %1$I
                        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
                        EXECUTE FUNCTION kc_touch_network_revisions(%2$L)', t.tab, t.via);
        EXECUTE format('CREATE TRIGGER %1$s_revisions_of_networks_update AFTER UPDATE ON %1$I
                        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
                        EXECUTE FUNCTION kc_touch_network_revisions(%2$L)', t.tab, t.via);
        EXECUTE format('CREATE TRIGGER %1$s_revisions_of_networks_delete AFTER DELETE ON %1$I
                        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
                        EXECUTE FUNCTION kc_touch_network_revisions(%2$L)', t.tab, t.via);
    END LOOP;
    -- Shared data changes rarely and touches many networks: row 0, without transition tables.
    FOR t IN SELECT * FROM (VALUES
        ('kommunen'), ('users'), ('funding_programs'), ('funding_phases'),
        ('phase_deliverables'), ('catalog_indicators')
    ) AS v (tab)
    LOOP
        EXECUTE format('CREATE TRIGGER %1$s_revisions_of_networks AFTER INSERT OR UPDATE OR DELETE
                        ON %1$I FOR EACH STATEMENT
                        EXECUTE FUNCTION kc_touch_network_revisions(''geteilt'')', t.tab);
    END LOOP;
END;
$$;

-- A measure taken over from a good practice names the published entry: its title, address or
-- withdrawal is shared data too. Drafts are nobody's.
CREATE TRIGGER knowledge_entries_revisions_of_networks_update
    AFTER UPDATE OF slug, title, status ON knowledge_entries FOR EACH ROW
    WHEN (OLD.status = 'veroeffentlicht' OR NEW.status = 'veroeffentlicht')
    EXECUTE FUNCTION kc_touch_network_revisions('geteilt');
CREATE TRIGGER knowledge_entries_revisions_of_networks_delete
    AFTER DELETE ON knowledge_entries FOR EACH ROW
    WHEN (OLD.status = 'veroeffentlicht')
    EXECUTE FUNCTION kc_touch_network_revisions('geteilt');
