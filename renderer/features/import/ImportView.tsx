/**
 * "Import from another app": choose a format (or let main detect it), main
 * shows the open dialog and reads the file; an encrypted file asks for its
 * password here (a wrong one can be typed again), an unknown or damaged one
 * says why; then the preview and Import. Nothing is written before Import.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorValue } from '../../../common/errors';
import type { AccountMeta } from '../../../common/otp/types';
import { asksForPassword, type ImportFormatView, type ImportStep } from '../../../common/transfer-import';
import { toErrorValue, useErrorText } from '../../components/error-text';
import { Icon } from '../../components/Icon';
import { importApi } from './api';
import { ImportPreviewPanel } from './ImportPreviewPanel';
import './import.css';

type Held = Exclude<ImportStep, { status: 'cancelled' }>;

export function ImportView({ onDone }: { onDone(added: AccountMeta[]): void }) {
  const { t } = useTranslation('import');
  const errorText = useErrorText();
  const [formats, setFormats] = useState<ImportFormatView[]>([]);
  const [format, setFormat] = useState('');
  const [step, setStep] = useState<Held | null>(null);
  const [failure, setFailure] = useState<ErrorValue | null>(null);
  const [busy, setBusy] = useState(false);
  const [password, setPassword] = useState('');

  useEffect(() => {
    void importApi.formats().then(setFormats, () => setFormats([]));
  }, []);
  // Leaving the page drops whatever main still holds for us (the file's bytes).
  const token = step?.token;
  useEffect(() => () => void (token && importApi.discardQuietly(token)), [token]);

  const run = (work: () => Promise<ImportStep>) => {
    setBusy(true);
    setFailure(null);
    work()
      .then((next) => {
        if (next.status !== 'cancelled') setStep(next);
      })
      .catch((err: unknown) => {
        setStep(null);
        setFailure(toErrorValue(err));
      })
      .finally(() => {
        setBusy(false);
        setPassword(''); // never kept longer than the one try
      });
  };
  const choose = () => run(() => importApi.chooseFile(format || undefined));
  const retry = (withPassword?: string) =>
    step && run(() => importApi.retry(step.token, format || undefined, withPassword));

  const problem = step?.status === 'problem' ? step.error : null;
  const needsPassword = problem !== null && asksForPassword(problem.code);

  return (
    <section className="settings-view import-view" aria-labelledby="import-title" data-testid="import-view">
      <div className="view-head">
        <button
          type="button"
          className="icon-btn"
          onClick={() => onDone([])}
          aria-label={t('back', { ns: 'common' })}
          title={t('back', { ns: 'common' })}
        >
          <Icon name="back" />
        </button>
        <h2 id="import-title">{t('title')}</h2>
      </div>
      <div className="settings-group">
        <p className="muted">{t('intro')}</p>
        <label className="setting">
          <span>{t('format')}</span>
          <select
            className="input"
            value={format}
            onChange={(e) => setFormat(e.target.value)}
            disabled={busy}
            data-testid="import-format"
          >
            <option value="">{t('formatAuto')}</option>
            {formats.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </label>
        <div className="import-actions">
          <button type="button" className="btn" onClick={choose} disabled={busy} data-testid="import-choose">
            {step ? t('chooseAnother') : t('choose')}
          </button>
          {step?.status === 'problem' && !needsPassword && (
            <button type="button" className="btn" onClick={() => retry()} disabled={busy || !format}>
              {t('tryFormat')}
            </button>
          )}
        </div>
        {busy && <p role="status">{t('reading')}</p>}
        {failure && (
          <p role="alert" className="import-error" data-testid="import-error">
            {errorText(failure)}
          </p>
        )}
      </div>
      {step && (
        <div className="settings-group" key={step.token}>
          <p className="muted">{t('file', { name: step.fileName })}</p>
          {problem && (
            <ProblemText
              error={problem}
              formats={formats}
              text={errorText(problem)}
              knownText={(list) => t('knownFormats', { list })}
            />
          )}
          {needsPassword && (
            <form
              className="import-password"
              onSubmit={(e) => {
                e.preventDefault();
                if (password) retry(password);
              }}
            >
              <label className="setting">
                <span>{t('password')}</span>
                <input
                  className="input"
                  type="password"
                  autoComplete="off"
                  autoFocus
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                  disabled={busy}
                  data-testid="import-password"
                />
              </label>
              <div className="import-actions">
                <button type="submit" className="btn btn-primary" disabled={busy || !password}>
                  {t('unlock')}
                </button>
              </div>
            </form>
          )}
          {step.status === 'preview' && (
            <ImportPreviewPanel
              token={step.token}
              preview={step.preview}
              onFinished={onDone}
              actions={
                <button type="button" className="btn" onClick={() => onDone([])}>
                  {t('cancel')}
                </button>
              }
            />
          )}
        </div>
      )}
    </section>
  );
}

/** The translated sentence, plus what only main knows: where a file is damaged, which formats exist. */
function ProblemText(props: {
  error: ErrorValue;
  formats: ImportFormatView[];
  text: string;
  knownText(list: string): string;
}) {
  const { error, formats, text, knownText } = props;
  return (
    <div role="alert" className="import-error" data-testid="import-problem" data-code={error.code}>
      <p>{text}</p>
      {error.code === 'damaged-file' && <p className="import-detail">{error.message}</p>}
      {error.code === 'unknown-format' && formats.length > 0 && (
        <p>{knownText(formats.map((f) => f.name).join(', '))}</p>
      )}
    </div>
  );
}
