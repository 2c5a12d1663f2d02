/**
 * `tsx src-main/preview/cli.ts [--data-folder DIR] [--port N]`: opens the core on a data folder and
 * serves the built renderer (out/renderer) on 127.0.0.1. Prints the address to open, token included.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import log from 'electron-log/node';
import { openCore } from '../core/app-core';
import { restoreAdvice, StoreNeedsRestore } from '../core/store-check';
import { startPreviewServer } from './server';

const { values } = parseArgs({
  options: {
    'data-folder': { type: 'string' },
    port: { type: 'string', default: '0' },
    renderer: { type: 'string', default: 'out/renderer' },
  },
});

/** Where Electron would keep the same user's data on Linux, so both hosts share one store. */
const defaultDataFolder = () => join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'KitchenGuard', 'data');

const dataFolder = resolve(values['data-folder'] ?? defaultDataFolder());
log.transports.file.resolvePathFn = () => join(dataFolder, 'logs', 'preview.log');
const core = await openCore({ dataFolder, appVersion: process.env.npm_package_version ?? 'preview', log }).catch(
  (error: unknown) => {
    // A store written by a newer version, a folder in use, a damaged store: the reason, not a stack trace.
    console.error(`KitchenGuard preview could not start: ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof StoreNeedsRestore) console.error(restoreAdvice(error));
    process.exit(1);
  },
);
const server = await startPreviewServer(core, resolve(values.renderer), Number(values.port));

console.log(`KitchenGuard preview: data in ${dataFolder}`);
console.log(`KITCHENGUARD_PREVIEW_URL=${server.url}`);

const stop = async () => {
  await server.close();
  await core.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
