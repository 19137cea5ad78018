-- Land funding: programs with phases and their required deliverables (Nachweise), fundings of
-- networks in a program phase with the deliverables checklist, and reports (Sachberichte) with a
-- frozen snapshot, a review cycle and a timeline of every step and comment.

CREATE TABLE funding_programs (
    id                           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    land_code                    char(2) NOT NULL REFERENCES laender (code),
    name                         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description                  text NOT NULL DEFAULT '',
    legal_basis                  text NOT NULL DEFAULT '',
    own_share_percent            double precision NOT NULL DEFAULT 0
                                     CHECK (own_share_percent BETWEEN 0 AND 100),
    integrated_planning_required boolean NOT NULL DEFAULT false,
    -- A report is due this many days after the end of the period it covers.
    report_due_days              integer NOT NULL DEFAULT 90 CHECK (report_due_days BETWEEN 0 AND 365),
    version                      integer NOT NULL DEFAULT 1,
    created_at                   timestamptz NOT NULL DEFAULT now(),
    updated_at                   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT funding_programs_name_key UNIQUE (land_code, name)
);

CREATE TABLE funding_phases (
    id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    program_id             bigint NOT NULL REFERENCES funding_programs (id) ON DELETE CASCADE,
    position               integer NOT NULL CHECK (position BETWEEN 1 AND 99),
    name                   text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    duration_months        integer NOT NULL CHECK (duration_months BETWEEN 1 AND 120),
    repeatable             boolean NOT NULL DEFAULT false,
    -- NULL: no interim reports, only the final one (if any).
    report_interval_months integer CHECK (report_interval_months IN (3, 6, 12, 24)),
    final_report           boolean NOT NULL DEFAULT true,
    version                integer NOT NULL DEFAULT 1,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT funding_phases_name_key UNIQUE (program_id, name),
    CONSTRAINT funding_phases_program_key UNIQUE (program_id, id)
);

CREATE TABLE phase_deliverables (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    phase_id bigint NOT NULL REFERENCES funding_phases (id) ON DELETE CASCADE,
    position integer NOT NULL,
    title    text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    CONSTRAINT phase_deliverables_title_key UNIQUE (phase_id, title),
    CONSTRAINT phase_deliverables_phase_key UNIQUE (phase_id, id)
);

-- A network in a program phase. Moving on to the next phase is a new funding; the phase of a
-- funding never changes, so its checklist always belongs to it.
CREATE TABLE fundings (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- No cascade: a network with fundings (and their reports) cannot simply disappear.
    network_id          bigint NOT NULL REFERENCES networks (id),
    program_id          bigint NOT NULL,
    phase_id            bigint NOT NULL,
    -- Which run of a repeatable phase (Verstetigung 1, 2, …).
    repetition          integer NOT NULL DEFAULT 1 CHECK (repetition BETWEEN 1 AND 50),
    start_date          date NOT NULL,
    end_date            date NOT NULL CHECK (end_date >= start_date),
    granted_amount_euro bigint CHECK (granted_amount_euro >= 0),
    own_share_euro      bigint CHECK (own_share_euro >= 0),
    status              text NOT NULL CHECK (status IN ('beantragt', 'bewilligt', 'abgelehnt', 'laufend',
                            'abgeschlossen')),
    file_reference      text NOT NULL DEFAULT '',
    note                text NOT NULL DEFAULT '',
    version             integer NOT NULL DEFAULT 1,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (program_id, phase_id) REFERENCES funding_phases (program_id, id),
    CONSTRAINT fundings_phase_key UNIQUE (id, phase_id)
);
CREATE INDEX fundings_network_idx ON fundings (network_id, start_date);
CREATE INDEX fundings_program_idx ON fundings (program_id);

