/**
 * The server's CHECK constraints and the shared field rules (shared/contract/fields.ts, and
 * MOVEMENT_SIGNS for the sign of a movement) agree. Each limited field is probed at its limit and
 * one past it: the server must take a value exactly when the check of pulled rows does, and never
 * refuse what the contract lets a person save. Change a limit on one side only and this fails.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { channels } from '../../shared/contract';
import * as f from '../../shared/contract/fields';
import { adjustStockInput } from '../../shared/contract/inventory';
import { COUNT_UNITS_MAX } from '../../shared/count-units';
import { MOVEMENT_REASONS } from '../../shared/domain';
import { MAX_UNIT_COST_CENTS, moneyFromCents } from '../../shared/money';
import { MAX_QUANTITY_MILLI, quantityFromMilli } from '../../shared/quantity';
import { serverCountUnits, serverMovement } from '../sync/server-rows';
import { createTestServer, type TestServer } from './testing/test-server';

let server: TestServer;
let admin: pg.Client;
const ids = { restaurant: randomUUID(), user: randomUUID(), item: randomUUID(), storageArea: randomUUID() };

// Everything happens in one transaction that is rolled back: each probe in a savepoint of its own.
beforeAll(async () => {
  server = await createTestServer();
  admin = server.admin();
  await admin.connect();
  await admin.query('BEGIN');
  await admin.query("INSERT INTO kg.restaurants (id, name, type, version) VALUES ($1, 'Probe', 'restaurant', 1)", [
    ids.restaurant,
  ]);
  await admin.query(
    `INSERT INTO kg.users (id, restaurant_id, username, email, full_name, role, version)
     VALUES ($1, $2, 'probe', 'probe@example.test', 'Probe', 'owner', 1)`,
    [ids.user, ids.restaurant],
  );
  await admin.query(
    `INSERT INTO kg.items (id, restaurant_id, area, name, unit, unit_cost, created_by, updated_by, version)
     VALUES ($1, $2, 'kitchen', 'Probe', 'kg', 1, $3, $3, 1)`,
    [ids.item, ids.restaurant, ids.user],
  );
  await admin.query(
    `INSERT INTO kg.storage_areas (id, restaurant_id, area, name, position, created_by, updated_by, version)
     VALUES ($1, $2, 'kitchen', 'Probe', 'a0', $3, $3, 1)`,
    [ids.storageArea, ids.restaurant, ids.user],
  );
  await admin.query(
    `INSERT INTO kg.count_units (item_id, restaurant_id, units, updated_by, version) VALUES ($1, $2, '[]', $3, 1)`,
    [ids.item, ids.restaurant, ids.user],
  );
});
afterAll(async () => {
  await admin?.query('ROLLBACK');
  await admin?.end();
  await server?.drop();
});

/** The refusals a CHECK (or a numeric column too small) gives; any other error is a broken probe. */
const REFUSED = new Set(['23514', '22003']);

async function serverTakes(sql: string, params: unknown[]): Promise<boolean> {
  await admin.query('SAVEPOINT probe');
  try {
    await admin.query(sql, params);
    await admin.query('RELEASE SAVEPOINT probe');
    return true;
  } catch (error) {
    await admin.query('ROLLBACK TO SAVEPOINT probe');
    if (REFUSED.has(String((error as { code?: unknown }).code))) return false;
    throw error;
  }
}

const ROW_OF_TABLE: Record<string, string> = {
  'kg.restaurants': ids.restaurant,
  'kg.users': ids.user,
  'kg.items': ids.item,
  'kg.storage_areas': ids.storageArea,
};

/** Whether the server takes `value` into one column of the probe's row. */
const serverTakesColumn = (table: string, column: string, value: unknown) =>
  serverTakes(`UPDATE ${table} SET ${column} = $1 WHERE id = $2`, [value, ROW_OF_TABLE[table]]);

const x = (length: number) => 'x'.repeat(length);
/** Characters outside the Basic Multilingual Plane: one each for the server, two UTF-16 units in JavaScript. */
const tomatoes = (length: number) => '🍅'.repeat(length);
const accepts = (schema: z.ZodType, value: unknown) => schema.safeParse(value).success;
/** A probe as a failure shows it: long values by their size. */
function shown(value: unknown): string {
  const json = JSON.stringify(value);
  if (json.length <= 40) return json;
  return Array.isArray(value) ? `${value.length} names of ${String(value[0]).length}` : `${String(value).length} chars`;
}

interface Verdicts {
  value: string;
  server: boolean;
  pulled: boolean;
  typed: boolean;
}

