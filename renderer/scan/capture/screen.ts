/**
 * Screen capture: one frame of every display at its native resolution.
 *
 * Main answers getDisplayMedia with an entire screen (no picker, except on
 * Wayland where the system portal always asks): within one round, call i gets
 * display i of app.displays, and a call after the last is refused. So we ask
 * once per display we were told of, each capture tagged with its display's
 * bounds, which lets the decoder stitch neighbours when a code spans a seam.
 */
import type { DisplayInfo } from '../../../common/ipc/contract';
import type { DisplayCapture } from '../../../common/qr/stitch';
import type { RgbaImage } from '../../../common/qr/types';
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

/**
 * One capture per display, in `displays` order, between stepAside and
 * comeBack. An empty list or a single display means one capture (bounds then
 * come from the display, or from the frame itself when we know no display).
 */
export async function captureScreens(window: StepAside, displays: readonly DisplayInfo[]): Promise<DisplayCapture[]> {
  if (!navigator.mediaDevices?.getDisplayMedia) {
    throw new CaptureError('unsupported', 'This system cannot capture the screen.');
  }
  const wanted = Math.max(displays.length, 1);
  const captures: DisplayCapture[] = [];
  await window.stepAside();
  try {
    for (let i = 0; i < wanted; i++) {
      let stream: MediaStream;
      try {
        stream = await navigator.mediaDevices.getDisplayMedia(SCREEN_CONSTRAINTS);
      } catch (err) {
        // Main refuses once every screen was handed out (a display was unplugged
        // since we asked): the captures we already hold are still worth reading.
        if (captures.length > 0) break;
        throw mediaFailure(err, 'screen');
      }
      try {
        const image = await grabFrame(stream);
        const bounds = displays[i]?.bounds ?? { x: 0, y: 0, width: image.width, height: image.height };
        captures.push({ image, bounds: { ...bounds } });
      } finally {
        // Release each screen at once: the capture indicator goes away before the next one starts.
        stopStream(stream);
      }
    }
    return captures;
  } finally {
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