-- The checklist: evidence the municipality gives for a required deliverable, and the Land's
-- confirmation. A row exists once evidence was given; a deliverable with evidence cannot be
-- removed from its phase.
CREATE TABLE funding_deliverables (
    funding_id     bigint NOT NULL,
    phase_id       bigint NOT NULL,
    deliverable_id bigint NOT NULL,
    evidence_text  text NOT NULL CHECK (length(evidence_text) BETWEEN 1 AND 2000),
    evidence_link  text NOT NULL DEFAULT '',
    evidence_date  date,
    provided_by    bigint REFERENCES users (id) ON DELETE SET NULL,
    provided_at    timestamptz NOT NULL DEFAULT now(),
    confirmed_by   bigint REFERENCES users (id) ON DELETE SET NULL,
    confirmed_at   timestamptz,
    version        integer NOT NULL DEFAULT 1,
    PRIMARY KEY (funding_id, deliverable_id),
    FOREIGN KEY (funding_id, phase_id) REFERENCES fundings (id, phase_id) ON DELETE CASCADE,
    FOREIGN KEY (phase_id, deliverable_id) REFERENCES phase_deliverables (phase_id, id)
);

CREATE TABLE reports (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    funding_id     bigint NOT NULL REFERENCES fundings (id),
    -- The slot of the funding's report schedule this report fills (1, 2, …).
    seq            integer NOT NULL CHECK (seq >= 1),
    kind           text NOT NULL CHECK (kind IN ('zwischenbericht', 'abschlussbericht')),
    period_start   date NOT NULL,
    period_end     date NOT NULL CHECK (period_end >= period_start),
    due_on         date NOT NULL,
    status         text NOT NULL CHECK (status IN ('entwurf', 'eingereicht', 'in_pruefung',
                       'zurueckgegeben', 'angenommen')),
    -- Taken when the report is opened and never changed (see the trigger below).
    snapshot       jsonb NOT NULL,
    what_worked    text NOT NULL DEFAULT '',
    what_did_not   text NOT NULL DEFAULT '',
    participation  text NOT NULL DEFAULT '',
    plans          text NOT NULL DEFAULT '',
    submitted_at   timestamptz,
    accepted_at    timestamptz,
    version        integer NOT NULL DEFAULT 1,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT reports_slot_key UNIQUE (funding_id, seq)
);
CREATE INDEX reports_status_idx ON reports (status);

-- Every step of a report (opened, saved, submitted, review begun, returned, accepted) and every
-- comment, with who and when: the report's thread.
CREATE TABLE report_events (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    report_id   bigint NOT NULL REFERENCES reports (id),
    kind        text NOT NULL CHECK (kind IN ('angelegt', 'gespeichert', 'eingereicht', 'pruefung_begonnen',
                    'zurueckgegeben', 'angenommen', 'kommentar')),
    user_id     bigint REFERENCES users (id) ON DELETE SET NULL,
    actor_label text NOT NULL,
    body        text NOT NULL DEFAULT '' CHECK (length(body) <= 4000),
    occurred_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX report_events_report_idx ON report_events (report_id, occurred_at);

-- The database itself keeps the promises: a snapshot never changes, an accepted report is
-- locked for good, and neither reports nor their thread are deleted.
CREATE FUNCTION kc_reports_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'Berichte werden nicht gelöscht' USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.snapshot IS DISTINCT FROM OLD.snapshot THEN
        RAISE EXCEPTION 'Der Stand eines Berichts ist eingefroren' USING ERRCODE = 'check_violation';
    END IF;
    IF OLD.status = 'angenommen' THEN
        RAISE EXCEPTION 'Ein angenommener Bericht ist abgeschlossen' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER reports_guard BEFORE UPDATE OR DELETE ON reports
    FOR EACH ROW EXECUTE FUNCTION kc_reports_guard();

CREATE FUNCTION kc_report_events_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'Der Verlauf eines Berichts wird nicht geändert' USING ERRCODE = 'check_violation';
END $$;
CREATE TRIGGER report_events_guard BEFORE UPDATE OR DELETE ON report_events
    FOR EACH ROW EXECUTE FUNCTION kc_report_events_guard();
