/**
 * The thin Electron layer: app lifecycle, one window, the menu, and ipcMain wired to the core's
 * router. Everything the app does lives in the core, which never imports electron.
 */
import { writeFile } from 'node:fs/promises';
import { arch, release, type } from 'node:os';
import { dirname, join } from 'node:path';
import { app, type BrowserWindow, dialog, ipcMain, session } from 'electron';
import log from 'electron-log/main';
import { IPC_INVOKE } from '../../shared/bridge';
import type { SavedCopy } from '../../shared/contract/backups';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { copyBackupTo } from '../backups/copy';
import { type Core, type CoreOptions, openCore } from '../core/app-core';
import { buildDiagnostics } from '../core/diagnostics';
import { restoreBackup, setDamagedStoreAside } from '../core/restore';
import { StoreNeedsRestore } from '../core/store-check';
import { backupFolder } from '../store/backup';
import { askWhereToSave, installMenu } from './menu';
import { electronUpdateSource } from './updater';
import { createMainWindow, isTrustedSender, lockDownNavigation, registerAppScheme, serveAppScheme } from './window';

log.initialize();
registerAppScheme();
let window: BrowserWindow | null = null;
let core: Core | null = null;
const dataFolder = (): string => join(app.getPath('userData'), 'data');
const logsFolder = (): string => dirname(log.transports.file.getFile().path);

/** An error nothing caught in main: logged and shown, never a silent exit or a silent carry-on. */
function showMainError(error: unknown): void {
  log.error('Unexpected error in the main process', error);
  if (!app.isReady()) return;
  dialog.showErrorBox(
    'KitchenGuard hit an unexpected error',
    `${error instanceof Error ? error.message : String(error)}\n\nIt is written to the log (Help → Open logs folder). Everything you saved is kept.`,
  );
}
process.on('uncaughtException', showMainError);
process.on('unhandledRejection', showMainError);

/** Help → Save diagnostics (and the start-up failure dialog): one JSON file for support. */
async function saveDiagnostics(): Promise<void> {
  const { name, text } = buildDiagnostics({
    madeAt: new Date(),
    versions: {
      app: app.getVersion(),
      electron: process.versions.electron ?? '',
      chrome: process.versions.chrome ?? '',
      node: process.versions.node,
      os: `${type()} ${release()} ${arch()}`,
    },
    dataFolder: dataFolder(),
    logsFolder: logsFolder(),
  });
  const file = await askWhereToSave(window, join(app.getPath('documents'), name));
  if (file) await writeFile(file, text);
}

// One process owns the local store: a second launch focuses the first window instead.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app.on('web-contents-created', (_event, contents) => lockDownNavigation(contents));
  app
    .whenReady()
    .then(start)
    .catch(async (error: unknown) => {
      log.error('Start-up failed', error);
      // A store written by a newer version, or a folder in use: say which, with a way to tell support.
      const { response } = await dialog.showMessageBox({
        type: 'error',
        title: 'KitchenGuard could not start',
        message: 'KitchenGuard could not start',
        detail: error instanceof Error ? error.message : String(error),
        buttons: ['Quit', 'Save diagnostics…'],
        defaultId: 0,
        cancelId: 0,
      });
      if (response === 1) await saveDiagnostics().catch((failed: unknown) => log.error('Diagnostics failed', failed));
      app.exit(1);
    });
  app.on('window-all-closed', () => app.quit());
  // Closing waits for the store and the server pool to shut cleanly, then quits for real.
  app.on('will-quit', (event) => {
    const closing = core;
    if (!closing) return;
    core = null;
    event.preventDefault();
    void closing.close().finally(() => app.quit());
  });
}

/** Settings → Backups → Save a copy: the person chooses where; the copy is checked there. */
async function saveBackupCopy({ file, name }: { file: string; name: string }): Promise<SavedCopy> {
  const options = {
    title: 'Save a copy of the backup',
    defaultPath: join(app.getPath('documents'), name),
    filters: [{ name: 'KitchenGuard backup', extensions: ['sqlite'] }],
  };
  const chosen = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (chosen.canceled || !chosen.filePath) return { outcome: 'cancelled' };
  return { outcome: 'saved', ...copyBackupTo(file, chosen.filePath) };
}

/** Outputs are checked against the contract while developing, not in the packaged app. */
const coreOptions = (dataFolder: string): CoreOptions => ({
  dataFolder,
  appVersion: app.getVersion(),
  log,
  saveBackupCopy,
  checkOutputs: !app.isPackaged,
  updates: electronUpdateSource(),
});

/**
 * Opens the core. A store found missing or damaged is explained, with its newest good backup
 * offered; with none, keeping it aside and starting empty is offered, asked twice.
 */
async function openOrOfferRestore(dataFolder: string): Promise<Core> {
  try {
    return await openCore(coreOptions(dataFolder));
  } catch (error) {
    if (!(error instanceof StoreNeedsRestore)) throw error;
    if (error.offered) {
      if (!(await ask(error.message, RESTORE_DETAIL, 'Restore the newest good backup'))) throw error;
      restoreBackup(dataFolder, join(backupFolder(dataFolder), error.offered.name), new Date());
    } else {
      if (!(await ask(error.message, '', 'Start with an empty store…'))) throw error;
      const sure = await ask('Start with an empty store?', FRESH_DETAIL, 'Keep it aside and start empty', 'Quit');
      if (!sure) throw error;
      setDamagedStoreAside(dataFolder, new Date());
    }
    return openCore(coreOptions(dataFolder));
  }
}

const RESTORE_DETAIL = 'Restoring keeps the current store aside in the data folder, so nothing more is lost.';
const FRESH_DETAIL =
  'The store is kept aside in the data folder as kitchenguard-damaged-<time>.sqlite, untouched, and KitchenGuard ' +
  'starts with no items, no team and no history on this computer. With a central server, connect this computer ' +
  "to it from the sign-in screen to get the restaurant's data back; changes that never reached it stay in the file kept aside.";

/** A warning with one way forward and Quit (also when closed); true for the way forward. */
async function ask(message: string, detail: string, action: string, preselect = action): Promise<boolean> {
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    title: 'KitchenGuard: the store needs attention',
    message,
    detail,
    buttons: [action, 'Quit'],
    defaultId: preselect === action ? 0 : 1,
    cancelId: 1,
  });
  return response === 0;
}

async function start(): Promise<void> {
  session.defaultSession.webRequest.onHeadersReceived((details, respond) =>
    respond({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } }),
  );
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, allow) => allow(false));
  serveAppScheme();
  installMenu({ logsFolder, saveDiagnostics });
  core = await openOrOfferRestore(dataFolder());
  ipcMain.handle(IPC_INVOKE, (event, channel: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame, window)) {
      log.warn('IPC call from an untrusted frame refused', event.senderFrame?.url);
      return { ok: false, error: { kind: 'forbidden', message: 'Refused: not the KitchenGuard window.' } };
    }
    return core?.invoke(channel, input);
  });
  window = createMainWindow(join(app.getPath('userData'), 'window-state.json'));
  window.on('closed', () => {
    window = null;
  });
}
