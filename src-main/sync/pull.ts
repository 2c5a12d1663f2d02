/**
 * Pull: what changed on the server since this device's cursor, a page at a time, each page read in
 * one REPEATABLE READ snapshot and applied in one local transaction with the cursor it reaches.
 */
import { saveRestaurant } from '../auth/accounts-store';
import type { CentralServer, Query } from '../central/central-server';
import { type Clock, isoNow } from '../store/clock';
import { measuredOffset, saveClockOffset } from '../store/clock-offset';
import type { Db } from '../store/database';
import { acknowledgedMutation } from '../store/outbox';
import {
  applyCountRows,
  checkCountRows,
  SERVER_COUNT_COLUMNS,
  SERVER_COUNT_ENTRY_COLUMNS,
  SERVER_COUNT_RESULT_COLUMNS,
  waitingCounts,
} from './count-apply';
import { applyItem, applyMovement, applyUser, overlayPendingItemEdits, refreshItems } from './local-apply';
import {
  checkRows,
  serverCountUnits,
  serverHead,
  serverItem,
  serverMovement,
  serverRestaurant,
  serverShelfPlace,
  serverStorageArea,
  serverUser,
} from './server-rows';
import { applyStorageRows, waitingStorageRows } from './storage-apply';
import { readPosition, type SyncPosition, writePosition } from './sync-state';

export const PULL_PAGE_ROWS = 5000;

export interface PullProgress {
  done: number;
  total: number;
}

export type PullOutcome =
  | { kind: 'pulled'; rows: number; problems: string[] }
  | { kind: 'session_ended' }
  | { kind: 'resync'; reason: string };

interface Page {
  head: { version: number; generation: string; min_version: number };
  upto: number;
  total: number | null;
  restaurants: unknown[];
  users: unknown[];
  items: unknown[];
  movements: unknown[];
  storageAreas: unknown[];
  shelfPlaces: unknown[];
  countUnits: unknown[];
  counts: unknown[];
  countEntries: unknown[];
  countResults: unknown[];
}

/** What a pull (and an undo) selects from the server's users and items, as text where exactness matters. */
export const SERVER_USER_COLUMNS = `id, restaurant_id, username, email, full_name, position, role, kitchen_produce_list,
  bar_produce_list, is_active, needs_password, last_login_at, created_at, updated_at`;
export const SERVER_ITEM_COLUMNS = `id, restaurant_id, area, name, category, supplier, unit, unit_cost::text AS unit_cost,
  par::text AS par, created_by, updated_by, created_at, updated_at, deleted_at, edit_seqs`;
export const SERVER_STORAGE_AREA_COLUMNS =
  'id, restaurant_id, area, name, position, archived_at, updated_by, updated_at';
export const SERVER_SHELF_PLACE_COLUMNS = 'storage_area_id, item_id, restaurant_id, position, removed_at, updated_at';
export const SERVER_COUNT_UNITS_COLUMNS = 'item_id, restaurant_id, units';

const CHANGED_VERSIONS = `
  SELECT version FROM kg.users WHERE version > $1
  UNION ALL SELECT version FROM kg.items WHERE version > $1
  UNION ALL SELECT version FROM kg.stock_movements WHERE version > $1
  UNION ALL SELECT version FROM kg.storage_areas WHERE version > $1
  UNION ALL SELECT version FROM kg.shelf_places WHERE version > $1
  UNION ALL SELECT version FROM kg.count_units WHERE version > $1
  UNION ALL SELECT version FROM kg.counts WHERE version > $1
  UNION ALL SELECT version FROM kg.count_entries WHERE version > $1
  UNION ALL SELECT version FROM kg.count_results WHERE version > $1`;
/** A page's rows of one table. */
const IN_PAGE = 'version > $1 AND version <= $2';

/** The version a page ends at: about PULL_PAGE_ROWS rows on, never splitting one version. */
async function pageEnd(query: Query, cursor: number, latest: number): Promise<number> {
  const { rows } = await query<{ version: string }>(
    `SELECT version FROM (${CHANGED_VERSIONS}) v ORDER BY version OFFSET $2 LIMIT 1`,
    [cursor, PULL_PAGE_ROWS],
  );
  return rows[0] ? Number(rows[0].version) : latest;
}

/** The restaurant's version and the server's generation and kept history; null for an ended session. */
async function readHead(query: Query): Promise<Page['head'] | null> {
  const headRow = (
    await query('SELECT s.version, s.min_version, i.generation FROM kg.restaurant_sync s CROSS JOIN kg.server_info i')
  ).rows[0];
  // Row-level security shows no restaurant to a session that is no longer valid.
  return headRow ? serverHead.parse(headRow) : null;
}

