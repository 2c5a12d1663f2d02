/**
 * Test support for sync: devices (a core with its own SQLite store and keychain, reaching the test
 * server through its own TCP proxy so it can go offline), restaurants on the server, and snapshots
 * of what each device and the server hold, in one shape so they can be compared whole.
 */

import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { ChannelInput, ChannelOutput } from '../../../shared/contract';
import type { SyncStatus } from '../../../shared/contract/sync';
import type { Area } from '../../../shared/domain';
import { centsFromMoney } from '../../../shared/money';
import { milliFromQuantity } from '../../../shared/quantity';
import { hashSecret } from '../../auth/tokens';
import { type CentralServer, openCentralServer } from '../../central/central-server';
import { startTcpProxy, type TcpProxy } from '../../central/testing/tcp-proxy';
import { adminQuery, createTestServer, type TestServer } from '../../central/testing/test-server';
import type { ItemFields } from '../../inventory/items-store';
import { onHandMismatches } from '../../inventory/testing/on-hand';
import { deviceId } from '../../store/meta';
import { lastIssuedMutation, readWaiting } from '../../store/outbox';
import {
  openTestCore,
  owner,
  PASSWORD,
  removeFolder,
  TestClock,
  type TestCore,
  type TestKeychain,
  testKeychain,
} from '../../testing/temp-core';
import { type CountState, deviceCounts, serverCounts } from './count-state';
import { MANUAL } from './faults';
import { deviceStorage, type StorageState, serverStorage } from './storage-state';

export interface Device extends TestCore {
  name: string;
  proxy: TcpProxy;
  keychain: TestKeychain;
  /** Ids of the stock movements this device recorded through `call`. */
  recorded: Set<string>;
  /**
   * Cuts the device off (every connection dropped, new ones refused) or lets it back. Going off
   * waits a moment, as time passes in life, so the device's pool has seen its connections die.
   */
  setOnline(online: boolean): Promise<void>;
  /** `central.connect` to the test server, through this device's proxy. */
  connect(extra?: Partial<ChannelInput<'central.connect'>>): Promise<ChannelOutput<'central.connect'>>;
  /** The session token this device holds for its signed-in user. */
  token(): string | null;
  shutdown(): Promise<void>;
}

export interface DeviceOptions {
  /** An existing store folder (a restart); a fresh one otherwise. */
  folder?: string;
  keychain?: TestKeychain;
}

export async function openDevice(server: TestServer, name: string, options: DeviceOptions = {}): Promise<Device> {
  const proxy = await startTcpProxy(server.cluster.app);
  const keychain = options.keychain ?? testKeychain();
  const core = await openTestCore({
    folder: options.folder,
    clock: new TestClock(new Date()),
    secrets: keychain,
    sync: { timing: MANUAL },
  });
  const recorded = new Set<string>();
  const noteMovements = (after: number) => {
    for (const mutation of readWaiting(core.db, 1_000_000).mutations) {
      if (mutation.mutationId <= after) continue;
      if (mutation.name === 'movement.record') recorded.add(mutation.args.id);
      // An approval posts its count movements with it.
      if (mutation.name === 'count.approve')
        for (const result of mutation.args.results) recorded.add(result.movementId);
    }
  };
  return {
    ...core,
    name,
    proxy,
    keychain,
    recorded,
    async call(channel, input) {
      const before = lastIssuedMutation(core.db);
      try {
        return await core.call(channel, input);
      } finally {
        noteMovements(before);
      }
    },
    async setOnline(online) {
      proxy.setOnline(online);
      if (!online) await new Promise((resolve) => setTimeout(resolve, 25));
    },
    connect: (extra = {}) =>
      core.call('central.connect', { ...server.connection, host: proxy.host, port: proxy.port, ...extra }),
    token: () => keychain.entries.get(`session:${deviceId(core.db)}`) ?? null,
    async shutdown() {
      await core.close();
      await proxy.close();
      removeFolder(core.folder);
    },
  };
}

