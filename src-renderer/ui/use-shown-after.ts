import { useEffect, useState } from 'react';

/**
 * True once `on` has stayed true for `ms`: a spinner for a save that takes a moment, none for one
 * that answers at once (it would only flash, and drawing it delays the answer being shown).
 */
export function useShownAfter(on: boolean, ms = 300): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!on) return setShown(false);
    const timer = setTimeout(() => setShown(true), ms);
    return () => clearTimeout(timer);
  }, [on, ms]);
  return on && shown;
}