/** Each probe's verdicts; the test then asserts them all at once, so a failure lists every drift. */
async function probe(
  table: string,
  column: string,
  values: unknown[],
  pulled: z.ZodType,
  typed: z.ZodType,
  forServer: (value: unknown) => unknown = (value) => value,
): Promise<Verdicts[]> {
  const verdicts: Verdicts[] = [];
  for (const value of values) {
    const takes = await serverTakesColumn(table, column, forServer(value));
    verdicts.push({ value: shown(value), server: takes, pulled: accepts(pulled, value), typed: accepts(typed, value) });
  }
  return verdicts;
}

/** The server takes exactly what the check of pulled rows takes, and all that a person may type. */
function expectAgreement(verdicts: Verdicts[]) {
  const drift = verdicts.filter((v) => v.server !== v.pulled || (v.typed && !v.server));
  expect(drift, 'server and shared rules disagree').toEqual([]);
  // The probes straddle the limit: each side of it is there.
  expect(new Set(verdicts.map((v) => v.server))).toEqual(new Set([true, false]));
}

const TEXT_COLUMNS: Record<f.TextField, [table: string, column: string] | null> = {
  restaurantName: ['kg.restaurants', 'name'],
  restaurantType: ['kg.restaurants', 'type'],
  fullName: ['kg.users', 'full_name'],
  position: ['kg.users', 'position'],
  itemName: ['kg.items', 'name'],
  category: ['kg.items', 'category'],
  supplier: ['kg.items', 'supplier'],
  unit: ['kg.items', 'unit'],
  storageAreaName: ['kg.storage_areas', 'name'],
  // Probed below, where they live: in produce lists, on movements and in lists of count units.
  produceName: null,
  note: null,
  countUnitName: null,
};

describe('text fields', () => {
  for (const [name, { max }] of Object.entries(f.TEXT_FIELDS) as [f.TextField, { max: number }][]) {
    const column = TEXT_COLUMNS[name];
    if (!column) continue;
    it(`${name}: ${max} characters at most, as ${column.join('.')}`, async () => {
      const values = ['', x(1), x(max), x(max + 1), tomatoes(max), tomatoes(max + 1)];
      expectAgreement(await probe(...column, values, f.storedText(name), f.typedText(name)));
    });
  }

  it(`usernames: ${f.USERNAME.min} to ${f.USERNAME.max} of letters, digits, dot, dash, underscore`, async () => {
    const { min, max } = f.USERNAME;
    const values = [x(min - 1), x(min), x(max), x(max + 1), 'a b c', 'ann@bar', 'ann.b_c-d', 'émile'];
    expectAgreement(await probe('kg.users', 'username', values, f.storedUsername, f.username));
  });

  it(`emails: ${f.EMAIL_MAX} characters at most, with an @`, async () => {
    const at = (length: number) => `${x(length - '@example.test'.length)}@example.test`;
    const values = [at(f.EMAIL_MAX), at(f.EMAIL_MAX + 1), 'no-at-sign', '@example.test', 'a@b'];
    expectAgreement(await probe('kg.users', 'email', values, f.storedEmail, f.email));
  });
});

describe('amounts', () => {
  it(`unit cost: from 0 to ${moneyFromCents(MAX_UNIT_COST_CENTS)}, two decimals`, async () => {
    const values = ['0', '0.01', moneyFromCents(MAX_UNIT_COST_CENTS), moneyFromCents(MAX_UNIT_COST_CENTS + 1), '-0.01'];
    expectAgreement(await probe('kg.items', 'unit_cost', values, f.storedMoney, f.money));
  });

  it(`par: from 0 to ${quantityFromMilli(MAX_QUANTITY_MILLI)}, three decimals`, async () => {
    const values = [
      '0',
      '0.001',
      quantityFromMilli(MAX_QUANTITY_MILLI),
      quantityFromMilli(MAX_QUANTITY_MILLI + 1),
      '-0.001',
    ];
    expectAgreement(await probe('kg.items', 'par', values, f.storedQuantity, f.quantity));
  });
});

describe('produce lists', () => {
  const names = (count: number, length = 10) => Array.from({ length: count }, () => x(length));
  const lists: unknown[] = [
    [],
    names(f.PRODUCE_NAMES_MAX, f.TEXT_FIELDS.produceName.max),
    names(f.PRODUCE_NAMES_MAX + 1),
    [x(f.TEXT_FIELDS.produceName.max + 1)],
    [tomatoes(f.TEXT_FIELDS.produceName.max)],
    [tomatoes(f.TEXT_FIELDS.produceName.max + 1)],
    [''],
    [7],
    { basil: true },
  ];
  for (const column of ['kitchen_produce_list', 'bar_produce_list']) {
    it(`${column}: at most ${f.PRODUCE_NAMES_MAX} names of at most ${f.TEXT_FIELDS.produceName.max} characters`, async () => {
      expectAgreement(
        await probe('kg.users', column, lists, f.storedProduceList, f.produceList, (list) => JSON.stringify(list)),
      );
    });
  }
});

