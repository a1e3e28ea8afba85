/**
 * A Google Authenticator transfer code was scanned (from the screen, a
 * picture, a paste, a drop or the webcam): main holds the batch. While parts
 * are missing this says "2 of 3 scanned" and offers the next scan (any
 * order; a part scanned twice counts once); the accounts of the parts so far
 * are listed and can be imported already. Cancel drops the batch in main.
 */
import { useTranslation } from 'react-i18next';
import type { AccountMeta } from '../../../common/otp/types';
import type { ImportStep } from '../../../common/transfer-import';
import { ImportPreviewPanel } from './ImportPreviewPanel';
import './import.css';

interface Props {
  step: Extract<ImportStep, { status: 'preview' }>;
  onScanNext(): void;
  onImage(): void;
  onCamera(): void;
  /** Back to the start of the scan screen (after Cancel, or after importing); the flow drops the batch in main. */
  onClose(added: AccountMeta[]): void;
}

export function TransferCard({ step, onScanNext, onImage, onCamera, onClose }: Props) {
  const { t } = useTranslation('import');
  const progress = step.transfer;
  const incomplete = progress !== null && !progress.complete;
  // onClose resets the scan flow, which drops the batch in main.
  const cancel = () => onClose([]);
  return (
    <section className="enroll-card" aria-labelledby="transfer-title" data-testid="transfer-card">
      <h2 id="transfer-title">{t('transfer.title')}</h2>
      {progress && progress.total > 1 && (
        <div role="status" aria-live="polite" data-testid="transfer-progress">
          <p className="import-progress">
            {t('transfer.progress', { scanned: progress.scanned.length, total: progress.total })}
          </p>
          <p>
            {incomplete
              ? t('transfer.missing', { parts: progress.missing.map((i) => i + 1).join(', ') })
              : t('transfer.complete')}
          </p>
        </div>
      )}
      {incomplete && (
        <div className="import-actions">
          <button type="button" className="btn btn-primary" onClick={onScanNext} data-testid="transfer-scan-next">
            {t('transfer.scanNext')}
          </button>
          <button type="button" className="btn" onClick={onImage}>
            {t('transfer.useImage')}
          </button>
          <button type="button" className="btn" onClick={onCamera}>
            {t('transfer.webcam')}
          </button>
        </div>
      )}
      <ImportPreviewPanel
        token={step.token}
        preview={step.preview}
        importLabel={incomplete ? (count) => t('transfer.partial', { count }) : undefined}
        onFinished={onClose}
        actions={
          <button type="button" className="btn" onClick={cancel}>
            {t('cancel')}
          </button>
        }
      />
    </section>
  );
}
