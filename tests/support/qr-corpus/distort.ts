/**
 * The conditions a real capture adds to a clean symbol: blur, rotation,
 * perspective, noise, glare, contrast loss, JPEG and rescaling. Geometry and
 * filters are our own pixel code; JPEG and resampling go through sharp.
 */
import sharp from 'sharp';
import type { RgbaImage } from '../../../common/qr/types';
import { createImage, type Rgb } from './canvas';
import type { Rng } from './prng';

export type Point = { x: number; y: number };

function sampleBilinear(img: RgbaImage, x: number, y: number, out: number[]): boolean {
  if (x < -0.5 || y < -0.5 || x > img.width - 0.5 || y > img.height - 0.5) return false;
  const fx = Math.min(Math.max(x - 0.5, 0), img.width - 1);
  const fy = Math.min(Math.max(y - 0.5, 0), img.height - 1);
  const x0 = Math.floor(fx);
  const y0 = Math.floor(fy);
  const x1 = Math.min(x0 + 1, img.width - 1);
  const y1 = Math.min(y0 + 1, img.height - 1);
  const ax = fx - x0;
  const ay = fy - y0;
  for (let c = 0; c < 4; c++) {
    const p00 = img.data[(y0 * img.width + x0) * 4 + c] as number;
    const p10 = img.data[(y0 * img.width + x1) * 4 + c] as number;
    const p01 = img.data[(y1 * img.width + x0) * 4 + c] as number;
    const p11 = img.data[(y1 * img.width + x1) * 4 + c] as number;
    out[c] = (p00 * (1 - ax) + p10 * ax) * (1 - ay) + (p01 * (1 - ax) + p11 * ax) * ay;
  }
  return true;
}

/** Fills every output pixel from `src` through `map` (output pixel centre -> source point). */
function remap(
  src: RgbaImage,
  width: number,
  height: number,
  background: Rgb,
  map: (x: number, y: number) => Point,
): RgbaImage {
  const out = createImage(width, height, background);
  const px = [0, 0, 0, 0];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = map(x + 0.5, y + 0.5);
      if (!sampleBilinear(src, p.x, p.y, px)) continue;
      const i = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) out.data[i + c] = px[c] as number;
    }
  }
  return out;
}

/** Rotates about the centre onto a canvas large enough to hold the result. */
export function rotate(img: RgbaImage, degrees: number, background: Rgb = [255, 255, 255]): RgbaImage {
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const width = Math.ceil(Math.abs(img.width * cos) + Math.abs(img.height * sin));
  const height = Math.ceil(Math.abs(img.width * sin) + Math.abs(img.height * cos));
  return remap(img, width, height, background, (x, y) => {
    const dx = x - width / 2;
    const dy = y - height / 2;
    return { x: cos * dx + sin * dy + img.width / 2, y: -sin * dx + cos * dy + img.height / 2 };
  });
}

/** Solves the 3x3 homography H (h33 = 1) with H(from[i]) = to[i]. */
export function homography(from: Point[], to: Point[]): number[] {
  const a: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const { x, y } = from[i] as Point;
    const { x: u, y: v } = to[i] as Point;
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  for (let col = 0; col < 8; col++) {
    let pivot = col;
    for (let r = col + 1; r < 8; r++)
      if (Math.abs((a[r] as number[])[col] as number) > Math.abs((a[pivot] as number[])[col] as number)) pivot = r;
    [a[col], a[pivot]] = [a[pivot] as number[], a[col] as number[]];
    const p = a[col] as number[];
    for (let r = 0; r < 8; r++) {
      if (r === col) continue;
      const row = a[r] as number[];
      const f = (row[col] as number) / (p[col] as number);
      for (let c = col; c < 9; c++) row[c] = (row[c] as number) - f * (p[c] as number);
    }
  }
  return [...a.map((row, i) => (row[8] as number) / (row[i] as number)), 1];
}

export function applyHomography(h: number[], p: Point): Point {
  const [a, b, c, d, e, f, g, k] = h as [number, number, number, number, number, number, number, number];
  const w = g * p.x + k * p.y + 1;
  return { x: (a * p.x + b * p.y + c) / w, y: (d * p.x + e * p.y + f) / w };
}

