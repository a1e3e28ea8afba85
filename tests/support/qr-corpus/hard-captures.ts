/**
 * HARD conditions seen in real captures that the decoder still missed
 * (issue 12): something covering part of the code, a phone photo of a
 * monitor (moiré), a long transfer code shrunk down, a very lossy JPEG.
 * 30 images each (as every hard condition); goal >= 90 % read in each, never a wrong text.
 */
import type { RgbaImage } from '../../../common/qr/types';
import { blit, createImage, fillRect, type Rgb } from './canvas';
import type { Condition } from './case';
import { asJpeg, onScreenshot } from './compose';
import { addNoise, gaussianBlur, perspective, resize } from './distort';
import type { Rng } from './prng';
import { qrSymbol, renderQr } from './qr-raster';
import { migrationText, otpauthText } from './texts';

export const CAPTURES_PER_KIND = 30;

/** A few lines of "text" in a box (a notification's title and body, a window's contents). */
function lines(img: RgbaImage, x: number, y: number, w: number, h: number, ink: Rgb, rng: Rng): void {
  for (let ly = y + 14; ly + 8 < y + h; ly += 18) fillRect(img, x + 12, ly, rng.range(0.4, 0.9) * (w - 24), 7, ink);
}

/** A phone photo of a monitor: the screen's pixel grid beats against the camera's (moiré). */
function photographScreen(screen: RgbaImage, rng: Rng): RgbaImage {
  // Each screen pixel becomes 3x3 camera-scale cells with dark gaps and RGB stripes.
  const k = 3;
  const grid = createImage(screen.width * k, screen.height * k, [0, 0, 0]);
  const gap = rng.range(0.25, 0.4);
  for (let y = 0; y < grid.height; y++) {
    for (let x = 0; x < grid.width; x++) {
      const s = (Math.floor(y / k) * screen.width + Math.floor(x / k)) * 4;
      const o = (y * grid.width + x) * 4;
      const edge = y % k === k - 1 ? gap : 1;
      const stripe = x % k; // which sub-pixel column: R, G or B is brightest
      for (let c = 0; c < 3; c++) grid.data[o + c] = (screen.data[s + c] as number) * edge * (c === stripe ? 1 : 0.55);
    }
  }
  // Shrunk onto the sensor at a slight angle: the grid's pitch lands near the sensor's, so it aliases.
  const frameW = 1600;
  const frameH = 1200;
  const fill = rng.range(0.8, 0.95);
  const w = frameW * fill;
  const h = (w * grid.height) / grid.width;
  const x0 = (frameW - w) / 2;
  const y0 = (frameH - h) / 2;
  const j = () => rng.range(-1, 1) * 0.04 * frameH;
  const corners = [
    { x: x0 + j(), y: y0 + j() },
    { x: x0 + w + j(), y: y0 + j() },
    { x: x0 + w + j(), y: y0 + h + j() },
    { x: x0 + j(), y: y0 + h + j() },
  ];
  const photo = gaussianBlur(perspective(grid, corners, frameW, frameH, [20, 20, 24]), rng.range(0.5, 0.9));
  addNoise(photo, rng, 5);
  return photo;
}

export const captureConditions: Record<string, Condition> = {
  // A notification toast or the edge of another window over part of the symbol (EC level M, as
  // most sites use), over the alignment pattern, the window edge at times over the foot of a finder pattern.
  'covered-toast': (rng) => {
    const text = otpauthText(rng);
    const qr = renderQr(text, { moduleSize: rng.int(3, 5), ec: 'M' });
    const shot = onScreenshot(1920, 1080, [], rng).image;
    const x = rng.int(200, 1300);
    const y = rng.int(100, 500);
    blit(shot, qr, x, y);
    const q = qr.width;
    const quiet = q * (4 / (qrSymbol(text, 'M').size + 8));
    if (rng.next() < 0.5) {
      // Toast: a dark card sliding in from the right, over the lower-right corner.
      const top = y + q * rng.range(0.62, 0.68);
      const left = x + q * rng.range(0.6, 0.66);
      fillRect(shot, left, top, 380, 110, [44, 44, 52]);
      lines(shot, left, top, 380, 110, [210, 210, 215], rng);
    } else {
      // Window edge: a window over the bottom rows and the foot of the lower-left finder, with a soft shadow.
      const top = y + q - quiet - (q - 2 * quiet) * rng.range(0.07, 0.11);
      const left = x + quiet + (q - 2 * quiet) * rng.range(0.1, 0.2);
      for (let s = 6; s > 0; s--) fillRect(shot, left - s, top - s, 900, 400, [0, 0, 0, 14]);
      fillRect(shot, left, top, 900, 400, [236, 236, 240]);
      fillRect(shot, left, top, 900, 30, [214, 216, 222]);
      lines(shot, left, top + 30, 900, 370, [50, 50, 60], rng);
    }
    return { image: shot, expected: [text], boxes: [{ x, y, width: q, height: q }] };
  },
  // A phone photo of the monitor showing the code.
  'screen-photo': (rng) => {
    const text = otpauthText(rng);
    const qr = renderQr(text, { moduleSize: rng.int(3, 4) });
    // The part of the monitor in the photo: about 1100 screen pixels across.
    const { image: screen } = onScreenshot(rng.int(1000, 1200), 760, [qr], rng);
    return { image: photographScreen(screen, rng), expected: [text] };
  },
  // A Google Authenticator transfer code of version 20 or more, on a HiDPI screen captured
  // at logical size or shrunk by a chat app: modules of 1.15-1.45 px.
  'long-transfer-small': async (rng) => {
    let text = migrationText(rng, rng.int(22, 30));
    while (qrSymbol(text, 'L').version < 20) text = migrationText(rng, 30);
    const qr = renderQr(text, { moduleSize: 3, ec: 'L' });
    const f = rng.range(1.15, 1.45) / 3;
    const small = await resize(qr, Math.round(qr.width * f), Math.round(qr.height * f), 'linear');
    return { ...onScreenshot(1920, 1080, [small], rng), expected: [text] };
  },
  // A screenshot saved or shared as a very lossy JPEG (quality 10-20).
  'heavy-jpeg': async (rng) => {
    const text = otpauthText(rng);
    const qr = renderQr(text, { moduleSize: rng.pick([1.5, 2, 2.5]) });
    const shot = onScreenshot(1920, 1080, [qr], rng);
    return { ...(await asJpeg(shot, rng.int(10, 20))), expected: [text] };
  },
};
