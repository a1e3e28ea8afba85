/**
 * Grabs one full-resolution frame from a live MediaStream. A <video> element
 * is the one path that works for both screen and camera tracks in Chromium
 * and Electron; requestVideoFrameCallback tells us a real frame (not the
 * initial black one) has been presented.
 */
import type { RgbaImage } from '../../../common/qr/types';
import { drawToRgba } from './pixels';

/** Plays a stream in a detached, muted <video> and resolves once the first frame is presented. */
export async function playStream(
  stream: MediaStream,
  video: HTMLVideoElement = document.createElement('video'),
): Promise<HTMLVideoElement> {
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  await video.play();
  await nextFrame(video);
  return video;
}

export function nextFrame(video: HTMLVideoElement): Promise<void> {
  return new Promise((resolve) => video.requestVideoFrameCallback(() => resolve()));
}

/** The frame currently shown, at the video's intrinsic size. */
export function videoToRgba(video: HTMLVideoElement): RgbaImage {
  return drawToRgba(video, video.videoWidth, video.videoHeight);
}

export function stopStream(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}
