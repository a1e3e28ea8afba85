/**
 * Grayscale pixel operations on typed arrays only, so they run the same in a
 * Web Worker and in Node. Escalation passes work on luma; zxing and jsQR get
 * RGBA back through `grayToRgba`.
 */
import type { RgbaImage } from './types';

export interface GrayImage {
  data: Uint8Array;
  width: number;
  height: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Luma (BT.601 weights, as zxing uses) with every pixel composited onto
 * white first. Transparent light modules are common (PNG exports, clipboard
 * images); read as RGB they are whatever colour hides under alpha 0, often
 * black, and the symbol vanishes. Luma is linear in RGB, so compositing the
 * luma is the same as compositing the colour.
 */
export function toGray(image: RgbaImage): GrayImage {
  const n = image.width * image.height;
  const out = new Uint8Array(n);
  const src = image.data;
  // Byte reads beat 32-bit reads here (V8 boxes Uint32 values above 2^31); opaque pixels skip the blend.
  for (let p = 0, i = 0; p < n; p++, i += 4) {
    const luma = (306 * (src[i] as number) + 601 * (src[i + 1] as number) + 117 * (src[i + 2] as number) + 512) >> 10;
    const a = src[i + 3] as number;
    // (luma * a + 255 * (255 - a)) / 255, rounded, in integers: x * 257 >> 16 == x / 255 for x <= 65025.
    out[p] = a === 255 ? luma : ((a * (luma - 255) + 65025 + 128) * 257) >> 16;
  }
  return { data: out, width: image.width, height: image.height };
}

/** Light-on-dark becomes dark-on-light (a dark-mode code for a reader told not to try both). */
export function invert(gray: GrayImage): GrayImage {
  const out = new Uint8Array(gray.data.length);
  for (let i = 0; i < out.length; i++) out[i] = 255 - (gray.data[i] as number);
  return { data: out, width: gray.width, height: gray.height };
}

export function grayToRgba(gray: GrayImage): RgbaImage {
  const n = gray.width * gray.height;
  const out = new Uint8ClampedArray(n * 4);
  // One 32-bit write per pixel; R = G = B, so byte order only matters for alpha.
  const words = new Uint32Array(out.buffer);
  const alpha = LITTLE_ENDIAN ? 0xff000000 : 0x000000ff;
  const shift = LITTLE_ENDIAN ? 0 : 8;
  for (let p = 0; p < n; p++) {
    const v = gray.data[p] as number;
    words[p] = (alpha | (((v << 16) | (v << 8) | v) << shift)) >>> 0;
  }
  return { data: out, width: gray.width, height: gray.height };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Clamps a rectangle to the image and rounds it to whole pixels. */
export function clampRect(rect: Rect, width: number, height: number): Rect {
  const x = Math.max(0, Math.floor(rect.x));
  const y = Math.max(0, Math.floor(rect.y));
  const right = Math.min(width, Math.ceil(rect.x + rect.width));
  const bottom = Math.min(height, Math.ceil(rect.y + rect.height));
  return { x, y, width: Math.max(0, right - x), height: Math.max(0, bottom - y) };
}

export function cropGray(gray: GrayImage, rect: Rect): GrayImage {
  const r = clampRect(rect, gray.width, gray.height);
  const out = new Uint8Array(r.width * r.height);
  for (let row = 0; row < r.height; row++) {
    const start = (r.y + row) * gray.width + r.x;
    out.set(gray.data.subarray(start, start + r.width), row * r.width);
  }
  return { data: out, width: r.width, height: r.height };
}

/** Bilinear resampling by `factor` (> 1 enlarges). Pixel centres are kept aligned. */
export function scaleGray(gray: GrayImage, factor: number): GrayImage {
  const width = Math.max(1, Math.round(gray.width * factor));
  const height = Math.max(1, Math.round(gray.height * factor));
  const out = new Uint8Array(width * height);
  const sw = gray.width;
  const src = gray.data;
  // Source columns and weights are the same for every row: work them out once (8-bit fixed point).
  const col0 = new Int32Array(width);
  const col1 = new Int32Array(width);
  const wx = new Int32Array(width);
  for (let x = 0; x < width; x++) {
    const fx = Math.min(Math.max((x + 0.5) / factor - 0.5, 0), sw - 1);
    col0[x] = Math.floor(fx);
    col1[x] = Math.min(Math.floor(fx) + 1, sw - 1);
    wx[x] = Math.round((fx - Math.floor(fx)) * 256);
  }
  for (let y = 0; y < height; y++) {
    const fy = Math.min(Math.max((y + 0.5) / factor - 0.5, 0), gray.height - 1);
    const r0 = Math.floor(fy) * sw;
    const r1 = Math.min(Math.floor(fy) + 1, gray.height - 1) * sw;
    const wy = Math.round((fy - Math.floor(fy)) * 256);
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const a = col0[x] as number;
      const b = col1[x] as number;
      const w = wx[x] as number;
      const top = (src[r0 + a] as number) * (256 - w) + (src[r0 + b] as number) * w;
      const bottom = (src[r1 + a] as number) * (256 - w) + (src[r1 + b] as number) * w;
      out[row + x] = (top * (256 - wy) + bottom * wy + 32768) >> 16;
    }
  }
  return { data: out, width, height };
}
