/** Step 2: make the portal show its QR code, and leave it on the screen. */
import { useTranslation } from 'react-i18next';
import { GuidedStep } from './GuidedStep';

interface Props {
  educloud: boolean;
  onBack(): void;
  onNext(): void;
}

export function StepShowQr({ educloud, onBack, onNext }: Props) {
  const { t } = useTranslation('enroll');
  return (
    <GuidedStep
      title={t('guided.qr.title')}
      actions={
        <>
          <button type="button" className="enroll-primary" onClick={onNext} data-testid="guided-next">
            {t('guided.qr.ready')}
          </button>
          <button type="button" className="enroll-secondary" onClick={onBack}>
            {t('guided.back')}
          </button>
        </>
      }
    >
      <p className="enroll-instruction">{educloud ? t('guided.qr.educloud') : t('guided.qr.other')}</p>
      <p>{t('guided.qr.leaveVisible')}</p>
    </GuidedStep>
  );
}
