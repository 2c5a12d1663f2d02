/**
 * The thin Electron layer: app lifecycle, one window, and ipcMain wired to the core's router.
 * Everything the app does lives in the core, which never imports electron.
 */
import { join } from 'node:path';
import { app, type BrowserWindow, dialog, ipcMain, session } from 'electron';
import log from 'electron-log/main';
import { IPC_INVOKE } from '../../shared/bridge';
import type { SavedCopy } from '../../shared/contract/backups';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { copyBackupTo } from '../backups/copy';
import { type Core, type CoreOptions, openCore } from '../core/app-core';
import { restoreBackup } from '../core/restore';
import { StoreNeedsRestore } from '../core/store-check';
import { backupFolder } from '../store/backup';
import { createMainWindow, isTrustedSender, lockDownNavigation } from './window';

log.initialize();
let window: BrowserWindow | null = null;
let core: Core | null = null;

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
    .catch((error: unknown) => {
      log.error('Start-up failed', error);
      // A store written by a newer version, or a folder in use: say which, in a window.
      dialog.showErrorBox('KitchenGuard could not start', error instanceof Error ? error.message : String(error));
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
});

/** Opens the core; a store found missing or damaged is explained, with its newest good backup offered. */
async function openOrOfferRestore(dataFolder: string): Promise<Core> {
  try {
    return await openCore(coreOptions(dataFolder));
  } catch (error) {
    if (!(error instanceof StoreNeedsRestore) || !error.offered) throw error;
    const { response } = await dialog.showMessageBox({
      type: 'warning',
      title: 'KitchenGuard: the store needs a backup',
      message: error.message,
      detail: 'Restoring keeps the current store aside in the data folder, so nothing more is lost.',
      buttons: ['Restore the newest good backup', 'Quit'],
      defaultId: 0,
      cancelId: 1,
    });
    if (response !== 0) throw error;
    restoreBackup(dataFolder, join(backupFolder(dataFolder), error.offered.name), new Date());
    return openCore(coreOptions(dataFolder));
  }
}

async function start(): Promise<void> {
  session.defaultSession.webRequest.onHeadersReceived((details, respond) =>
    respond({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } }),
  );
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, allow) => allow(false));
  core = await openOrOfferRestore(join(app.getPath('userData'), 'data'));
  ipcMain.handle(IPC_INVOKE, (event, channel: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame, window)) {
      log.warn('IPC call from an untrusted frame refused', event.senderFrame?.url);
      return { ok: false, error: { kind: 'forbidden', message: 'Refused: not the KitchenGuard window.' } };
    }
    return core?.invoke(channel, input);
  });
  window = createMainWindow();
  window.on('closed', () => {
    window = null;
  });
}
