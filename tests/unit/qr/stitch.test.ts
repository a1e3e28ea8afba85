/** stitchDisplays: captures placed at their real bounds, at one scale, so a code across a seam reads. */
import { describe, expect, it } from 'vitest';
import { AuthdeskError } from '../../../common/errors';
import { decodeQrCodes } from '../../../common/qr/pipeline';
import { stitchDisplays } from '../../../common/qr/stitch';
import type { RgbaImage } from '../../../common/qr/types';
import { blit, createImage, cropImage } from '../../support/qr-corpus/canvas';
import { resize } from '../../support/qr-corpus/distort';
import { renderQr } from '../../support/qr-corpus/qr-raster';
import { UNHURRIED, useNodeDecoder } from './decoder-setup';

useNodeDecoder();

const TEXT = 'otpauth://totp/Seam:carol@example.com?secret=KRSXG5CTMVRXEZLU&issuer=Seam';
const pixel = (img: RgbaImage, x: number, y: number) =>
  Array.from(img.data.subarray((y * img.width + x) * 4, (y * img.width + x) * 4 + 4));

describe('a code dragged across the seam of two displays', () => {
  // The desktop in logical units: display A (1000x600 at 100 %) left of display B (800x600 at 200 %).
  const desktop = createImage(1800, 600, [240, 240, 240]);
  blit(desktop, renderQr(TEXT, { moduleSize: 5 }), 860, 150);
  const a = cropImage(desktop, 0, 0, 1000, 600);
  const bLogical = cropImage(desktop, 1000, 0, 800, 600);

  it('is unreadable in either capture alone', async () => {
    const b = await resize(bLogical, 1600, 1200, 'nearest');
    expect(await decodeQrCodes(a, UNHURRIED)).toEqual([]);
    expect(await decodeQrCodes(b, UNHURRIED)).toEqual([]);
  });

  it('reads once stitched, at the finer scale, with the position in stitched pixels', async () => {
    const b = await resize(bLogical, 1600, 1200, 'nearest');
    const stitched = stitchDisplays([
      { image: a, bounds: { x: 0, y: 0, width: 1000, height: 600 } },
      { image: b, bounds: { x: 1000, y: 0, width: 800, height: 600 } },
    ]);
    expect([stitched.width, stitched.height]).toEqual([3600, 1200]);
    const found = await decodeQrCodes(stitched, UNHURRIED);
    expect(found.map((r) => r.text)).toEqual([TEXT]);
    // The symbol starts 4 modules into the tile: logical x 880, y 170 -> stitched (1760, 340).
    expect(found[0]!.position[0]!.x).toBeCloseTo(1760, -1);
    expect(found[0]!.position[0]!.y).toBeCloseTo(340, -1);
  });
});

describe('placement', () => {
  it('puts displays at their bounds, negative origins included, with white where no display is', () => {
    const red = createImage(100, 50, [255, 0, 0]);
    const blue = createImage(200, 100, [0, 0, 255]);
    // Red sits above-left of the primary display (a monitor to the upper left has negative coordinates).
    const out = stitchDisplays([
      { image: blue, bounds: { x: 0, y: 0, width: 100, height: 50 } },
      { image: red, bounds: { x: -100, y: -20, width: 100, height: 50 } },
    ]);
    expect([out.width, out.height]).toEqual([400, 140]);
    expect(pixel(out, 10, 10)).toEqual([255, 0, 0, 255]);
    expect(pixel(out, 250, 100)).toEqual([0, 0, 255, 255]);
    expect(pixel(out, 250, 10)).toEqual([255, 255, 255, 255]);
    expect(pixel(out, 10, 130)).toEqual([255, 255, 255, 255]);
  });

  it('returns a single capture unchanged', () => {
    const only = createImage(10, 10, [1, 2, 3]);
    expect(stitchDisplays([{ image: only, bounds: { x: 50, y: 50, width: 10, height: 10 } }])).toBe(only);
  });

  it('keeps huge layouts bounded by lowering the common scale', () => {
    const big = { data: new Uint8ClampedArray(4 * 4), width: 2, height: 2 };
    const out = stitchDisplays([
      { image: big, bounds: { x: 0, y: 0, width: 1, height: 1 } },
      { image: { ...big, data: new Uint8ClampedArray(big.data) }, bounds: { x: 8000, y: 5000, width: 1, height: 1 } },
    ]);
    expect(out.width * out.height).toBeLessThanOrEqual(40_000_000);
  });

  it('refuses nothing to stitch and empty displays with a clear error', () => {
    expect(() => stitchDisplays([])).toThrow(AuthdeskError);
    expect(() =>
      stitchDisplays([
        { image: createImage(1, 1), bounds: { x: 0, y: 0, width: 0, height: 10 } },
        { image: createImage(1, 1), bounds: { x: 0, y: 0, width: 1, height: 1 } },
      ]),
    ).toThrow(/empty size/);
  });
});
