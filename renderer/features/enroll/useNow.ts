/** The current time, refreshed every `everyMs`: for countdowns and the clock shown in troubleshooting. */
import { useEffect, useState } from 'react';

export function useNow(everyMs: number, now: () => number = Date.now): number {
  const [value, setValue] = useState(now);
  useEffect(() => {
    const timer = window.setInterval(() => setValue(now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs, now]);
  return value;
}
