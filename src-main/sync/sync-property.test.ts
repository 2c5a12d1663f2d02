/**
 * Property: two or three devices of one restaurant, each with its clock off by up to ten minutes
 * (measured at each sync), doing random things — adding, editing and deleting items, recording every
 * kind of stock movement, going offline and back, syncing, and in some runs the server restored from
 * a backup taken along the way — end, once all are online and have synced twice, with the same items
 * and stock on every device and on the server; each item's stock is what its movements add up to in
 * the order they truly happened (not the order they reached the server); the server's movements are
 * exactly the devices' recorded ones, in the order the pushes reached it, but for those on an item
 * deleted meanwhile; and each item holds, per field, the last edit the server received. An edit of,
 * or a movement on, an item the server already holds as deleted is refused and listed on the device
 * that made it. A restore changes none of that, but for a delete it lost: the server holds that
 * delete again only once a computer that holds it uploads after the restore.
 */
import fc from 'fast-check';
import { afterAll, expect, test } from 'vitest';
import type { ChannelInput } from '../../shared/contract';
import type { Area, MovementReason } from '../../shared/domain';
import type { AppError } from '../../shared/errors';
import { serverBackups } from '../central/testing/server-backup';
import type { ItemFields } from '../inventory/items-store';
import { clockOffset } from '../store/clock-offset';
import { lastIssuedMutation, readOutbox } from '../store/outbox';
import { assertProperty } from '../testing/property';
import { MINUTE, removeFolder, tempFolder } from '../testing/temp-core';
import {
  type Device,
  deviceSet,
  expectConverged,
  type RestaurantState,
  registerRestaurant,
  syncAll,
  syncOffline,
  syncTestFile,
} from './testing/devices';

const file = syncTestFile();
const folder = tempFolder('kg-backup');
afterAll(() => removeFolder(folder));
const backups = serverBackups(() => file.server, folder);

// ── Operations ──────────────────────────────────────────────────────────────────────────────────

type Edit = Omit<ChannelInput<'inventory.update'>, 'id'>;

type Op =
  | { kind: 'create'; device: number; area: Area; opening: string }
  | { kind: 'edit'; device: number; item: number; edit: Edit }
  | { kind: 'delete'; device: number; item: number }
  | { kind: 'adjust'; device: number; item: number; reason: MovementReason; quantity: string }
  | { kind: 'offline' | 'online' | 'sync'; device: number };

const device = fc.nat({ max: 2 });
const item = fc.nat({ max: 3 });
const edit: fc.Arbitrary<Edit> = fc.record(
  {
    name: fc.constantFrom('Alpha', 'Beta', 'Gamma'),
    category: fc.constantFrom('', 'Dairy', 'Dry goods'),
    supplier: fc.constantFrom('Metro', 'Costco'),
    unit: fc.constantFrom('kg', 'L', 'each'),
    unitCost: fc.constantFrom('0.00', '1.25', '3.10'),
    par: fc.constantFrom(null, '2', '5.5'),
  },
  { requiredKeys: [] },
);
/** Each reason with quantities it allows: counts are levels, deliveries add, usage and waste take away. */
const adjustment = fc.oneof(
  fc.record({ reason: fc.constant<MovementReason>('count'), quantity: fc.constantFrom('0', '1.5', '12') }),
  fc.record({ reason: fc.constant<MovementReason>('delivery'), quantity: fc.constantFrom('2', '0.25') }),
  fc.record({ reason: fc.constantFrom<MovementReason>('usage', 'waste'), quantity: fc.constantFrom('-1', '-3.5') }),
  fc.record({ reason: fc.constant<MovementReason>('correction'), quantity: fc.constantFrom('2', '-1', '0.25') }),
);
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('create'),
      device,
      area: fc.constantFrom<Area>('kitchen', 'bar'),
      opening: fc.constantFrom('0', '3', '12.5'),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('edit'), device, item, edit }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete'), device, item }) },
  {
    weight: 6,
    arbitrary: fc
      .record({ kind: fc.constant('adjust'), device, item, adjustment })
      .map(({ adjustment: chosen, ...rest }) => ({ ...rest, ...chosen })),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('offline', 'online'), device }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('sync'), device }) },
) as fc.Arbitrary<Op>;

