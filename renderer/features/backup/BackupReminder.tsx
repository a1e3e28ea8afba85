/**
 * "No backup for N days": shown when main says the reminder is due (the last
 * backup, manual or automatic, is 30 days old or more, or there never was
 * one and there are accounts). The button opens Settings at Backups;
 * dismissing asks main to hide it for a week (main keeps that date).
 */
import { useTranslation } from 'react-i18next';
import { bridge, unwrap } from '../../api';
import { Banner } from '../../components/Banner';
import { useBackupStatus } from './useBackupStatus';

export function BackupReminder({ onOpenSettings }: { onOpenSettings(): void }) {
  const { t } = useTranslation('backup');
  const { status, set } = useBackupStatus();
  if (!status?.reminder.due) return null;
  const { days } = status.reminder;
  return (
    <div className="backup-reminder" data-testid="backup-reminder">
      <Banner
        tone="warning"
        label={t('reminder.label')}
        onDismiss={() => void unwrap(bridge().backup.dismissReminder()).then(set, () => undefined)}
        dismissLabel={t('reminder.dismiss')}
      >
        <p>
          <strong>{days === null ? t('reminder.never') : t('reminder.days', { count: days })}</strong>{' '}
          {t('reminder.why')}
        </p>
        <button type="button" className="btn btn-ghost" onClick={onOpenSettings}>
          {t('reminder.open')}
        </button>
      </Banner>
    </div>
  );
}
