/**
 * Webcam scanning: a live preview in the caller's <video>, a frame handed to
 * `onFrame` about every 250 ms (never two decodes at once), and the camera
 * released on stop. The camera light must go off when the user leaves.
 */
import type { RgbaImage } from '../../../common/qr/types';
import { CaptureError, mediaFailure } from './failure';
import { playStream, stopStream, videoToRgba } from './video-frame';

export const CAMERA_SCAN_INTERVAL_MS = 250;

export interface CameraSession {
  /** Stops scanning and releases the camera. Safe to call twice. */
  stop(): void;
}

/**
 * `onFrame` returns true when it found what it wanted: scanning then stops
 * and the camera is released.
 */
export async function startCameraScan(
  video: HTMLVideoElement,
  onFrame: (image: RgbaImage) => Promise<boolean>,
  intervalMs = CAMERA_SCAN_INTERVAL_MS,
): Promise<CameraSession> {
  if (!navigator.mediaDevices?.getUserMedia) {
    throw new CaptureError('unsupported', 'This system cannot use a camera.');
  }
  let stream: MediaStream;
  try {
    // 'environment' picks a laptop's/tablet's rear camera where there is one; 1280 wide is plenty for a QR code held up.
    stream = await navigator.mediaDevices.getUserMedia({
      video: { facingMode: 'environment', width: { ideal: 1280 } },
      audio: false,
    });
  } catch (err) {
    throw mediaFailure(err, 'camera');
  }
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    clearTimeout(timer);
    stopStream(stream);
    // Only if the element still shows our stream: a newer session may already own it.
    if (video.srcObject === stream) video.srcObject = null;
  };
  try {
    await playStream(stream, video);
  } catch {
    stop();
    throw new CaptureError('no-device', 'The camera picture could not be shown.');
  }
  const tick = async () => {
    if (stopped) return;
    const started = performance.now();
    let found = false;
    try {
      if (video.videoWidth > 0) found = await onFrame(videoToRgba(video));
    } catch {
      // One bad frame (decoder hiccup) must not end the scan; the next frame tries again.
    }
    if (found) stop();
    if (stopped) return;
    timer = setTimeout(tick, Math.max(0, intervalMs - (performance.now() - started)));
  };
  void tick();
  return { stop };
}
