/** The app lock as main has it, kept fresh by the lockChanged event. null until main answered. */
import { useCallback, useEffect, useState } from 'react';
import type { LockState } from '../../../common/desktop';
import { bridge, unwrap } from '../../api';

export function useLockState(): { lock: LockState | null; reload: () => Promise<void> } {
  const [lock, setLock] = useState<LockState | null>(null);
  const reload = useCallback(
    () =>
      unwrap(bridge().app.lockState()).then(setLock, () => {
        // Main not answering is reported elsewhere; the lock screen only follows main's state.
      }),
    [],
  );
  useEffect(() => {
    void reload();
    return bridge().events.onLockChanged(() => void reload());
  }, [reload]);
  return { lock, reload };
}
