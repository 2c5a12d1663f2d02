/** Test support: a core over a real SQLite file in a fresh temp folder, with a clock tests can move. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';
import type { SessionView } from '../../shared/contract/auth';
import { type Item, stockItems } from '../../shared/contract/inventory';
import type { TeamMember } from '../../shared/contract/team';
import type { Area, Role } from '../../shared/domain';
import type { AppError } from '../../shared/errors';
import type { SaveBackupCopy } from '../backups/backups-handlers';
import { type Core, openCore } from '../core/app-core';
import type { Logger } from '../ipc/router';
import { memoryStore, type SecretStore } from '../secrets/keychain';
import type { Db } from '../store/database';
import { type QueuedMutation, readOutbox } from '../store/outbox';
import { sql } from '../store/statements';
import type { SyncOptions } from '../sync/sync-feature';

export const quietLog: Logger = { error: () => {}, warn: () => {}, info: () => {} };

export class TestClock {
  /** Set: the clock runs, reading the real time off by this much (ms); unset: it stands still. */
  private runningOffBy: number | null = null;
  constructor(private current = new Date('2026-11-26T09:00:00.000Z')) {}
  now = (): Date => (this.runningOffBy === null ? new Date(this.current) : new Date(Date.now() + this.runningOffBy));
  advance(ms: number): void {
    if (this.runningOffBy === null) this.current = new Date(this.current.getTime() + ms);
    else this.runningOffBy += ms;
  }
  set(when: Date): void {
    this.runningOffBy = null;
    this.current = new Date(when);
  }
  /** From now on the clock runs with the real time, `offsetMs` ahead of it (behind if negative). */
  runOffBy(offsetMs: number): void {
    this.runningOffBy = offsetMs;
  }
  iso = (): string => this.now().toISOString();
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const tempFolder = (label = 'kg'): string => mkdtempSync(join(tmpdir(), `${label}-`));

export interface TestCore extends Core {
  folder: string;
  clock: TestClock;
  /** The keychain the test gave the core; null when the core opened the OS keychain itself. */
  secrets: SecretStore | null;
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  fail<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<AppError>;
  /** `inventory.list`, its compact rows read back into items. */
  stock(area: Area): Promise<{ items: Item[]; totalValue: string }>;
}

export interface TestCoreOptions {
  folder?: string;
  /** Defaults to a keychain that forgets everything (unavailable); `null` opens the real OS keychain. */
  secrets?: SecretStore | null;
  clock?: TestClock;
  log?: Logger;
  sync?: SyncOptions;
  saveBackupCopy?: SaveBackupCopy;
}

/** Cost 4 keeps the suite quick; one test pins the real default (12) separately. */
export const TEST_HASH_COST = 4;

export async function openTestCore(options: TestCoreOptions = {}): Promise<TestCore> {
  const folder = options.folder ?? tempFolder();
  const clock = options.clock ?? new TestClock();
  const secrets = options.secrets === undefined ? memoryStore('no keychain in this test') : options.secrets;
  const core = await openCore({
    dataFolder: folder,
    appVersion: '0.0.0-test',
    log: options.log ?? quietLog,
    secrets: secrets ?? undefined,
    clock,
    hashCost: TEST_HASH_COST,
    sync: options.sync,
    saveBackupCopy: options.saveBackupCopy,
    checkOutputs: true,
  });
  async function call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
    const result = await core.invoke(channel, input);
    if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
    return result.value as never;
  }
  return {
    ...core,
    folder,
    clock,
    secrets,
    call,
    async stock(area) {
      const list = await call('inventory.list', { area });
      return { items: stockItems(list), totalValue: list.totalValue };
    },
    async fail(channel, input) {
      const result = await core.invoke(channel, input);
      if (result.ok) throw new Error(`${channel} unexpectedly succeeded`);
      return result.error;
    },
  };
}

export const removeFolder = (folder: string): void => rmSync(folder, { recursive: true, force: true });

/**
 * `openTestCore` for a describe block: every core opened through it is closed, and its folder
 * removed, after each test.
 */
export function testCores(): (options?: TestCoreOptions) => Promise<TestCore> {
  const opened: TestCore[] = [];
  afterEach(async () => {
    for (const core of opened.splice(0)) {
      if (core.db.open) await core.close();
      removeFolder(core.folder);
    }
  });
  return async (options) => {
    const core = await openTestCore(options);
    opened.push(core);
    return core;
  };
}

