-- server_version held the order the central server applied each movement in, its sequence, never a
-- pull version: named for what it holds.
ALTER TABLE stock_movements RENAME COLUMN server_version TO server_seq;
