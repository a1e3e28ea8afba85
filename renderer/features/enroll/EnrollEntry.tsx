/**
 * "Add from a QR code": scan the screen, open or drop pictures, paste a
 * screenshot or link, or hold the code up to the webcam; then preview, name
 * and save. While this screen is open it owns paste and drop for the window.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountMeta } from '../../../common/otp/types';
import { DropOverlay } from './DropOverlay';
import { FlowView } from './FlowView';
import { entryOpened, takePending } from './incoming';
import { SavedAccount } from './SavedAccount';
import { SourceButtons } from './SourceButtons';
import { useDropAndPaste } from './useDropAndPaste';
import { useEnrollFlow } from './useEnrollFlow';
import { useImagePicker } from './useImagePicker';
import './enroll.css';

export interface EnrollEntryProps {
  /** Leaving the screen; with the account just saved, if any (the list can highlight it). */
  onDone(account?: AccountMeta): void;
  /** Start this way in at once (the app's Scan button was the click that opened us). */
  initialSource?: 'screen' | 'image' | 'paste' | 'camera';
}

export function EnrollEntry({ onDone, initialSource }: EnrollEntryProps) {
  const { t } = useTranslation('enroll');
  const flow = useEnrollFlow();
  const picker = useImagePicker((files) => flow.openFiles(files, 'image'));
  const { dragging } = useDropAndPaste({
    active: () => true,
    onFiles: (files, how) => flow.openFiles(files, how === 'paste' ? 'paste' : 'image'),
    onLink: flow.pasteLink,
  });

  useEffect(() => entryOpened(), []);

  // Once per mount (a ref, not state: StrictMode re-runs effects and must not scan twice).
  const begun = useRef(false);
  useEffect(() => {
    if (begun.current) return;
    begun.current = true;
    const pending = takePending();
    if (pending) flow.adopt(pending.source, () => pending.work);
    else if (initialSource === 'screen') flow.scanScreen();
    else if (initialSource === 'camera') flow.startCamera();
    else if (initialSource === 'image') picker.open();
  }, [flow, initialSource, picker]);

  const leave = () => {
    const saved = flow.view.step === 'saved' ? flow.view.account : undefined;
    flow.reset();
    onDone(saved);
  };

  return (
    <div className="enroll" data-testid="enroll-entry">
      <header className="enroll-header">
        <h1>{t('title')}</h1>
        <button type="button" className="enroll-secondary" onClick={leave}>
          {t('close')}
        </button>
      </header>
      {picker.input}
      <FlowView
        flow={flow}
        openImagePicker={picker.open}
        start={
          <SourceButtons
            onScreen={flow.scanScreen}
            onImage={picker.open}
            onCamera={flow.startCamera}
            highlightPaste={initialSource === 'paste'}
          />
        }
        saved={(account) => <SavedAccount account={account} onDone={() => onDone(account)} onAnother={flow.reset} />}
      />
      <DropOverlay visible={dragging} />
    </div>
  );
}