/** An owner or a manager signs in once and out again: the device is enrolled, and anyone of the restaurant signs in there. */
export async function enrol(device: Pick<TestCore, 'call'>, login: string, password = PASSWORD): Promise<void> {
  await device.call('auth.login', { login, password });
  await device.call('auth.logout', {});
}

/** Devices opened for one test, shut down together (in `afterEach` or a `finally`). */
export function deviceSet(server: () => TestServer) {
  const open: Device[] = [];
  return {
    async open(name: string, options?: DeviceOptions): Promise<Device> {
      const device = await openDevice(server(), name, options);
      open.push(device);
      return device;
    },
    /** Opens a device, connects it and signs `login` in (staff: on a device `enrolledBy` has enrolled). */
    async signedIn(name: string, login: string, password = PASSWORD, enrolledBy?: string): Promise<Device> {
      const device = await this.open(name);
      await device.connect();
      if (enrolledBy) await enrol(device, enrolledBy);
      await device.call('auth.login', { login, password });
      return device;
    },
    async shutdownAll(): Promise<void> {
      for (const device of open.splice(0)) await device.shutdown();
    },
  };
}

export type DeviceSet = ReturnType<typeof deviceSet>;

/**
 * A test file's own server database and the devices its tests open (shut down after each test).
 * Read `server` inside tests and hooks: it exists once the file's set-up has run.
 */
export function syncTestFile() {
  let server: TestServer | null = null;
  const current = () => {
    if (!server) throw new Error('The test server is made in beforeAll');
    return server;
  };
  const devices = deviceSet(current);
  beforeAll(async () => {
    server = await createTestServer();
  });
  afterEach(() => devices.shutdownAll());
  afterAll(() => server?.drop());
  return {
    devices,
    get server() {
      return current();
    },
  };
}

/** The same, with a restaurant registered on an office PC that stays signed in as its owner all file long. */
export function officeTestFile() {
  const file = syncTestFile();
  const kept = deviceSet(() => file.server);
  let office: { device: Device; restaurant: Restaurant } | null = null;
  const current = () => {
    if (!office) throw new Error('The office is opened in beforeAll');
    return office;
  };
  beforeAll(async () => {
    const device = await kept.open('office');
    office = { device, restaurant: await registerRestaurant(device) };
  });
  afterAll(() => kept.shutdownAll());
  return {
    devices: file.devices,
    get server() {
      return file.server;
    },
    get office() {
      return current().device;
    },
    get restaurant() {
      return current().restaurant;
    },
  };
}

export interface Restaurant {
  id: string;
  ownerId: string;
  /** The owner's registration: username and password to sign in with. */
  owner: ChannelInput<'auth.register'>;
}

/** Connects `device` and registers a new restaurant through the server; its owner stays signed in. */
export async function registerRestaurant(device: Device): Promise<Restaurant> {
  await device.connect();
  const registration = owner();
  const session = await device.call('auth.register', registration);
  return { id: session.restaurant.id, ownerId: session.user.id, owner: registration };
}

/** How the device's live session was granted ('server', 'offline', 'local'), or null if none. */
export function sessionOrigin(device: Device): string | null {
  const token = device.token();
  if (!token) return null;
  const row = device.db
    .prepare('SELECT origin FROM sessions WHERE token_hash = ? AND revoked_at IS NULL')
    .get(hashSecret(token)) as { origin: string } | undefined;
  return row?.origin ?? null;
}

/** Runs one sync on each device in turn, `rounds` times; each must end online with nothing waiting. */
export async function syncAll(devices: readonly Device[], rounds = 2): Promise<void> {
  for (let round = 0; round < rounds; round += 1) {
    for (const device of devices) {
      const status = await device.syncNow();
      expect(status, `${device.name} after sync`).toMatchObject({ state: 'online', waiting: 0, lastError: null });
    }
  }
}

/** One sync, expected to find the server unreachable. */
export async function syncOffline(device: Device): Promise<SyncStatus> {
  const status = await device.syncNow();
  expect(status.state, `${device.name} offline`).toBe('offline');
  return status;
}

