/**
 * Screen capture: one frame of the whole screen at its native resolution.
 *
 * Main answers getDisplayMedia with the entire screen (no picker, except on
 * Wayland where the system portal always asks). We take ONE capture, kept
 * simple on purpose: with several displays main hands us the one it chooses
 * (the primary), and "use a picture instead" covers a QR code on another one.
 */
import type { RgbaImage } from '../decoder/types';
import { CaptureError, mediaFailure } from './failure';
import { drawToRgba } from './pixels';
import { playStream, stopStream, videoToRgba } from './video-frame';

/**
 * Chromium scales a bare `{ video: true }` screen track down to 1280x720,
 * which blurs a small QR code on a 1080p or 4K screen beyond reading. Asking
 * for a huge *ideal* size with resizeMode 'none' yields the native size
 * (measured: 1920x1080 on a 1920x1080 screen, never upscaled).
 */
export const SCREEN_CONSTRAINTS: DisplayMediaStreamOptions = {
  video: {
    width: { ideal: 7680 },
    height: { ideal: 4320 },
    frameRate: { ideal: 5 },
    resizeMode: 'none',
  } as MediaTrackConstraints,
  audio: false,
};

export interface StepAside {
  /** Moves the app window out of the way (main hides it in Electron). */
  stepAside(): Promise<void>;
  comeBack(): Promise<void>;
}

export async function captureScreen(window: StepAside): Promise<RgbaImage> {
  if (!navigator.mediaDevices?.getDisplayMedia) {
    throw new CaptureError('unsupported', 'This system cannot capture the screen.');
  }
  await window.stepAside();
  let stream: MediaStream | undefined;
  try {
    try {
      stream = await navigator.mediaDevices.getDisplayMedia(SCREEN_CONSTRAINTS);
    } catch (err) {
      throw mediaFailure(err, 'screen');
    }
    return await grabFrame(stream);
  } finally {
    // Release the screen before anything else: the capture indicator goes away at once.
    if (stream) stopStream(stream);
    await window.comeBack();
  }
}

/** Chromium's ImageCapture.grabFrame, missing from TypeScript's DOM types. */
interface FrameGrabber {
  grabFrame(): Promise<ImageBitmap>;
}

/**
 * ImageCapture.grabFrame reads the track directly, so it works while our
 * window is hidden (a hidden page stops presenting video frames); the
 * <video> path is the fallback for runtimes without ImageCapture.
 */
async function grabFrame(stream: MediaStream): Promise<RgbaImage> {
  const track = stream.getVideoTracks()[0];
  if (!track) throw new CaptureError('no-device', 'No screen could be captured.');
  if (typeof ImageCapture === 'function' && 'grabFrame' in ImageCapture.prototype) {
    const bitmap = await (new ImageCapture(track) as ImageCapture & FrameGrabber).grabFrame();
    try {
      return drawToRgba(bitmap, bitmap.width, bitmap.height);
    } finally {
      bitmap.close();
    }
  }
  return videoToRgba(await playStream(stream));
}
