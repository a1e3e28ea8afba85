/**
 * Plain RGBA drawing for the corpus: the decoder only ever sees
 * `{ data, width, height }`, so the generators work on the same shape.
 */
import type { RgbaImage } from '../../../common/qr/types';

export type Rgba = readonly [number, number, number, number];
export type Rgb = readonly [number, number, number];

export const WHITE: Rgb = [255, 255, 255];
export const BLACK: Rgb = [0, 0, 0];

export function createImage(width: number, height: number, fill: Rgb | Rgba = WHITE): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  const a = fill.length === 4 ? fill[3] : 255;
  for (let i = 0; i < data.length; i += 4) {
    data[i] = fill[0];
    data[i + 1] = fill[1];
    data[i + 2] = fill[2];
    data[i + 3] = a;
  }
  return { data, width, height };
}

export function fillRect(img: RgbaImage, x: number, y: number, w: number, h: number, color: Rgb | Rgba): void {
  const x0 = Math.max(0, Math.round(x));
  const y0 = Math.max(0, Math.round(y));
  const x1 = Math.min(img.width, Math.round(x + w));
  const y1 = Math.min(img.height, Math.round(y + h));
  const a = color.length === 4 ? color[3] / 255 : 1;
  for (let row = y0; row < y1; row++) {
    for (let col = x0; col < x1; col++) {
      const i = (row * img.width + col) * 4;
      for (let c = 0; c < 3; c++) img.data[i + c] = (color[c] as number) * a + (img.data[i + c] as number) * (1 - a);
      img.data[i + 3] = 255;
    }
  }
}

/** Copies `src` onto `dst` at (x, y), clipped; transparent source pixels are skipped. */
export function blit(dst: RgbaImage, src: RgbaImage, x: number, y: number): void {
  const ox = Math.round(x);
  const oy = Math.round(y);
  for (let row = 0; row < src.height; row++) {
    const dy = oy + row;
    if (dy < 0 || dy >= dst.height) continue;
    for (let col = 0; col < src.width; col++) {
      const dx = ox + col;
      if (dx < 0 || dx >= dst.width) continue;
      const s = (row * src.width + col) * 4;
      const alpha = (src.data[s + 3] as number) / 255;
      if (alpha === 0) continue;
      const d = (dy * dst.width + dx) * 4;
      for (let c = 0; c < 3; c++)
        dst.data[d + c] = (src.data[s + c] as number) * alpha + (dst.data[d + c] as number) * (1 - alpha);
      dst.data[d + 3] = 255;
    }
  }
}

export function cropImage(img: RgbaImage, x: number, y: number, w: number, h: number): RgbaImage {
  const out = createImage(w, h);
  for (let row = 0; row < h; row++) {
    const start = ((y + row) * img.width + x) * 4;
    out.data.set(img.data.subarray(start, start + w * 4), row * w * 4);
  }
  return out;
}

export function mapPixels(img: RgbaImage, fn: (r: number, g: number, b: number) => Rgb): void {
  for (let i = 0; i < img.data.length; i += 4) {
    const [r, g, b] = fn(img.data[i] as number, img.data[i + 1] as number, img.data[i + 2] as number);
    img.data[i] = r;
    img.data[i + 1] = g;
    img.data[i + 2] = b;
  }
}
