-- The network list of a Land and of the country is kept per revision of the Land or the
-- country (src/networks/db.rs), with each network's partners, running measures and goals:
-- writes of partners and goals move their network's Land as well (measures, networks and
-- Kommunen already do: 0018).
DO $$
DECLARE
    tab text;
BEGIN
    FOREACH tab IN ARRAY ARRAY['partners', 'goals'] LOOP
        EXECUTE format('CREATE TRIGGER %1$s_revision_insert AFTER INSERT ON %1$I
                        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
                        EXECUTE FUNCTION kc_touch_land_revisions(''network_id'')', tab);
        EXECUTE format('CREATE TRIGGER %1$s_revision_update AFTER UPDATE ON %1$I
                        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
                        EXECUTE FUNCTION kc_touch_land_revisions(''network_id'')', tab);
        EXECUTE format('CREATE TRIGGER %1$s_revision_delete AFTER DELETE ON %1$I
                        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
                        EXECUTE FUNCTION kc_touch_land_revisions(''network_id'')', tab);
    END LOOP;
END;
$$;
