/**
 * Renders whatever step an enrollment flow is at. The start screen and what
 * follows a save differ between EnrollEntry and the guided set-up, so they
 * come in as props.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountMeta } from '../../../common/otp/types';
import { TransferCard } from '../import/TransferCard';
import { CameraView } from './CameraView';
import { PickKey } from './PickKey';
import { PreviewCard } from './PreviewCard';
import { ProblemView } from './ProblemView';
import type { EnrollFlow } from './useEnrollFlow';

interface Props {
  flow: EnrollFlow;
  start: ReactNode;
  saved(account: AccountMeta): ReactNode;
  openImagePicker(): void;
}

export function FlowView({ flow, start, saved, openImagePicker }: Props) {
  const { t } = useTranslation('enroll');
  const { view } = flow;
  switch (view.step) {
    case 'start':
      return <>{start}</>;
    case 'busy':
      return (
        <section className="enroll-card" data-testid="enroll-busy">
          <div role="status" aria-live="polite">
            <div className="enroll-spinner" aria-hidden="true" />
            <p>{view.source === 'screen' ? t('busy.screen') : t('busy.image')}</p>
          </div>
          <div className="enroll-actions">
            <button type="button" className="enroll-secondary" onClick={flow.reset}>
              {t('preview.cancel')}
            </button>
          </div>
        </section>
      );
    case 'camera':
      return <CameraView onFound={flow.cameraFound} onFailed={flow.cameraFailed} onStop={flow.reset} />;
    case 'pick':
      return <PickKey view={view} onPick={flow.pick} onCancel={flow.reset} />;
    case 'preview':
      // Keyed by token: a new scan's preview starts with its own names, not the edits of the last one.
      return <PreviewCard key={view.key.token} view={view} onSave={flow.save} onCancel={flow.reset} />;
    case 'saved':
      return <>{saved(view.account)}</>;
    case 'transfer':
      return (
        <TransferCard
          key={view.transfer.token}
          step={view.transfer}
          onScanNext={flow.scanScreen}
          onImage={openImagePicker}
          onCamera={flow.startCamera}
          onClose={flow.reset}
        />
      );
    case 'problem':
      return (
        <ProblemView
          view={view}
          onRetry={(source) => (source === 'camera' ? flow.startCamera() : flow.scanScreen())}
          onUseImage={openImagePicker}
          onBack={flow.reset}
        />
      );
  }
}
