/**
 * Hostile IPC input, property-based: every channel of the contract, signed in and signed out,
 * gets arbitrary values, wrong types in each field, oversized strings, prototype-pollution keys
 * and unknown channel names. The router must always answer with data (never throw), never
 * `internal`; invalid input is a `validation` error naming the field, and writes nothing.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChannelInput, type ChannelName, channelNames, channels, isChannelName } from '../../shared/contract';
import { type AppError, appErrorSchema } from '../../shared/errors';
import {
  addMember,
  DAY,
  itemInput,
  MINUTE,
  openTestCore,
  PASSWORD,
  registerOwner,
  removeFolder,
  type TestCore,
} from '../testing/temp-core';

const RUNS = 120;

/** Channels that answer without a session; every other one must say `unauthenticated`. */
const PUBLIC = new Set<ChannelName>([
  'auth.register',
  'auth.login',
  'auth.logout',
  'auth.session',
  'auth.resetPassword',
  'computer.status',
  // A new computer is pointed at its central server from the sign-in screen.
  'central.settings',
  'central.test',
  'central.connect',
  'central.setup',
  // The old KitchenGuard is brought over from the sign-in screen, with the person's old password.
  'legacy.preview',
  'legacy.import',
  'sync.status',
  'sync.now',
  'sync.waitForChange',
]);

/** A long poll: a valid call waits up to 25 s for a change that never comes here. */
const LONG_POLL: ChannelName = 'sync.waitForChange';

/** No server is reachable here, and this CA file does not exist: valid central inputs stop at it. */
const server = { host: '127.0.0.1', port: 9, database: 'kitchenguard', caFile: '/nonexistent/kg-test-ca.pem' };

const legacyServer = { host: server.host, port: server.port, user: 'old_reader', caFile: server.caFile };

let core: TestCore;
let ownerName: string;
let baselines: { [C in ChannelName]: ChannelInput<C> };

