/** Paste an otpauth:// link (what a QR code contains) and save it. */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountMeta } from '../../../common/otp/types';
import { useAddAccount } from './useAddAccount';

export function PasteLinkForm({ onAdded }: { onAdded(account: AccountMeta): void }) {
  const { t } = useTranslation('add-account');
  const [link, setLink] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const { saving, error, add, clearError } = useAddAccount();
  const id = useId();
  const shownError = localError ?? error?.message ?? null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const uri = link.trim();
    if (!uri) {
      setLocalError(t('link.empty'));
      return;
    }
    const account = await add({ uri });
    if (account) onAdded(account);
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-link`}>
          {t('link.label')}
        </label>
        <textarea
          id={`${id}-link`}
          className="input mono"
          rows={3}
          value={link}
          onChange={(e) => {
            setLink(e.target.value);
            setLocalError(null);
            clearError();
          }}
          placeholder="otpauth://totp/Example:alice@example.com?secret=…&issuer=Example"
          spellCheck={false}
          autoComplete="off"
          aria-invalid={shownError ? true : undefined}
          aria-describedby={`${id}-hint${shownError ? ` ${id}-error` : ''}`}
          autoFocus
        />
        <span className="field-hint" id={`${id}-hint`}>
          {t('link.hint')}
        </span>
      </div>
      {shownError && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {shownError}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={saving}>
          {saving ? t('saving') : t('link.submit')}
        </button>
      </div>
    </form>
  );
}
