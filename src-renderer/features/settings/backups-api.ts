import { useQuery } from '@tanstack/react-query';
import type { SavedCopy } from '../../../shared/contract/backups';
import { channelQuery, useChannelMutation } from '../../api/hooks';
import { notifyDone } from '../../ui/notify';

export const useBackups = () => useQuery(channelQuery('backups.list', {}));
export const useMakeBackup = () =>
  useChannelMutation('backups.create', { invalidates: ['backups.list', 'computer.status'] });
/** The core reopens on the restored store: everything on screen is from before, so the window starts over. */
export const useRestoreBackup = () =>
  useChannelMutation('backups.restore', { onSuccess: () => window.location.reload() });

/** Where the copy went: chosen in the desktop app's dialog, or the browser's downloads (the preview). */
export const useSaveBackupCopy = () => useChannelMutation('backups.saveCopy', { onSuccess: saved });

function saved(copy: SavedCopy): void {
  if (copy.outcome === 'saved')
    notifyDone(`Saved to ${copy.path} and checked: it opens as a whole backup.`, 'Copy saved');
  if (copy.outcome === 'download') {
    download(copy.url, copy.fileName);
    notifyDone('Your browser saves the backup where it keeps downloads.', 'Copy downloading');
  }
}

/** The preview's one-time address, fetched by the browser as a file. */
function download(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
}
