/**
 * The app window: sandboxed, isolated, no Node in the page, nowhere to navigate to. It opens where
 * it was closed, and a page that crashes or hangs is reloaded with a message.
 */
import { join } from 'node:path';
import { app, BrowserWindow, dialog, protocol, screen, shell, type WebFrameMain } from 'electron';
import log from 'electron-log/main';
import { APP_SCHEME, isAppPageUrl, RENDERER_ENTRY_URL, serveAppRequest } from '../app-protocol/app-protocol';
import { CrashBudget, crashMessage, HANG_MESSAGE, isCrash } from '../desktop/renderer-recovery';
import { MIN_SIZE, placeWindow, readWindowState, writeWindowState } from '../desktop/window-state';

const rendererRoot = (): string => join(import.meta.dirname, '../renderer');

/** Before `ready`: app:// is a standard, secure origin (so the page gets a real origin and 'self'). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);
}

/** After `ready`: app:// answers from the built renderer folder only (app-protocol.ts decides). */
export function serveAppScheme(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const { status, headers, body } = await serveAppRequest(request.url, rendererRoot());
    return new Response(typeof body === 'string' ? body : new Uint8Array(body), { status, headers });
  });
}

/** The screens' work areas, the main one first. */
function workAreas(): Electron.Rectangle[] {
  const main = screen.getPrimaryDisplay();
  return [main, ...screen.getAllDisplays().filter((display) => display.id !== main.id)].map((d) => d.workArea);
}

/** Saves the window's normal (unmaximized) bounds as it closes. */
function rememberPlace(window: BrowserWindow, stateFile: string): void {
  window.on('close', () => {
    try {
      writeWindowState(stateFile, { ...window.getNormalBounds(), maximized: window.isMaximized() });
    } catch (error) {
      log.warn('Could not save the window position', error);
    }
  });
}

/** A crashed page reloads with a message (not in a loop); a hung one may be reloaded by the person. */
function recoverFromCrashes(window: BrowserWindow): void {
  const budget = new CrashBudget();
  window.webContents.on('render-process-gone', (_event, details) => {
    if (!isCrash(details.reason)) return;
    log.error('The window stopped', details);
    const action = budget.record(Date.now());
    const { message, detail } = crashMessage(details.reason, action);
    if (action === 'reload') {
      window.webContents.reload();
      void dialog.showMessageBox(window, { type: 'warning', message, detail });
      return;
    }
    const buttons = ['Quit', 'Reload anyway'];
    const choice = dialog.showMessageBoxSync(window, { type: 'error', message, detail, buttons, defaultId: 0 });
    if (choice === 0) app.quit();
    else window.webContents.reload();
  });
  window.on('unresponsive', () => {
    log.warn('The window is not responding');
    void dialog
      .showMessageBox(window, { type: 'warning', ...HANG_MESSAGE, buttons: [...HANG_MESSAGE.buttons], cancelId: 0 })
      // Ending the hung page hands it to the crash handler above, which reloads it.
      .then(({ response }) => response === 1 && window.webContents.forcefullyCrashRenderer());
  });
}

export function createMainWindow(stateFile: string): BrowserWindow {
  const place = placeWindow(readWindowState(stateFile), workAreas());
  const window = new BrowserWindow({
    x: place.x,
    y: place.y,
    width: place.width,
    height: place.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'KitchenGuard',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
      // A middle click must not open links in new windows behind the window-open handler's back.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (place.maximized) window.maximize();
  rememberPlace(window, stateFile);
  recoverFromCrashes(window);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(RENDERER_ENTRY_URL);
  return window;
}

/** Only the app's own top-level page, served from app://, may call the core. */
export function isTrustedSender(frame: WebFrameMain | null, window: BrowserWindow | null): boolean {
  if (!frame || !window || window.isDestroyed()) return false;
  return frame === window.webContents.mainFrame && isAppPageUrl(frame.url);
}

/** Links to the outside world open in the user's browser; the app itself never leaves its page. */
export function lockDownNavigation(contents: Electron.WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
