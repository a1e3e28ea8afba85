/** backup.status, kept fresh: main tells when a backup ran or failed, the settings or the accounts changed. */
import { useCallback, useEffect, useState } from 'react';
import type { BackupStatus } from '../../../common/backup';
import { bridge, unwrap } from '../../api';

export function useBackupStatus(): {
  status: BackupStatus | null;
  reload(): Promise<void>;
  set(s: BackupStatus): void;
} {
  const [status, setStatus] = useState<BackupStatus | null>(null);
  // State is settled in the promise's callbacks, never synchronously in the effect.
  const reload = useCallback(
    () =>
      unwrap(bridge().backup.status()).then(
        (s) => setStatus(s),
        () => undefined, // keep what is shown; the next event tries again
      ),
    [],
  );
  useEffect(() => {
    void reload();
    const events = bridge().events;
    const offs = [
      events.onBackupChanged(() => void reload()),
      events.onSettingsChanged(() => void reload()),
      events.onAccountsChanged(() => void reload()),
    ];
    return () => offs.forEach((off) => off());
  }, [reload]);
  return { status, reload, set: setStatus };
}

/** A time for people, in the UI language (the date and the minute). */
export function formatBackupTime(ms: number, language: string): string {
  return new Intl.DateTimeFormat(language === 'nb' ? 'nb-NO' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(ms);
}
