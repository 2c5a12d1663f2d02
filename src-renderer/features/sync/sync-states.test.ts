import { describe, expect, it } from 'vitest';
import { SYNC_STATES } from '../../../shared/contract/sync';
import { canSyncNow, clockWarning, describeState, STATE_LABELS } from './sync-states';

const SERVER = 'kitchenguard on db.example.com';

describe('how each sync state reads', () => {
  it('says where it syncs, when there is a server', () => {
    expect(describeState({ state: 'online', server: SERVER })).toBe(`In step with ${SERVER}.`);
    expect(describeState({ state: 'offline', server: SERVER })).toBe(
      `${SERVER} cannot be reached. Everything is saved on this computer and goes up when it is back.`,
    );
    expect(describeState({ state: 'syncing', server: SERVER })).toBe(`Exchanging changes with ${SERVER}…`);
    expect(describeState({ state: 'error', server: SERVER })).toBe(
      `Syncing with ${SERVER} stopped: it needs a change in Settings → Central server.`,
    );
    expect(describeState({ state: 'signed_out', server: SERVER })).toBe(`Sign in to sync with ${SERVER}.`);
  });

  it('without a server, says the data stays here and who can connect one', () => {
    expect(describeState({ state: 'not_configured', server: null })).toBe(
      'No central server: the data stays on this computer. Owners and managers connect one in Settings.',
    );
    expect(describeState({ state: 'signed_out', server: null })).toBe('Sign in to sync with the central server.');
  });

  it('labels no two states alike', () => {
    const labels = SYNC_STATES.map((state) => STATE_LABELS[state].label);
    expect(new Set(labels).size).toBe(SYNC_STATES.length);
  });

  it('offers "Sync now" only with a server and someone signed in', () => {
    const offered = SYNC_STATES.filter(canSyncNow);
    expect(offered.sort()).toEqual(['error', 'offline', 'online', 'syncing']);
  });
});

describe('a clock off the server’s', () => {
  const MINUTE = 60_000;
  it('says nothing within two minutes, or before any contact', () => {
    expect(clockWarning({ clockOffsetMs: null })).toBe(null);
    expect(clockWarning({ clockOffsetMs: 2 * MINUTE })).toBe(null);
    expect(clockWarning({ clockOffsetMs: -2 * MINUTE })).toBe(null);
  });

  it('says which way and by how much beyond that', () => {
    // The offset is the server's clock minus this computer's: negative means this one runs ahead.
    expect(clockWarning({ clockOffsetMs: -12 * MINUTE - 20_000 })).toEqual({
      label: 'Clock 12 min fast',
      detail:
        "This computer's clock is 12 minutes ahead of the central server's. Stock times are corrected by it; set the clock right in the system settings.",
    });
    expect(clockWarning({ clockOffsetMs: 3 * MINUTE })?.label).toBe('Clock 3 min slow');
    expect(clockWarning({ clockOffsetMs: 121_000 })?.detail).toMatch(/^This computer's clock is 2 minutes behind/);
  });
});
