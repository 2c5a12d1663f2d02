import { describe, expect, it } from 'vitest';
import { readMeta, writeMeta } from '../store/meta';
import { testCores, testKeychain } from '../testing/temp-core';
import { openCentralLink } from './central-link';

const open = testCores();

describe('the link to a central server', () => {
  it('forgets its settings, CA bundle and password, and nothing else this computer keeps', async () => {
    const core = await open();
    const keychain = testKeychain();
    const link = openCentralLink(core.db, keychain, 'this-computer');
    const settings = { host: 'db.example.com', port: 5432, database: 'kg', user: 'kg_app', caFile: '/ca.pem' };
    await link.save(settings, 'db password', 'PEM');
    writeMeta(core.db, 'sync.cursor', '42');
    expect(link.settings()).toEqual(settings);
    expect(await link.savedPassword()).toBe('db password');

    await link.forget();

    expect(link.settings()).toBeNull();
    expect(readMeta(core.db, 'central.ca')).toBeNull();
    expect(await link.savedPassword()).toBeNull();
    expect(readMeta(core.db, 'sync.cursor')).toBe('42');
  });
});