// ── The model: what the server should end with, given the order pushes reach it ─────────────────

/** An item as the server should hold it: its fields, and whether it was deleted. */
type ModelItem = ItemFields & { area: Area; deleted: boolean };

/** `happened`: the real time it was recorded at, whatever the recording computer's clock said. */
type Movement = {
  kind: 'movement';
  id: string;
  itemId: string;
  reason: MovementReason;
  milli: number;
  happened: number;
};
type Pending =
  | { kind: 'create'; id: string; item: ModelItem }
  | { kind: 'update'; id: string; fields: Partial<ItemFields> }
  | { kind: 'delete'; id: string }
  | Movement;

interface Model {
  items: Map<string, ModelItem>;
  movements: Movement[];
  /** How many refusals each device lists. */
  refused: Map<Device, number>;
}

/**
 * A device's outbox reaching the server: a delete wins, so an edit of a deleted item, or a movement
 * on one, is refused (and undone on the device); every other fact stays.
 */
function deliver(model: Model, pending: Pending[], device: Device): void {
  for (const change of pending.splice(0)) {
    const current = model.items.get(change.kind === 'movement' ? change.itemId : change.id);
    if (change.kind === 'create') model.items.set(change.id, { ...change.item });
    else if (current?.deleted && change.kind !== 'delete') {
      model.refused.set(device, (model.refused.get(device) ?? 0) + 1);
      if (change.kind === 'movement') device.recorded.delete(change.id);
    } else if (change.kind === 'update' && current) Object.assign(current, change.fields);
    else if (change.kind === 'delete' && current) current.deleted = true;
    else if (change.kind === 'movement') model.movements.push(change);
  }
}

/** The item's movements applied in the order they truly happened. */
function expectedOnHand(model: Model, itemId: string): number {
  let onHand = 0;
  const inTime = model.movements.filter((m) => m.itemId === itemId).sort((a, b) => a.happened - b.happened);
  for (const movement of inTime) {
    onHand = movement.reason === 'count' ? movement.milli : onHand + movement.milli;
  }
  return onHand;
}

function expectMatchesModel(onServer: RestaurantState, model: Model): void {
  expect(
    Object.fromEntries(
      onServer.items.map(
        ({ id, area, name, category, supplier, unit, unitCostCents, parMilli, deletedAt, onHandMilli }) => [
          id,
          { area, name, category, supplier, unit, unitCostCents, parMilli, deleted: deletedAt !== null, onHandMilli },
        ],
      ),
    ),
  ).toEqual(
    Object.fromEntries(
      [...model.items].map(([id, modelItem]) => [id, { ...modelItem, onHandMilli: expectedOnHand(model, id) }]),
    ),
  );
  const inServerOrder = [...onServer.movements].sort((a, b) => (a.serverSeq ?? 0) - (b.serverSeq ?? 0));
  expect(inServerOrder.map((m) => m.id)).toEqual(model.movements.map((m) => m.id));
}

// ── Running the operations on real devices ──────────────────────────────────────────────────────

/** Failures a device may give for an operation it cannot do: the item is gone here, or the name is taken. */
const EXPECTED_REFUSALS: AppError['kind'][] = ['not_found', 'conflict'];

/** What a call just queued in a device's outbox, read as the model's pending changes, made at `happened`. */
function queuedSince(target: Device, after: number, happened: number): Pending[] {
  return readOutbox(target.db, 1_000_000)
    .filter((mutation) => mutation.mutationId > after)
    .map((mutation): Pending => {
      switch (mutation.name) {
        case 'item.create': {
          const { id, restaurantId: _restaurant, ...item } = mutation.args;
          return { kind: 'create', id, item: { ...item, deleted: false } };
        }
        case 'item.update': {
          const { id, ...fields } = mutation.args;
          return { kind: 'update', id, fields };
        }
        case 'item.delete':
          return { kind: 'delete', id: mutation.args.id };
        case 'movement.record': {
          const { id, itemId, reason, quantityMilli } = mutation.args;
          return { kind: 'movement', id, itemId, reason, milli: quantityMilli, happened };
        }
        default:
          throw new Error(`Unexpected change in the outbox: ${mutation.name}`);
      }
    });
}

