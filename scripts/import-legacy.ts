/**
 * `npm run server:import-legacy -- --host H [--port P] --database D --admin-user U --ca FILE
 *   --legacy-host LH --legacy-user LU [--legacy-port P] [--legacy-ca FILE]
 *   [--auth-database kitchenguard_auth] [--inventory-database kitchenguard_inventory]
 *   --currency CODE [--dry-run] [--plan FILE] [--save-plan FILE] [--report FILE]`
 * Brings the old KitchenGuard's restaurants, people and items into a central server made by
 * server:setup, each restaurant made with the currency given (the old KitchenGuard had none). Passwords are asked for (or read from KITCHENGUARD_ADMIN_PASSWORD and
 * KITCHENGUARD_LEGACY_PASSWORD) and never stored. --dry-run writes nothing on the server: it prints
 * the plan and the report, and saves the plan file to edit and give back with --plan.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isCurrency } from '../shared/currency';
import { importLegacy } from '../src-main/legacy/legacy-import';
import { readPlanFile, writePlanFile } from '../src-main/legacy/plan-file';
import { saveReport } from '../src-main/legacy/report';
import { askHidden, CENTRAL_SERVER_OPTIONS } from './admin-cli';

const USAGE =
  'Usage: npm run server:import-legacy -- --host H --database D --admin-user U --ca FILE --legacy-host LH --legacy-user LU --currency CODE [--dry-run] [--plan FILE]';

const { values } = parseArgs({
  options: {
    ...CENTRAL_SERVER_OPTIONS,
    'legacy-host': { type: 'string' },
    'legacy-port': { type: 'string', default: '5432' },
    'legacy-user': { type: 'string' },
    'legacy-ca': { type: 'string' },
    'auth-database': { type: 'string', default: 'kitchenguard_auth' },
    'inventory-database': { type: 'string', default: 'kitchenguard_inventory' },
    currency: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    plan: { type: 'string' },
    'save-plan': { type: 'string', default: 'kitchenguard-import-plan.json' },
    report: { type: 'string' },
  },
});

function required(name: keyof typeof values): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') {
    console.error(`Missing --${name}. ${USAGE}`);
    process.exit(2);
  }
  return value;
}

function port(name: 'port' | 'legacy-port'): number {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    console.error(`--${name} must be a port number (1 to 65535), not "${values[name]}".`);
    process.exit(2);
  }
  return value;
}

function readFile(label: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    console.error(`Cannot read ${label} ${path}: ${(error as Error).message}`);
    process.exit(2);
  }
}

/** The restaurants' money: the old KitchenGuard showed amounts without a currency, so it is asked for here. */
function currency(): string | null {
  const given = values.currency;
  if (given === undefined && values['dry-run']) return null;
  if (given === undefined) {
    console.error(
      `Missing --currency: the currency of the restaurants' money, such as EUR or USD (the old KitchenGuard had none). ${USAGE}`,
    );
    process.exit(2);
  }
  const code = given.trim().toUpperCase();
  if (!isCurrency(code)) {
    console.error(`--currency must be an ISO 4217 code such as EUR or USD, not "${given}".`);
    process.exit(2);
  }
  return code;
}

const central = {
  host: required('host'),
  port: port('port'),
  database: required('database'),
  user: required('admin-user'),
};
const ca = readFile('the CA bundle (--ca)', required('ca'));
const restaurantCurrency = currency();
const legacy = { host: required('legacy-host'), port: port('legacy-port'), user: required('legacy-user') };
const legacyCa = values['legacy-ca'] ? readFile('the CA bundle (--legacy-ca)', values['legacy-ca']) : ca;
let planFile = null;
try {
  planFile = values.plan ? readPlanFile(readFile('the plan file (--plan)', values.plan)) : null;
} catch (error) {
  console.error(`${(error as Error).message}\n(in ${values.plan})`);
  process.exit(2);
}
const adminPassword =
  process.env.KITCHENGUARD_ADMIN_PASSWORD ?? (await askHidden(`Password for ${central.user} (central server): `));
const legacyPassword =
  process.env.KITCHENGUARD_LEGACY_PASSWORD ?? (await askHidden(`Password for ${legacy.user} (old KitchenGuard): `));

const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const reportPath = values.report ?? `kitchenguard-import-report-${stamp}.txt`;
try {
  const result = await importLegacy({
    old: {
      ...legacy,
      password: legacyPassword,
      ca: legacyCa,
      authDatabase: values['auth-database'] ?? 'kitchenguard_auth',
      inventoryDatabase: values['inventory-database'] ?? 'kitchenguard_inventory',
    },
    central: { ...central, password: adminPassword, ssl: { ca, rejectUnauthorized: true } },
    planFile,
    dryRun: values['dry-run'],
    currency: restaurantCurrency,
    onRestaurant: (restaurant, changes) => {
      console.log(
        `Writing ${restaurant.name}: ${changes.newUsers.length} new user(s), ${changes.newItems.length} new item(s)…`,
      );
    },
  });
  await saveReport(result.report, reportPath, process.stdout);
  console.log(`Report saved to ${reportPath}.`);
  if (result.dryRun) {
    const planPath = values['save-plan'] ?? 'kitchenguard-import-plan.json';
    if (existsSync(planPath) && planPath === values.plan) console.log(`Plan read from ${planPath} (left as it is).`);
    else {
      writeFileSync(planPath, writePlanFile(result.plan));
      console.log(
        `Plan saved to ${planPath}: edit it to split or merge restaurants, then run again with --plan ${planPath}.`,
      );
    }
  }
} catch (error) {
  console.error(`Import failed: ${(error as Error).message}`);
  process.exit(1);
}
