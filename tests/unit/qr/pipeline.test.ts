/**
 * decodeQrCodes on images built for one property each: several symbols with
 * positions, dark mode, transparency, no quiet zone, nothing to find, marked
 * links, the work budget and its wall-clock safety stop (an injected clock,
 * no sleeping) and bad input.
 */
import { describe, expect, it } from 'vitest';
import { AuthdeskError } from '../../../common/errors';
import { decodeQrCodes, decodeQrImage } from '../../../common/qr/pipeline';
import type { RgbaImage } from '../../../common/qr/types';
import { blit, createImage } from '../../support/qr-corpus/canvas';
import { onScreenshot } from '../../support/qr-corpus/compose';
import { createRng } from '../../support/qr-corpus/prng';
import { renderQr } from '../../support/qr-corpus/qr-raster';
import { screenshot } from '../../support/qr-corpus/screenshot';
import { UNHURRIED, useNodeDecoder } from './decoder-setup';

useNodeDecoder();

const uri = (n: number) =>
  `otpauth://totp/Test:user${n}@example.com?secret=JBSWY3DPEHPK3PX${'ABCDEFGH'[n]}&issuer=Test`;
const centre = (points: { x: number; y: number }[]) => ({
  x: points.reduce((s, p) => s + p.x, 0) / 4,
  y: points.reduce((s, p) => s + p.y, 0) / 4,
});

describe('several symbols in one image', () => {
  it('finds all four on a cluttered screenshot, each at its place, each once', async () => {
    const texts = [0, 1, 2, 3].map(uri);
    const { image, boxes } = onScreenshot(
      1920,
      1080,
      texts.map((t) => renderQr(t, { moduleSize: 4 })),
      createRng(11),
    );
    const found = await decodeQrCodes(image, UNHURRIED);
    expect(found.map((r) => r.text).sort()).toEqual([...texts].sort());
    texts.forEach((text, i) => {
      const box = boxes[i]!;
      const c = centre(found.find((r) => r.text === text)!.position);
      expect(Math.abs(c.x - (box.x + box.width / 2))).toBeLessThan(4);
      expect(Math.abs(c.y - (box.y + box.height / 2))).toBeLessThan(4);
    });
    expect(found.every((r) => r.pass === 'plain')).toBe(true);
  });

  it('keeps the same text shown twice in two places', async () => {
    const img = createImage(700, 340);
    blit(img, renderQr(uri(5), { moduleSize: 4 }), 0, 0);
    blit(img, renderQr(uri(5), { moduleSize: 4 }), 360, 0);
    const found = await decodeQrCodes(img, UNHURRIED);
    expect(found.map((r) => r.text)).toEqual([uri(5), uri(5)]);
  });
});

it('reads a dark-mode (inverted) symbol on a dark desktop', async () => {
  const qr = renderQr(uri(1), { moduleSize: 4, dark: [230, 230, 230, 255], light: [20, 22, 26, 255] });
  const { image } = onScreenshot(1920, 1080, [qr], createRng(3), true);
  expect((await decodeQrCodes(image, UNHURRIED)).map((r) => r.text)).toEqual([uri(1)]);
});

it('reads a dark-mode symbol on a 4K dark desktop in the plain pass (its separate inverted read)', async () => {
  const qr = renderQr(uri(6), { moduleSize: 4, dark: [230, 230, 230, 255], light: [20, 22, 26, 255] });
  const { image } = onScreenshot(3840, 2160, [qr], createRng(4), true);
  const found = await decodeQrCodes(image, { plainOnly: true });
  expect(found.map((r) => [r.text, r.pass])).toEqual([[uri(6), 'plain']]);
});

it('reads a symbol whose light modules are transparent black, in the plain pass (composited on white)', async () => {
  const img = renderQr(uri(2), { moduleSize: 3, light: [0, 0, 0, 0] });
  expect((await decodeQrCodes(img, { plainOnly: true })).map((r) => r.text)).toEqual([uri(2)]);
});

it('reads a symbol printed edge to edge (no quiet zone)', async () => {
  const img = renderQr(uri(3), { moduleSize: 4, quietZone: 0 });
  expect((await decodeQrCodes(img, UNHURRIED)).map((r) => r.text)).toEqual([uri(3)]);
});

it('returns [] for a screenshot without any symbol, after trying everything', async () => {
  const steps: string[] = [];
  const found = await decodeQrCodes(screenshot(1280, 720, createRng(5)), { ...UNHURRIED, trace: (s) => steps.push(s) });
  expect(found).toEqual([]);
  expect(steps).toEqual(expect.arrayContaining(['local-contrast', 'upscale', 'sharpen']));
});

