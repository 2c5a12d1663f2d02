-- A restaurant's currency (ISO 4217, e.g. EUR), chosen at registration or later in Settings by an
-- owner or a manager; with a central server, as the server holds it. Null until one is chosen
-- (restaurants made before this): money shows without a sign until then.
ALTER TABLE restaurants ADD COLUMN currency TEXT CHECK (currency GLOB '[A-Z][A-Z][A-Z]');
