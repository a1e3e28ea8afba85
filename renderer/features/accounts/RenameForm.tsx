/** Inline rename: Enter saves, Esc cancels, focus starts in the first field. */
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountMeta } from '../../../common/otp/types';
import { errorMessage } from '../../components/error-text';

interface Props {
  account: AccountMeta;
  onSave(issuer: string, name: string): Promise<void>;
  onCancel(): void;
}

export function RenameForm({ account, onSave, onCancel }: Props) {
  const { t } = useTranslation('accounts');
  const [issuer, setIssuer] = useState(account.issuer);
  const [name, setName] = useState(account.name);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const errorId = `rename-error-${account.id}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!issuer.trim() && !name.trim()) {
      setError(t('rename.empty'));
      return;
    }
    setSaving(true);
    try {
      await onSave(issuer.trim(), name.trim());
    } catch (err) {
      setError(errorMessage(err));
      setSaving(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  };

  return (
    <form className="rename" onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown} aria-label={t('rename.form')}>
      <input
        className="input"
        autoFocus
        value={issuer}
        onChange={(e) => setIssuer(e.target.value)}
        aria-label={t('rename.issuer')}
        placeholder={t('rename.issuer')}
        maxLength={200}
        aria-describedby={error ? errorId : undefined}
      />
      <input
        className="input"
        value={name}
        onChange={(e) => setName(e.target.value)}
        aria-label={t('rename.name')}
        placeholder={t('rename.name')}
        maxLength={200}
      />
      <button type="submit" className="btn btn-small btn-primary" disabled={saving}>
        {t('rename.save')}
      </button>
      <button type="button" className="btn btn-small" onClick={onCancel}>
        {t('rename.cancel')}
      </button>
      {error && (
        <span className="field-error" id={errorId} role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
