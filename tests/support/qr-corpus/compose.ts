/** Building blocks shared by the ordinary and hard conditions: placing symbols on a screen, photographing a phone. */
import type { RgbaImage } from '../../../common/qr/types';
import { blit, createImage, fillRect, type Rgb } from './canvas';
import { addGlare, addNoise, addShade, gaussianBlur, jpegRoundTrip, perspective, resize } from './distort';
import type { Rng } from './prng';
import { screenshot, type Rect as Box } from './screenshot';

/** Places each tile at a random spot that overlaps no other tile (with a gap). */
export function placeTiles(canvas: RgbaImage, tiles: RgbaImage[], rng: Rng): Box[] {
  const placed: { x: number; y: number; w: number; h: number }[] = [];
  for (const tile of tiles) {
    for (let attempt = 0; ; attempt++) {
      if (attempt > 500) throw new Error('corpus: no room for another symbol on this canvas');
      const x = rng.int(0, canvas.width - tile.width);
      const y = rng.int(0, canvas.height - tile.height);
      const gap = 8;
      if (
        placed.some(
          (p) =>
            x < p.x + p.w + gap && p.x < x + tile.width + gap && y < p.y + p.h + gap && p.y < y + tile.height + gap,
        )
      )
        continue;
      placed.push({ x, y, w: tile.width, h: tile.height });
      blit(canvas, tile, x, y);
      break;
    }
  }
  return placed.map((p) => ({ x: p.x, y: p.y, width: p.w, height: p.h }));
}

/** A screenshot with the tiles placed on it, and where each tile went (in tile order). */
export function onScreenshot(
  width: number,
  height: number,
  tiles: RgbaImage[],
  rng: Rng,
  dark = false,
): { image: RgbaImage; boxes: Box[] } {
  const image = screenshot(width, height, rng, dark);
  return { image, boxes: placeTiles(image, tiles, rng) };
}

/** The same screenshot after a lossy save (a shared or pasted capture). */
export async function asJpeg(
  shot: { image: RgbaImage; boxes: Box[] },
  quality: number,
): Promise<{ image: RgbaImage; boxes: Box[] }> {
  return { image: await jpegRoundTrip(shot.image, quality), boxes: shot.boxes };
}

export interface PhotoStrength {
  /** How far the screen corners move, as a share of the frame (0.02 mild .. 0.12 strong). */
  skew: number;
  blur: number;
  noise: number;
  glare: number;
  /** Share of the frame's height the phone fills (default 0.85: held close). */
  fill?: number;
}

/** A phone screen showing the symbol, photographed at an angle under a lamp. */
export async function phonePhoto(qr: RgbaImage, rng: Rng, strength: PhotoStrength): Promise<RgbaImage> {
  const screenW = Math.round(qr.width * 1.25);
  const screenH = Math.round(qr.height * 2);
  const screen = createImage(screenW, screenH, [248, 248, 248]);
  fillRect(screen, 0, 0, screenW, Math.round(screenH * 0.08), [30, 110, 200]);
  for (let i = 0; i < 4; i++)
    fillRect(
      screen,
      screenW * 0.1,
      screenH * (0.12 + i * 0.04),
      screenW * rng.range(0.4, 0.8),
      screenH * 0.015,
      [90, 90, 90],
    );
  blit(screen, qr, (screenW - qr.width) / 2, screenH * 0.36);
  const frameW = 1600;
  const frameH = 1200;
  const bg: Rgb = [rng.int(90, 150), rng.int(80, 130), rng.int(60, 110)];
  // Fit the screen into the frame, then move each corner a little.
  const h = frameH * (strength.fill ?? 0.85);
  const w = (h * screenW) / screenH;
  const x0 = (frameW - w) / 2;
  const y0 = (frameH - h) / 2;
  const jitter = () => rng.range(-1, 1) * strength.skew * frameH;
  const corners = [
    { x: x0 + jitter(), y: y0 + jitter() },
    { x: x0 + w + jitter(), y: y0 + jitter() },
    { x: x0 + w + jitter(), y: y0 + h + jitter() },
    { x: x0 + jitter(), y: y0 + h + jitter() },
  ];
  let photo = perspective(screen, corners, frameW, frameH, bg);
  if (strength.blur > 0) photo = gaussianBlur(photo, strength.blur);
  addShade(photo, rng.range(0.75, 1), rng.range(0.75, 1));
  if (strength.glare > 0)
    addGlare(
      photo,
      rng.range(0.3, 0.7) * frameW,
      rng.range(0.3, 0.7) * frameH,
      frameH * rng.range(0.2, 0.45),
      strength.glare,
    );
  addNoise(photo, rng, strength.noise);
  // Phones hand out smaller frames than their sensors: half the time, scale down a little.
  return rng.next() < 0.5 ? resize(photo, 1280, 960, 'linear') : photo;
}
