/**
 * Choose a format and export: the encrypted ones ask for a password twice
 * (≥ 8 characters, both the same), the plain list only after the person ticks
 * that they read the warning, and the transfer QR codes open the viewer.
 * A policy that forbids plain-text export disables those two with why.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorValue } from '../../../common/errors';
import type { ExportQrCodes, ExportWritten } from '../../../common/transfer-export';
import { Banner } from '../../components/Banner';
import { toErrorValue, useErrorText } from '../../components/error-text';
import { exportApi } from './api';
import { QrCodesViewer } from './QrCodesViewer';

type Choice = 'encrypted' | 'aegis' | 'otpauth' | 'qr';
const CHOICES: Choice[] = ['encrypted', 'aegis', 'otpauth', 'qr'];
const MIN_PASSWORD = 8;

export function ExportFileSection({ plainForbidden }: { plainForbidden: boolean }) {
  const { t } = useTranslation('export');
  const errorText = useErrorText();
  const [choice, setChoice] = useState<Choice>('encrypted');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<ErrorValue | null>(null);
  const [done, setDone] = useState<Extract<ExportWritten, { status: 'written' }> | null>(null);
  const [codes, setCodes] = useState<ExportQrCodes | null>(null);
  const [busy, setBusy] = useState(false);

  const encrypted = choice === 'encrypted' || choice === 'aegis';
  const plain = choice === 'otpauth' || choice === 'qr';
  const pick = (next: Choice) => {
    setChoice(next);
    setProblem(null);
    setFailure(null);
    setDone(null);
    setUnderstood(false);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    setFailure(null);
    setDone(null);
    if (encrypted && password.length < MIN_PASSWORD) return setProblem(t('passwordShort', { count: MIN_PASSWORD }));
    if (encrypted && password !== repeat) return setProblem(t('passwordsDiffer'));
    if (plain && !understood) return setProblem(t('confirmFirst'));
    setBusy(true);
    const work =
      choice === 'qr'
        ? exportApi.qrCodes().then(setCodes)
        : exportApi.exportFile(choice, encrypted ? password : undefined).then((result) => {
            if (result.status === 'written') setDone(result);
          });
    work
      .then(() => {
        // The passwords leave the page once they have been used.
        setPassword('');
        setRepeat('');
      })
      .catch((err: unknown) => setFailure(toErrorValue(err)))
      .finally(() => setBusy(false));
  };

  if (codes)
    return (
      <QrCodesViewer
        codes={codes}
        onClose={() => {
          setCodes(null);
          setUnderstood(false);
        }}
      />
    );

  return (
    <form className="settings-group export-form" onSubmit={submit} data-testid="export-form" noValidate>
      <h3>{t('exportTitle')}</h3>
      <fieldset className="export-formats">
        <legend>{t('format')}</legend>
        {CHOICES.map((c) => {
          const forbidden = plainForbidden && (c === 'otpauth' || c === 'qr');
          return (
            <label key={c} className="export-format">
              <input
                type="radio"
                name="export-format"
                value={c}
                checked={choice === c}
                disabled={busy || forbidden}
                onChange={() => pick(c)}
              />
              <span>
                <strong>{t(`formats.${c}.name`)}</strong>
                <span className="muted export-hint">{forbidden ? t('forbidden') : t(`formats.${c}.hint`)}</span>
              </span>
            </label>
          );
        })}
      </fieldset>
      {encrypted && (
        <div className="export-passwords">
          <label className="setting">
            <span>{t('password')}</span>
            <input
              className="input"
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              disabled={busy}
              data-testid="export-password"
            />
          </label>
          <label className="setting">
            <span>{t('passwordAgain')}</span>
            <input
              className="input"
              type="password"
              autoComplete="new-password"
              value={repeat}
              onChange={(e) => setRepeat(e.target.value)}
              disabled={busy}
              data-testid="export-password-again"
            />
          </label>
          <p className="muted export-hint">{t('passwordHint', { count: MIN_PASSWORD })}</p>
        </div>
      )}
      {plain && (
        <Banner tone="warning" label={t('warningLabel')}>
          <p data-testid="export-warning">{t(choice === 'qr' ? 'qrWarning' : 'plainWarning')}</p>
          <label className="export-confirm">
            <input
              type="checkbox"
              checked={understood}
              onChange={(e) => setUnderstood(e.target.checked)}
              disabled={busy}
              data-testid="export-understood"
            />
            <span>{t('understood')}</span>
          </label>
        </Banner>
      )}
      <div className="import-actions">
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="export-go">
          {t(choice === 'qr' ? 'showCodes' : 'save')}
        </button>
      </div>
      {busy && <p role="status">{t('working')}</p>}
      {problem && (
        <p role="alert" className="import-error" data-testid="export-problem">
          {problem}
        </p>
      )}
      {failure && (
        <p role="alert" className="import-error" data-testid="export-error" data-code={failure.code}>
          {errorText(failure)}
          {failure.code === 'managed-by-policy' && <span className="import-detail"> {failure.message}</span>}
        </p>
      )}
      {done && (
        <p role="status" className="export-done" data-testid="export-done">
          {t('written', { count: done.count, file: done.file })}
        </p>
      )}
    </form>
  );
}
