/**
 * build/icons/ is what `npm run icons` makes from build/icon.svg today, and
 * each container holds what its OS looks for: PNGs named NxN for Linux, an
 * ICO with 16-256 px for Windows, an ICNS with the iconutil set for macOS.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ICNS_TYPES, ICO_SIZES, OUT, PNG_SIZES, renderIcons } from '../../scripts/icons.mjs';

let fresh: Map<string, Buffer>;
beforeAll(async () => {
  fresh = await renderIcons();
}, 60_000);

const committed = (rel: string) => readFileSync(path.join(OUT, rel));

/** Largest difference of any channel of any pixel (renderers may differ by a rounding step). */
function maxPixelDifference(a: Buffer, b: Buffer): number {
  const [x, y] = [PNG.sync.read(a), PNG.sync.read(b)];
  if (x.width !== y.width || x.height !== y.height) return Infinity;
  let max = 0;
  for (let i = 0; i < x.data.length; i++) max = Math.max(max, Math.abs(x.data[i]! - y.data[i]!));
  return max;
}

function icoEntries(ico: Buffer) {
  expect(ico.readUInt16LE(0)).toBe(0);
  expect(ico.readUInt16LE(2)).toBe(1);
  return Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
    const dir = 6 + 16 * i;
    return { size: ico[dir] || 256, bytes: ico.readUInt32LE(dir + 8), offset: ico.readUInt32LE(dir + 12) };
  });
}

function icnsEntries(icns: Buffer) {
  expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
  expect(icns.readUInt32BE(4)).toBe(icns.length);
  const entries: { type: string; png: Buffer }[] = [];
  for (let at = 8; at < icns.length;) {
    const length = icns.readUInt32BE(at + 4);
    entries.push({ type: icns.subarray(at, at + 4).toString('latin1'), png: icns.subarray(at + 8, at + length) });
    at += length;
  }
  return entries;
}

describe('the generated icons', () => {
  it('are current: each committed PNG matches a fresh render of build/icon.svg', () => {
    for (const size of PNG_SIZES) {
      const rel = `png/${size}x${size}.png`;
      expect(maxPixelDifference(committed(rel), fresh.get(rel)!), `${rel} (run: npm run icons)`).toBeLessThanOrEqual(2);
    }
  });

  it('give Linux square PNGs named by their size, up to 1024 px', () => {
    for (const size of PNG_SIZES) {
      const png = PNG.sync.read(committed(`png/${size}x${size}.png`));
      expect([png.width, png.height]).toEqual([size, size]);
    }
    expect(Math.max(...PNG_SIZES)).toBe(1024);
  });

  it('give Windows an ICO with every size from 16 to 256 px, each a 32-bit image', () => {
    const ico = committed('icon.ico');
    const entries = icoEntries(ico);
    expect(entries.map((e) => e.size)).toEqual(ICO_SIZES);
    for (const e of entries) {
      expect(e.offset + e.bytes).toBeLessThanOrEqual(ico.length);
      expect(ico.readUInt16LE(e.offset + 14)).toBe(32); // BITMAPINFOHEADER bit count
    }
    expect(icoEntries(fresh.get('icon.ico')!).map((e) => e.size)).toEqual(ICO_SIZES);
  });

  it('give macOS an ICNS with the iconutil set (16@2x to 512@2x), each a PNG of the right size', () => {
    const entries = icnsEntries(committed('icon.icns'));
    expect(entries.map((e) => e.type)).toEqual(ICNS_TYPES.map(([type]) => type));
    for (const [i, { png }] of entries.entries()) {
      const size = ICNS_TYPES[i]![1];
      const image = PNG.sync.read(png);
      expect([image.width, image.height]).toEqual([size, size]);
      expect(maxPixelDifference(png, fresh.get(`png/${size}x${size}.png`) ?? png)).toBeLessThanOrEqual(2);
    }
  });
});
