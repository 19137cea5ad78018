-- Hardening. An import preview hands out a one-time token for its confirmation; confirming
-- deletes the row in the same transaction that writes the measures, so a confirmation sent
-- twice (double click, back button, replay) imports once. The token is bound to the person,
-- the network and the SHA-256 of the previewed text. Previews never confirmed age out
-- (housekeeping).
CREATE TABLE measure_import_previews (
    token        uuid PRIMARY KEY,
    network_id   bigint NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    user_id      bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    content_hash bytea NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX measure_import_previews_created_idx ON measure_import_previews (created_at);
