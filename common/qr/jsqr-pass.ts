/**
 * jsQR as the last resort: a different binariser and locator than zxing's,
 * so it reads some symbols zxing gives up on. It finds one symbol per call
 * and is slow on big images, so it only ever sees small candidate crops.
 */
import jsQR from 'jsqr';
import type { Corners } from './engine';
import type { RgbaImage } from './types';

export function readQrWithJsqr(image: RgbaImage): { text: string; position: Corners } | null {
  const data =
    image.data instanceof Uint8ClampedArray
      ? image.data
      : new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  const found = jsQR(data, image.width, image.height, { inversionAttempts: 'attemptBoth' });
  // jsQR verifies Reed–Solomon; an empty text carries nothing we could use.
  if (!found || found.data === '') return null;
  const l = found.location;
  return {
    text: found.data,
    position: [l.topLeftCorner, l.topRightCorner, l.bottomRightCorner, l.bottomLeftCorner].map((p) => ({
      x: p.x,
      y: p.y,
    })),
  };
}
