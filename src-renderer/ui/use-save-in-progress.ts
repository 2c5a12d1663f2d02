import { useCallback, useRef, useState } from 'react';

/**
 * For a save whose progress is not drawn as it goes (api/hooks.ts `useChannelSave`): `run` starts it
 * unless one is under way (Enter pressed again), and `slow` turns true only once it has taken `ms` —
 * a spinner for a save that takes a moment, none for one that answers at once (it would only flash,
 * and drawing it delays the answer being shown).
 */
/** A save quicker than this never shows that it is saving: it would only flash. */
export const SLOW_SAVE_MS = 300;

export function useSaveInProgress(ms = SLOW_SAVE_MS) {
  const [slow, setSlow] = useState(false);
  const running = useRef(false);
  const run = useCallback(
    async (save: () => Promise<void>) => {
      if (running.current) return;
      running.current = true;
      const timer = setTimeout(() => setSlow(true), ms);
      try {
        await save();
      } finally {
        clearTimeout(timer);
        running.current = false;
        setSlow(false);
      }
    },
    [ms],
  );
  return { slow, run };
}
