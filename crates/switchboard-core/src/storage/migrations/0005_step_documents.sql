-- What a live step keeps beside its fields, as JSON: the last live check of a verified step
-- ('check'), the address-book draft ('draft'), the Directory Sync editor's settings ('editor').
-- Never a secret: the documents hold names, ids, phone numbers and rules only.
CREATE TABLE step_documents (
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    flow_id    TEXT NOT NULL,
    step_id    TEXT NOT NULL,
    kind       TEXT NOT NULL,
    body       TEXT NOT NULL,
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (profile_id, flow_id, step_id, kind)
);
