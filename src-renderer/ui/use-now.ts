import { useEffect, useState } from 'react';

/** The time, refreshed every `everyMs`: for "2 minutes ago" texts that must not go stale. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
