/**
 * "Verify a backup": main opens the file dialog and keeps the path; the
 * password typed here opens it once in main, which compares it with the
 * vault entry by entry. The page shows how many match and names the rest.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorValue } from '../../../common/errors';
import type { VerifyChosen, VerifyView } from '../../../common/transfer-export';
import { toErrorValue, useErrorText } from '../../components/error-text';
import { localFormatName } from '../../components/format-name';
import { exportApi } from './api';

type Chosen = Extract<VerifyChosen, { status: 'chosen' }>;

export function VerifyBackupSection() {
  const { t } = useTranslation('export');
  const errorText = useErrorText();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [password, setPassword] = useState('');
  const [report, setReport] = useState<VerifyView | null>(null);
  const [failure, setFailure] = useState<ErrorValue | null>(null);
  const [busy, setBusy] = useState(false);

  const run = <T,>(work: () => Promise<T>, then: (value: T) => void) => {
    setBusy(true);
    setFailure(null);
    setReport(null);
    work()
      .then(then)
      .catch((err: unknown) => setFailure(toErrorValue(err)))
      .finally(() => {
        setBusy(false);
        setPassword(''); // one try per typing
      });
  };
  const choose = () =>
    run(exportApi.chooseBackup, (next) => {
      if (next.status === 'chosen') setChosen(next);
    });
  const verify = (e: FormEvent) => {
    e.preventDefault();
    if (chosen) run(() => exportApi.verify(chosen.token, password), setReport);
  };

  return (
    <div className="settings-group export-verify" data-testid="verify-section">
      <h3>{t('verify.title')}</h3>
      <p className="muted">{t('verify.intro')}</p>
      <div className="import-actions">
        <button type="button" className="btn" onClick={choose} disabled={busy} data-testid="verify-choose">
          {chosen ? t('verify.chooseAnother') : t('verify.choose')}
        </button>
      </div>
      {chosen && (
        <form className="import-password" onSubmit={verify}>
          <p className="muted">{t('verify.file', { name: chosen.fileName })}</p>
          <label className="setting">
            <span>{t('verify.password')}</span>
            <input
              className="input"
              type="password"
              autoComplete="off"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              disabled={busy}
              data-testid="verify-password"
            />
          </label>
          <div className="import-actions">
            <button type="submit" className="btn btn-primary" disabled={busy} data-testid="verify-go">
              {t('verify.check')}
            </button>
          </div>
        </form>
      )}
      {busy && <p role="status">{t('working')}</p>}
      {failure && (
        <p role="alert" className="import-error" data-testid="verify-error" data-code={failure.code}>
          {errorText(failure)}
        </p>
      )}
      {report && <VerifyReport report={report} />}
    </div>
  );
}

export function VerifyReport({ report }: { report: VerifyView }) {
  const { t } = useTranslation('export');
  return (
    <div role="status" className="export-report" data-testid="verify-report" data-ok={report.ok}>
      <p className={report.ok ? 'export-done' : 'import-error'}>
        <strong>{report.ok ? t('verify.ok') : t('verify.notOk')}</strong>
      </p>
      <p>
        {t('verify.matching', {
          count: report.matching,
          format: localFormatName(report.formatName, t),
          inBackup: report.inBackup,
        })}
      </p>
      {report.missing.length > 0 && <p>{t('verify.missing', { list: report.missing.join(', ') })}</p>}
      {report.changes.length > 0 && (
        <p>
          {t('verify.changed', {
            list: report.changes
              .map((c) =>
                t('verify.change', {
                  account: c.account,
                  details: c.fields
                    .map((f) => t('verify.fieldChange', { ...f, field: t(`verify.fields.${f.field}`) }))
                    .join(', '),
                }),
              )
              .join('; '),
          })}
        </p>
      )}
      {report.extra.length > 0 && <p>{t('verify.extra', { list: report.extra.join(', ') })}</p>}
    </div>
  );
}
