/** Step 2: make the portal show its QR code, and leave it on the screen. */
import { useTranslation } from 'react-i18next';
import { useFocusOnMount } from '../useFocusOnMount';

interface Props {
  educloud: boolean;
  onBack(): void;
  onNext(): void;
}

export function StepShowQr({ educloud, onBack, onNext }: Props) {
  const { t } = useTranslation('enroll');
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <>
      <h2 ref={heading} tabIndex={-1}>
        {t('guided.qr.title')}
      </h2>
      <p className="enroll-instruction">{educloud ? t('guided.qr.educloud') : t('guided.qr.other')}</p>
      <p>{t('guided.qr.leaveVisible')}</p>
      <div className="enroll-actions">
        <button type="button" className="enroll-primary" onClick={onNext} data-testid="guided-next">
          {t('guided.qr.ready')}
        </button>
        <button type="button" className="enroll-secondary" onClick={onBack}>
          {t('guided.back')}
        </button>
      </div>
    </>
  );
}