describe('escalation', () => {
  // #777 on #999 beside black-on-white text: zxing's binariser skips such flat blocks.
  const faint = () =>
    onScreenshot(
      1920,
      1080,
      [renderQr(uri(4), { moduleSize: 3, dark: [0x77, 0x77, 0x77, 255], light: [0x99, 0x99, 0x99, 255] })],
      createRng(4),
    ).image;

  it('finds what the plain pass misses, and says which pass found it', async () => {
    const image = faint();
    expect(await decodeQrCodes(image, { plainOnly: true })).toEqual([]);
    const found = await decodeQrCodes(image, UNHURRIED);
    expect(found.map((r) => r.text)).toEqual([uri(4)]);
    expect(found[0]!.pass).not.toBe('plain');
  });

  it('spends its work budget and stops: the steps that run depend on the image only', async () => {
    const image = faint();
    const steps: [string, number][] = [];
    // Exactly the first step's work (local contrast: 3 units per pixel of the 1920x1080 image).
    const work = 1920 * 1080 * 3;
    const report = await decodeQrImage(image, {
      budget: { work, ceilingMs: 600_000 },
      trace: (s, _ms, _added, w) => steps.push([s, w]),
    });
    expect(steps).toEqual([['local-contrast', work]]);
    expect(report.work).toEqual({ spent: work, budget: work });
    expect(report.stoppedAtCeiling).toBe(false);
    expect(report.codes.map((r) => r.pass)).toEqual(['local-contrast']);
  });

  it('a step dearer than what is left is skipped, not started', async () => {
    const steps: string[] = [];
    const report = await decodeQrImage(faint(), {
      budget: { work: 1920 * 1080 * 3 - 1, ceilingMs: 600_000 },
      trace: (s) => steps.push(s),
    });
    expect(steps).not.toContain('local-contrast');
    expect(report.work.spent).toBeLessThanOrEqual(1920 * 1080 * 3 - 1);
  });

  it('the wall-clock ceiling is a safety stop, and the report says it was hit (clock injected: 100 s per reading)', async () => {
    let t = 0;
    const steps: string[] = [];
    // Nothing to find: only the ceiling can end this early.
    const report = await decodeQrImage(screenshot(1280, 720, createRng(5)), {
      budget: { work: 1e12, ceilingMs: 150_000 },
      now: () => (t += 100_000),
      trace: (s) => steps.push(s),
    });
    // Deadline 250 s (set at 100 s); the first check (200 s) lets one step run, the next (300 s) stops.
    expect(steps).toEqual(['local-contrast']);
    expect(report.codes).toEqual([]);
    expect(report.stoppedAtCeiling).toBe(true);
  });

  it('a work budget of 0 means the plain pass only', async () => {
    const steps: string[] = [];
    const report = await decodeQrImage(faint(), { budget: { work: 0, ceilingMs: 1000 }, trace: (s) => steps.push(s) });
    expect(report.codes).toEqual([]);
    expect(report.stoppedAtCeiling).toBe(false);
    expect(steps).toEqual([]);
  });

  it('does not escalate once an authenticator text is found, unless wantOtp is false', async () => {
    const img = createImage(400, 400);
    blit(img, renderQr(uri(6), { moduleSize: 4 }), 20, 20);
    const steps: string[] = [];
    await decodeQrCodes(img, { ...UNHURRIED, trace: (s) => steps.push(s) });
    expect(steps).toEqual([]);
  });

  it('keeps escalating past a plain web link when it wants an authenticator text', async () => {
    const img = createImage(400, 400);
    blit(img, renderQr('https://example.com/help', { moduleSize: 4 }), 20, 20);
    const wanting: string[] = [];
    await decodeQrCodes(img, { ...UNHURRIED, trace: (s) => wanting.push(s) });
    expect(wanting.length).toBeGreaterThan(0);
    const content: string[] = [];
    const found = await decodeQrCodes(img, { ...UNHURRIED, wantOtp: false, trace: (s) => content.push(s) });
    expect(content).toEqual([]);
    expect(found.map((r) => r.text)).toEqual(['https://example.com/help']);
  });
});

describe('authenticator links that do not parse are kept as printed', () => {
  it.each([
    'otpauth://totp/Acme:bob?issuer=Acme',
    'otpauth://totp/Acme:bob?secret=NOT*BASE32&issuer=Acme',
    'otpauth://sms/Acme:bob?secret=JBSWY3DPEHPK3PXP',
    'otpauth-migration://offline?data=',
  ])('%s', async (text) => {
    const found = await decodeQrCodes(renderQr(text, { moduleSize: 4 }), UNHURRIED);
    expect(found.map((r) => r.text)).toEqual([text]);
  });
});

describe('bad input', () => {
  it.each([
    ['data shorter than width x height x 4', { data: new Uint8ClampedArray(10), width: 4, height: 4 }],
    ['zero width', { data: new Uint8ClampedArray(0), width: 0, height: 5 }],
    ['fractional height', { data: new Uint8ClampedArray(16), width: 2, height: 2.5 }],
  ])('%s: bad-image, one sentence', async (_label, image: RgbaImage) => {
    const err = await decodeQrCodes(image).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthdeskError);
    expect((err as AuthdeskError).code).toBe('bad-image');
    expect((err as AuthdeskError).message).toMatch(/^This picture is damaged: .*\.$/);
  });
});
