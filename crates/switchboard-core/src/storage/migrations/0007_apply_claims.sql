-- An apply run is claimed while it runs (a lease renewed as it goes), so two applies of one
-- profile (the app and the CLI, two windows) cannot both run; and an unfinished run the admin
-- chose not to resume (its plan is not the plan shown) is kept as 'discarded', not deleted.
CREATE TABLE apply_runs_v7 (
    id            INTEGER PRIMARY KEY,
    profile_id    INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL,
    plan_json     TEXT NOT NULL,
    state         TEXT NOT NULL DEFAULT 'running'
                  CHECK (state IN ('running', 'done', 'failed', 'discarded')),
    book_id       INTEGER,
    added         INTEGER NOT NULL DEFAULT 0,
    present       INTEGER NOT NULL DEFAULT 0,
    assigned      INTEGER NOT NULL DEFAULT 0,
    rejected      TEXT NOT NULL DEFAULT '[]',
    error_code    TEXT,
    claimed_until TEXT,                               -- lease of the apply running it, if any
    created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

INSERT INTO apply_runs_v7 (id, profile_id, kind, plan_json, state, book_id, added, present,
                           assigned, rejected, error_code, created_at, updated_at)
    SELECT id, profile_id, kind, plan_json, state, book_id, added, present, assigned, rejected,
           error_code, created_at, updated_at
    FROM apply_runs;

DROP TABLE apply_runs;
ALTER TABLE apply_runs_v7 RENAME TO apply_runs;
CREATE INDEX apply_runs_by_profile ON apply_runs (profile_id, kind, id);
