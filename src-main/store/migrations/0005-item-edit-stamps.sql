-- Which server edit last set each field of an item ({"name": 17, …}), as pulled: after a restore of
-- the central server, the uploaded item wins a field only where its edit came later in the server's
-- order, never by a device clock.
ALTER TABLE items ADD COLUMN edit_seqs TEXT NOT NULL DEFAULT '{}';