/** When the server is backed up and when it is restored from that backup (op positions), if at all. */
const restore = fc.option(fc.record({ backupAt: fc.nat({ max: 20 }), restoreAt: fc.integer({ min: 20, max: 45 }) }), {
  freq: 2,
});
type Restore = { backupAt: number; restoreAt: number } | null;

/** Takes the backup or restores it when the run reaches that step; what was lost, devices bring back. */
type Taken = { file: string | null; deleted: Set<string> };

async function maybeRestore(run: Run, plan: Restore, position: number, taken: Taken): Promise<void> {
  if (plan?.backupAt === position) {
    taken.file = await backups.take();
    taken.deleted = new Set([...run.model.items].filter(([, item]) => item.deleted).map(([id]) => id));
  }
  if (plan?.restoreAt === position && taken.file) {
    await backups.restore(taken.file);
    forgetLostDeletes(run, taken.deleted);
  }
}

/**
 * A restore loses the deletes the server learned after the backup. Until a device that holds one
 * (not still waiting in its outbox) uploads it at its first sync after the restore, the item is
 * not deleted on the server: changes pushed before that are kept, not refused.
 */
function forgetLostDeletes(run: Run, deletedAtBackup: Set<string>): void {
  const lost = [...run.model.items].filter(([id, item]) => item.deleted && !deletedAtBackup.has(id));
  for (const [, item] of lost) item.deleted = false;
  for (const [index, device] of run.devices.entries()) {
    const waiting = new Set(run.pending[index]!.flatMap((change) => (change.kind === 'delete' ? [change.id] : [])));
    const held = lost.map(([id]) => id).filter((id) => !waiting.has(id) && deletedOn(device, id));
    run.lostDeletes.set(index, held);
  }
}

const deletedOn = (device: Device, itemId: string): boolean =>
  device.db.prepare('SELECT deleted_at IS NOT NULL FROM items WHERE id = ?').pluck().get(itemId) === 1;

/** A device's sync: its upload after a restore brings back the deletes it holds, then its outbox arrives. */
function deliverSync(run: Run, index: number): void {
  for (const id of run.lostDeletes.get(index) ?? []) run.model.items.get(id)!.deleted = true;
  run.lostDeletes.delete(index);
  deliver(run.model, run.pending[index]!, run.devices[index]!);
}

interface Run {
  devices: Device[];
  online: boolean[];
  pending: Pending[][];
  created: string[];
  model: Model;
  /**
   * The real time every movement recorded so far is placed before, given the uncertainty of the
   * clock offset each was corrected by (and a millisecond of rounding).
   */
  horizon: number;
  /** Per device, the deletes a restore lost that its next sync brings back. */
  lostDeletes: Map<number, string[]>;
}

const uncertaintyOf = (target: Device): number => (clockOffset(target.db)?.uncertaintyMs ?? 0) + 1;

/**
 * Waits until a movement `target` records cannot be placed before any recorded so far by a
 * measuring error: each computer's time is right within its measure's uncertainty.
 */
async function pastHorizon(run: Run, target: Device): Promise<void> {
  const wait = run.horizon + uncertaintyOf(target) + 1 - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

/** Whether a step may record a movement. */
const recordsMovement = (step: Op): boolean =>
  step.kind === 'adjust' || (step.kind === 'create' && step.opening !== '0');

/** Runs a call the device may refuse (the item is gone there, or the name is taken). */
async function attempt(work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    const kind = /"kind":"(\w+)"/.exec(String(error))?.[1] as AppError['kind'] | undefined;
    if (!kind || !EXPECTED_REFUSALS.includes(kind)) throw error;
  }
}

