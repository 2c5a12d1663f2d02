-- Stock in the order things happened (docs/decisions/0013). occurred_at is when a movement happened
-- (this computer's clock corrected by its measured offset to the server's, or a time the user gave),
-- apart from recorded_at (this computer's clock when it was recorded) and received_at (the server's
-- clock when it arrived, as pulled). On-hand is the latest count by occurred_at plus every other
-- movement that occurred after it; at one instant a count comes last, and counts follow their ids.
-- Movements recorded before this version happened when they were recorded.
ALTER TABLE stock_movements ADD COLUMN occurred_at TEXT NOT NULL DEFAULT '';
UPDATE stock_movements SET occurred_at = recorded_at;
-- The offset this computer added to its clock (server minus computer, in ms); NULL when none was known.
ALTER TABLE stock_movements ADD COLUMN clock_offset_ms INTEGER;
ALTER TABLE stock_movements ADD COLUMN received_at TEXT;

-- An item's latest count and what occurred after it are read from indexes, never from its whole history.
DROP INDEX stock_movements_item;
CREATE INDEX stock_movements_item_time ON stock_movements (item_id, occurred_at);
CREATE INDEX stock_movements_item_counts ON stock_movements (item_id, occurred_at, id) WHERE reason = 'count';

-- The cached level remembers the count it starts from, so a movement recorded now moves it in place.
ALTER TABLE item_stock ADD COLUMN count_at TEXT;
ALTER TABLE item_stock ADD COLUMN count_id TEXT;
DELETE FROM item_stock;
INSERT INTO item_stock (item_id, on_hand_milli, count_at, count_id)
SELECT i.id,
       coalesce(c.quantity_milli, 0) + coalesce((
         SELECT sum(m.quantity_milli) FROM stock_movements m
          WHERE m.item_id = i.id AND m.reason <> 'count' AND m.occurred_at > coalesce(c.occurred_at, '')), 0),
       c.occurred_at, c.id
  FROM items i
  LEFT JOIN stock_movements c ON c.id = (
    SELECT l.id FROM stock_movements l WHERE l.item_id = i.id AND l.reason = 'count'
     ORDER BY l.occurred_at DESC, l.id DESC LIMIT 1);
