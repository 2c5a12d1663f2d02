/**
 * Shared by the sync fault tests (faults, late-commit, restore, pool): devices wired to a fault
 * seam, what the server holds read as its administrator, what a device holds read from its store,
 * and a bounded wait for the engine to recover by itself. Never a mock of pg: every check reads
 * the real databases.
 */
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { ChannelInput } from '../../../shared/contract';
import type { SessionView } from '../../../shared/contract/auth';
import type { ConnectionInput } from '../../../shared/contract/central';
import { removeTestCluster, startTestCluster, type TestCluster } from '../../central/testing/pg-cluster';
import { startTcpProxy, type TcpProxy } from '../../central/testing/tcp-proxy';
import { adminQuery, createTestServer, type TestServer } from '../../central/testing/test-server';
import type { Logger } from '../../ipc/router';
import { deviceId } from '../../store/meta';
import { lastIssuedMutation } from '../../store/outbox';
import { HOUR, openTestCore, owner, removeFolder, TestClock, type TestCore } from '../../testing/temp-core';
import type { SyncTiming } from '../engine';

/** The engine syncs only when the test says so. */
export const MANUAL: Partial<SyncTiming> = {
  afterWriteMs: HOUR,
  periodicMs: HOUR,
  checkMs: HOUR,
  firstRetryMs: HOUR,
  maxRetryMs: HOUR,
};
/** The engine pushes soon after writes and retries quickly by itself: for watching it recover. */
export const FAST_RETRY: Partial<SyncTiming> = {
  afterWriteMs: 20,
  periodicMs: HOUR,
  checkMs: HOUR,
  firstRetryMs: 50,
  maxRetryMs: 250,
};

/** A promise a test opens when it chooses. */
export interface Gate {
  readonly opened: Promise<void>;
  open(): void;
}

