/**
 * Runs `then` once the next frame is drawn: for what may follow the change the user is looking at
 * (the status bar asked again, a note that a save went through) without holding that frame up. A
 * hidden window draws no frames; there it runs after a short wait instead.
 */
export function afterNextPaint(then: () => void): void {
  let ran = false;
  const run = () => {
    if (ran) return;
    ran = true;
    then();
  };
  requestAnimationFrame(() => setTimeout(run, 0));
  setTimeout(run, HIDDEN_WINDOW_MS);
}

const HIDDEN_WINDOW_MS = 100;
