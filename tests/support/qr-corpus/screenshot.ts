/**
 * Screenshot-like backgrounds: windows with title bars, lines of "text",
 * buttons, photo-like gradients and noise patches. They give the decoder's
 * texture search and zxing's finder search something to be fooled by.
 */
import type { RgbaImage } from '../../../common/qr/types';
import { createImage, fillRect, type Rgb } from './canvas';
import type { Rng } from './prng';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

function textLines(img: RgbaImage, rng: Rng, area: Rect, ink: Rgb, glyph: number): void {
  for (let y = area.y + glyph; y + glyph < area.y + area.height; y += Math.round(glyph * 1.8)) {
    let x = area.x + glyph;
    const end = area.x + area.width - rng.int(0, Math.round(area.width / 3));
    while (x < end) {
      const word = rng.int(2, 9);
      for (let c = 0; c < word && x < end; c++) {
        const w = Math.max(1, Math.round(glyph * rng.range(0.4, 0.8)));
        const h = Math.max(1, Math.round(glyph * rng.range(0.6, 1)));
        fillRect(img, x, y + glyph - h, w, h, ink);
        x += w + Math.max(1, Math.round(glyph * 0.2));
      }
      x += glyph;
    }
  }
}

function photo(img: RgbaImage, rng: Rng, area: Rect): void {
  const a: Rgb = [rng.int(0, 255), rng.int(0, 255), rng.int(0, 255)];
  const b: Rgb = [rng.int(0, 255), rng.int(0, 255), rng.int(0, 255)];
  for (let y = area.y; y < Math.min(img.height, area.y + area.height); y++) {
    for (let x = area.x; x < Math.min(img.width, area.x + area.width); x++) {
      const t = (x - area.x) / area.width;
      const n = rng.range(-18, 18);
      const i = (y * img.width + x) * 4;
      for (let c = 0; c < 3; c++) img.data[i + c] = (a[c] as number) * (1 - t) + (b[c] as number) * t + n;
    }
  }
}

/** A desktop of `width` x `height` with a few windows; `dark` uses a dark theme. */
export function screenshot(width: number, height: number, rng: Rng, dark = false): RgbaImage {
  const desk: Rgb = dark ? [24, 26, 30] : [rng.int(60, 120), rng.int(90, 140), rng.int(130, 190)];
  const img = createImage(width, height, desk);
  const scale = width / 1920;
  const windows = rng.int(2, 4);
  for (let w = 0; w < windows; w++) {
    const ww = Math.round(rng.range(0.3, 0.7) * width);
    const wh = Math.round(rng.range(0.3, 0.7) * height);
    const wx = rng.int(0, width - ww);
    const wy = rng.int(0, height - wh);
    const paper: Rgb = dark ? [36, 38, 44] : [250, 250, 250];
    const ink: Rgb = dark ? [200, 204, 210] : [40, 40, 48];
    fillRect(img, wx, wy, ww, wh, paper);
    fillRect(img, wx, wy, ww, Math.round(32 * scale), dark ? [50, 52, 60] : [225, 228, 232]);
    textLines(
      img,
      rng,
      { x: wx, y: wy + Math.round(40 * scale), width: ww, height: Math.round(wh * 0.6) },
      ink,
      Math.max(3, Math.round(rng.range(7, 11) * scale)),
    );
    fillRect(
      img,
      wx + ww - Math.round(140 * scale),
      wy + wh - Math.round(50 * scale),
      Math.round(110 * scale),
      Math.round(32 * scale),
      [40, 110, 220],
    );
    if (rng.next() < 0.6)
      photo(img, rng, {
        x: wx + Math.round(ww * 0.1),
        y: wy + Math.round(wh * 0.65),
        width: Math.round(ww * 0.3),
        height: Math.round(wh * 0.3),
      });
  }
  return img;
}