async function perform(run: Run, step: Op, position: number): Promise<void> {
  const index = step.device % run.devices.length;
  const target = run.devices[index]!;
  const itemId = 'item' in step ? run.created[step.item % Math.max(run.created.length, 1)] : undefined;
  if (recordsMovement(step)) await pastHorizon(run, target);
  const before = lastIssuedMutation(target.db);
  const happened = Date.now();
  switch (step.kind) {
    case 'create': {
      const item = { name: `Item ${position}`, category: '', supplier: '', unit: 'kg', unitCost: '1.00', par: null };
      const created = await target.call('inventory.create', { ...item, area: step.area, openingStock: step.opening });
      run.created.push(created.id);
      break;
    }
    case 'edit':
      if (itemId) await attempt(() => target.call('inventory.update', { id: itemId, ...step.edit }));
      break;
    case 'delete':
      if (itemId) await attempt(() => target.call('inventory.delete', { id: itemId }));
      break;
    case 'adjust':
      if (itemId)
        await attempt(() =>
          target.call('inventory.adjustStock', { itemId, reason: step.reason, quantity: step.quantity }),
        );
      break;
    case 'offline':
    case 'online':
      run.online[index] = step.kind === 'online';
      await target.setOnline(run.online[index]!);
      return;
    case 'sync':
      if (run.online[index]) {
        await syncAll([target], 1);
        deliverSync(run, index);
      } else await syncOffline(target);
      return;
  }
  if (recordsMovement(step)) run.horizon = Math.max(run.horizon, Date.now() + uncertaintyOf(target));
  run.pending[index]!.push(...queuedSince(target, before, happened));
}

test('random edits, counts, offline periods and a restore of the server on 2–3 devices converge to the server, which holds exactly their movements', async () => {
  await assertProperty(
    fc.asyncProperty(
      fc.integer({ min: 2, max: 3 }),
      fc.array(op, { minLength: 20, maxLength: 45 }),
      restore,
      fc.array(fc.integer({ min: -10 * MINUTE, max: 10 * MINUTE }), { minLength: 3, maxLength: 3 }),
      async (count, ops, plan, offsets) => {
        const devices = deviceSet(() => file.server);
        try {
          const first = await devices.open('device 0');
          const restaurant = await registerRestaurant(first);
          const others = [];
          for (let n = 1; n < count; n += 1)
            others.push(await devices.signedIn(`device ${n}`, restaurant.owner.username));
          const run: Run = {
            devices: [first, ...others],
            online: Array(count).fill(true),
            pending: Array.from({ length: count }, () => []),
            created: [],
            model: { items: new Map(), movements: [], refused: new Map() },
            horizon: 0,
            lostDeletes: new Map(),
          };
          // Each computer's clock runs off the real time by its own offset; a first sync measures it.
          for (const [index, target] of run.devices.entries()) target.clock.runOffBy(offsets[index]!);
          await syncAll(run.devices, 1);
          const taken: Taken = { file: null, deleted: new Set() };
          // A restore planned past the last step happens after it, before the final syncs.
          const when = plan && { ...plan, restoreAt: Math.min(plan.restoreAt, ops.length) };
          for (const [position, step] of ops.entries()) {
            await maybeRestore(run, when, position, taken);
            await perform(run, step, position);
          }
          await maybeRestore(run, when, ops.length, taken);

          for (const target of run.devices) await target.setOnline(true);
          await syncAll(run.devices);
          for (const index of run.devices.keys()) deliverSync(run, index);

          const onServer = await expectConverged(file.server, restaurant.id, run.devices);
          expectMatchesModel(onServer, run.model);
          for (const [index, target] of run.devices.entries()) {
            const measured = clockOffset(target.db)!;
            expect(Math.abs(measured.offsetMs + offsets[index]!)).toBeLessThanOrEqual(measured.uncertaintyMs + 1);
          }
          for (const target of run.devices) {
            const reasons = (await target.call('sync.rejections', {})).map((rejection) => rejection.reason);
            expect(reasons).toHaveLength(run.model.refused.get(target) ?? 0);
            for (const reason of reasons) expect(reason).toMatch(/^This item was deleted, so this .* was not kept\.$/);
          }
        } finally {
          await devices.shutdownAll();
        }
      },
    ),
    // Two to fifteen seconds a run, as loaded as the machine is.
    { numRuns: 15, shrinkForMs: 120_000 },
  );
}, 600_000);
