/**
 * The keychain is locked, so no code can be made (the list itself still
 * shows). "Unlock" asks the keychain to show its OWN unlock prompt: the
 * password goes to the keychain, never through Authdesk.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bridge, unwrap } from '../../api';
import { Banner } from '../../components/Banner';
import { errorMessage } from '../../components/error-text';

export function KeychainLockedBanner({ onUnlocked }: { onUnlocked(): void }) {
  const { t } = useTranslation('accounts');
  const [waiting, setWaiting] = useState(false);
  const [note, setNote] = useState<string | null>(null);

  const unlock = async () => {
    setWaiting(true);
    setNote(null);
    try {
      const { unlocked } = await unwrap(bridge().vault.unlockKeychain());
      if (unlocked) onUnlocked();
      else setNote(t('keychain.dismissed'));
    } catch (err) {
      setNote(errorMessage(err));
    } finally {
      setWaiting(false);
    }
  };

  return (
    <Banner tone="warning" label={t('keychain.locked')}>
      <strong>{t('keychain.locked')}</strong>
      <p>{t('keychain.lockedBody')}</p>
      <button
        type="button"
        className="btn btn-small"
        data-testid="unlock-keychain"
        disabled={waiting}
        onClick={() => void unlock()}
      >
        {waiting ? t('keychain.waiting') : t('keychain.unlock')}
      </button>
      {note && (
        <p className="field-error" role="status">
          {note}
        </p>
      )}
    </Banner>
  );
}
