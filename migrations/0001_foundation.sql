-- Foundation: reference directory (Länder, Kommunen), users, sessions, login throttling, audit log.

CREATE TABLE laender (
    code    char(2) PRIMARY KEY CHECK (code ~ '^(0[1-9]|1[0-6])$'),
    kuerzel text NOT NULL UNIQUE,
    name    text NOT NULL UNIQUE
);

-- Kreise, kreisfreie Städte (five-digit AGS) and kreisangehörige Gemeinden (eight-digit AGS).
CREATE TABLE kommunen (
    ags        text PRIMARY KEY CHECK (ags ~ '^[0-9]{5}$' OR ags ~ '^[0-9]{8}$'),
    name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind       text NOT NULL CHECK (kind IN ('kreisfreie_stadt', 'kreis', 'landkreis', 'stadtkreis',
                                             'regionalverband', 'gemeinde')),
    land_code  char(2) NOT NULL REFERENCES laender (code),
    kreis_ags  text REFERENCES kommunen (ags),
    nuts3      text,
    area_km2   double precision,
    population integer,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (land_code = left(ags, 2)),
    CHECK ((kind = 'gemeinde') = (length(ags) = 8)),
    CHECK ((kind = 'gemeinde') = (kreis_ags IS NOT NULL)),
    CHECK (kreis_ags IS NULL OR kreis_ags = left(ags, 5))
);
CREATE INDEX kommunen_land_idx ON kommunen (land_code);

CREATE TABLE users (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email                text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
    display_name         text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
    role                 text NOT NULL CHECK (role IN ('kommune', 'land', 'bund', 'admin')),
    kommune_ags          text REFERENCES kommunen (ags),
    land_code            char(2) REFERENCES laender (code),
    password_hash        text NOT NULL,
    must_change_password boolean NOT NULL DEFAULT false,
    active               boolean NOT NULL DEFAULT true,
    -- Demo accounts exist only for `demo` mode; `serve` refuses to log them in.
    is_demo              boolean NOT NULL DEFAULT false,
    version              integer NOT NULL DEFAULT 1,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT users_email_key UNIQUE (email),
    CONSTRAINT users_scope_matches_role CHECK (
        (role = 'kommune' AND kommune_ags IS NOT NULL AND land_code IS NULL)
        OR (role = 'land' AND land_code IS NOT NULL AND kommune_ags IS NULL)
        OR (role IN ('bund', 'admin') AND kommune_ags IS NULL AND land_code IS NULL)
    )
);

-- Server-side sessions. Only a SHA-256 hash of the cookie value is stored, so a database
-- dump does not hand out live sessions.
CREATE TABLE sessions (
    id_hash      bytea PRIMARY KEY,
    user_id      bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- Failed logins, kept in the database so that throttling holds across app nodes.
CREATE TABLE login_failures (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email       text NOT NULL,
    client_addr text NOT NULL,
    failed_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_email_idx ON login_failures (email, failed_at);
CREATE INDEX login_failures_addr_idx ON login_failures (client_addr, failed_at);

CREATE TABLE audit_log (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at   timestamptz NOT NULL DEFAULT now(),
    actor_user_id bigint REFERENCES users (id) ON DELETE SET NULL,
    actor_label   text NOT NULL,
    action        text NOT NULL,
    entity        text NOT NULL,
    entity_id     text,
    old_values    jsonb,
    new_values    jsonb,
    client_addr   text,
    request_id    text
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id, occurred_at DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id, occurred_at DESC);
