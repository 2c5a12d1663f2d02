import { useQuery } from '@tanstack/react-query';
import { channelQuery, useChannelMutation } from '../../api/hooks';

export const useBackups = () => useQuery(channelQuery('backups.list', {}));
export const useMakeBackup = () =>
  useChannelMutation('backups.create', { invalidates: ['backups.list', 'computer.status'] });
/** The core reopens on the restored store: everything on screen is from before, so the window starts over. */
export const useRestoreBackup = () =>
  useChannelMutation('backups.restore', { onSuccess: () => window.location.reload() });
