/**
 * "Set up two-factor sign-in": the guided path for people who have never
 * used an authenticator. Portal -> make it show a QR code -> scan -> type the
 * code back -> did it work? (and what to do if not).
 */
import { useLatest } from '../../../components/useLatest';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorValue } from '../../../../common/errors';
import type { AccountMeta } from '../../../../common/otp/types';
import { enrollApi } from '../api';
import { DropOverlay } from '../DropOverlay';
import { toErrorValue } from '../../../components/error-text';
import { entryOpened } from '../incoming';
import { useDropAndPaste } from '../useDropAndPaste';
import { useEnrollFlow } from '../useEnrollFlow';
import { useImagePicker } from '../useImagePicker';
import { NotAccepted } from './NotAccepted';
import { StepCode } from './StepCode';
import { StepPortal } from './StepPortal';
import { StepScan } from './StepScan';
import { StepShowQr } from './StepShowQr';
import { isEducloud, usePortal } from './usePortal';
import '../enroll.css';

type Step = 1 | 2 | 3 | 4 | 'help';
const STEPS = 4;

/** onDone: the set-up ends; with the account it added when the portal accepted its code. */
export function GuidedSetup({ onDone }: { onDone(account?: AccountMeta): void }) {
  const { t } = useTranslation('enroll');
  const [step, setStep] = useState<Step>(1);
  const [account, setAccount] = useState<AccountMeta | null>(null);
  const [removing, setRemoving] = useState(false);
  const [removeError, setRemoveError] = useState<ErrorValue | null>(null);
  const flow = useEnrollFlow({
    onSaved: (saved) => {
      setAccount(saved);
      setStep(4);
    },
  });
  const portal = usePortal();
  const picker = useImagePicker((files) => flow.openFiles(files, 'image'));
  const stepRef = useLatest(step);

  // Pictures dropped or pasted count only on the scan step; elsewhere they would surprise.
  const { dragging } = useDropAndPaste({
    active: () => stepRef.current === 3,
    onFiles: (files, how) => flow.openFiles(files, how === 'paste' ? 'paste' : 'image'),
    onLink: flow.pasteLink,
  });
  useEffect(() => entryOpened(), []);

  /** "Scan again" and "start over" both begin by removing the account that did not work. */
  const removeThen = async (next: 1 | 3) => {
    if (!account) return;
    setRemoving(true);
    try {
      await enrollApi.removeAccount(account.id);
      setAccount(null);
      setRemoveError(null);
      setStep(next);
      if (next === 3) flow.scanScreen();
    } catch (err) {
      setRemoveError(toErrorValue(err));
    } finally {
      setRemoving(false);
    }
  };

  const number = step === 'help' ? 4 : step;
  return (
    <div className="enroll enroll-guided" data-testid="guided-setup" data-step={step}>
      <header className="enroll-header">
        <div>
          <h1>{t('guided.title')}</h1>
          <p className="enroll-muted" data-testid="guided-step-counter">
            {t('guided.stepOf', { step: number, total: STEPS })}
          </p>
        </div>
        <button type="button" className="enroll-secondary" onClick={() => onDone()}>
          {t('close')}
        </button>
      </header>
      {picker.input}
      <section className="enroll-card">
        {step === 1 && <StepPortal portal={portal} onNext={() => setStep(2)} />}
        {step === 2 && (
          <StepShowQr educloud={isEducloud(portal.preset)} onBack={() => setStep(1)} onNext={() => setStep(3)} />
        )}
        {step === 3 && <StepScan flow={flow} openImagePicker={picker.open} onBack={() => setStep(2)} />}
        {step === 4 && account && (
          <StepCode account={account} onAccepted={() => onDone(account)} onRejected={() => setStep('help')} />
        )}
        {step === 'help' && (
          <NotAccepted
            busy={removing}
            error={removeError}
            onBackToCode={() => setStep(4)}
            onRescan={() => void removeThen(3)}
            onStartOver={() => void removeThen(1)}
          />
        )}
      </section>
      <DropOverlay visible={dragging} />
    </div>
  );
}
