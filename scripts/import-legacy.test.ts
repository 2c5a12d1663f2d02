/**
 * `npm run server:import-legacy` as an administrator runs it: a dry run that writes nothing on the
 * server and saves the plan and the report, a plan file edited by hand to split a restaurant, read
 * back; a plan file with a mistake refused, naming the field; the import killed (kill -9) at random
 * moments while it writes, again and again, then run to its end, leaving what one uninterrupted run
 * leaves.
 */
import { execFile, spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout } from 'node:timers/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PYTHON_BCRYPT_HASHES } from '../src-main/auth/testing/python-bcrypt-hashes';
import { adminQuery, createTestServer, type TestServer } from '../src-main/central/testing/test-server';
import { centralSnapshot, everyTableCount } from '../src-main/legacy/testing/central-snapshot';
import { oldFixture } from '../src-main/legacy/testing/old-fixture';
import { fillOldInBulk } from '../src-main/legacy/testing/old-in-bulk';
import { createOldKitchenGuard, type OldKitchenGuard } from '../src-main/legacy/testing/old-kitchenguard';

const run = promisify(execFile);
const TSX = join(import.meta.dirname, '..', 'node_modules', '.bin', 'tsx');
let server: TestServer;
let old: OldKitchenGuard;
let folder: string;

beforeAll(async () => {
  server = await createTestServer();
  old = await createOldKitchenGuard(server.cluster);
  await old.seed(oldFixture());
  folder = mkdtempSync(join(tmpdir(), 'kg-import-cli-'));
});
afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  await old?.drop();
  await server?.drop();
});

/** The command line and environment an administrator runs the import with, into `into` from `from`. */
function cli(into: TestServer, from: OldKitchenGuard, report: string, extra: string[]) {
  const { cluster } = into;
  const args = [
    ['--host', cluster.host],
    ['--port', String(cluster.port)],
    ['--database', into.database],
    ['--admin-user', cluster.adminUser],
    ['--ca', cluster.caFile],
    ['--legacy-host', from.server.host],
    ['--legacy-port', String(from.server.port)],
    ['--legacy-user', from.server.user],
    ['--auth-database', from.server.authDatabase],
    ['--inventory-database', from.server.inventoryDatabase],
    ['--report', report],
  ].flat();
  const env = {
    ...process.env,
    KITCHENGUARD_ADMIN_PASSWORD: cluster.adminPassword,
    KITCHENGUARD_LEGACY_PASSWORD: from.server.password,
  };
  const script = join(import.meta.dirname, 'import-legacy.ts');
  return { args: [script, ...args, ...extra], options: { env, cwd: folder } };
}

