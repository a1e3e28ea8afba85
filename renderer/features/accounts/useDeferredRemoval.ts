/**
 * Delete with undo: the row disappears at once, but main is asked to remove
 * the account only when the undo window has passed. Closing the window in
 * between loses nothing (the account is simply still there next time).
 */
import { useLatest } from '../../components/useLatest';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AccountMeta } from '../../../common/otp/types';
import { bridge, unwrap } from '../../api';
import { errorMessage } from '../../components/error-text';

export const UNDO_WINDOW_MS = 5_000;

export interface DeferredRemoval {
  /** Accounts deleted on screen whose removal has not been sent yet, oldest first. */
  pending: AccountMeta[];
  remove(account: AccountMeta): void;
  undo(id: string): void;
}

export function useDeferredRemoval(
  onRemoved: () => Promise<void>,
  onError: (message: string) => void,
): DeferredRemoval {
  const [pending, setPending] = useState<AccountMeta[]>([]);
  const timers = useRef(new Map<string, number>());
  // Read when the timer fires: the callbacks of that moment, not of the render that scheduled it.
  const callbacks = useLatest({ onRemoved, onError });

  const forget = useCallback((id: string) => {
    const timer = timers.current.get(id);
    if (timer !== undefined) window.clearTimeout(timer);
    timers.current.delete(id);
    setPending((list) => list.filter((a) => a.id !== id));
  }, []);

  const remove = useCallback(
    (account: AccountMeta) => {
      if (timers.current.has(account.id)) return;
      setPending((list) => [...list, account]);
      const timer = window.setTimeout(() => {
        timers.current.delete(account.id);
        unwrap(bridge().accounts.remove({ id: account.id }))
          .then(
            () => callbacks.current.onRemoved(),
            (err: unknown) => callbacks.current.onError(errorMessage(err)),
          )
          // Hide the row until the fresh list (without it) has arrived; on failure it comes back.
          .finally(() => setPending((list) => list.filter((a) => a.id !== account.id)));
      }, UNDO_WINDOW_MS);
      timers.current.set(account.id, timer);
    },
    [callbacks],
  );

  // Unmounting (the window closes) cancels what has not been sent: nothing is lost.
  useEffect(() => {
    const all = timers.current;
    return () => {
      for (const timer of all.values()) window.clearTimeout(timer);
      all.clear();
    };
  }, []);

  return { pending, remove, undo: forget };
}
