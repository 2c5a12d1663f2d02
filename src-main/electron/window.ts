/** The app window: sandboxed, isolated, no Node in the page, nowhere to navigate to. */
import { join } from 'node:path';
import { BrowserWindow, protocol, shell, type WebFrameMain } from 'electron';
import { APP_SCHEME, isAppPageUrl, RENDERER_ENTRY_URL, serveAppRequest } from '../app-protocol/app-protocol';

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

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'KitchenGuard',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  });
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
