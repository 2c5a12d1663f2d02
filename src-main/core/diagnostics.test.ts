/** Help → Save diagnostics, built over a real store and real log files, without Electron. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DAMAGE, damageStore } from '../testing/damaged-store';
import { itemInput, PASSWORD, registerOwner, removeFolder, tempFolder, testCores } from '../testing/temp-core';
import { buildDiagnostics, LOG_TAIL_LINES } from './diagnostics';
import { storeFile } from './folder-layout';

const openCore = testCores();
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) removeFolder(folder);
});

function logsWith(lines: number): string {
  const logs = tempFolder('kg-logs');
  folders.push(logs);
  const text = Array.from({ length: lines }, (_, i) => `[info] line ${i + 1}`).join('\n');
  writeFileSync(join(logs, 'main.log'), `${text}\n`);
  writeFileSync(join(logs, 'notes.txt'), 'not a log');
  return logs;
}

const facts = (dataFolder: string, logsFolder: string) => ({
  madeAt: new Date('2026-12-02T04:05:06Z'),
  versions: { app: '1.2.3', electron: '45.5.0' },
  dataFolder,
  logsFolder,
});

describe('buildDiagnostics', () => {
  it('one JSON file: versions, the store checked whole with its counts and settings, the end of the logs', async () => {
    const core = await openCore();
    await registerOwner(core);
    await core.call('inventory.create', itemInput({ name: 'Milk' }));
    const { name, text } = buildDiagnostics(facts(core.folder, logsWith(LOG_TAIL_LINES + 50)));
    expect(name).toBe('kitchenguard-diagnostics-2026-12-02-04-05-06.json');
    const report = JSON.parse(text);
    expect(report).toMatchObject({
      kind: 'KitchenGuard diagnostics',
      madeAt: '2026-12-02T04:05:06.000Z',
      versions: { app: '1.2.3', electron: '45.5.0' },
      store: { integrityCheck: 'ok', rows: { items: 1 }, file: storeFile(core.folder) },
    });
    expect(report.store.settings.device_id).toMatch(/^[0-9a-f-]{36}$/);
    // Only .log files, and only their last lines.
    expect(report.recentLogs).toHaveLength(1);
    expect(report.recentLogs[0].lastLines).toHaveLength(LOG_TAIL_LINES);
    expect(report.recentLogs[0].lastLines.at(-1)).toBe(`[info] line ${LOG_TAIL_LINES + 50}`);
  });

  it('settings keep their shape but never a secret, and a certificate is named, not copied', async () => {
    const core = await openCore();
    const set = core.db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
    set.run(
      'central.settings',
      JSON.stringify({
        host: 'db.example.com',
        port: 5432,
        user: 'kg_app',
        password: PASSWORD,
        nested: { apiKey: 'k' },
      }),
    );
    set.run('central.ca', '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    set.run('session.token', 'a-token-value');
    const { text } = buildDiagnostics(facts(core.folder, logsWith(3)));
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain('a-token-value');
    expect(text).not.toContain('MIIB');
    const { settings } = JSON.parse(text).store;
    expect(settings['central.settings']).toEqual({
      host: 'db.example.com',
      port: 5432,
      user: 'kg_app',
      password: '[removed]',
      nested: { apiKey: '[removed]' },
    });
    expect(settings['central.ca']).toMatch(/^\(PEM, \d+ characters\)$/);
    expect(settings['session.token']).toBe('[removed]');
  });

  it.each(DAMAGE)('a %s store is reported, not thrown: the file still saves', async (damage) => {
    const core = await openCore();
    await core.close();
    damageStore(storeFile(core.folder), damage);
    const report = JSON.parse(buildDiagnostics(facts(core.folder, logsWith(1))).text);
    expect(report.store.integrityCheck ?? report.store.problem).not.toBe('ok');
    expect(report.recentLogs).toHaveLength(1);
  });

  it('no store and no logs yet (the first start failed early): says so', () => {
    const empty = tempFolder('kg-empty');
    folders.push(empty);
    const report = JSON.parse(buildDiagnostics(facts(empty, join(empty, 'logs'))).text);
    expect(report.store).toEqual({ file: storeFile(empty), problem: 'missing' });
    expect(report.recentLogs).toEqual([]);
  });
});
