-- Flows the admin marked as not needed for a customer: left out of the profile's progress and of
-- "Continue" until marked needed again. A row is the mark; no row, the flow is needed.
CREATE TABLE flow_not_needed (
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    flow_id    TEXT NOT NULL,
    marked_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (profile_id, flow_id)
);
