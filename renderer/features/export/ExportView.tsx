/**
 * "Export & back up": write every account to a file (an encrypted Authdesk
 * backup or Aegis vault, or a plain otpauth list after a clear warning), show
 * Google Authenticator transfer QR codes one at a time, check that a backup
 * opens and matches, and save a printable recovery sheet. Main does the
 * work and the dialogs; this page only ever holds counts, paths, labels and
 * the QR codes' pictures, never a secret.
 */
import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../../common/settings';
import { Icon } from '../../components/Icon';
import { useSettings } from '../../settings/SettingsProvider';
import { ExportFileSection } from './ExportFileSection';
import { RecoverySheetSection } from './RecoverySheetSection';
import { VerifyBackupSection } from './VerifyBackupSection';
import './export.css';

export function ExportView({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('export');
  const { settings } = useSettings();
  // Main refuses anyway; the page says so before anyone types a password.
  const plainForbidden = (settings as Partial<SettingsView>).policy?.forbidPlainTextExport ?? false;

  return (
    <section className="settings-view export-view" aria-labelledby="export-title" data-testid="export-view">
      <div className="view-head">
        <button
          type="button"
          className="icon-btn"
          onClick={onClose}
          aria-label={t('back', { ns: 'common' })}
          title={t('back', { ns: 'common' })}
        >
          <Icon name="back" />
        </button>
        <h2 id="export-title">{t('title')}</h2>
      </div>
      <ExportFileSection plainForbidden={plainForbidden} />
      <VerifyBackupSection />
      <RecoverySheetSection plainForbidden={plainForbidden} />
    </section>
  );
}