beforeAll(async () => {
  core = await openTestCore();
  const { user } = await registerOwner(core);
  ownerName = user.username;
  const staff = await addMember(core, 'staff');
  const item = await core.call('inventory.create', itemInput({ openingStock: '5' }));
  const cooler = await core.call('storage.createArea', { area: 'kitchen', name: 'Walk-in cooler' });
  const count = await core.call('counts.start', { scope: 'full' });
  const countId = count.id;
  // One valid input per channel, chosen so that running it leaves the owner able to sign in.
  baselines = {
    'auth.register': {
      restaurantName: 'Property Bistro',
      restaurantType: 'bar',
      fullName: 'Pat Property',
      position: 'Owner',
      username: 'prop-owner',
      email: 'prop-owner@example.com',
      password: PASSWORD,
    },
    'auth.login': { login: 'nobody-here', password: 'not the password' },
    'auth.logout': {},
    'auth.session': {},
    'auth.setCurrency': { currency: 'EUR' },
    'auth.changePassword': { currentPassword: 'not the password', newPassword: 'a brand new secret' },
    'auth.updateProfile': {
      fullName: 'Olive Owner',
      email: user.email,
      position: 'Owner',
      kitchenProduceList: ['Basil'],
      barProduceList: ['Limes'],
    },
    'auth.issueResetCode': { userId: staff.id },
    'auth.resetPassword': { username: 'nobody-here', code: 'ABCD-EFGH', newPassword: 'a brand new secret' },
    'team.list': {},
    'team.create': {
      username: 'prop-staff',
      email: 'prop-staff@example.com',
      fullName: 'Sam Staff',
      position: '',
      role: 'staff',
      password: PASSWORD,
    },
    'team.setRole': { userId: staff.id, role: 'manager' },
    'team.deactivate': { userId: staff.id },
    'team.reactivate': { userId: staff.id },
    'team.computers': {},
    'team.revokeComputer': { deviceId: staff.id },
    'inventory.list': { area: 'kitchen' },
    'inventory.get': { id: item.id },
    'inventory.create': itemInput({ name: 'Property item' }),
    'inventory.update': { id: item.id, name: 'Renamed', unitCost: '1.00', par: '2' },
    'inventory.delete': { id: item.id },
    'inventory.adjustStock': { itemId: item.id, reason: 'delivery', quantity: '1.5', note: 'prop' },
    'inventory.history': { itemId: item.id },
    'inventory.countUnits': { itemId: item.id },
    'inventory.setCountUnits': { itemId: item.id, units: [{ name: 'case', size: '12', step: null }] },
    'storage.list': {},
    'storage.createArea': { area: 'bar', name: 'Cellar' },
    'storage.renameArea': { id: cooler.id, name: 'Cold room' },
    'storage.archiveArea': { id: cooler.id, archived: false },
    'storage.moveArea': { id: cooler.id, toIndex: 0 },
    'storage.placeItem': { storageAreaId: cooler.id, itemId: item.id, toIndex: 0 },
    'storage.removeItem': { storageAreaId: cooler.id, itemId: item.id },
    'counts.list': {},
    'counts.start': { scope: 'partial', storageAreaIds: [cooler.id], asOf: null, blind: true },
    'counts.get': { countId },
    'counts.enter': { countId, itemId: item.id, storageAreaId: cooler.id, quantity: '2', kind: 'add' },
    'counts.undoEntry': { countId, entryId: item.id },
    'counts.submit': { countId },
    'counts.review': { countId },
    'counts.settle': { countId, itemId: item.id, storageAreaId: null, quantity: '1' },
    'counts.requestRecount': { countId, lines: [{ itemId: item.id, storageAreaId: null }] },
    'counts.approve': { countId, decisions: [] },
    'counts.abandon': { countId },
    'counts.usage': { countId },
    'computer.status': {},
    'central.settings': {},
    'central.test': { ...server, user: 'kg_app', password: 'app password' },
    'central.connect': { ...server, user: 'kg_app', password: 'app password', ownerPassword: PASSWORD },
    'central.disconnect': {},
    'central.setup': { ...server, adminUser: 'kg_admin', adminPassword: 'admin password', appUser: 'kg_app' },
    'sync.status': {},
    'sync.now': {},
    'sync.waitForChange': { since: { data: 0, status: 0 } },
    'sync.rejections': {},
    'sync.dismissRejections': {},
    'backups.list': {},
    'backups.create': {},
    'backups.saveCopy': { name: 'kitchenguard-2026-01-01T00-00-00-000Z-manual.sqlite' },
    // No such backup: a restore here would replace the store the other calls work on.
    'backups.restore': { name: 'kitchenguard-2026-01-01T00-00-00-000Z-manual.sqlite' },
    'updates.status': {},
    'updates.check': {},
    'updates.setChannel': { channel: 'stable' },
    // Nothing is ready in a test core (it cannot update itself): refused, never a restart.
    'updates.restart': { confirmed: false },
    'legacy.preview': { ...legacyServer, password: 'old db password', login: 'alice', oldPassword: 'old password' },
    'legacy.import': { ...legacyServer, password: 'old db password', login: 'alice', oldPassword: 'old password' },
  };
});

afterAll(async () => {
  await core.close();
  removeFolder(core.folder);
});

type Mode = 'signed in' | 'signed out';

/** Puts the device back in the mode a run expects (a valid input may have signed in or out). */
async function enterMode(mode: Mode): Promise<void> {
  const session = await core.invoke('auth.session', {});
  const signedInAs = session.ok ? (session.value as { user: { username: string } } | null)?.user.username : undefined;
  if (mode === 'signed out' && signedInAs) await core.call('auth.logout', {});
  if (mode === 'signed in' && signedInAs !== ownerName) {
    await core.call('auth.logout', {});
    // Wrong current passwords sent to auth.changePassword count as guesses: a day on, no lock is left.
    core.clock.advance(DAY + MINUTE);
    await core.call('auth.login', { login: ownerName, password: PASSWORD });
  }
}

