/**
 * electron-updater as the update machine's source (src-main/updates decides; this only fetches,
 * downloads and installs). It reads the feed electron-builder wrote into the package
 * (app-update.yml: the GitHub releases of the repository that built it).
 */
import { app } from 'electron';
import log from 'electron-log/main';
import electronUpdater, { type ProgressInfo } from 'electron-updater';
import type { UpdateSource } from '../updates/update-machine';

export function electronUpdateSource(): UpdateSource | { unavailable: string } {
  if (!app.isPackaged) return { unavailable: 'A development build does not update itself.' };
  if (process.platform === 'linux' && !process.env.APPIMAGE) {
    return { unavailable: 'On Linux only the AppImage updates itself; update this installation as you installed it.' };
  }
  const { autoUpdater } = electronUpdater;
  autoUpdater.logger = log;
  autoUpdater.autoDownload = false;
  return {
    async latest(channel) {
      autoUpdater.channel = channel === 'beta' ? 'beta' : 'latest';
      autoUpdater.allowPrerelease = channel === 'beta';
      // Setting a channel turns downgrades on in electron-updater: never wanted here.
      autoUpdater.allowDowngrade = false;
      const result = await autoUpdater.checkForUpdates();
      if (!result) return null;
      const { version, releaseDate, stagingPercentage } = result.updateInfo;
      return { release: { version, releaseDate, stagingPercentage }, offered: result.isUpdateAvailable };
    },
    async download(onProgress) {
      const progress = (info: ProgressInfo) => onProgress(info.percent);
      autoUpdater.on('download-progress', progress);
      try {
        await autoUpdater.downloadUpdate();
      } finally {
        autoUpdater.off('download-progress', progress);
      }
    },
    install() {
      // After the reply reaches the page; quitting closes the store cleanly first (main.ts, will-quit).
      setImmediate(() => autoUpdater.quitAndInstall());
    },
  };
}