describe('count units', () => {
  const unit = (change: Record<string, unknown>) => [{ name: 'case', size: '12', step: null, ...change }];
  const { max } = f.TEXT_FIELDS.countUnitName;
  const limit = quantityFromMilli(MAX_QUANTITY_MILLI);
  const lists: unknown[] = [
    [],
    unit({}),
    unit({ name: x(max) }),
    unit({ name: x(max + 1) }),
    unit({ name: tomatoes(max) }),
    unit({ name: '' }),
    unit({ size: limit }),
    unit({ size: quantityFromMilli(MAX_QUANTITY_MILLI + 1) }),
    unit({ size: '0.001' }),
    unit({ size: '0' }),
    unit({ step: '1' }),
    unit({ step: '1.5' }),
    unit({ step: '0' }),
    unit({ size: '1.0001' }),
    unit({ size: 12 }),
    unit({ step: '0.1' }),
    unit({ step: 'tenth' }),
    unit({ colour: 'red' }),
    Array.from({ length: COUNT_UNITS_MAX }, (_, n) => ({ name: `u${n}`, size: '1', step: null })),
    Array.from({ length: COUNT_UNITS_MAX + 1 }, (_, n) => ({ name: `u${n}`, size: '1', step: null })),
    { case: 12 },
  ];
  it(`lists of at most ${COUNT_UNITS_MAX} units, each named in at most ${max} characters with an exact size`, async () => {
    const verdicts: Verdicts[] = [];
    for (const units of lists) {
      const takes = await serverTakes('UPDATE kg.count_units SET units = $1 WHERE item_id = $2', [
        JSON.stringify(units),
        ids.item,
      ]);
      verdicts.push({
        value: shown(units),
        server: takes,
        pulled: accepts(serverCountUnits, { item_id: ids.item, restaurant_id: ids.restaurant, units }),
        typed: accepts(channels['inventory.setCountUnits'].input, { itemId: ids.item, units }),
      });
    }
    expectAgreement(verdicts);
  });
});

describe('stock movements', () => {
  const limit = quantityFromMilli(MAX_QUANTITY_MILLI);
  const past = quantityFromMilli(MAX_QUANTITY_MILLI + 1);
  const quantities = ['-1', '0', '1', '-0.001', limit, `-${limit}`, past, `-${past}`];

  for (const reason of MOVEMENT_REASONS) {
    it(`${reason}: the sign MOVEMENT_SIGNS gives it, within the quantity limit`, async () => {
      const verdicts: Verdicts[] = [];
      for (const quantity of quantities) {
        const row = {
          seq: 1,
          id: randomUUID(),
          restaurant_id: ids.restaurant,
          item_id: ids.item,
          reason,
          quantity,
          note: '',
          recorded_by: ids.user,
          recorded_at: new Date(0).toISOString(),
          occurred_at: new Date(0).toISOString(),
          clock_offset_ms: null,
          received_at: null,
        };
        const takes = await serverTakes(
          `INSERT INTO kg.stock_movements (id, restaurant_id, item_id, reason, quantity, note, recorded_by, recorded_at,
                                           device_id, version)
           VALUES ($1, $2, $3, $4, $5, '', $6, $7, $8, 1)`,
          [row.id, ids.restaurant, ids.item, reason, quantity, ids.user, row.recorded_at, randomUUID()],
        );
        const typed = accepts(adjustStockInput, { itemId: ids.item, reason, quantity });
        verdicts.push({ value: quantity, server: takes, pulled: accepts(serverMovement, row), typed });
      }
      expectAgreement(verdicts);
    });
  }

  it(`notes: ${f.TEXT_FIELDS.note.max} characters at most`, async () => {
    const { max } = f.TEXT_FIELDS.note;
    const verdicts: Verdicts[] = [];
    for (const note of ['', x(max), x(max + 1)]) {
      const takes = await serverTakes(
        `INSERT INTO kg.stock_movements (id, restaurant_id, item_id, reason, quantity, note, recorded_by, recorded_at,
                                         device_id, version)
         VALUES ($1, $2, $3, 'delivery', 1, $4, $5, now(), $6, 1)`,
        [randomUUID(), ids.restaurant, ids.item, note, ids.user, randomUUID()],
      );
      verdicts.push({
        value: shown(note),
        server: takes,
        pulled: accepts(f.storedText('note'), note),
        typed: accepts(f.typedText('note'), note),
      });
    }
    expectAgreement(verdicts);
  });
});