/** Every row count and SQLite's count of rows this connection ever changed: any write moves one. */
function writes(): Record<string, number> {
  const tables = core.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  const counts = tables.map((table) => [table, core.db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get()]);
  return { ...Object.fromEntries(counts), total_changes: core.db.prepare('SELECT total_changes()').pluck().get() };
}

function isValid(channel: ChannelName, input: unknown): boolean {
  return channels[channel].input.safeParse(input).success;
}

const pathNames = (error: AppError) => (error.kind === 'validation' ? error.issues.map((issue) => issue.path) : []);

/** Invokes and checks what holds for any input; returns the error for further checks. */
async function invokeHostile(channel: unknown, input: unknown): Promise<{ error?: AppError; unchanged: boolean }> {
  const before = writes();
  const result = await core.invoke(channel, input).catch((thrown: unknown) => {
    throw new Error(`invoke threw instead of answering: ${String(thrown)}`);
  });
  expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(OBJECT_PROTOTYPE_KEYS);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  if (result.ok) return { unchanged: false };
  expect(appErrorSchema.parse(result.error)).toEqual(result.error);
  expect(result.error.kind, result.error.message).not.toBe('internal');
  return { error: result.error, unchanged: JSON.stringify(writes()) === JSON.stringify(before) };
}

const OBJECT_PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype);

const anything = fc.anything({
  maxDepth: 3,
  maxKeys: 6,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
});

const HUGE = 'x'.repeat(1_000_000);
const wrongValue = fc.oneof(
  anything,
  fc.constantFrom(undefined, null, 0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, true, [], {}, '', ' ', HUGE),
  fc.string({ minLength: 121, maxLength: 2000 }),
);

const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'];

/** The baseline with a key the contract does not know, set as an own property (as JSON.parse would). */
function withExtraKey(baseline: object, key: string, value: unknown): Record<string, unknown> {
  const input: Record<string, unknown> = { ...baseline };
  Object.defineProperty(input, key, { value, enumerable: true, configurable: true, writable: true });
  return input;
}

/** Hostile inputs for one channel: anything, one field made wrong, extra (polluting) keys. */
function hostileInput(channel: ChannelName) {
  const baseline = baselines[channel] as Record<string, unknown>;
  const fields = Object.keys(channels[channel].input.shape);
  const oneFieldWrong = fields.length
    ? fc
        .record({ field: fc.constantFrom(...fields), value: wrongValue })
        .map(({ field, value }) => ({ input: { ...baseline, [field]: value }, field }))
    : fc.constant({ input: baseline, field: undefined });
  const extraKey = fc
    .record({ key: fc.oneof(fc.constantFrom(...POLLUTING_KEYS), fc.string({ minLength: 1 })), value: anything })
    .filter(({ key }) => !fields.includes(key))
    .map(({ key, value }) => ({ input: withExtraKey(baseline, key, value), field: undefined }));
  const pollution = fc.constantFrom(
    JSON.parse(JSON.stringify({ ...baseline, polluting: { polluted: true } }).replace('"polluting"', '"__proto__"')),
    JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
    { ...baseline, constructor: { prototype: { polluted: true } } },
  );
  return fc.oneof(
    { weight: 3, arbitrary: anything.map((input) => ({ input, field: undefined })) },
    { weight: 4, arbitrary: oneFieldWrong },
    { weight: 2, arbitrary: extraKey },
    { weight: 1, arbitrary: pollution.map((input) => ({ input, field: undefined })) },
  );
}

