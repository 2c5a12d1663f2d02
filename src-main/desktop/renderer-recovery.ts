/**
 * What to do when the window's page crashes or hangs. A crash reloads the page with a message
 * (what was saved is in the store, so nothing saved is lost); a page that keeps crashing is not
 * reloaded in a loop: after MAX_CRASHES within the window the app says so and offers to quit.
 */

export const MAX_CRASHES = 3;
export const CRASH_WINDOW_MS = 60_000;

export type CrashAction = 'reload' | 'give-up';

export class CrashBudget {
  private readonly crashes: number[] = [];

  constructor(
    private readonly max = MAX_CRASHES,
    private readonly windowMs = CRASH_WINDOW_MS,
  ) {}

  /** Records a crash at `now` (ms) and says whether to reload once more. */
  record(now: number): CrashAction {
    this.crashes.push(now);
    while (this.crashes.length > 0 && this.crashes[0]! <= now - this.windowMs) this.crashes.shift();
    return this.crashes.length >= this.max ? 'give-up' : 'reload';
  }
}

/** Electron's render-process-gone reasons that are not a crash (the page closed on purpose). */
export const isCrash = (reason: string): boolean => reason !== 'clean-exit';

export function crashMessage(reason: string, action: CrashAction): { message: string; detail: string } {
  if (action === 'give-up') {
    return {
      message: 'KitchenGuard keeps stopping',
      detail:
        `Its window stopped ${MAX_CRASHES} times in a minute (${reason}). What you saved is kept. ` +
        'Quit and start it again; if it happens again, use Help → Save diagnostics and send the file to support.',
    };
  }
  return {
    message: 'KitchenGuard’s window stopped and was reloaded',
    detail: `Reason: ${reason}. Everything you saved is kept; anything typed but not yet saved needs typing again.`,
  };
}

export const HANG_MESSAGE = {
  message: 'KitchenGuard is not responding',
  detail: 'You can wait for it, or reload the window. Everything you saved is kept.',
  buttons: ['Wait', 'Reload'],
} as const;