/**
 * Whether the restaurant has anything this device has not pulled (or the session ended, or the
 * server changed): one short transaction reading the restaurant's version row by its key.
 */
export async function hasNews(db: Db, server: CentralServer, token: string): Promise<boolean> {
  const head = await server.transaction(token, readHead);
  const position = readPosition(db);
  return !head || head.version !== position.cursor || head.generation !== position.generation;
}

/** Why this device must resync before anything else, or null when the server is the one it synced with. */
function resyncReason(position: SyncPosition, head: Page['head']): string | null {
  if (position.generation && position.generation !== head.generation) {
    return 'The central server was restored from a backup.';
  }
  // Versions only grow: a server behind the cursor went back in time, whatever its generation says.
  if (position.cursor > head.version) {
    return 'The central server is behind this computer: it was restored from an older backup.';
  }
  if (position.cursor > 0 && position.cursor < head.min_version) {
    return 'This computer was away longer than the server keeps its change history.';
  }
  return null;
}

/**
 * Checked before pushing. After a restore the server's record of this device's last mutation is
 * older than what it acknowledged, so the outbox would "skip ahead" (KG412) on every push, and a
 * push-first cycle would never reach the pull that notices the new generation. The same record
 * tells a restore that kept its old generation from the server this device synced with. What the
 * server last applied for this device comes back too, so the push need not ask again.
 */
export async function checkServer(
  db: Db,
  clock: Clock,
  server: CentralServer,
  token: string,
  deviceId: string,
): Promise<{ staleReason: string | null; applied: number | null }> {
  const seen = await server.transaction(token, async (query) => {
    const head = await readHead(query);
    if (!head) return null;
    // The server's clock comes with the answer: each sync measures this computer's offset to it.
    const sentAt = clock.now();
    const { rows } = await query<{ state: { lastMutationId: number }; server_now: Date }>(
      'SELECT kg.device_state($1) AS state, clock_timestamp() AS server_now',
      [deviceId],
    );
    const offset = rows[0] ? measuredOffset(sentAt, rows[0].server_now, clock.now()) : null;
    return { head, applied: Number(rows[0]?.state.lastMutationId ?? 0), offset };
  });
  if (!seen) return { staleReason: null, applied: null };
  if (seen.offset) saveClockOffset(db, seen.offset);
  const position = readPosition(db);
  const reason = resyncReason(position, seen.head);
  if (reason || !position.generation || seen.applied >= acknowledgedMutation(db)) {
    return { staleReason: reason, applied: seen.applied };
  }
  const lost = 'The central server has lost changes this computer sent: it was restored from an older backup.';
  return { staleReason: lost, applied: seen.applied };
}

async function fetchPage(query: Query, cursor: number, withTotal: boolean): Promise<Page | null> {
  const head = await readHead(query);
  if (!head) return null;
  const upto = await pageEnd(query, cursor, head.version);
  const range = [cursor, upto];
  const total = withTotal
    ? Number((await query<{ n: string }>(`SELECT count(*) AS n FROM (${CHANGED_VERSIONS}) v`, [cursor])).rows[0]?.n)
    : null;
  const select = async (sql: string) => (await query(sql, range)).rows;
  return {
    head,
    upto,
    total,
    restaurants: await select(
      'SELECT id, name, type, currency, created_at, updated_at FROM kg.restaurants WHERE version > $1 AND version <= $2',
    ),
    users: await select(`SELECT ${SERVER_USER_COLUMNS} FROM kg.users WHERE version > $1 AND version <= $2`),
    // Items a page's movements, shelves and count units refer to come with it, whatever their own version.
    items: await select(
      `SELECT ${SERVER_ITEM_COLUMNS} FROM kg.items
        WHERE (${IN_PAGE})
           OR id IN (SELECT item_id FROM kg.stock_movements WHERE ${IN_PAGE})
           OR id IN (SELECT item_id FROM kg.shelf_places WHERE ${IN_PAGE})
           OR id IN (SELECT item_id FROM kg.count_units WHERE ${IN_PAGE})`,
    ),
    movements: await select(
      `SELECT seq, id, restaurant_id, item_id, reason, quantity::text AS quantity, note, recorded_by, recorded_at,
              occurred_at, clock_offset_ms, received_at
         FROM kg.stock_movements WHERE version > $1 AND version <= $2 ORDER BY seq`,
    ),
    storageAreas: await select(
      `SELECT ${SERVER_STORAGE_AREA_COLUMNS} FROM kg.storage_areas
        WHERE (${IN_PAGE}) OR id IN (SELECT storage_area_id FROM kg.shelf_places WHERE ${IN_PAGE})`,
    ),
    shelfPlaces: await select(`SELECT ${SERVER_SHELF_PLACE_COLUMNS} FROM kg.shelf_places WHERE ${IN_PAGE}`),
    countUnits: await select(`SELECT ${SERVER_COUNT_UNITS_COLUMNS} FROM kg.count_units WHERE ${IN_PAGE}`),
    counts: await select(`SELECT ${SERVER_COUNT_COLUMNS} FROM kg.counts WHERE ${IN_PAGE}`),
    countEntries: await select(`SELECT ${SERVER_COUNT_ENTRY_COLUMNS} FROM kg.count_entries WHERE ${IN_PAGE}`),
    countResults: await select(`SELECT ${SERVER_COUNT_RESULT_COLUMNS} FROM kg.count_results WHERE ${IN_PAGE}`),
  };
}

