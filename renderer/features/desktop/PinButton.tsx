/** Pin / unpin an account: pinned ones come first in the list, the tray and the quick-pick (main orders them). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountMeta } from '../../../common/otp/types';
import { bridge, unwrap } from '../../api';
import { errorMessage } from '../../components/error-text';

export function PinButton({
  account,
  tabIndex,
  onError,
}: {
  account: AccountMeta;
  tabIndex: number;
  onError: (message: string) => void;
}) {
  const { t } = useTranslation('desktop');
  const [busy, setBusy] = useState(false);
  const pinned = account.pinned === true;
  const label = t(pinned ? 'pin.unpin' : 'pin.pin', { account: account.issuer || account.name });
  const toggle = async () => {
    setBusy(true);
    try {
      // Main tells every window the order changed (accountsChanged): the list reloads itself.
      await unwrap(bridge().accounts.pin({ id: account.id, pinned: !pinned }));
    } catch (err) {
      onError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <button
      type="button"
      className={`icon-btn pin-btn${pinned ? ' is-pinned' : ''}`}
      tabIndex={tabIndex}
      aria-label={label}
      aria-pressed={pinned}
      title={label}
      disabled={busy}
      onClick={() => void toggle()}
    >
      <span aria-hidden="true">{pinned ? '★' : '☆'}</span>
    </button>
  );
}
