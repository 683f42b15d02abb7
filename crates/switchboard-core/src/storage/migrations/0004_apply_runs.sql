-- Runs that apply a plan to a vendor (e.g. an address book to CXone): the plan (never a
-- secret), where the run got to, and how it ended, so a failed run can be resumed.
CREATE TABLE apply_runs (
    id          INTEGER PRIMARY KEY,
    profile_id  INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,                      -- e.g. 'address-book'
    plan_json   TEXT NOT NULL,
    state       TEXT NOT NULL DEFAULT 'running' CHECK (state IN ('running', 'done', 'failed')),
    book_id     INTEGER,
    added       INTEGER NOT NULL DEFAULT 0,
    present     INTEGER NOT NULL DEFAULT 0,
    assigned    INTEGER NOT NULL DEFAULT 0,
    rejected    TEXT NOT NULL DEFAULT '[]',         -- JSON list of items the vendor refused
    error_code  TEXT,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE INDEX apply_runs_by_profile ON apply_runs (profile_id, kind, id);
