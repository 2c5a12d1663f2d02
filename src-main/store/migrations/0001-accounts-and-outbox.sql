
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE outbox (
  mutation_id INTEGER PRIMARY KEY AUTOINCREMENT,
  name        TEXT NOT NULL,
  args        TEXT NOT NULL,
  created_at  TEXT NOT NULL
);
CREATE TABLE restaurants (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  type       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE users (
  id                   TEXT PRIMARY KEY,
  restaurant_id        TEXT NOT NULL REFERENCES restaurants (id),
  username             TEXT NOT NULL,
  username_key         TEXT NOT NULL UNIQUE,
  email                TEXT NOT NULL,
  email_key            TEXT NOT NULL UNIQUE,
  password_hash        TEXT NOT NULL,
  full_name            TEXT NOT NULL,
  position             TEXT NOT NULL DEFAULT '',
  role                 TEXT NOT NULL CHECK (role IN ('owner', 'manager', 'staff')),
  kitchen_produce_list TEXT NOT NULL DEFAULT '[]',
  bar_produce_list     TEXT NOT NULL DEFAULT '[]',
  is_active            INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
  last_login_at        TEXT,
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL
);
CREATE INDEX users_restaurant ON users (restaurant_id);

-- Only the SHA-256 of a session token is kept; the token itself lives in the OS keychain.
CREATE TABLE sessions (
  id           TEXT PRIMARY KEY,
  user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash   TEXT NOT NULL UNIQUE,
  device_id    TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  expires_at   TEXT NOT NULL,
  revoked_at   TEXT
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE password_reset_codes (
  id         TEXT PRIMARY KEY,
  user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  code_hash  TEXT NOT NULL,
  issued_by  TEXT NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at    TEXT
);
CREATE INDEX password_reset_codes_user ON password_reset_codes (user_id);

-- Failed attempts per login name (lower-cased), for throttling guessers.
CREATE TABLE login_throttle (
  login_key        TEXT PRIMARY KEY,
  failures         INTEGER NOT NULL,
  first_failure_at TEXT NOT NULL,
  locked_until     TEXT
);