export function gate(): Gate {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

/** The device's `beforeCommit` seam: a hook armed for the next push transaction only. */
export interface FaultSeam {
  readonly faults: { beforeCommit(): Promise<void> };
  once(hook: () => unknown): void;
}

function faultSeam(): FaultSeam {
  let next: (() => unknown) | null = null;
  return {
    faults: {
      async beforeCommit() {
        const hook = next;
        next = null;
        await hook?.();
      },
    },
    once(hook) {
      next = hook;
    },
  };
}

export interface TestDevice extends TestCore {
  id: string;
  seam: FaultSeam;
  /** What the core warned about (e.g. "Resyncing from the central server: …"). */
  warnings: string[];
}

/**
 * A test file's set-up: its own database, made before its tests (and handed to `use`) and dropped
 * after them, and the opener of its devices.
 */
export function faultSuite(use: (server: TestServer) => void): ReturnType<typeof testDevices> {
  let made: TestServer | null = null;
  beforeAll(async () => {
    made = await createTestServer();
    use(made);
  });
  afterAll(async () => {
    await made?.drop();
  });
  return testDevices();
}

/**
 * A test file's database on the shared test cluster, reached through a proxy that can cut the
 * connection or lose a reply: made before its tests, dropped after them. Read it inside a test.
 */
export function proxiedServer(): { readonly server: TestServer; readonly proxy: TcpProxy } {
  const site = {} as { server: TestServer; proxy: TcpProxy };
  beforeAll(async () => {
    site.server = await createTestServer();
    site.proxy = await startTcpProxy(site.server.cluster);
  });
  afterAll(async () => {
    await site.proxy?.close();
    await site.server?.drop();
  });
  return site;
}

/** A test file's server on a cluster of its own, which a test may stop and start again. */
export function stoppableServer(): { readonly server: TestServer; readonly cluster: TestCluster } {
  const site = {} as { server: TestServer; cluster: TestCluster };
  beforeAll(async () => {
    site.cluster = await startTestCluster();
    site.server = await createTestServer(site.cluster);
  });
  afterAll(() => removeTestCluster(site.cluster));
  return site;
}

/** Opens devices for a test file; each is closed and its folder removed after each test. */
export function testDevices(): (timing?: Partial<SyncTiming>) => Promise<TestDevice> {
  const opened: TestDevice[] = [];
  afterEach(async () => {
    for (const device of opened.splice(0)) {
      await device.close();
      removeFolder(device.folder);
    }
  });
  return async (timing = MANUAL) => {
    const seam = faultSeam();
    const warnings: string[] = [];
    const log: Logger = {
      error: () => {},
      info: () => {},
      warn: (message, detail) => warnings.push(`${message}: ${String(detail ?? '')}`),
    };
    const core = await openTestCore({ clock: new TestClock(new Date()), log, sync: { timing, faults: seam.faults } });
    const device: TestDevice = { ...core, id: deviceId(core.db), seam, warnings };
    opened.push(device);
    return device;
  };
}

/** What a device enters to reach the server, straight or through a proxy. */
export const connection = (server: TestServer, proxy?: TcpProxy): ConnectionInput =>
  proxy ? { ...server.connection, host: proxy.host, port: proxy.port } : server.connection;

/** A device connected to the server that registers a new restaurant there as its owner. */
export async function ownerDevice(
  open: () => Promise<TestDevice>,
  where: ConnectionInput,
): Promise<{ device: TestDevice; session: SessionView; registration: ChannelInput<'auth.register'> }> {
  const device = await open();
  await device.call('central.connect', where);
  const registration = owner();
  const session = await device.call('auth.register', registration);
  return { device, session, registration };
}

/** Another device of the same restaurant, signed in with an account of it (the owner's, say). */
export async function joinedDevice(
  open: () => Promise<TestDevice>,
  where: ConnectionInput,
  account: { username: string; password: string },
  /** An owner or a manager who enrols the device first (staff sign in only on an enrolled computer). */
  enrolledBy?: { username: string; password: string },
): Promise<TestDevice> {
  const device = await open();
  await device.call('central.connect', where);
  if (enrolledBy) {
    await device.call('auth.login', { login: enrolledBy.username, password: enrolledBy.password });
    await device.call('auth.logout', {});
  }
  await device.call('auth.login', { login: account.username, password: account.password });
  return device;
}

/** Polls until `probe` gives something truthy; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => T | Promise<T>,
  timeoutMs = 30_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Records `count` movements of `quantity` on one item (a delivery, or usage when negative), each its own mutation. */
export async function recordStock(device: TestCore, itemId: string, count: number, quantity = '1'): Promise<void> {
  const reason = quantity.startsWith('-') ? 'usage' : 'delivery';
  for (let n = 0; n < count; n += 1) {
    await device.call('inventory.adjustStock', { itemId, reason, quantity });
  }
}

/** Movement ids (sorted) and every item's on-hand in thousandths: the facts both sides must agree on. */
export interface StockTruth {
  movements: string[];
  onHand: Record<string, number>;
}

export async function serverTruth(server: TestServer, restaurantId: string): Promise<StockTruth> {
  const movements = await adminQuery<{ id: string }>(
    server,
    'SELECT id FROM kg.stock_movements WHERE restaurant_id = $1 ORDER BY id',
    [restaurantId],
  );
  const stock = await adminQuery<{ item_id: string; milli: string }>(
    server,
    'SELECT item_id, (on_hand * 1000)::bigint AS milli FROM kg.item_stock WHERE restaurant_id = $1',
    [restaurantId],
  );
  return {
    movements: movements.rows.map((row) => row.id),
    onHand: Object.fromEntries(stock.rows.map((row) => [row.item_id, Number(row.milli)])),
  };
}

export function deviceTruth(device: TestCore): StockTruth {
  const movements = device.db.prepare('SELECT id FROM stock_movements ORDER BY id').pluck().all() as string[];
  const stock = device.db.prepare('SELECT item_id, on_hand_milli FROM item_stock').all() as {
    item_id: string;
    on_hand_milli: number;
  }[];
  return { movements, onHand: Object.fromEntries(stock.map((row) => [row.item_id, row.on_hand_milli])) };
}

/** The server's record of the last mutation it applied for a device (its acknowledgement). */
export async function appliedUpTo(server: TestServer, device: TestDevice): Promise<number> {
  const { rows } = await adminQuery<{ id: string }>(
    server,
    'SELECT last_mutation_id AS id FROM kg.devices WHERE id = $1',
    [device.id],
  );
  return Number(rows[0]?.id ?? 0);
}

/**
 * Every device, its outbox emptied, holds exactly what the server holds: the expected number of
 * movements (each once) and the expected on-hand per item; the server has applied each device's
 * whole outbox, up to the last mutation it issued, and refused nothing.
 */
export async function expectConverged(
  server: TestServer,
  restaurantId: string,
  devices: TestDevice[],
  expected: { movements: number; onHand: Record<string, number> },
): Promise<void> {
  const truth = await serverTruth(server, restaurantId);
  expect(truth.movements).toHaveLength(expected.movements);
  expect(truth.onHand).toEqual(expected.onHand);
  for (const device of devices) {
    expect(await device.call('sync.status', {})).toMatchObject({ waiting: 0, rejections: 0 });
    expect(deviceTruth(device)).toEqual(truth);
    expect(await appliedUpTo(server, device)).toBe(issuedUpTo(device));
  }
  const refused = await adminQuery<{ n: string }>(
    server,
    'SELECT count(*) AS n FROM kg.mutation_rejections WHERE restaurant_id = $1',
    [restaurantId],
  );
  expect(Number(refused.rows[0]?.n)).toBe(0);
}

/** The highest mutation id a device has issued (its outbox's end, pushed or not). */
export const issuedUpTo = (device: TestDevice): number => lastIssuedMutation(device.db);
