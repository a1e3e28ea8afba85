/** Step 3: scan the screen (or use an image), check the preview, save. */
import { useTranslation } from 'react-i18next';
import { GuidedStep } from './GuidedStep';
import { FlowView } from '../FlowView';
import { useAppInfo } from '../useAppInfo';
import type { EnrollFlow } from '../useEnrollFlow';

interface Props {
  flow: EnrollFlow;
  openImagePicker(): void;
  onBack(): void;
}

export function StepScan({ flow, openImagePicker, onBack }: Props) {
  const { t } = useTranslation('enroll');
  const info = useAppInfo();
  const start = (
    <GuidedStep
      title={t('guided.scan.title')}
      actions={
        <>
          <button type="button" className="enroll-primary" onClick={flow.scanScreen} data-testid="enroll-scan-screen">
            {t('guided.scan.scan')}
          </button>
          <button type="button" className="enroll-secondary" onClick={openImagePicker} data-testid="enroll-open-image">
            {t('guided.scan.useImage')}
          </button>
          <button type="button" className="enroll-secondary" onClick={onBack}>
            {t('guided.back')}
          </button>
        </>
      }
    >
      <p className="enroll-instruction">{t('guided.scan.body')}</p>
      {info?.waylandSession && <p className="enroll-note">{t('start.waylandPicker')}</p>}
    </GuidedStep>
  );
  // The saved step never shows here: the guided set-up moves on to step 4 first.
  return <FlowView flow={flow} start={start} saved={() => null} openImagePicker={openImagePicker} />;
}