export interface ItemState extends ItemFields {
  id: string;
  area: Area;
  createdById: string;
  updatedById: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  onHandMilli: number;
}

export interface MovementState {
  id: string;
  itemId: string;
  reason: string;
  quantityMilli: number;
  note: string;
  recordedById: string;
  recordedAt: string;
  /** The server's place in line (seq); null while this device alone has it. */
  serverSeq: number | null;
}

export interface UserState {
  id: string;
  username: string;
  email: string;
  fullName: string;
  position: string;
  role: string;
  isActive: boolean;
  kitchenProduceList: string[];
  barProduceList: string[];
  createdAt: string;
}

export interface RestaurantState {
  items: ItemState[];
  movements: MovementState[];
  users: UserState[];
  storage: StorageState;
  counts: CountState;
}

const byId = <T extends { id: string }>(rows: T[]): T[] => [...rows].sort((a, b) => a.id.localeCompare(b.id));
const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

/** Everything a device holds of a restaurant: items (all fields, with on-hand), movements, users. */
export function deviceState(device: Device, restaurantId: string): RestaurantState {
  const db = device.db;
  // Whatever synced, pulled or was undone, each cached level is what the item's movements add up to.
  expect(onHandMismatches(db), `${device.name}'s cached on-hand levels`).toEqual([]);
  const items = db
    .prepare(
      `SELECT i.id, i.area, i.name, i.category, i.supplier, i.unit, i.unit_cost_cents AS unitCostCents,
              i.par_milli AS parMilli, i.created_by AS createdById, i.updated_by AS updatedById, i.created_at AS createdAt,
              i.updated_at AS updatedAt, i.deleted_at AS deletedAt, coalesce(s.on_hand_milli, 0) AS onHandMilli
         FROM items i LEFT JOIN item_stock s ON s.item_id = i.id WHERE i.restaurant_id = ?`,
    )
    .all(restaurantId) as ItemState[];
  const movements = db
    .prepare(
      `SELECT id, item_id AS itemId, reason, quantity_milli AS quantityMilli, note, recorded_by AS recordedById,
              recorded_at AS recordedAt, server_seq AS serverSeq
         FROM stock_movements WHERE restaurant_id = ?`,
    )
    .all(restaurantId) as MovementState[];
  const users = (
    db
      .prepare(
        `SELECT id, username, email, full_name AS fullName, position, role, is_active AS isActive,
                kitchen_produce_list AS kitchen, bar_produce_list AS bar, created_at AS createdAt
           FROM users WHERE restaurant_id = ?`,
      )
      .all(restaurantId) as (Omit<UserState, 'isActive' | 'kitchenProduceList' | 'barProduceList'> & {
      isActive: number;
      kitchen: string;
      bar: string;
    })[]
  ).map(({ kitchen, bar, isActive, createdAt, ...user }) => ({
    ...user,
    createdAt: iso(createdAt)!,
    isActive: isActive === 1,
    kitchenProduceList: JSON.parse(kitchen) as string[],
    barProduceList: JSON.parse(bar) as string[],
  }));
  return {
    items: byId(items.map((item) => ({ ...item, createdAt: iso(item.createdAt)!, updatedAt: iso(item.updatedAt)! }))),
    movements: byId(movements.map((movement) => ({ ...movement, recordedAt: iso(movement.recordedAt)! }))),
    users: byId(users),
    storage: deviceStorage(db, restaurantId),
    counts: deviceCounts(db, restaurantId),
  };
}

