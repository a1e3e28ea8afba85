/**
 * Joins the captures of several displays into one image laid out as the
 * displays really are, so a code dragged across the seam between two
 * monitors can still be read. Bounds are in the OS's logical (DIP) units;
 * each capture has its own pixel density, so all are brought to one scale:
 * the finest among them, lowered only if the result would be huge.
 */
import { AuthdeskError } from '../errors';
import type { RgbaImage } from './types';

export interface DisplayCapture {
  image: RgbaImage;
  bounds: { x: number; y: number; width: number; height: number };
}

/** Above this many pixels the common scale is reduced (a worker holding 4 bytes each). */
const MAX_PIXELS = 40_000_000;

/** Bilinear RGBA resampling to exactly width x height. */
function resizeRgba(image: RgbaImage, width: number, height: number): RgbaImage {
  if (width === image.width && height === image.height) return image;
  const out = new Uint8ClampedArray(width * height * 4);
  const sx = image.width / width;
  const sy = image.height / height;
  const src = image.data;
  for (let y = 0; y < height; y++) {
    const fy = Math.min(Math.max((y + 0.5) * sy - 0.5, 0), image.height - 1);
    const y0 = Math.floor(fy);
    const y1 = Math.min(y0 + 1, image.height - 1);
    const ay = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(Math.max((x + 0.5) * sx - 0.5, 0), image.width - 1);
      const x0 = Math.floor(fx);
      const x1 = Math.min(x0 + 1, image.width - 1);
      const ax = fx - x0;
      const o = (y * width + x) * 4;
      for (let c = 0; c < 4; c++) {
        const top =
          (src[(y0 * image.width + x0) * 4 + c] as number) * (1 - ax) +
          (src[(y0 * image.width + x1) * 4 + c] as number) * ax;
        const bottom =
          (src[(y1 * image.width + x0) * 4 + c] as number) * (1 - ax) +
          (src[(y1 * image.width + x1) * 4 + c] as number) * ax;
        out[o + c] = top * (1 - ay) + bottom * ay;
      }
    }
  }
  return { data: out, width, height };
}

export function stitchDisplays(captures: DisplayCapture[]): RgbaImage {
  if (captures.length === 0) throw new AuthdeskError('bad-input', 'There is no screen capture to read.');
  for (const c of captures) {
    if (c.bounds.width <= 0 || c.bounds.height <= 0 || c.image.width <= 0 || c.image.height <= 0) {
      throw new AuthdeskError('bad-input', 'A display reported an empty size, so its capture cannot be placed.');
    }
  }
  if (captures.length === 1) return (captures[0] as DisplayCapture).image;
  const left = Math.min(...captures.map((c) => c.bounds.x));
  const top = Math.min(...captures.map((c) => c.bounds.y));
  const right = Math.max(...captures.map((c) => c.bounds.x + c.bounds.width));
  const bottom = Math.max(...captures.map((c) => c.bounds.y + c.bounds.height));
  let scale = Math.max(...captures.map((c) => c.image.width / c.bounds.width));
  scale = Math.min(scale, Math.sqrt(MAX_PIXELS / ((right - left) * (bottom - top))));
  const width = Math.round((right - left) * scale);
  const height = Math.round((bottom - top) * scale);
  // White between displays of different sizes: it reads as a quiet zone, never as a module.
  const out = new Uint8ClampedArray(width * height * 4).fill(255);
  for (const c of captures) {
    const x0 = Math.round((c.bounds.x - left) * scale);
    const y0 = Math.round((c.bounds.y - top) * scale);
    const w = Math.min(Math.round((c.bounds.x + c.bounds.width - left) * scale), width) - x0;
    const h = Math.min(Math.round((c.bounds.y + c.bounds.height - top) * scale), height) - y0;
    const placed = resizeRgba(c.image, w, h);
    for (let row = 0; row < h; row++) {
      const from = row * w * 4;
      out.set(placed.data.subarray(from, from + w * 4), ((y0 + row) * width + x0) * 4);
    }
  }
  return { data: out, width, height };
}
