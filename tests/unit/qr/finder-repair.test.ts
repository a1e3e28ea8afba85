/**
 * The finder-repair step: a QR code whose lower-left finder pattern is
 * covered (a window over it) is not even detected by zxing; the step finds
 * the other two finders, paints the third where they say it must be, and the
 * code reads. Each part is tested on its own, and the whole in the pipeline.
 */
import { describe, expect, it } from 'vitest';
import { findFinderPatterns, guessMissingFinders, paintFinder } from '../../../common/qr/finder-repair';
import { decodeQrCodes } from '../../../common/qr/pipeline';
import { cropGray, toGray } from '../../../common/qr/pixels';
import { readQrWithZxing } from '../../../common/qr/engine';
import { createImage, blit, fillRect } from '../../support/qr-corpus/canvas';
import { qrSymbol, renderQr } from '../../support/qr-corpus/qr-raster';
import { AS_SHIPPED, useNodeDecoder } from './decoder-setup';

useNodeDecoder();

const TEXT = 'otpauth://totp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DP&issuer=Example';
const MODULE = 4;
const AT = { x: 300, y: 200 };

/** A code on a white screen; `cover`: a light grey window over its lower-left finder (and a strip of the bottom). */
function screen(cover: boolean) {
  const image = createImage(1000, 700);
  blit(image, renderQr(TEXT, { moduleSize: MODULE, ec: 'M' }), AT.x, AT.y);
  const size = qrSymbol(TEXT, 'M').size;
  // Symbol corners in pixels (4 modules of quiet zone).
  const left = AT.x + 4 * MODULE;
  const top = AT.y + 4 * MODULE;
  if (cover) fillRect(image, left - 20, top + (size - 5) * MODULE, 200, 300, [236, 236, 240]);
  return { image, size, left, top };
}

describe('finding finder patterns', () => {
  it('finds the three finders of a whole symbol at their centres, with the module size', () => {
    const { image, size, left, top } = screen(false);
    const found = findFinderPatterns(toGray(image));
    const expected = [
      { x: left + 3.5 * MODULE, y: top + 3.5 * MODULE },
      { x: left + (size - 3.5) * MODULE, y: top + 3.5 * MODULE },
      { x: left + 3.5 * MODULE, y: top + (size - 3.5) * MODULE },
    ];
    for (const e of expected) {
      const f = found.find((p) => Math.hypot(p.x - e.x, p.y - e.y) < 1.5);
      expect(f, `finder at ${e.x},${e.y}`).toBeDefined();
      expect(f!.module).toBeCloseTo(MODULE, 0);
    }
  });

  it('finds nothing on a blank image or in plain text lines', () => {
    const image = createImage(400, 300);
    for (let y = 20; y < 280; y += 18) fillRect(image, 20, y, 300, 7, [40, 40, 40]);
    expect(findFinderPatterns(toGray(image))).toEqual([]);
  });

  it('makes no guess for a whole symbol (zxing had its chance)', () => {
    const { image } = screen(false);
    expect(guessMissingFinders(findFinderPatterns(toGray(image)), image.width, image.height)).toEqual([]);
  });
});

describe('a covered finder', () => {
  it('is why zxing alone reads nothing', async () => {
    const { image } = screen(true);
    expect((await readQrWithZxing(toGray(image))).map((h) => h.text)).toEqual([]);
  });

  it('is guessed at its true centre from the other two, and painting it there makes the code read', async () => {
    const { image, size, left, top } = screen(true);
    const gray = toGray(image);
    const guesses = guessMissingFinders(findFinderPatterns(gray), gray.width, gray.height);
    const truth = { x: left + 3.5 * MODULE, y: top + (size - 3.5) * MODULE };
    const right = guesses.find((g) => Math.hypot(g.centre.x - truth.x, g.centre.y - truth.y) < 2);
    expect(right).toBeDefined();
    const view = cropGray(gray, right!.region);
    const origin = { x: Math.max(0, Math.floor(right!.region.x)), y: Math.max(0, Math.floor(right!.region.y)) };
    paintFinder(view, origin, 1, right!, [0, 255]);
    const hits = await readQrWithZxing(view);
    expect(hits.map((h) => h.text)).toEqual([TEXT]);
  });

  it('is repaired by the pipeline with the shipped work budget, and read by that step', async () => {
    const { image } = screen(true);
    const found = await decodeQrCodes(image, AS_SHIPPED);
    expect(found.map((r) => [r.text, r.pass])).toEqual([[TEXT, 'finder-repair']]);
  });

  it('a wrong guess reads nothing rather than something wrong', async () => {
    const { image, size, left, top } = screen(true);
    const gray = toGray(image);
    const truth = { x: left + 3.5 * MODULE, y: top + (size - 3.5) * MODULE };
    const wrong = guessMissingFinders(findFinderPatterns(gray), gray.width, gray.height).filter(
      (g) => Math.hypot(g.centre.x - truth.x, g.centre.y - truth.y) > 2 * MODULE,
    );
    expect(wrong.length).toBeGreaterThan(0);
    for (const guess of wrong) {
      const view = cropGray(gray, guess.region);
      const origin = { x: Math.max(0, Math.floor(guess.region.x)), y: Math.max(0, Math.floor(guess.region.y)) };
      paintFinder(view, origin, 1, guess, [0, 255]);
      expect((await readQrWithZxing(view)).map((h) => h.text)).toEqual([]);
    }
  });
});
