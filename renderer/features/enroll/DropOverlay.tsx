/** The full-window drop zone shown while files are dragged over the app. */
import { useTranslation } from 'react-i18next';

export function DropOverlay({ visible }: { visible: boolean }) {
  const { t } = useTranslation('enroll');
  if (!visible) return null;
  return (
    <div className="enroll-drop-overlay" data-testid="enroll-drop-overlay" aria-hidden="true">
      <div className="enroll-drop-target">{t('drop.title')}</div>
    </div>
  );
}
