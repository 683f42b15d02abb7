-- Which secrets a profile has in the keychain (never their values), so the UI can say "saved"
-- without reading the keychain, and deleting a profile can clear every entry it owns.
CREATE TABLE secret_refs (
    profile_id  INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    scope       TEXT NOT NULL,
    field       TEXT NOT NULL,
    set_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (profile_id, scope, field)
);

CREATE INDEX journal_by_profile ON journal (profile_id, at);
