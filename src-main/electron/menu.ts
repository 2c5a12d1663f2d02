/**
 * The native menu: the standard roles (so Edit → Copy/Paste and their shortcuts work on macOS,
 * where they exist only through the menu), About, and Help → Open logs folder / Save diagnostics.
 */
import { app, type BrowserWindow, dialog, Menu, type MenuItemConstructorOptions, shell } from 'electron';
import log from 'electron-log/main';

export interface MenuActions {
  logsFolder: () => string;
  saveDiagnostics: () => Promise<void>;
}

const helpMenu = (actions: MenuActions): MenuItemConstructorOptions => ({
  role: 'help',
  submenu: [
    ...(process.platform === 'darwin' ? [] : [{ role: 'about' as const, label: 'About KitchenGuard' }]),
    { label: 'Open logs folder', click: () => void shell.openPath(actions.logsFolder()) },
    {
      label: 'Save diagnostics…',
      click: () =>
        void actions.saveDiagnostics().catch((error: unknown) => {
          log.error('Saving diagnostics failed', error);
          dialog.showErrorBox('Diagnostics were not saved', error instanceof Error ? error.message : String(error));
        }),
    },
  ],
});

/** Zoom and full screen for everyone; reload and the developer tools only while developing. */
const viewMenu = (): MenuItemConstructorOptions => ({
  label: 'View',
  submenu: [
    ...(app.isPackaged
      ? []
      : [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }, { type: 'separator' as const }]),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ],
});

export function installMenu(actions: MenuActions): void {
  app.setAboutPanelOptions({
    applicationName: 'KitchenGuard',
    applicationVersion: app.getVersion(),
    copyright: 'Copyright © KitchenGuard',
  });
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    viewMenu(),
    { role: 'windowMenu' },
    helpMenu(actions),
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** Asks where to save the diagnostics file, then writes it there. */
export async function askWhereToSave(window: BrowserWindow | null, suggested: string): Promise<string | null> {
  const options = {
    title: 'Save diagnostics for support',
    defaultPath: suggested,
    filters: [{ name: 'KitchenGuard diagnostics', extensions: ['json'] }],
  };
  const chosen = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
}
