-- A practice profile rehearses against the built-in emulator: its connections stay on loopback
-- and the UI shows "Practice — nothing leaves this computer" on every screen of it.
ALTER TABLE profiles ADD COLUMN practice INTEGER NOT NULL DEFAULT 0 CHECK (practice IN (0, 1));
