-- First schema: customer profiles, vendor connections (non-secret fields only), step progress,
-- the audit journal and app settings. Append-only: never edit after a release.
CREATE TABLE profiles (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE connections (
    profile_id        INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    vendor            TEXT NOT NULL CHECK (vendor IN ('zoom', 'cxone', 'salesforce', 'genesys')),
    fields            TEXT NOT NULL DEFAULT '{}',   -- JSON object, never a secret
    last_test_at      TEXT,
    last_test_outcome TEXT,
    updated_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (profile_id, vendor)
);

CREATE TABLE step_progress (
    profile_id  INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    flow_id     TEXT NOT NULL,
    step_id     TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'not_started'
                CHECK (status IN ('not_started', 'in_progress', 'needs_attention', 'done')),
    fields      TEXT NOT NULL DEFAULT '{}',         -- JSON object of non-secret values
    started_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    done_at     TEXT,
    PRIMARY KEY (profile_id, flow_id, step_id)
);

CREATE TABLE journal (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    profile_id  INTEGER REFERENCES profiles(id) ON DELETE SET NULL,
    vendor      TEXT,
    action      TEXT NOT NULL,
    outcome     TEXT NOT NULL,
    detail      TEXT                                -- never a secret
);

CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