/**
 * A keychain that remembers across cores within one test, as the OS keychain does across restarts.
 * It stands in for the OS (the real one is exercised in src-main/secrets), not for any of our code.
 */
export interface TestKeychain extends SecretStore {
  readonly entries: Map<string, string>;
}

export function testKeychain(): TestKeychain {
  const entries = new Map<string, string>();
  return { ...memoryStore('', entries), available: true, problem: null, entries };
}

/** Another device on the same store (its own keychain and session), for sessions that end elsewhere. */
export const otherDevice = (core: TestCore): Promise<TestCore> =>
  openTestCore({ folder: core.folder, clock: core.clock });

export const PASSWORD = 'correct horse battery';

let counter = 0;
/** A valid registration with unique names. */
export function owner(overrides: Partial<ChannelInput<'auth.register'>> = {}): ChannelInput<'auth.register'> {
  counter += 1;
  return {
    restaurantName: `Bistro ${counter}`,
    restaurantType: 'restaurant',
    fullName: `Olive Owner ${counter}`,
    position: 'Owner',
    username: `owner${counter}`,
    email: `owner${counter}@bistro.test`,
    password: PASSWORD,
    ...overrides,
  };
}

/** A valid new team member with unique names. */
export function member(role: Role, overrides: Partial<ChannelInput<'team.create'>> = {}): ChannelInput<'team.create'> {
  counter += 1;
  return {
    username: `${role}${counter}`,
    email: `${role}${counter}@bistro.test`,
    fullName: `${role[0]?.toUpperCase()}${role.slice(1)} ${counter}`,
    position: role,
    role,
    password: PASSWORD,
    ...overrides,
  };
}

/** A valid new item; kitchen by default. */
export function itemInput(overrides: Partial<ChannelInput<'inventory.create'>> = {}): ChannelInput<'inventory.create'> {
  counter += 1;
  return {
    area: 'kitchen',
    name: `Item ${counter}`,
    category: 'Dry goods',
    supplier: 'Metro',
    unit: 'kg',
    unitCost: '2.50',
    par: null,
    ...overrides,
  };
}

/** Registers a restaurant on this core and stays signed in as its owner. */
export async function registerOwner(
  core: TestCore,
  overrides: Partial<ChannelInput<'auth.register'>> = {},
): Promise<SessionView> {
  return core.call('auth.register', owner(overrides));
}

/** Signs whoever is signed in out, and `login` in. */
export async function signInAs(core: TestCore, login: string, password = PASSWORD): Promise<SessionView> {
  await core.call('auth.logout', {});
  return core.call('auth.login', { login, password });
}

/** Adds a member to the signed-in manager's restaurant. */
export const addMember = (
  core: TestCore,
  role: Role,
  overrides: Partial<ChannelInput<'team.create'>> = {},
): Promise<TeamMember> => core.call('team.create', member(role, overrides));

/** Row count of every table in the store, to prove a call wrote nothing. */
export function tableCounts(db: Db): Record<string, number> {
  const tables = sql<string>(
    db,
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  )
    .pluck()
    .all();
  return Object.fromEntries(
    tables.map((table) => [table, sql<number>(db, `SELECT count(*) FROM "${table}"`).pluck().get() ?? 0]),
  );
}

/** The outbox, or only the mutations after `afterId`. */
export const outboxAfter = (db: Db, afterId = 0): QueuedMutation[] =>
  readOutbox(db, 1_000_000).filter((mutation) => mutation.mutationId > afterId);

export const lastMutationId = (db: Db): number => readOutbox(db, 1_000_000).at(-1)?.mutationId ?? 0;

/** A restaurant with an owner, a manager and a staff member; the owner is signed in. */
export async function restaurantWithTeam(core: TestCore) {
  const { user: boss, restaurant } = await registerOwner(core, { fullName: 'Olive Owner' });
  const manager = await addMember(core, 'manager', { fullName: 'Mona Manager' });
  const staff = await addMember(core, 'staff', { fullName: 'Sid Staff' });
  return { restaurant, boss, manager, staff, as: (who: { username: string }) => signInAs(core, who.username) };
}
