/** Test support: a core over a real SQLite file in a fresh temp folder, with a clock tests can move. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';
import type { AppError } from '../../shared/errors';
import { type Core, openCore } from '../core/app-core';
import type { Logger } from '../ipc/router';
import { memoryStore, type SecretStore } from '../secrets/keychain';

export const quietLog: Logger = { error: () => {}, warn: () => {}, info: () => {} };

export class TestClock {
  constructor(private current = new Date('2026-11-26T09:00:00.000Z')) {}
  now = (): Date => new Date(this.current);
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export const tempFolder = (label = 'kg'): string => mkdtempSync(join(tmpdir(), `${label}-`));

export interface TestCore extends Core {
  folder: string;
  clock: TestClock;
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  fail<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<AppError>;
}

export interface TestCoreOptions {
  folder?: string;
  secrets?: SecretStore;
  clock?: TestClock;
}

/** Cost 4 keeps the suite quick; one test pins the real default (12) separately. */
export const TEST_HASH_COST = 4;

export async function openTestCore(options: TestCoreOptions = {}): Promise<TestCore> {
  const folder = options.folder ?? tempFolder();
  const clock = options.clock ?? new TestClock();
  const core = await openCore({
    dataFolder: folder,
    appVersion: '0.0.0-test',
    log: quietLog,
    secrets: options.secrets ?? memoryStore('no keychain in this test'),
    clock,
    hashCost: TEST_HASH_COST,
  });
  return {
    ...core,
    folder,
    clock,
    async call(channel, input) {
      const result = await core.invoke(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
      return result.value as never;
    },
    async fail(channel, input) {
      const result = await core.invoke(channel, input);
      if (result.ok) throw new Error(`${channel} unexpectedly succeeded`);
      return result.error;
    },
  };
}

export const removeFolder = (folder: string): void => rmSync(folder, { recursive: true, force: true });

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
    password: 'correct horse battery',
    ...overrides,
  };
}
