/**
 * `npm run server:import-legacy` as an administrator runs it: a dry run that writes nothing on the
 * server and saves the plan and the report, a plan file edited by hand to split a restaurant, read
 * back; a plan file with a mistake refused, naming the field.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { adminQuery, createTestServer, type TestServer } from '../src-main/central/testing/test-server';
import { everyTableCount } from '../src-main/legacy/testing/central-snapshot';
import { oldFixture } from '../src-main/legacy/testing/old-fixture';
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
  return { command: TSX, args: [script, ...args, ...extra], options: { env, cwd: folder } };
}

async function importLegacy(...extra: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { command, args, options } = cli(server, old, join(folder, 'report.txt'), extra);
  try {
    const { stdout, stderr } = await run(command, args, options);
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

  const imported = await importLegacy('--plan', 'split.json');
  expect(imported).toMatchObject({ code: 0 });
  expect(imported.stdout).toMatch(/Written: 4 restaurant\(s\), 6 user\(s\)/);
  expect(await stock('Harbour Bistro')).toEqual([
    { name: 'Flour', on_hand: '10.000' },
    { name: 'Tomatoes', on_hand: '5.000' },
  ]);
  expect(await stock('Harbour Bar')).toEqual([
    { name: 'Flour', on_hand: '2.000' },
    { name: 'Salt', on_hand: '0.000' },
    { name: 'tomatoes', on_hand: '3.250' },
  ]);
  const again = await importLegacy('--plan', 'split.json');
  expect(again.stdout).toMatch(
    /Written: 0 restaurant\(s\), 0 user\(s\), 0 item\(s\), 0 opening count\(s\); 0 row\(s\) updated/,
  );
});

test('a plan file with a mistake is refused before anything is read, naming the field', async () => {
  writeFileSync(
    join(folder, 'broken.json'),
    JSON.stringify({ kitchenguardImportPlan: 1, restaurants: [{ key: 'x', name: '', type: 'bar', users: [] }] }),
  );
  const refused = await importLegacy('--plan', 'broken.json');
  expect(refused.code).toBe(2);
  expect(refused.stderr).toMatch(/name is required[\s\S]*restaurants\[0\]\.name/);
});