/** The same, as the administrator sees it on the server (on-hand from kg.item_stock). */
export async function serverState(server: TestServer, restaurantId: string): Promise<RestaurantState> {
  const items = await adminQuery<Record<string, string | Date | null>>(
    server,
    `SELECT i.id, i.area, i.name, i.category, i.supplier, i.unit, i.unit_cost::text AS unit_cost, i.par::text AS par,
            i.created_by, i.updated_by, i.created_at, i.updated_at, i.deleted_at, s.on_hand::text AS on_hand
       FROM kg.items i JOIN kg.item_stock s ON s.item_id = i.id WHERE i.restaurant_id = $1`,
    [restaurantId],
  );
  const movements = await adminQuery<Record<string, string | Date>>(
    server,
    `SELECT id, item_id, reason, quantity::text AS quantity, note, recorded_by, recorded_at, seq
       FROM kg.stock_movements WHERE restaurant_id = $1`,
    [restaurantId],
  );
  const users = await adminQuery<Record<string, unknown>>(
    server,
    `SELECT id, username, email, full_name, position, role, is_active, kitchen_produce_list, bar_produce_list,
            created_at FROM kg.users WHERE restaurant_id = $1`,
    [restaurantId],
  );
  return {
    items: byId(
      items.rows.map((row) => ({
        id: String(row.id),
        area: row.area as Area,
        name: String(row.name),
        category: String(row.category),
        supplier: String(row.supplier),
        unit: String(row.unit),
        unitCostCents: centsFromMoney(String(row.unit_cost)),
        parMilli: row.par === null ? null : milliFromQuantity(String(row.par)),
        createdById: String(row.created_by),
        updatedById: String(row.updated_by),
        createdAt: iso(row.created_at as Date)!,
        updatedAt: iso(row.updated_at as Date)!,
        deletedAt: iso(row.deleted_at as Date | null),
        onHandMilli: milliFromQuantity(String(row.on_hand)),
      })),
    ),
    movements: byId(
      movements.rows.map((row) => ({
        id: String(row.id),
        itemId: String(row.item_id),
        reason: String(row.reason),
        quantityMilli: milliFromQuantity(String(row.quantity)),
        note: String(row.note),
        recordedById: String(row.recorded_by),
        recordedAt: iso(row.recorded_at as Date)!,
        serverSeq: Number(row.seq),
      })),
    ),
    users: byId(
      users.rows.map((row) => ({
        id: String(row.id),
        username: String(row.username),
        email: String(row.email),
        fullName: String(row.full_name),
        position: String(row.position),
        role: String(row.role),
        isActive: row.is_active === true,
        kitchenProduceList: row.kitchen_produce_list as string[],
        barProduceList: row.bar_produce_list as string[],
        createdAt: iso(row.created_at as Date)!,
      })),
    ),
    storage: await serverStorage(server, restaurantId),
    counts: await serverCounts(server, restaurantId),
  };
}

/**
 * Every device holds exactly what the server holds, and the server's movements are exactly those
 * the devices recorded: no more, no fewer. Returns the server's state for further checks.
 */
export async function expectConverged(
  server: TestServer,
  restaurantId: string,
  devices: readonly Device[],
): Promise<RestaurantState> {
  const onServer = await serverState(server, restaurantId);
  for (const device of devices) {
    expect(deviceState(device, restaurantId), `${device.name} holds what the server holds`).toEqual(onServer);
  }
  const recorded = new Set(devices.flatMap((device) => [...device.recorded]));
  expect(onServer.movements.map((movement) => movement.id).sort()).toEqual([...recorded].sort());
  return onServer;
}

/** On-hand per item name as a device lists it (both areas): what a person sees. */
export async function onHandByName(device: Device): Promise<Record<string, string>> {
  const lists = [await device.stock('kitchen'), await device.stock('bar')];
  return Object.fromEntries(lists.flatMap((list) => list.items.map((item) => [item.name, item.onHand])));
}

/** The database login a core enrolled with: its keychain holds it, as the app keeps it. */
export async function computerLoginOf(core: TestCore): Promise<{ login: string; secret: string }> {
  const text = await core.secrets?.get(`central-computer:${deviceId(core.db)}`);
  if (!text) throw new Error('This computer is not enrolled on the test server');
  return JSON.parse(text) as { login: string; secret: string };
}

/** The test server as a computer's own login sees it, for calling its functions directly. */
export async function computerServer(server: TestServer, core: TestCore): Promise<CentralServer> {
  const { host, port, database } = server.connection;
  const { login, secret } = await computerLoginOf(core);
  return openCentralServer(
    { host, port, database, user: login },
    { password: secret, ca: server.cluster.ca, computer: true },
  );
}
