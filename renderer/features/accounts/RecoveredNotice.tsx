/**
 * accounts.json was found damaged or missing and its backup was put back:
 * say so, what was restored and what may be missing, until the person
 * acknowledges it (vault.acknowledge). Never silent.
 */
import { useTranslation } from 'react-i18next';
import type { RecoveryNotice } from '../../../common/ipc/contract';
import { Banner } from '../../components/Banner';

export function RecoveredNotice({ notice, onAcknowledge }: { notice: RecoveryNotice; onAcknowledge(): void }) {
  const { t, i18n } = useTranslation('accounts');
  const when = new Date(notice.at).toLocaleString(i18n.language);
  return (
    <Banner tone="warning" label={t('recovered.title')}>
      <strong>{t('recovered.title')}</strong>
      <p>{t('recovered.body', { when, reason: notice.reason, count: notice.accounts })}</p>
      {notice.keptAs && <p>{t('recovered.kept', { file: notice.keptAs })}</p>}
      <p>{t('recovered.missing')}</p>
      <button type="button" className="btn btn-small" onClick={onAcknowledge}>
        {t('recovered.ack')}
      </button>
    </Banner>
  );
}
