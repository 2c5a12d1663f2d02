/**
 * `tsx src-main/preview/cli.ts [--data-folder DIR] [--port N] [--new-token] [--skip-output-checks]`:
 * opens the core on a data folder and serves the built renderer (out/renderer) on 127.0.0.1. Prints the address to
 * open, token included. Without --port it comes back on the port and token the folder's preview
 * had last time (address.ts), so an open tab reconnects; a port since taken is replaced, and said.
 * KITCHENGUARD_UPDATE_FEED=URL: check for updates in an electron-builder feed there (latest.yml…),
 * downloading into <data folder>/updates; the preview cannot install them.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import log from 'electron-log/node';
import { openCore } from '../core/app-core';
import { restoreAdvice, StoreNeedsRestore } from '../core/store-check';
import { httpUpdateFeed } from '../updates/update-feed';
import { rememberAddress, whereToListen } from './address';
import { backupDownloads } from './downloads';
import { startPreviewServer } from './server';

const { values } = parseArgs({
  options: {
    'data-folder': { type: 'string' },
    port: { type: 'string' },
    'new-token': { type: 'boolean', default: false },
    renderer: { type: 'string', default: 'out/renderer' },
    /** As a packaged app runs: outputs not checked against the contract (for measuring speed). */
    'skip-output-checks': { type: 'boolean', default: false },
  },
});

/** The version the app would report: package.json's (npm's variable is missing when run by tsx directly). */
const appVersion = (): string =>
  process.env.npm_package_version ??
  JSON.parse(readFileSync(resolve(import.meta.dirname, '..', '..', 'package.json'), 'utf8')).version;

/** Where Electron would keep the same user's data on Linux, so both hosts share one store. */
const defaultDataFolder = () => join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'KitchenGuard', 'data');

const dataFolder = resolve(values['data-folder'] ?? defaultDataFolder());
const listenAt = (() => {
  try {
    return whereToListen(dataFolder, values.port ?? null, values['new-token']);
  } catch (error) {
    return couldNotStart((error as Error).message);
  }
})();
log.transports.file.resolvePathFn = () => join(dataFolder, 'logs', 'preview.log');
const downloads = backupDownloads();
const updateFeed = process.env.KITCHENGUARD_UPDATE_FEED;
const updates = updateFeed
  ? httpUpdateFeed(updateFeed, join(dataFolder, 'updates'), 'The browser preview cannot install updates.')
  : { unavailable: 'The browser preview does not update itself.' };
const core = await openCore({
  dataFolder,
  appVersion: appVersion(),
  log,
  saveBackupCopy: downloads.offer,
  checkOutputs: !values['skip-output-checks'],
  updates,
}).catch(
  // A store written by a newer version, a folder in use, a damaged store: the reason, not a stack trace.
  (error: unknown) =>
    couldNotStart(
      error instanceof Error ? error.message : String(error),
      error instanceof StoreNeedsRestore ? restoreAdvice(error) : '',
    ),
);
const server = await startPreviewServer(core, resolve(values.renderer), listenAt, downloads).catch(
  async (error: unknown) => {
    await core.close();
    return couldNotStart(`port ${listenAt.port} cannot be used (${(error as Error).message}).`);
  },
);
rememberAddress(dataFolder, { port: server.port, token: listenAt.token });
if (server.portTaken !== null) {
  console.log(
    `Port ${server.portTaken}, where this data folder's preview was last time, is taken by another program: ` +
      `the preview is on port ${server.port} now, and a tab open on the old address must open the new one.`,
  );
}

console.log(`KitchenGuard preview: data in ${dataFolder}`);
console.log(`KITCHENGUARD_PREVIEW_URL=${server.url}`);

function couldNotStart(why: string, advice = ''): never {
  console.error(`KitchenGuard preview could not start: ${why}`);
  if (advice) console.error(advice);
  process.exit(1);
}

const stop = async () => {
  await server.close();
  await core.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