async function importLegacy(...extra: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { args, options } = cli(server, old, join(folder, 'report.txt'), extra);
  try {
    const { stdout, stderr } = await run(TSX, args, options);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const stock = async (restaurant: string) =>
  (
    await adminQuery(
      server,
      `SELECT i.name, s.on_hand::text AS on_hand FROM kg.items i JOIN kg.item_stock s ON s.item_id = i.id
         JOIN kg.restaurants r ON r.id = i.restaurant_id WHERE r.name = $1 AND i.area = 'kitchen' ORDER BY i.name`,
      [restaurant],
    )
  ).rows;

test('a dry run writes nothing on the server; the plan file it saves, edited to split a restaurant, is what the import follows', async () => {
  const before = await everyTableCount(server);
  const dry = await importLegacy('--dry-run');
  expect(dry).toMatchObject({ code: 0 });
  expect(dry.stdout).toMatch(/DRY RUN: nothing was written/);
  expect(await everyTableCount(server)).toEqual(before);
  expect(readFileSync(join(folder, 'report.txt'), 'utf8')).toMatch(
    /users 2 → imported: manager of Harbour Bistro: bob_cook/,
  );

  const plan = JSON.parse(readFileSync(join(folder, 'kitchenguard-import-plan.json'), 'utf8'));
  const bistro = plan.restaurants.find((restaurant: { name: string }) => restaurant.name === 'Harbour Bistro');
  const bob = bistro.users.find((user: { username: string }) => user.username === 'bob_cook');
  bistro.users = bistro.users.filter((user: unknown) => user !== bob);
  plan.restaurants.push({ key: 'harbour-bar', name: 'Harbour Bar', type: 'bar', users: [bob] });
  writeFileSync(join(folder, 'split.json'), JSON.stringify(plan));

  const imported = await importLegacy('--plan', 'split.json', '--currency', 'eur');
  expect(imported).toMatchObject({ code: 0 });
  expect(imported.stdout).toMatch(/Written: 4 restaurant\(s\), 6 user\(s\)/);
  // The old KitchenGuard had no currency: every restaurant made has the one given.
  expect((await adminQuery(server, 'SELECT DISTINCT currency FROM kg.restaurants')).rows).toEqual([
    { currency: 'EUR' },
  ]);
  expect(await stock('Harbour Bistro')).toEqual([
    { name: 'Flour', on_hand: '10.000' },
    { name: 'Tomatoes', on_hand: '5.000' },
  ]);
  expect(await stock('Harbour Bar')).toEqual([
    { name: 'Flour', on_hand: '2.000' },
    { name: 'Salt', on_hand: '0.000' },
    { name: 'tomatoes', on_hand: '3.250' },
  ]);
  const again = await importLegacy('--plan', 'split.json', '--currency', 'EUR');
  expect(again.stdout).toMatch(
    /Written: 0 restaurant\(s\), 0 user\(s\), 0 item\(s\), 0 opening count\(s\); 0 row\(s\) updated/,
  );
});

test('a plan file with a mistake is refused before anything is read, naming the field', async () => {
  writeFileSync(
    join(folder, 'broken.json'),
    JSON.stringify({ kitchenguardImportPlan: 1, restaurants: [{ key: 'x', name: '', type: 'bar', users: [] }] }),
  );
  const refused = await importLegacy('--plan', 'broken.json', '--currency', 'EUR');
  expect(refused.code).toBe(2);
  expect(refused.stderr).toMatch(/name is required[\s\S]*restaurants\[0\]\.name/);
});

test('an import without a currency, or with one that is no ISO 4217 code, is refused before anything is read', async () => {
  const before = await everyTableCount(server);
  const missing = await importLegacy();
  expect(missing.code).toBe(2);
  expect(missing.stderr).toMatch(/Missing --currency: the currency of the restaurants' money, such as EUR or USD/);
  const wrong = await importLegacy('--currency', 'euro');
  expect(wrong.code).toBe(2);
  expect(wrong.stderr).toMatch(/--currency must be an ISO 4217 code such as EUR or USD, not "euro"/);
  expect(await everyTableCount(server)).toEqual(before);
});

describe('an import killed (kill -9) while it writes, at random moments, then run to its end', () => {
  const size = { restaurants: 30, usersPerRestaurant: 3, itemsPerUser: 40, shared: 20 };
  let bulk: OldKitchenGuard;
  let whole: TestServer;
  let killed: TestServer;
  let wholeReport: Map<string, string | null>;

  /** Every old row the report lists, with the new id it became. */
  const reported = (file: string) =>
    new Map(
      [
        ...readFileSync(join(folder, file), 'utf8').matchAll(/^ {2}(\S+) (\S+) → \w+: .*?(?: \[([0-9a-f-]{36})\])?$/gm),
      ].map(([, source, oldId, newId]) => [`${source} ${oldId}`, newId ?? null]),
    );
  /** Rows per restaurant on a server: a restaurant is all there or not at all. */
  const perRestaurant = async (on: TestServer) =>
    (
      await adminQuery(
        on,
        `SELECT restaurant_id AS id, count(*)::int AS n FROM kg.legacy_rows GROUP BY restaurant_id ORDER BY restaurant_id`,
        [],
      )
    ).rows as { id: string; n: number }[];

  beforeAll(async () => {
    [whole, killed] = await Promise.all([createTestServer(), createTestServer()]);
    bulk = await createOldKitchenGuard(whole.cluster);
    await fillOldInBulk(bulk, size);
    // Names that are one once case is ignored (the old unique indexes did not ignore it), in
    // restaurants far apart: written two at a time, each name must still go where it would in
    // one run of restaurant after restaurant.
    await bulk.admin(
      'auth',
      `INSERT INTO users (username, email, password_hash, full_name, restaurant_name) VALUES
         ('USER1', 'another1@example.test', $1, 'Another One', 'Restaurant 9'),
         ('another4', 'USER4@example.test', $1, 'Another Four', 'Restaurant 12')`,
      [PYTHON_BCRYPT_HASHES.plain.hash],
    );
    const uninterrupted = await runToEnd(whole, 'whole.txt');
    expect(uninterrupted.stdout).toMatch(/Written: 30 restaurant\(s\), 92 user\(s\)/);
    wholeReport = reported('whole.txt');
  });
  afterAll(async () => {
    await bulk?.drop();
    await Promise.all([whole?.drop(), killed?.drop()]);
  });

  async function runToEnd(into: TestServer, report: string) {
    const { args, options } = cli(into, bulk, join(folder, report), ['--currency', 'EUR']);
    return run(TSX, args, options);
  }

  /** The import as one process (node itself, no launcher to outlive it), killed once it has written `writes` restaurants and `ms` more have passed. */
  async function killWhileWriting(writes: number, ms: number) {
    const { args, options } = cli(killed, bulk, join(folder, 'killed.txt'), ['--currency', 'EUR']);
    const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), ...args], {
      ...options,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = once(child, 'exit');
    let seen = 0;
    await Promise.race([
      exited,
      new Promise<void>((resolve) =>
        child.stdout.on('data', (chunk: Buffer) => {
          seen += String(chunk).match(/^Writing /gm)?.length ?? 0;
          if (seen >= writes) resolve();
        }),
      ),
    ]);
    await setTimeout(ms);
    child.kill('SIGKILL');
    const [, signal] = await exited;
    return signal;
  }

  test('each kill leaves whole restaurants only; the run after the last ends as the uninterrupted one, its report naming the same old rows as the same new rows', async () => {
    const wholeRows = new Map((await perRestaurant(whole)).map((row) => [row.id, row.n]));
    let kept = 0;
    for (let round = 0; round < 3; round++) {
      const signal = await killWhileWriting(1 + randomInt(3), randomInt(40));
      expect(signal).toBe('SIGKILL');
      const now = await perRestaurant(killed);
      expect(now.length).toBeLessThan(size.restaurants);
      expect(now.length).toBeGreaterThanOrEqual(kept);
      for (const restaurant of now) expect(restaurant.n).toBe(wholeRows.get(restaurant.id));
      kept = now.length;
    }
    const resumed = await runToEnd(killed, 'resumed.txt');
    expect(resumed.stdout).toMatch(new RegExp(`Written: ${size.restaurants - kept} restaurant\\(s\\)`));
    expect(await centralSnapshot(killed)).toEqual(await centralSnapshot(whole));
    expect(reported('resumed.txt')).toEqual(wholeReport);
    const again = await runToEnd(killed, 'again.txt');
    expect(again.stdout).toMatch(
      /Written: 0 restaurant\(s\), 0 user\(s\), 0 item\(s\), 0 opening count\(s\); 0 row\(s\) updated/,
    );
    // Five runs of the command, each starting Node and tsx: minutes on a loaded two-core machine.
  }, 300_000);
});
