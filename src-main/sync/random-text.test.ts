/**
 * Property: random text (control characters, lone surrogates, very long strings) typed into every
 * text field of the contract on one computer while another syncs ends with both computers and the
 * server holding the same, and nothing stalled: text the contract refuses is refused there with an
 * error naming the field; text it takes arrives on the other computer as it was saved, with no
 * refusal and no sync error. Every field of TEXT_FIELDS needs a route here (the record is typed by
 * them), so a new field is covered as soon as it exists.
 */
import fc from 'fast-check';
import { beforeAll, expect, test } from 'vitest';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';
import { TEXT_FIELDS, type TextField } from '../../shared/contract/fields';
import type { AppError } from '../../shared/errors';
import { itemInput, owner } from '../testing/temp-core';
import { type Device, expectConverged, officeTestFile } from './testing/devices';

const file = officeTestFile();
/** The computer that syncs while the office types; kept for the whole property. */
let laptop: Device;
let itemId: string;
let storageAreaId: string;

beforeAll(async () => {
  itemId = (await file.office.call('inventory.create', itemInput({ openingStock: '1' }))).id;
  storageAreaId = (await file.office.call('storage.createArea', { area: 'kitchen', name: 'Dry store' })).id;
  laptop = await file.devices.signedIn('laptop', file.restaurant.owner.username);
});

/** What one accepted value is, where it is kept, and how the other computer shows it. */
interface Saved {
  /** Writes to the same place replace each other: only the last must arrive. */
  place: string;
  saved: string;
  readOn(other: Device): Promise<string>;
}

class Refused extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
  }
}

/** A channel call whose refusal is a value to check, not a test failure. */
async function send<C extends ChannelName>(
  from: Device,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  try {
    return await from.call(channel, input);
  } catch (error) {
    const refusal = /^[\w.]+ failed: (\{.*\})$/s.exec((error as Error).message)?.[1];
    throw refusal ? new Refused(JSON.parse(refusal) as AppError) : error;
  }
}

type Route = (from: Device, value: string) => Promise<Saved>;

const itemField =
  (field: 'name' | 'category' | 'supplier' | 'unit'): Route =>
  async (from, value) => ({
    place: field,
    saved: (await send(from, 'inventory.update', { id: itemId, [field]: value }))[field],
    readOn: async (other) => (await other.call('inventory.get', { id: itemId }))[field],
  });

/** The signed-in user's profile with one change, as auth.updateProfile takes it. */
async function profileWith(from: Device, change: Partial<ChannelInput<'auth.updateProfile'>>) {
  const { user } = (await from.call('auth.session', {}))!;
  const { fullName, email, position, kitchenProduceList, barProduceList } = user;
  return send(from, 'auth.updateProfile', {
    ...{ fullName, email, position, kitchenProduceList, barProduceList },
    ...change,
  });
}
const ownProfile = async (other: Device) => (await other.call('auth.session', {}))!.user;

const profileField =
  (field: 'fullName' | 'position'): Route =>
  async (from, value) => ({
    place: field,
    saved: (await profileWith(from, { [field]: value }))[field],
    readOn: async (other) => (await ownProfile(other))[field],
  });

/** A restaurant registered from a new computer with the value; another new computer signs in to it. */
const restaurantField =
  (field: 'restaurantName' | 'restaurantType'): Route =>
  async (_from, value) => {
    const registering = await file.devices.open('registering');
    await registering.connect();
    const registration = owner({ [field]: value } as Partial<ChannelInput<'auth.register'>>);
    const { restaurant } = await send(registering, 'auth.register', registration);
    const read = field === 'restaurantName' ? 'name' : 'type';
    return {
      place: `${field} ${restaurant.id}`,
      saved: restaurant[read],
      readOn: async () => {
        const elsewhere = await file.devices.signedIn('signing in', registration.username);
        return (await elsewhere.call('auth.session', {}))!.restaurant[read];
      },
    };
  };

