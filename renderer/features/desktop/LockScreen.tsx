/**
 * Shown instead of the whole app while Authdesk is locked: no list, no codes.
 * Unlocks with the lock password, or by asking the OS (Touch ID) when that is
 * the configured lock and available.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LockState } from '../../../common/desktop';
import { bridge, unwrap } from '../../api';
import { errorMessage } from '../../components/error-text';
import { Icon } from '../../components/Icon';
import './desktop.css';

export function LockScreen({ lock }: { lock: LockState }) {
  const { t } = useTranslation('desktop');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const useOs = lock.kind === 'os' && lock.osPromptAvailable;
  // The lock was turned off while locked (another window, settings.json): one press unlocks.
  const noPassword = useOs || lock.kind === 'off';

  const unlock = async (event?: FormEvent) => {
    event?.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await unwrap(bridge().app.unlock(noPassword ? {} : { password }));
      setPassword('');
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="lock-screen" aria-labelledby="lock-title">
      <Icon name="shield" className="lock-icon" />
      <h1 id="lock-title">{t('lock.title')}</h1>
      <p className="muted">{t('lock.body')}</p>
      {noPassword ? (
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void unlock()}>
          {useOs ? t('lock.unlockOs') : t('lock.unlock')}
        </button>
      ) : (
        <form onSubmit={(e) => void unlock(e)} className="lock-form">
          <label htmlFor="lock-password">{t('lock.password')}</label>
          <input
            id="lock-password"
            type="password"
            autoComplete="current-password"
            autoFocus
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <button type="submit" className="btn btn-primary" disabled={busy || password === ''}>
            {t('lock.unlock')}
          </button>
        </form>
      )}
      {error && (
        <p role="alert" className="lock-error">
          {error}
        </p>
      )}
    </main>
  );
}
