/**
 * The printable recovery sheet: main writes an HTML page with every
 * account's QR code and key, in the page's language. It holds every secret
 * in clear text, so the button asks first (an explicit confirmation step).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorValue } from '../../../common/errors';
import type { ExportWritten } from '../../../common/transfer-export';
import { toErrorValue, useErrorText } from '../../components/error-text';
import { exportApi } from './api';

export function RecoverySheetSection({ plainForbidden }: { plainForbidden: boolean }) {
  const { t, i18n } = useTranslation('export');
  const errorText = useErrorText();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ErrorValue | null>(null);
  const [done, setDone] = useState<Extract<ExportWritten, { status: 'written' }> | null>(null);

  const save = () => {
    setBusy(true);
    setFailure(null);
    setDone(null);
    exportApi
      .sheet(i18n.language === 'nb' ? 'nb' : 'en')
      .then((result) => {
        setConfirming(false);
        if (result.status === 'written') setDone(result);
      })
      .catch((err: unknown) => setFailure(toErrorValue(err)))
      .finally(() => setBusy(false));
  };

  return (
    <div className="settings-group export-sheet" data-testid="sheet-section">
      <h3>{t('sheet.title')}</h3>
      <p className="muted">{plainForbidden ? t('forbidden') : t('sheet.intro')}</p>
      {!confirming ? (
        <div className="import-actions">
          <button
            type="button"
            className="btn"
            onClick={() => setConfirming(true)}
            disabled={busy || plainForbidden}
            data-testid="sheet-start"
          >
            {t('sheet.start')}
          </button>
        </div>
      ) : (
        <div
          role="alertdialog"
          aria-labelledby="sheet-confirm-text"
          className="export-confirm-box"
          data-testid="sheet-confirm"
        >
          <p id="sheet-confirm-text">{t('sheet.confirm')}</p>
          <div className="import-actions">
            <button type="button" className="btn btn-primary" onClick={save} disabled={busy} data-testid="sheet-save">
              {t('sheet.save')}
            </button>
            <button type="button" className="btn" onClick={() => setConfirming(false)} disabled={busy}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
      {failure && (
        <p role="alert" className="import-error" data-testid="sheet-error" data-code={failure.code}>
          {errorText(failure)}
        </p>
      )}
      {done && (
        <p role="status" className="export-done" data-testid="sheet-done">
          {t('sheet.written', { count: done.count, file: done.file })}
        </p>
      )}
    </div>
  );
}