describe.each(['signed in', 'signed out'] as const)('every channel, %s', (mode) => {
  it.each(channelNames)('%s answers hostile input with data, and invalid input writes nothing', async (channel) => {
    await fc.assert(
      fc.asyncProperty(hostileInput(channel), async ({ input, field }) => {
        const valid = isValid(channel, input);
        fc.pre(!(valid && channel === LONG_POLL));
        await enterMode(mode);
        const { error, unchanged } = await invokeHostile(channel, input);
        if (valid) {
          if (mode === 'signed out' && !PUBLIC.has(channel)) {
            expect(error?.kind).toBe('unauthenticated');
            expect(unchanged).toBe(true);
          }
          return;
        }
        expect(error?.kind).toBe('validation');
        expect(error && pathNames(error).length).toBeGreaterThan(0);
        if (field) expect(error && pathNames(error).some((path) => path.split('.')[0] === field)).toBe(true);
        expect(unchanged).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('signed out', () => {
  it.each(channelNames.filter((channel) => !PUBLIC.has(channel)))(
    '%s refuses even a valid input as unauthenticated, writing nothing',
    async (channel) => {
      await enterMode('signed out');
      const { error, unchanged } = await invokeHostile(channel, baselines[channel]);
      expect(error).toEqual({ kind: 'unauthenticated', message: 'Please sign in again.' });
      expect(unchanged).toBe(true);
    },
  );
});

describe('each field of each channel, with each kind of wrong value', () => {
  const WRONG = [null, 42, -1.5, true, [], {}, 'x'.repeat(10_000), ['a', 1], { nested: { deep: true } }, HUGE];

  it.each(channelNames)('%s names the field it rejects', async (channel) => {
    await enterMode('signed in');
    const fields = Object.keys(channels[channel].input.shape);
    for (const field of fields) {
      for (const value of WRONG) {
        const input = { ...(baselines[channel] as object), [field]: value };
        if (isValid(channel, input)) continue;
        const { error, unchanged } = await invokeHostile(channel, input);
        expect(error?.kind, `${channel} ${field}=${JSON.stringify(value)?.slice(0, 40)}`).toBe('validation');
        expect(error && pathNames(error)).toContainEqual(expect.stringMatching(new RegExp(`^${field}(\\.|$)`)));
        expect(unchanged).toBe(true);
      }
    }
  });

  it.each(channelNames)('%s refuses an unknown key, naming it', async (channel) => {
    await enterMode('signed in');
    for (const key of [...POLLUTING_KEYS, 'isAdmin', 'role', 'restaurantId']) {
      if (key in channels[channel].input.shape) continue;
      const { error, unchanged } = await invokeHostile(channel, withExtraKey(baselines[channel], key, 'x'));
      expect(error?.kind, `${channel} +${key}`).toBe('validation');
      expect(error?.message).toContain(key);
      expect(unchanged).toBe(true);
    }
  });

  it.each([undefined, null, 0, 'auth.login', [], true, () => 1, Symbol('s'), 12n])(
    'every channel refuses a non-object input (%s)',
    async (input) => {
      await enterMode('signed in');
      for (const channel of channelNames) {
        const { error, unchanged } = await invokeHostile(channel, input);
        expect(error?.kind).toBe('validation');
        expect(error && pathNames(error)).toEqual(['']);
        expect(unchanged).toBe(true);
      }
    },
  );
});

describe('unknown channels', () => {
  it('are refused as a validation error at "channel", writing nothing', async () => {
    const names = fc.oneof(
      fc.constantFrom(...POLLUTING_KEYS, 'auth', 'auth.register ', 'AUTH.REGISTER', 'inventory.list\0', ''),
      fc.string(),
      anything,
    );
    await fc.assert(
      fc.asyncProperty(names, anything, async (channel, input) => {
        fc.pre(!isChannelName(channel));
        const { error, unchanged } = await invokeHostile(channel, input);
        expect(error).toEqual({
          kind: 'validation',
          message: 'Unknown channel',
          issues: [{ path: 'channel', message: 'Unknown channel' }],
        });
        expect(unchanged).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