/** Applies a page in one local transaction; rows of any other restaurant are refused. */
function applyPage(db: Db, page: Page, restaurantId: string, at: string): { rows: number; problems: string[] } {
  const restaurants = checkRows(serverRestaurant, page.restaurants, 'restaurant');
  const users = checkRows(serverUser, page.users, 'user');
  const items = checkRows(serverItem, page.items, 'item');
  const movements = checkRows(serverMovement, page.movements, 'stock movement');
  const storageAreas = checkRows(serverStorageArea, page.storageAreas, 'storage area');
  const shelfPlaces = checkRows(serverShelfPlace, page.shelfPlaces, 'shelf place');
  const countUnits = checkRows(serverCountUnits, page.countUnits, 'list of count units');
  const counted = checkCountRows(page);
  const checked = [
    restaurants,
    users,
    items,
    movements,
    storageAreas,
    shelfPlaces,
    countUnits,
    counted.counts,
    counted.entries,
    counted.results,
  ];
  const problems = checked.flatMap((rows) => rows.problems);
  const ours = <T extends { restaurant_id?: string; id?: string }>(row: T) =>
    (row.restaurant_id ?? row.id) === restaurantId;
  const touched = new Set<string>();
  db.transaction(() => {
    for (const row of restaurants.valid.filter(ours)) saveRestaurant(db, row);
    for (const row of users.valid.filter(ours)) applyUser(db, row);
    for (const row of items.valid.filter(ours)) {
      applyItem(db, row);
      touched.add(row.id);
    }
    for (const row of movements.valid.filter(ours)) {
      applyMovement(db, row);
      touched.add(row.item_id);
    }
    overlayPendingItemEdits(db, touched, at);
    refreshItems(db, touched);
    const storage = {
      storageAreas: storageAreas.valid.filter(ours),
      shelfPlaces: shelfPlaces.valid.filter(ours),
      countUnits: countUnits.valid.filter(ours),
    };
    applyStorageRows(db, storage, waitingStorageRows(db));
    const countRows = {
      counts: counted.counts.valid.filter(ours),
      entries: counted.entries.valid.filter(ours),
      results: counted.results.valid.filter(ours),
    };
    applyCountRows(db, countRows, waitingCounts(db));
    writePosition(db, { cursor: page.upto, generation: page.head.generation });
  })();
  const rows = checked.reduce((sum, one) => sum + one.valid.length, 0);
  return { rows, problems };
}

export interface PullOptions {
  db: Db;
  clock: Clock;
  server: CentralServer;
  token: string;
  restaurantId: string;
  onProgress?: (progress: PullProgress) => void;
}

export async function pull({ db, clock, server, token, restaurantId, onProgress }: PullOptions): Promise<PullOutcome> {
  let position: SyncPosition = readPosition(db);
  const initial = position.cursor === 0;
  let done = 0;
  let total = 0;
  const problems: string[] = [];
  for (;;) {
    const cursor = position.cursor;
    const page = await server.transaction(token, (query) => fetchPage(query, cursor, initial && done === 0), {
      snapshot: true,
    });
    if (!page) return { kind: 'session_ended' };
    const reason = resyncReason(position, page.head);
    if (reason) return { kind: 'resync', reason };
    const applied = applyPage(db, page, restaurantId, isoNow(clock));
    problems.push(...applied.problems);
    done += applied.rows;
    total = page.total ?? total;
    if (initial) onProgress?.({ done, total: Math.max(total, done) });
    position = readPosition(db);
    if (page.upto >= page.head.version) return { kind: 'pulled', rows: done, problems };
  }
}
