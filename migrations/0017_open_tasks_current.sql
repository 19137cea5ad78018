-- The task count kept in a session (0011) stays true: whatever changes somebody's tasks clears
-- the count of every session concerned, in the writer's transaction, and the next page those
-- users view counts again. Triggers rather than calls in the handlers, so that no writer is
-- forgotten (imports, cascades, the demo, later features).
--
-- open_tasks_on: the day (German) the count was made; a count of another day is stale, since
-- milestones become due and overdue as days pass.
-- open_tasks_changes: bumped with every clearing. A count is stored only if the number is still
-- the one read before counting, so a count that raced with a change is not kept.
ALTER TABLE sessions
    ADD COLUMN open_tasks_on date,
    ADD COLUMN open_tasks_changes integer NOT NULL DEFAULT 0;

-- The users concerned by a change in `municipalities` (AGS): their coordinators, and with
-- `with_land` the Land officers of those municipalities' Länder (reports and evidence) – the
-- scopes `funding::tasks` and `home::tasks` count in. Rows are locked in key order, so two
-- writers clearing overlapping sessions cannot deadlock.
CREATE FUNCTION kc_tasks_changed(municipalities text[], with_land boolean) RETURNS void LANGUAGE sql AS $$
    UPDATE sessions s SET open_tasks = NULL, open_tasks_changes = s.open_tasks_changes + 1
    WHERE s.id_hash IN (
        SELECT c.id_hash FROM sessions c JOIN users u ON u.id = c.user_id
        WHERE u.kommune_ags = ANY (municipalities)
           OR (with_land AND u.role = 'land'
               AND u.land_code IN (SELECT k.land_code FROM kommunen k WHERE k.ags = ANY (municipalities)))
        ORDER BY c.id_hash
        FOR UPDATE OF c)
$$;

-- Knowledge entries to review or to revise: their authors, and the reviewers (the roles
-- `policy::allows(…, ReviewKnowledge)` admits: bund and admin; tests/it/tasks.rs checks both).
CREATE FUNCTION kc_knowledge_tasks_changed(changed_authors bigint[]) RETURNS void LANGUAGE sql AS $$
    UPDATE sessions s SET open_tasks = NULL, open_tasks_changes = s.open_tasks_changes + 1
    WHERE s.id_hash IN (
        SELECT c.id_hash FROM sessions c JOIN users u ON u.id = c.user_id
        WHERE u.id = ANY (changed_authors) OR u.role IN ('bund', 'admin')
        ORDER BY c.id_hash
        FOR UPDATE OF c)
$$;

-- One trigger function for the workspace and funding tables. Its arguments: what the key
-- column names ('kommune', 'network', 'goal', 'funding', 'program' or 'phase'), the key column,
-- and whether the Land's officers are concerned too (fundings, reports, evidence, programs).
-- A changed row keeps its key; a deleted goal or network takes its milestones along by
-- cascade, and by the time their trigger runs the goal is gone, so goals and networks name
-- the municipality themselves when deleted.
CREATE FUNCTION kc_tasks_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    keys text[];
BEGIN
    EXECUTE format('SELECT array_agg(DISTINCT %I::text) FROM %I', TG_ARGV[1],
                   CASE WHEN TG_OP = 'DELETE' THEN 'old_rows' ELSE 'new_rows' END)
        INTO keys;
    PERFORM kc_tasks_changed(CASE TG_ARGV[0]
        WHEN 'kommune' THEN keys
        WHEN 'network' THEN ARRAY(
            SELECT n.kommune_ags FROM networks n WHERE n.id = ANY (keys::bigint[]))
        WHEN 'goal' THEN ARRAY(
            SELECT n.kommune_ags FROM goals g JOIN networks n ON n.id = g.network_id
            WHERE g.id = ANY (keys::bigint[]))
        ELSE ARRAY(
            SELECT n.kommune_ags FROM fundings f JOIN networks n ON n.id = f.network_id
            WHERE CASE TG_ARGV[0]
                      WHEN 'funding' THEN f.id
                      WHEN 'program' THEN f.program_id
                      WHEN 'phase' THEN f.phase_id
                  END = ANY (keys::bigint[]))
    END, TG_ARGV[2]::boolean);
    RETURN NULL;
END $$;

