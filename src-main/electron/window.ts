/** The app window: sandboxed, isolated, no Node in the page, nowhere to navigate to. */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, shell, type WebFrameMain } from 'electron';

export const rendererEntry = (): string => join(import.meta.dirname, '../renderer/index.html');
const rendererUrl = (): string => pathToFileURL(rendererEntry()).href;

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
  void window.loadFile(rendererEntry());
  return window;
}

/** Only the app's own top-level page may call the core. */
export function isTrustedSender(frame: WebFrameMain | null, window: BrowserWindow | null): boolean {
  if (!frame || !window || window.isDestroyed()) return false;
  return frame === window.webContents.mainFrame && frame.url.split('#')[0] === rendererUrl();
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
