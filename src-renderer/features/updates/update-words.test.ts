import { describe, expect, it } from 'vitest';
import { describeUpdate, isBusy } from './update-words';

describe('describeUpdate', () => {
  it('says each state in plain words', () => {
    expect(describeUpdate({ kind: 'up-to-date', newer: null })).toBe('Up to date.');
    expect(describeUpdate({ kind: 'up-to-date', newer: '1.2.0' })).toMatch(/1\.2\.0 is being released gradually/);
    expect(describeUpdate({ kind: 'downloading', version: '1.2.0', percent: 41.7 })).toBe(
      'Downloading version 1.2.0 in the background: 41%.',
    );
    expect(describeUpdate({ kind: 'ready', version: '1.2.0' })).toMatch(/installed when you restart/);
    expect(describeUpdate({ kind: 'error', message: 'offline' })).toBe('The last check did not work: offline');
    expect(describeUpdate({ kind: 'unavailable', reason: 'No.' })).toBe('No.');
  });

  it('is busy only while checking or downloading', () => {
    expect(isBusy({ kind: 'checking' })).toBe(true);
    expect(isBusy({ kind: 'downloading', version: '1', percent: 0 })).toBe(true);
    expect(isBusy({ kind: 'ready', version: '1' })).toBe(false);
    expect(isBusy({ kind: 'idle' })).toBe(false);
  });
});
