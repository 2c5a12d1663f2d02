/**
 * "Save a copy to…" in the browser preview: the checked backup goes to the browser as a download.
 * A browser download cannot carry the bridge's token header, so the bridge call that asks for the
 * copy (token checked, an owner or manager signed in, the backup checked) gets a one-time address
 * instead: a random ticket that works once, within a minute, for that one file, and only if it is
 * a regular file of bounded size in the backups folder.
 */
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import type { SavedCopy } from '../../shared/contract/backups';
import type { SaveBackupCopy } from '../backups/backups-handlers';

export const DOWNLOAD_PATH = '/api/backup-copy';
const TICKET_LIFE_MS = 60_000;
/** Far above a restaurant's store (5,000 items is a few MB), far below what would fill a disk by mistake. */
export const MAX_DOWNLOAD_BYTES = 1024 * 1024 * 1024;

interface Ticket {
  file: string;
  name: string;
  expires: number;
}

export type Claim =
  | { ok: true; file: string; name: string; bytes: number }
  | { ok: false; status: 404 | 413; message: string };

export interface BackupDownloads {
  /** The core's `saveBackupCopy` in the preview: a one-time address for the browser to download. */
  offer: SaveBackupCopy;
  /** The file a ticket grants, spending it; or why not. */
  claim(ticket: string): Claim;
}

export function backupDownloads(now: () => number = Date.now): BackupDownloads {
  const tickets = new Map<string, Ticket>();
  return {
    async offer({ file, name }): Promise<SavedCopy> {
      for (const [ticket, { expires }] of tickets) if (expires <= now()) tickets.delete(ticket);
      const ticket = randomBytes(32).toString('base64url');
      tickets.set(ticket, { file, name, expires: now() + TICKET_LIFE_MS });
      return { outcome: 'download', url: `${DOWNLOAD_PATH}?ticket=${ticket}`, fileName: name };
    },
    claim(ticket) {
      const found = tickets.get(ticket);
      tickets.delete(ticket);
      const bytes = found && found.expires > now() ? regularFileSize(found.file) : null;
      if (!found || bytes === null) return { ok: false, status: 404, message: EXPIRED };
      if (bytes > MAX_DOWNLOAD_BYTES)
        return { ok: false, status: 413, message: 'This backup is too large to download.' };
      return { ok: true, file: found.file, name: found.name, bytes };
    },
  };
}

const EXPIRED = 'This download address is spent or has expired: choose "Save a copy" again.';

function regularFileSize(file: string): number | null {
  try {
    const stat = statSync(file);
    return stat.isFile() ? stat.size : null;
  } catch {
    return null;
  }
}
