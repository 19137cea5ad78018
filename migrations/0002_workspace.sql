-- Municipal workspace: networks with Sozialräume and partners, measures, the goal tree with
-- milestones, indicators with their time series.

CREATE TABLE networks (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kommune_ags           text NOT NULL REFERENCES kommunen (ags),
    name                  text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description           text NOT NULL DEFAULT '',
    coordination_office   text NOT NULL DEFAULT '',
    anchoring             text NOT NULL CHECK (anchoring IN ('jugendhilfeplanung', 'sozialplanung',
                              'bildungsbuero', 'gesundheit', 'sonstige')),
    anchoring_note        text NOT NULL DEFAULT '',
    mandate_date          date,
    mandate_reference     text NOT NULL DEFAULT '',
    steering_body         text NOT NULL DEFAULT '',
    founded_on            date,
    contact_organisation  text NOT NULL DEFAULT '',
    contact_address       text NOT NULL DEFAULT '',
    contact_email         text NOT NULL DEFAULT '',
    is_public             boolean NOT NULL DEFAULT false,
    version               integer NOT NULL DEFAULT 1,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX networks_kommune_idx ON networks (kommune_ags);

CREATE TABLE sozialraeume (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    network_id bigint NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    CONSTRAINT sozialraeume_name_key UNIQUE (network_id, name),
    CONSTRAINT sozialraeume_network_key UNIQUE (network_id, id)
);

CREATE TABLE partners (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    network_id  bigint NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind        text NOT NULL CHECK (kind IN ('jugendamt', 'jobcenter', 'agentur_fuer_arbeit', 'schule',
                    'kita', 'gesundheitsamt', 'freier_traeger', 'verein', 'krankenkasse',
                    'familienzentrum', 'sonstige')),
    ressort     text NOT NULL CHECK (ressort IN ('bildung', 'gesundheit', 'jugend', 'soziales', 'sport',
                    'wohnen', 'ernaehrung', 'stadtplanung', 'finanzen', 'arbeit')),
    network_role text NOT NULL CHECK (network_role IN ('steuerung', 'partner')),
    contact     text NOT NULL DEFAULT '',
    version     integer NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT partners_name_key UNIQUE (network_id, name),
    -- Lets measures reference a partner together with its network.
    CONSTRAINT partners_network_key UNIQUE (network_id, id)
);

CREATE TABLE measures (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    network_id        bigint NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    title             text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description       text NOT NULL DEFAULT '',
    handlungsfelder   text[] NOT NULL DEFAULT '{}' CHECK (handlungsfelder <@ ARRAY['fruehkindliche_bildung',
                          'schulische_bildung', 'gesundheit', 'ernaehrung', 'wohnen', 'freizeit_kultur_sport',
                          'erwerbsintegration']),
    lebensphasen      text[] NOT NULL DEFAULT '{}' CHECK (lebensphasen <@ ARRAY['schwangerschaft_geburt',
                          'null_bis_drei', 'drei_bis_sechs', 'sechs_bis_zehn', 'zehn_bis_sechzehn',
                          'sechzehn_bis_achtzehn']),
    zielgruppen       text[] NOT NULL DEFAULT '{}' CHECK (zielgruppen <@ ARRAY['alle_familien',
                          'alleinerziehende', 'migrationsgeschichte', 'behinderung', 'mehrkindfamilien',
                          'leistungsbezug']),
    zugaenge          text[] NOT NULL DEFAULT '{}' CHECK (zugaenge <@ ARRAY['komm_struktur', 'aufsuchend',
                          'lotsendienst', 'digital']),
    finanzierung      text[] NOT NULL DEFAULT '{}' CHECK (finanzierung <@ ARRAY['kommunal', 'land', 'bund',
                          'esf_plus', 'stiftung', 'krankenkasse', 'sonstige']),
    -- NULL: the whole municipality.
    sozialraum_id     bigint,
    niedrigschwellig  boolean NOT NULL DEFAULT false,
    partner_id        bigint,
    start_date        date,
    end_date          date CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
    status            text NOT NULL CHECK (status IN ('geplant', 'laufend', 'pausiert', 'beendet')),
    reach_per_year    integer CHECK (reach_per_year >= 0),
    annual_cost_euro  bigint CHECK (annual_cost_euro >= 0),
    participation     text NOT NULL DEFAULT '',
    impact_input      text NOT NULL DEFAULT '',
    impact_output     text NOT NULL DEFAULT '',
    impact_outcome    text NOT NULL DEFAULT '',
    version           integer NOT NULL DEFAULT 1,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    -- The responsible partner belongs to the same network.
    FOREIGN KEY (network_id, partner_id) REFERENCES partners (network_id, id) ON DELETE SET NULL (partner_id),
    FOREIGN KEY (network_id, sozialraum_id) REFERENCES sozialraeume (network_id, id)
        ON DELETE SET NULL (sozialraum_id)
);
CREATE INDEX measures_network_idx ON measures (network_id, status);

CREATE TABLE goals (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    network_id    bigint NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    parent_id     bigint,
    level         text NOT NULL CHECK (level IN ('kernziel', 'mittelziel', 'handlungsziel')),
    title         text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description   text NOT NULL DEFAULT '',
    handlungsfeld text CHECK (handlungsfeld IN ('fruehkindliche_bildung', 'schulische_bildung', 'gesundheit',
                      'ernaehrung', 'wohnen', 'freizeit_kultur_sport', 'erwerbsintegration')),
    target_date   date,
    status        text NOT NULL CHECK (status IN ('offen', 'in_arbeit', 'erreicht', 'zurueckgestellt')),
    version       integer NOT NULL DEFAULT 1,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT goals_network_key UNIQUE (network_id, id),
    -- A parent is a goal of the same network; deleting it deletes its subtree.
    FOREIGN KEY (network_id, parent_id) REFERENCES goals (network_id, id) ON DELETE CASCADE,
    CHECK ((level = 'kernziel') = (parent_id IS NULL))
);
CREATE INDEX goals_network_idx ON goals (network_id);

CREATE TABLE milestones (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    goal_id    bigint NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    title      text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    due_on     date NOT NULL,
    done_on    date,
    version    integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX milestones_goal_idx ON milestones (goal_id);

CREATE TABLE measure_goals (
    network_id bigint NOT NULL,
    measure_id bigint NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
    goal_id    bigint NOT NULL,
    PRIMARY KEY (measure_id, goal_id),
    FOREIGN KEY (network_id, goal_id) REFERENCES goals (network_id, id) ON DELETE CASCADE
);
CREATE INDEX measure_goals_goal_idx ON measure_goals (goal_id);

CREATE TABLE indicators (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    network_id     bigint NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    goal_id        bigint,
    name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    definition     text NOT NULL DEFAULT '',
    unit           text NOT NULL CHECK (unit IN ('anzahl', 'prozent', 'euro', 'quote_promille', 'tage', 'sonstige')),
    unit_label     text NOT NULL DEFAULT '',
    higher_is_better boolean NOT NULL DEFAULT true,
    data_source    text NOT NULL DEFAULT '',
    baseline_value double precision,
    baseline_date  date,
    target_value   double precision,
    target_date    date,
    version        integer NOT NULL DEFAULT 1,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (network_id, goal_id) REFERENCES goals (network_id, id) ON DELETE SET NULL (goal_id)
);
CREATE INDEX indicators_network_idx ON indicators (network_id);

CREATE TABLE indicator_values (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    indicator_id bigint NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
    period_date  date NOT NULL,
    value        double precision NOT NULL,
    note         text NOT NULL DEFAULT '',
    entered_by   bigint REFERENCES users (id) ON DELETE SET NULL,
    entered_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT indicator_values_period_key UNIQUE (indicator_id, period_date)
);
