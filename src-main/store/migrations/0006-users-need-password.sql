-- A team member the central server brought back after a restore without a password (no computer
-- held their hash): they cannot sign in until an owner or a manager gives them a reset code.
ALTER TABLE users ADD COLUMN needs_password INTEGER NOT NULL DEFAULT 0 CHECK (needs_password IN (0, 1));
