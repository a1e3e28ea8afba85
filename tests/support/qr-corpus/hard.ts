/**
 * HARD conditions: where plain zxing fails often. The escalation passes
 * exist for these; the goal is at least 90 % read, never a wrong text.
 */
import { fillRect } from './canvas';
import { casesOf, type CorpusCase, type Condition } from './case';
import { asJpeg, onScreenshot, phonePhoto } from './compose';
import { gaussianBlur, jpegRoundTrip, resize, rotate } from './distort';
import { CAPTURES_PER_KIND, captureConditions } from './hard-captures';
import { renderQr } from './qr-raster';
import { migrationText, otpauthText } from './texts';

const PER_KIND = 30;

const conditions: Record<string, Condition> = {
  // A 2 px symbol on a HiDPI screen captured at logical size: modules of 1.1-1.4 blurry pixels.
  'tiny-hidpi': async (rng) => {
    const text = otpauthText(rng);
    const qr = renderQr(text, { moduleSize: 2 });
    const f = 1 / rng.range(1.45, 1.8);
    const small = await resize(qr, Math.round(qr.width * f), Math.round(qr.height * f), 'linear');
    return { ...onScreenshot(1920, 1080, [small], rng), expected: [text] };
  },
  'heavy-blur': (rng) => {
    const text = otpauthText(rng);
    const ms = rng.int(3, 5);
    const qr = gaussianBlur(renderQr(text, { moduleSize: ms }), ms * rng.range(0.5, 0.65));
    return { ...onScreenshot(1920, 1080, [qr], rng), expected: [text] };
  },
  'strong-photo': async (rng) => {
    const text = otpauthText(rng);
    const qr = renderQr(text, { moduleSize: 4 });
    const photo = await phonePhoto(qr, rng, {
      skew: 0.08,
      blur: rng.range(2.2, 2.8),
      noise: 8,
      glare: 0.6,
      fill: rng.range(0.45, 0.55),
    });
    return { image: await jpegRoundTrip(photo, rng.int(35, 55)), expected: [text] };
  },
  'faint-jpeg': async (rng) => {
    const text = otpauthText(rng);
    const qr = gaussianBlur(
      renderQr(text, { moduleSize: rng.int(3, 4), dark: [0x84, 0x84, 0x84, 255], light: [0x9a, 0x9a, 0x9a, 255] }),
      0.8,
    );
    return { ...(await asJpeg(onScreenshot(1920, 1080, [qr], rng), rng.int(30, 50))), expected: [text] };
  },
  'dense-migration': async (rng) => {
    const text = migrationText(rng, rng.int(18, 24));
    const qr = renderQr(text, { moduleSize: 2, ec: 'L' });
    const f = 1 / rng.range(1.45, 1.6);
    const small = await resize(qr, Math.round(qr.width * f), Math.round(qr.height * f), 'linear');
    return { ...(await asJpeg(onScreenshot(1920, 1080, [small], rng), 70)), expected: [text] };
  },
  'rotated-small': async (rng) => {
    const text = otpauthText(rng);
    const qr = rotate(renderQr(text, { moduleSize: rng.pick([1.5, 2]) }), rng.range(20, 45));
    return { ...(await asJpeg(onScreenshot(1920, 1080, [qr], rng), 60)), expected: [text] };
  },
  'covered-blur': (rng) => {
    const text = otpauthText(rng);
    const qr = renderQr(text, { moduleSize: rng.int(3, 4), ec: 'H' });
    const side = qr.width * rng.range(0.22, 0.27);
    fillRect(qr, (qr.width - side) / 2, (qr.width - side) / 2, side, side, [200, 40, 40]);
    return { ...onScreenshot(1920, 1080, [gaussianBlur(qr, rng.range(1.5, 1.9))], rng), expected: [text] };
  },
};

export function hardCases(): CorpusCase[] {
  return [
    ...Object.entries(conditions).flatMap(([kind, condition]) => casesOf('hard', kind, PER_KIND, condition)),
    ...Object.entries(captureConditions).flatMap(([kind, condition]) =>
      casesOf('hard', kind, CAPTURES_PER_KIND, condition),
    ),
  ];
}
