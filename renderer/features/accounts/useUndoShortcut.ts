/** Ctrl/Cmd+Z brings back the last deleted account while its toast is up (not while typing in a field). */
import { useEffect } from 'react';

export function useUndoShortcut(enabled: boolean, lastPendingId: string | undefined, undo: (id: string) => void) {
  useEffect(() => {
    if (!enabled || !lastPendingId) return;
    const onKey = (event: KeyboardEvent) => {
      if (
        (event.ctrlKey || event.metaKey) &&
        event.key.toLowerCase() === 'z' &&
        !(event.target as HTMLElement).closest?.('input, textarea')
      ) {
        event.preventDefault();
        undo(lastPendingId);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [enabled, lastPendingId, undo]);
}
