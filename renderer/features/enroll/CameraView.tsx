/**
 * Live webcam preview that decodes about four frames a second and stops at
 * the first authenticator key it sees. Leaving (Stop, or unmounting) releases
 * the camera at once.
 */
import { useLatest } from '../../components/useLatest';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { startCameraScan, type CameraSession } from '../../scan/capture';
import { enrollApi } from './api';
import { tokensOf, type Findings } from './findings';
import { CAMERA_DECODE, findInImage } from './sources';

interface Props {
  onFound(findings: Findings): void;
  onFailed(err: unknown): void;
  onStop(): void;
}

export function CameraView({ onFound, onFailed, onStop }: Props) {
  const { t } = useTranslation('enroll');
  const video = useRef<HTMLVideoElement>(null);
  const [started, setStarted] = useState(false);
  /** The last thing seen that was not a key ("a web link"), so the person knows the camera sees the code. */
  const [hint, setHint] = useState<string | null>(null);
  // Read through a ref: the camera starts once per mount, not again when the parent re-renders or t changes.
  const callbacks = useLatest({ onFound, onFailed, t });

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    let session: CameraSession | undefined;
    let left = false;
    startCameraScan(element, async (image) => {
      if (left) return true;
      const findings = await findInImage(image, undefined, CAMERA_DECODE);
      if (left) {
        // Decoded after the person pressed Stop: nobody will save these drafts.
        enrollApi.discardQuietly(tokensOf(findings));
        return true;
      }
      if (findings.keys.length > 0 || findings.transfer) {
        callbacks.current.onFound(findings);
        return true;
      }
      const other = findings.notOtp[0];
      if (other) setHint(callbacks.current.t(`notOtp.${other.what}`, { defaultValue: other.message }));
      else if (findings.rejected[0]) setHint(findings.rejected[0].message);
      return false;
    }).then(
      (s) => {
        if (left) s.stop();
        else {
          session = s;
          setStarted(true);
        }
      },
      (err: unknown) => {
        if (!left) callbacks.current.onFailed(err);
      },
    );
    return () => {
      left = true;
      session?.stop();
    };
  }, [callbacks]);

  return (
    <section className="enroll-card enroll-camera" data-testid="enroll-camera">
      <h2>{t('camera.title')}</h2>
      <p>{started ? t('camera.body') : t('camera.starting')}</p>
      <video ref={video} className="enroll-camera-video" muted playsInline aria-label={t('camera.videoLabel')} />
      {hint && (
        <p className="enroll-warning" role="status">
          {hint}
        </p>
      )}
      <div className="enroll-actions">
        <button type="button" className="enroll-secondary" onClick={onStop}>
          {t('camera.stop')}
        </button>
      </div>
    </section>
  );
}
