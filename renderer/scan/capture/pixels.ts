/**
 * Turns anything drawable into the decoder's RgbaImage. Everything is drawn
 * onto white first: a transparent PNG of a QR code has transparent "light"
 * modules that would otherwise read as black (RGBA 0,0,0,0).
 */
import type { RgbaImage } from '../../../common/qr/types';

export function drawToRgba(source: CanvasImageSource, width: number, height: number): RgbaImage {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('2D canvas unavailable');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(source, 0, 0, width, height);
  const { data } = ctx.getImageData(0, 0, width, height);
  return { data, width, height };
}
