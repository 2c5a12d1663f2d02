/**
 * Messages that come and go, at the bottom centre of the window above the status bar (Providers):
 * never over a page's title, its cards, a dialog's title or a row's buttons; three at a time at most. A success says so briefly;
 * a problem stays long enough to read. When the user changes, what was said to the last one goes.
 */
import { notifications, notificationsStore } from '@mantine/notifications';
import { afterNextPaint } from './after-paint';

const DONE_MS = 3_000;
/** Also the default of every other message (Providers). */
export const READ_MS = 8_000;

/** About this computer, not about whoever is signed in: kept across a change of user. */
const COMPUTER = 'computer:';
export const computerNotice = (name: string): string => `${COMPUTER}${name}`;

/**
 * "Saved.", "Olive oil: 3 bottles on hand"… (`autoClose`: longer for more to read). Shown once the
 * change itself is drawn (a saved row, a closed dialog): the note follows it, never delays it.
 */
export function notifyDone(message: string, title?: string, autoClose = DONE_MS): void {
  afterNextPaint(() => notifications.show({ color: 'teal', title, message, autoClose }));
}

/** Something did not happen (red), or needs attention (yellow). */
export function notifyProblem(
  title: string,
  message: string,
  { color = 'red', id, autoClose = READ_MS }: { color?: 'red' | 'yellow'; id?: string; autoClose?: number } = {},
): void {
  notifications.show({ color, title, message, id, autoClose });
}

/** On sign-in, sign-out or a lost session: the previous user's messages go, the computer's stay. */
export function clearUserNotices(): void {
  notifications.updateState(notificationsStore, (shown) =>
    shown.filter((notification) => notification.id?.startsWith(COMPUTER)),
  );
}

/** Until the returned function is called: the app cannot reach its core, and is trying again. */
export function showUnreachable(message: string): () => void {
  const id = computerNotice('unreachable');
  notifications.show({
    id,
    color: 'yellow',
    title: 'Reconnecting…',
    message,
    loading: true,
    autoClose: false,
    withCloseButton: false,
  });
  return () => notifications.hide(id);
}
