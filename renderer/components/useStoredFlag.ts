/** A view preference of this window only (not a setting main needs to know), kept in localStorage. */
import { useCallback, useState } from 'react';

export function useStoredFlag(key: string, initial = false): [boolean, (value: boolean) => void] {
  const [value, setValue] = useState(() => {
    try {
      const stored = localStorage.getItem(key);
      return stored === null ? initial : stored === '1';
    } catch {
      return initial;
    }
  });
  const set = useCallback(
    (next: boolean) => {
      setValue(next);
      try {
        localStorage.setItem(key, next ? '1' : '0');
      } catch {
        // Storage can be unavailable (private mode); the preference then lasts for this session.
      }
    },
    [key],
  );
  return [value, set];
}
