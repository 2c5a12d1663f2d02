/**
 * The thin Electron layer: app lifecycle, one window, and ipcMain wired to the core's router.
 * Everything the app does lives in the core, which never imports electron.
 */
import { join } from 'node:path';
import { app, type BrowserWindow, dialog, ipcMain, session } from 'electron';
import log from 'electron-log/main';
import { IPC_INVOKE } from '../../shared/bridge';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { type Core, openCore } from '../core/app-core';
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

async function start(): Promise<void> {
  session.defaultSession.webRequest.onHeadersReceived((details, respond) =>
    respond({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } }),
  );
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, allow) => allow(false));
  core = await openCore({ dataFolder: join(app.getPath('userData'), 'data'), appVersion: app.getVersion(), log });
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
