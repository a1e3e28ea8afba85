/**
 * Google Authenticator transfer QR codes, one at a time ("1 of 3"). The
 * images were drawn in main; while they are up main keeps the window out of
 * screen captures, and closing (or leaving the page) tells main to stop.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportQrCodes } from '../../../common/transfer-export';
import { exportApi } from './api';

export function QrCodesViewer({ codes, onClose }: { codes: ExportQrCodes; onClose(): void }) {
  const { t } = useTranslation('export');
  const [index, setIndex] = useState(0);
  const total = codes.images.length;
  // However the codes leave the screen (Close, Back, another view), protection goes back to the setting.
  useEffect(() => () => exportApi.qrHidden(), []);

  return (
    <div className="settings-group export-qr" data-testid="export-qr">
      <h3>{t('qrTitle')}</h3>
      <p className="muted">{t('qrHelp', { count: codes.count })}</p>
      {codes.leftOut.length > 0 && (
        <p className="import-detail" data-testid="export-left-out">
          {t('leftOut', { list: codes.leftOut.join(', ') })}
        </p>
      )}
      <p className="import-progress" aria-live="polite" data-testid="export-qr-progress">
        {t('qrProgress', { n: index + 1, total })}
      </p>
      <img className="export-qr-image" src={codes.images[index]} alt={t('qrAlt', { n: index + 1, total })} />
      <div className="import-actions">
        <button type="button" className="btn" disabled={index === 0} onClick={() => setIndex(index - 1)}>
          {t('previous')}
        </button>
        <button type="button" className="btn" disabled={index >= total - 1} onClick={() => setIndex(index + 1)}>
          {t('next')}
        </button>
        <button type="button" className="btn btn-primary" onClick={onClose} data-testid="export-qr-close">
          {t('close')}
        </button>
      </div>
    </div>
  );
}
