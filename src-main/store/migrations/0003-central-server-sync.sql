ALTER TABLE outbox ADD COLUMN author_id TEXT;

-- Changes the server refused, with its reason, for the person who made them to see.
CREATE TABLE sync_rejections (
  mutation_id INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  args        TEXT NOT NULL,
  author_id   TEXT,
  reason      TEXT NOT NULL,
  rejected_at TEXT NOT NULL
);

-- 'local': this store is the authority; 'server': the token is the server's own;
-- 'offline': signed in against the cached hash while the server was out of reach.
ALTER TABLE sessions ADD COLUMN origin TEXT NOT NULL DEFAULT 'local'
  CHECK (origin IN ('local', 'server', 'offline'));
