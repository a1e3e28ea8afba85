/**
 * Type a secret by hand: service, account name, key, and under "Advanced" the
 * rarer parameters. Main validates everything and answers with a specific
 * sentence, shown inline.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountMeta, OtpType } from '../../../common/otp/types';
import { DEFAULTS } from '../../../common/otp/vocabulary';
import { useAddAccount } from './useAddAccount';
import { AdvancedFields, type Advanced } from './AdvancedFields';

const defaults: Advanced = { ...DEFAULTS };

export function ManualForm({ onAdded }: { onAdded(account: AccountMeta): void }) {
  const { t } = useTranslation('add-account');
  const [issuer, setIssuer] = useState('');
  const [name, setName] = useState('');
  const [secret, setSecret] = useState('');
  const [advanced, setAdvanced] = useState<Advanced>(defaults);
  const [localError, setLocalError] = useState<{ field: 'secret' | 'name'; message: string } | null>(null);
  const { saving, error, add, clearError } = useAddAccount();
  const id = useId();

  const edited = () => {
    setLocalError(null);
    clearError();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!issuer.trim() && !name.trim()) return setLocalError({ field: 'name', message: t('manual.needName') });
    if (!secret.trim()) return setLocalError({ field: 'secret', message: t('manual.needSecret') });
    const type: OtpType = advanced.type;
    const account = await add({
      manual: {
        issuer: issuer.trim(),
        name: name.trim(),
        secret,
        type,
        algorithm: advanced.algorithm,
        digits: advanced.digits,
        ...(type === 'hotp' ? { counter: advanced.counter } : { period: advanced.period }),
      },
    });
    if (account) onAdded(account);
  };

  const secretError = localError?.field === 'secret' ? localError.message : null;
  const nameError = localError?.field === 'name' ? localError.message : null;
  const mainError = error?.message ?? null;

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <div className="field-row">
        <div className="field">
          <label className="field-label" htmlFor={`${id}-issuer`}>
            {t('manual.issuer')}
          </label>
          <input
            id={`${id}-issuer`}
            className="input"
            value={issuer}
            maxLength={200}
            autoFocus
            placeholder={t('manual.issuerExample')}
            onChange={(e) => {
              setIssuer(e.target.value);
              edited();
            }}
            aria-describedby={nameError ? `${id}-name-error` : undefined}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-name`}>
            {t('manual.name')}
          </label>
          <input
            id={`${id}-name`}
            className="input"
            value={name}
            maxLength={200}
            placeholder={t('manual.nameExample')}
            autoComplete="off"
            onChange={(e) => {
              setName(e.target.value);
              edited();
            }}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? `${id}-name-error` : undefined}
          />
        </div>
      </div>
      {nameError && (
        <p className="field-error" id={`${id}-name-error`} role="alert">
          {nameError}
        </p>
      )}
      <div className="field">
        <label className="field-label" htmlFor={`${id}-secret`}>
          {t('manual.secret')}
        </label>
        <input
          id={`${id}-secret`}
          className="input mono"
          value={secret}
          maxLength={512}
          spellCheck={false}
          autoComplete="off"
          autoCapitalize="characters"
          placeholder="JBSW Y3DP EHPK 3PXP"
          onChange={(e) => {
            setSecret(e.target.value);
            edited();
          }}
          aria-invalid={secretError ? true : undefined}
          aria-describedby={`${id}-secret-hint${secretError ? ` ${id}-secret-error` : ''}`}
        />
        <span className="field-hint" id={`${id}-secret-hint`}>
          {t('manual.secretHint')}
        </span>
      </div>
      {secretError && (
        <p className="field-error" id={`${id}-secret-error`} role="alert">
          {secretError}
        </p>
      )}
      <AdvancedFields
        value={advanced}
        onChange={(v) => {
          setAdvanced(v);
          edited();
        }}
      />
      {mainError && (
        <p className="field-error" role="alert">
          {mainError}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={saving}>
          {saving ? t('saving') : t('manual.submit')}
        </button>
      </div>
    </form>
  );
}
