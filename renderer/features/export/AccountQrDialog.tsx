/**
 * "Show QR code for phone" from an account's row menu: first an explicit
 * "show secret" confirmation, then main draws that account's otpauth QR code
 * (a PNG: the secret as a picture, for a phone's camera) and keeps the window
 * out of screen captures until the dialog closes, however it closes.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountMeta } from '../../../common/otp/types';
import type { AccountQr } from '../../../common/transfer-export';
import { errorMessage } from '../../components/error-text';
import { useFocusTrap } from '../../components/useFocusTrap';
import { exportApi } from './api';
import './export.css';

export function AccountQrDialog({ account, onClose }: { account: AccountMeta; onClose(): void }) {
  const { t } = useTranslation('export');
  const [qr, setQr] = useState<AccountQr | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const asked = useRef(false);
  const label = account.issuer && account.name ? `${account.issuer} (${account.name})` : account.issuer || account.name;

  const closeButton = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  useFocusTrap(dialog);
  // Main protects the window when it hands out the image; it stops when the dialog goes, by any way.
  useEffect(() => () => void (asked.current && exportApi.qrHidden()), []);
  // "Show secret" is gone once the code is up: focus moves to the button that hides it again.
  useEffect(() => {
    if (qr) closeButton.current?.focus();
  }, [qr]);
  // Escape closes wherever focus is (the dialog is modal).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      onClose();
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [onClose]);

  const show = () => {
    setBusy(true);
    setError(null);
    asked.current = true;
    exportApi
      .accountQr(account.id)
      .then(setQr)
      .catch((err: unknown) => setError(errorMessage(err)))
      .finally(() => setBusy(false));
  };

  return (
    <div className="modal-backdrop">
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby="account-qr-title"
        className="modal export-account-qr"
        data-testid="account-qr"
      >
        <h2 id="account-qr-title">{t('accountQr.title', { account: label })}</h2>
        {qr ? (
          <>
            <p className="muted">{t('accountQr.scan')}</p>
            <img className="export-qr-image" src={qr.image} alt={t('accountQr.alt', { account: label })} />
          </>
        ) : (
          <p className="export-confirm-box" data-testid="account-qr-confirm">
            {t('accountQr.confirm')}
          </p>
        )}
        {error && (
          <p role="alert" className="import-error">
            {error}
          </p>
        )}
        <div className="import-actions">
          {!qr && (
            <button
              type="button"
              className="btn btn-primary"
              onClick={show}
              disabled={busy}
              data-testid="account-qr-show"
            >
              {t('accountQr.show')}
            </button>
          )}
          {/* Focus starts on the safe choice. */}
          <button
            ref={closeButton}
            type="button"
            className="btn"
            onClick={onClose}
            autoFocus
            data-testid="account-qr-close"
          >
            {qr ? t('accountQr.done') : t('cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}