CREATE TRIGGER milestones_tasks_insert AFTER INSERT ON milestones REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kc_tasks_trigger('goal', 'goal_id', 'false');
CREATE TRIGGER milestones_tasks_update AFTER UPDATE ON milestones REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kc_tasks_trigger('goal', 'goal_id', 'false');
CREATE TRIGGER milestones_tasks_delete AFTER DELETE ON milestones REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kc_tasks_trigger('goal', 'goal_id', 'false');
CREATE TRIGGER goals_tasks_delete AFTER DELETE ON goals REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kc_tasks_trigger('network', 'network_id', 'false');
CREATE TRIGGER networks_tasks_delete AFTER DELETE ON networks REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kc_tasks_trigger('kommune', 'kommune_ags', 'false');

CREATE TRIGGER fundings_tasks_insert AFTER INSERT ON fundings REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kc_tasks_trigger('network', 'network_id', 'true');
CREATE TRIGGER fundings_tasks_update AFTER UPDATE ON fundings REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kc_tasks_trigger('network', 'network_id', 'true');
CREATE TRIGGER fundings_tasks_delete AFTER DELETE ON fundings REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kc_tasks_trigger('network', 'network_id', 'true');
-- Reports are never deleted (kc_reports_guard), evidence only with its funding.
CREATE TRIGGER reports_tasks_insert AFTER INSERT ON reports REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kc_tasks_trigger('funding', 'funding_id', 'true');
CREATE TRIGGER reports_tasks_update AFTER UPDATE ON reports REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kc_tasks_trigger('funding', 'funding_id', 'true');
CREATE TRIGGER funding_deliverables_tasks_insert AFTER INSERT ON funding_deliverables
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kc_tasks_trigger('funding', 'funding_id', 'true');
CREATE TRIGGER funding_deliverables_tasks_update AFTER UPDATE ON funding_deliverables
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kc_tasks_trigger('funding', 'funding_id', 'true');
-- A program's report deadline, its phases and their required evidence change the tasks of
-- every funding in the program.
CREATE TRIGGER funding_programs_tasks_update AFTER UPDATE ON funding_programs
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kc_tasks_trigger('program', 'id', 'true');
CREATE TRIGGER funding_phases_tasks_insert AFTER INSERT ON funding_phases
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kc_tasks_trigger('program', 'program_id', 'true');
CREATE TRIGGER funding_phases_tasks_update AFTER UPDATE ON funding_phases
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kc_tasks_trigger('program', 'program_id', 'true');
CREATE TRIGGER funding_phases_tasks_delete AFTER DELETE ON funding_phases
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kc_tasks_trigger('program', 'program_id', 'true');
CREATE TRIGGER phase_deliverables_tasks_insert AFTER INSERT ON phase_deliverables
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kc_tasks_trigger('phase', 'phase_id', 'true');
CREATE TRIGGER phase_deliverables_tasks_delete AFTER DELETE ON phase_deliverables
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kc_tasks_trigger('phase', 'phase_id', 'true');

-- Knowledge entries: only a change of state or author moves a task (most updates are texts,
-- stored HTML or related entries).
CREATE FUNCTION kc_knowledge_tasks() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    authors bigint[];
BEGIN
    IF TG_OP = 'UPDATE' THEN
        SELECT array_agg(DISTINCT a) INTO authors
        FROM old_rows o JOIN new_rows n ON n.id = o.id,
             LATERAL unnest(ARRAY[o.author_user_id, n.author_user_id]) a
        WHERE o.status IS DISTINCT FROM n.status
           OR o.author_user_id IS DISTINCT FROM n.author_user_id;
    ELSIF TG_OP = 'INSERT' THEN
        SELECT array_agg(DISTINCT author_user_id) INTO authors
        FROM new_rows WHERE status IN ('eingereicht', 'zurueckgegeben');
    ELSE
        SELECT array_agg(DISTINCT author_user_id) INTO authors
        FROM old_rows WHERE status IN ('eingereicht', 'zurueckgegeben');
    END IF;
    -- array_agg of no rows is NULL: nothing moved.
    IF authors IS NOT NULL THEN
        PERFORM kc_knowledge_tasks_changed(authors);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER knowledge_entries_tasks_insert AFTER INSERT ON knowledge_entries
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kc_knowledge_tasks();
CREATE TRIGGER knowledge_entries_tasks_update AFTER UPDATE ON knowledge_entries
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kc_knowledge_tasks();
CREATE TRIGGER knowledge_entries_tasks_delete AFTER DELETE ON knowledge_entries
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION kc_knowledge_tasks();