/** Where each text field is typed, and how its path reads in the contract's error. */
const ROUTES: Record<TextField, { path: string; write: Route }> = {
  restaurantName: { path: 'restaurantName', write: restaurantField('restaurantName') },
  restaurantType: { path: 'restaurantType', write: restaurantField('restaurantType') },
  fullName: { path: 'fullName', write: profileField('fullName') },
  position: { path: 'position', write: profileField('position') },
  produceName: {
    path: 'kitchenProduceList.0',
    write: async (from, value) => ({
      place: 'produce',
      saved: (await profileWith(from, { kitchenProduceList: [value] })).kitchenProduceList.join('|'),
      readOn: async (other) => (await ownProfile(other)).kitchenProduceList.join('|'),
    }),
  },
  itemName: { path: 'name', write: itemField('name') },
  category: { path: 'category', write: itemField('category') },
  supplier: { path: 'supplier', write: itemField('supplier') },
  unit: { path: 'unit', write: itemField('unit') },
  storageAreaName: {
    path: 'name',
    write: async (from, value) => {
      const nameOn = async (device: Device) =>
        (await device.call('storage.list', {})).areas.find((area) => area.id === storageAreaId)!.name;
      await send(from, 'storage.renameArea', { id: storageAreaId, name: value });
      return { place: 'storage area', saved: await nameOn(from), readOn: nameOn };
    },
  },
  countUnitName: {
    path: 'units.0.name',
    write: async (from, value) => {
      const unitOn = async (device: Device) =>
        (await device.call('inventory.countUnits', { itemId })).units.map((unit) => unit.name).join('|');
      await send(from, 'inventory.setCountUnits', { itemId, units: [{ name: value, size: '12', step: null }] });
      return { place: 'count units', saved: await unitOn(from), readOn: unitOn };
    },
  },
  note: {
    path: 'note',
    write: async (from, value) => {
      await send(from, 'inventory.adjustStock', { itemId, reason: 'delivery', quantity: '1', note: value });
      const movementId = [...from.recorded].at(-1)!;
      const noteOn = async (device: Device) =>
        (await device.call('inventory.history', { itemId })).movements.find((m) => m.id === movementId)!.note;
      return { place: movementId, saved: await noteOn(from), readOn: noteOn };
    },
  },
};

// ── Random text ─────────────────────────────────────────────────────────────────────────────────

const awkward = fc.constantFrom(
  '\u0000',
  '\u0001',
  '\u0007',
  '\b',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u2028',
  '\t',
  '\n',
  '\r',
  '\ud800',
  '\udbff',
  '\udc00',
  '\udfff',
  '\ufeff',
  '\ufffe',
  '😀',
  'é',
  ' ',
  "'",
  '"',
  '\\',
  '%',
);
const character = fc.oneof(
  { weight: 2, arbitrary: awkward },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
);
const randomText = fc.oneof(
  // Mostly text a person could type, so that much of it is taken and must arrive.
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 4, arbitrary: fc.string({ unit: character, maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: character, minLength: 100, maxLength: 600 }) },
  // Far past every limit.
  { weight: 1, arbitrary: fc.tuple(character, fc.integer({ min: 1_000, max: 300_000 })).map(([c, n]) => c.repeat(n)) },
);
const fieldName = fc.constantFrom(...(Object.keys(TEXT_FIELDS) as TextField[]));
const typing = fc.array(fc.record({ field: fieldName, value: randomText, officeSyncs: fc.boolean() }), {
  minLength: 1,
  maxLength: 6,
});

const expectOnline = (status: { state: string; lastError: string | null }, who: string) =>
  expect(status, `${who} syncs on`).toMatchObject({ state: 'online', lastError: null });

test('random text in every text field, typed while another computer syncs, converges with nothing stalled', async () => {
  await fc.assert(
    fc.asyncProperty(typing, async (steps) => {
      const arrived = new Map<string, Saved>();
      for (const { field, value, officeSyncs } of steps) {
        const route = ROUTES[field];
        const [outcome, laptopStatus] = await Promise.all([
          route.write(file.office, value).catch((error: unknown) => error),
          laptop.syncNow(),
        ]);
        expectOnline(laptopStatus, 'the laptop');
        if (outcome instanceof Refused) {
          const { error } = outcome;
          expect(error.kind, `${field} refused at the contract`).toBe('validation');
          const issues = error.kind === 'validation' ? error.issues : [];
          expect(issues.length).toBeGreaterThan(0);
          for (const issue of issues) {
            expect(issue, `${field} named in its refusal`).toEqual({
              path: route.path,
              message: expect.stringMatching(new RegExp(TEXT_FIELDS[field].label, 'i')),
            });
          }
        } else if (outcome instanceof Error) {
          throw outcome;
        } else {
          arrived.set((outcome as Saved).place, outcome as Saved);
        }
        if (officeSyncs) expectOnline(await file.office.syncNow(), 'the office');
      }
      for (const device of [file.office, laptop, file.office, laptop]) {
        expect(await device.syncNow(), `${device.name} at the end`).toMatchObject({
          state: 'online',
          waiting: 0,
          lastError: null,
        });
      }
      expect(await file.office.call('sync.rejections', {})).toEqual([]);
      for (const { place, saved, readOn } of arrived.values()) {
        expect(await readOn(laptop), `${place} on the other computer`).toBe(saved);
      }
      await expectConverged(file.server, file.restaurant.id, [file.office, laptop]);
    }),
    { numRuns: 8 },
  );
}, 300_000);
