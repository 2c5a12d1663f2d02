/**
 * A computer entering count lines until it is killed (count-crash.test.ts): opens the core on a data
 * folder, signs in, says "ready", then enters one line after another, saying "saved <entry id>" as
 * each save is acknowledged, as the count sheet moves on once a line is saved.
 *
 * Arguments: folder, username, password, count id, then the item ids to count in turn.
 */
import { openCore } from '../../core/app-core';
import { memoryStore } from '../../secrets/keychain';

const [folder = '', username = '', password = '', countId = '', ...itemIds] = process.argv.slice(2);
const core = await openCore({
  dataFolder: folder,
  appVersion: '0.0.0-crash-test',
  log: { error: () => {}, warn: () => {}, info: () => {} },
  secrets: memoryStore('no keychain in this test'),
  // The store's hashes were made at the tests' cost (temp-core.ts, which needs vitest: not here).
  hashCost: 4,
  checkOutputs: false,
});

const signedIn = await core.invoke('auth.login', { login: username, password });
if (!signedIn.ok) throw new Error(`Sign-in failed: ${signedIn.error.message}`);
console.log('ready');
for (let n = 0; ; n += 1) {
  const itemId = itemIds[n % itemIds.length];
  const saved = await core.invoke('counts.enter', { countId, itemId, storageAreaId: null, quantity: '1', kind: 'add' });
  if (!saved.ok) throw new Error(`Save failed: ${saved.error.message}`);
  // Written to the pipe synchronously: a line said saved has reached the test before anything else happens.
  console.log(`saved ${(saved.value as { entry: { id: string } }).entry.id}`);
}