/** Maps the source's corners to `corners` (TL, TR, BR, BL) on a width x height canvas. */
export function perspective(
  img: RgbaImage,
  corners: Point[],
  width: number,
  height: number,
  background: Rgb = [255, 255, 255],
): RgbaImage {
  const src = [
    { x: 0, y: 0 },
    { x: img.width, y: 0 },
    { x: img.width, y: img.height },
    { x: 0, y: img.height },
  ];
  const back = homography(corners, src);
  return remap(img, width, height, background, (x, y) => applyHomography(back, { x, y }));
}

export function gaussianBlur(img: RgbaImage, sigma: number): RgbaImage {
  const radius = Math.max(1, Math.ceil(sigma * 3));
  const kernel = Array.from({ length: 2 * radius + 1 }, (_, i) => Math.exp(-((i - radius) ** 2) / (2 * sigma * sigma)));
  const sum = kernel.reduce((s, k) => s + k, 0);
  const k = kernel.map((v) => v / sum);
  const pass = (src: RgbaImage, horizontal: boolean): RgbaImage => {
    const out = createImage(src.width, src.height);
    const { width, height } = src;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        let r = 0;
        let g = 0;
        let b = 0;
        for (let t = -radius; t <= radius; t++) {
          const sx = horizontal ? Math.min(Math.max(x + t, 0), width - 1) : x;
          const sy = horizontal ? y : Math.min(Math.max(y + t, 0), height - 1);
          const i = (sy * width + sx) * 4;
          const w = k[t + radius] as number;
          r += (src.data[i] as number) * w;
          g += (src.data[i + 1] as number) * w;
          b += (src.data[i + 2] as number) * w;
        }
        const o = (y * width + x) * 4;
        out.data[o] = r;
        out.data[o + 1] = g;
        out.data[o + 2] = b;
      }
    }
    return out;
  };
  return pass(pass(img, true), false);
}

export function addNoise(img: RgbaImage, rng: Rng, sigma: number): void {
  for (let i = 0; i < img.data.length; i += 4) {
    const n = rng.gauss() * sigma;
    for (let c = 0; c < 3; c++) img.data[i + c] = (img.data[i + c] as number) + n;
  }
}

/** A bright reflection: pixels near (cx, cy) are pulled towards white. */
export function addGlare(img: RgbaImage, cx: number, cy: number, radius: number, strength: number): void {
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const d = Math.hypot(x - cx, y - cy) / radius;
      if (d >= 1) continue;
      const w = strength * (1 - d * d);
      const i = (y * img.width + x) * 4;
      for (let c = 0; c < 3; c++) img.data[i + c] = (img.data[i + c] as number) * (1 - w) + 255 * w;
    }
  }
}

/** Uneven lighting across the frame (a photo's vignette / shadow). */
export function addShade(img: RgbaImage, fromFactor: number, toFactor: number): void {
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const f = fromFactor + (toFactor - fromFactor) * ((x / img.width + y / img.height) / 2);
      const i = (y * img.width + x) * 4;
      for (let c = 0; c < 3; c++) img.data[i + c] = (img.data[i + c] as number) * f;
    }
  }
}

export async function jpegRoundTrip(img: RgbaImage, quality: number): Promise<RgbaImage> {
  const jpeg = await sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), {
    raw: { width: img.width, height: img.height, channels: 4 },
  })
    .jpeg({ quality, chromaSubsampling: '4:2:0' })
    .toBuffer();
  return decodeToRgba(jpeg);
}

export async function resize(
  img: RgbaImage,
  width: number,
  height: number,
  kernel: 'nearest' | 'linear' | 'cubic' | 'lanczos3' = 'linear',
): Promise<RgbaImage> {
  const raw = await sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), {
    raw: { width: img.width, height: img.height, channels: 4 },
  })
    .resize(width, height, { kernel, fit: 'fill' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    data: new Uint8ClampedArray(raw.data.buffer, raw.data.byteOffset, raw.data.byteLength),
    width: raw.info.width,
    height: raw.info.height,
  };
}

/** A screen at `scale` (1.25 = 125 %) shows the symbol resampled, then the capture is brought back to logical size. */
export async function hidpiRoundTrip(img: RgbaImage, scale: number): Promise<RgbaImage> {
  const up = await resize(img, Math.round(img.width * scale), Math.round(img.height * scale), 'linear');
  return resize(up, img.width, img.height, 'linear');
}

export async function decodeToRgba(file: Buffer): Promise<RgbaImage> {
  const raw = await sharp(file).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return {
    data: new Uint8ClampedArray(raw.data.buffer, raw.data.byteOffset, raw.data.byteLength),
    width: raw.info.width,
    height: raw.info.height,
  };
}
