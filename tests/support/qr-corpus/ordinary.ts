/**
 * ORDINARY conditions: what Authdesk meets every day. The full pipeline must
 * read at least 99.5 % of these; plain zxing already reads most.
 */
import { blit, fillRect } from './canvas';
import { casesOf, type CorpusCase, type Condition } from './case';
import { asJpeg, onScreenshot, phonePhoto } from './compose';
import { gaussianBlur, hidpiRoundTrip, perspective, rotate } from './distort';
import { renderQr } from './qr-raster';
import { migrationText, someText, otpauthText } from './texts';

const PER_KIND = 12;

const conditions: Record<string, Condition> = {
  clean: (rng) => {
    const text = someText(rng);
    return { image: renderQr(text, { moduleSize: rng.int(2, 8) }), expected: [text] };
  },
  'screenshot-fhd': (rng) => {
    const text = otpauthText(rng);
    return { ...onScreenshot(1920, 1080, [renderQr(text, { moduleSize: rng.int(3, 6) })], rng), expected: [text] };
  },
  'screenshot-4k': (rng) => {
    const text = otpauthText(rng);
    return { ...onScreenshot(3840, 2160, [renderQr(text, { moduleSize: rng.int(4, 10) })], rng), expected: [text] };
  },
  'dark-mode': (rng) => {
    const text = otpauthText(rng);
    const qr = renderQr(text, { moduleSize: rng.int(3, 6), dark: [235, 235, 235, 255], light: [30, 32, 36, 255] });
    return { ...onScreenshot(1920, 1080, [qr], rng, true), expected: [text] };
  },
  hidpi: async (rng) => {
    const text = otpauthText(rng);
    const qr = await hidpiRoundTrip(renderQr(text, { moduleSize: rng.int(3, 5) }), rng.pick([1.25, 1.5, 1.75]));
    return { ...onScreenshot(1920, 1080, [qr], rng), expected: [text] };
  },
  jpeg: async (rng) => {
    const text = otpauthText(rng);
    const shot = onScreenshot(1920, 1080, [renderQr(text, { moduleSize: rng.int(3, 6) })], rng);
    return { ...(await asJpeg(shot, rng.int(30, 80))), expected: [text] };
  },
  blur: (rng) => {
    const text = otpauthText(rng);
    const ms = rng.int(4, 7);
    const qr = gaussianBlur(renderQr(text, { moduleSize: ms }), ms * rng.range(0.15, 0.35));
    return { ...onScreenshot(1920, 1080, [qr], rng), expected: [text] };
  },
  rotation: (rng) => {
    const text = otpauthText(rng);
    const qr = rotate(renderQr(text, { moduleSize: rng.int(3, 6) }), rng.range(5, 45) * (rng.next() < 0.5 ? -1 : 1));
    return { ...onScreenshot(1920, 1080, [qr], rng), expected: [text] };
  },
  perspective: (rng) => {
    const text = otpauthText(rng);
    const qr = renderQr(text, { moduleSize: rng.int(4, 6) });
    const s = qr.width;
    const j = () => rng.range(0, 0.12) * s;
    const warped = perspective(
      qr,
      [
        { x: j(), y: j() },
        { x: s - j(), y: j() },
        { x: s - j(), y: s - j() },
        { x: j(), y: s - j() },
      ],
      s,
      s,
    );
    return { ...onScreenshot(1920, 1080, [warped], rng), expected: [text] };
  },
  'low-contrast': (rng) => {
    const text = otpauthText(rng);
    const qr = renderQr(text, {
      moduleSize: rng.int(3, 6),
      dark: [0x77, 0x77, 0x77, 255],
      light: [0x99, 0x99, 0x99, 255],
    });
    return { ...onScreenshot(1920, 1080, [qr], rng), expected: [text] };
  },
  multi: (rng) => {
    const texts = Array.from({ length: rng.int(2, 4) }, () => otpauthText(rng));
    const tiles = texts.map((t) => renderQr(t, { moduleSize: rng.int(3, 5) }));
    return { ...onScreenshot(1920, 1080, tiles, rng), expected: texts };
  },
  migration: (rng) => {
    const text = migrationText(rng, rng.int(10, 14));
    return {
      ...onScreenshot(1920, 1080, [renderQr(text, { moduleSize: rng.int(3, 4), ec: 'L' })], rng),
      expected: [text],
    };
  },
  logo: (rng) => {
    const text = otpauthText(rng);
    const qr = renderQr(text, { moduleSize: rng.int(4, 6), ec: 'H' });
    const side = Math.round(qr.width * rng.range(0.16, 0.22));
    const at = (qr.width - side) / 2;
    fillRect(qr, at, at, side, side, [255, 255, 255]);
    fillRect(qr, at + side * 0.15, at + side * 0.15, side * 0.7, side * 0.7, [
      rng.int(0, 255),
      rng.int(0, 120),
      rng.int(100, 255),
    ]);
    return { ...onScreenshot(1920, 1080, [qr], rng), expected: [text] };
  },
  toast: (rng) => {
    const text = otpauthText(rng);
    const qr = renderQr(text, { moduleSize: rng.int(4, 6), ec: 'H' });
    const shot = onScreenshot(1920, 1080, [], rng).image;
    const x = rng.int(100, 1300);
    const y = rng.int(100, 500);
    blit(shot, qr, x, y);
    // A notification sliding over the lower-right part of the symbol, clear of the finder patterns.
    const q = qr.width;
    fillRect(shot, x + q * rng.range(0.55, 0.65), y + q * rng.range(0.78, 0.84), 420, 120, [45, 45, 52]);
    fillRect(shot, x + q * 0.7, y + q * 0.9, 200, 8, [220, 220, 220]);
    return { image: shot, expected: [text], boxes: [{ x, y, width: qr.width, height: qr.height }] };
  },
  'small-4k': (rng) => {
    const text = otpauthText(rng);
    return { ...onScreenshot(3840, 2160, [renderQr(text, { moduleSize: rng.pick([1, 2]) })], rng), expected: [text] };
  },
  'phone-photo': async (rng) => {
    const text = otpauthText(rng);
    const qr = renderQr(text, { moduleSize: 6, ec: 'M' });
    return { image: await phonePhoto(qr, rng, { skew: 0.04, blur: 1, noise: 4, glare: 0.3 }), expected: [text] };
  },
  transparent: (rng) => {
    const text = otpauthText(rng);
    return { image: renderQr(text, { moduleSize: rng.int(2, 6), light: [0, 0, 0, 0] }), expected: [text] };
  },
  'no-quiet-zone': (rng) => {
    const text = otpauthText(rng);
    // Edge to edge: the image ends where the symbol does (cropped screenshots, some PNG exports).
    return { image: renderQr(text, { moduleSize: rng.int(3, 6), quietZone: 0 }), expected: [text] };
  },
};

export function ordinaryCases(): CorpusCase[] {
  return Object.entries(conditions).flatMap(([kind, condition]) => casesOf('ordinary', kind, PER_KIND, condition));
}
