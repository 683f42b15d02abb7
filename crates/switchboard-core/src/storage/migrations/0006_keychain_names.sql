-- Keychain entries are named by this database's random install id and each profile's random,
-- never-reused key (not its rowid, which SQLite may hand to the next profile), and every
-- keychain write in flight is listed first, so that a crash between the keychain and the
-- database leaves an entry the next start removes instead of an orphan.
ALTER TABLE profiles ADD COLUMN keychain_key TEXT;
UPDATE profiles SET keychain_key = lower(hex(randomblob(16)));
CREATE UNIQUE INDEX profiles_by_keychain_key ON profiles (keychain_key);

INSERT OR IGNORE INTO settings (key, value) VALUES ('install_id', lower(hex(randomblob(16))));

-- Entries written under the old `profile/<rowid>/…` names are moved on first use or at start.
INSERT INTO settings (key, value)
    SELECT 'keychain_legacy_names', '1' WHERE EXISTS (SELECT 1 FROM secret_refs);

CREATE TABLE keychain_pending (
    account      TEXT PRIMARY KEY,
    intent       TEXT NOT NULL CHECK (intent IN ('set', 'delete')),
    profile_key  TEXT NOT NULL,   -- no foreign key: the profile may be gone
    scope        TEXT NOT NULL,
    field        TEXT NOT NULL,
    since        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
