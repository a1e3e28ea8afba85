/**
 * readQrTextsFromFile / readQrFromFile on every format the CLI accepts.
 * PNG, JPEG, WebP and GIF are written by sharp; BMPs by ImageMagick's
 * `convert` (a third-party writer, so our BMP reader is not graded by its
 * own twin) in the variants Windows produces.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { readImageFile, readQrFromFile, readQrTextsFromFile } from '../../../cli/qr-from-file';
import { AuthdeskError } from '../../../common/errors';
import { decodeBmp } from '../../../cli/bmp';
import type { RgbaImage } from '../../../common/qr/types';
import { blit, createImage } from '../../support/qr-corpus/canvas';
import { renderQr } from '../../support/qr-corpus/qr-raster';
import { useNodeDecoder } from './decoder-setup';

useNodeDecoder();

const dir = mkdtempSync(path.join(os.tmpdir(), 'authdesk-qr-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TEXT = 'otpauth://totp/Files:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Files';
const SECOND = 'otpauth://hotp/Files:bob?secret=KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TFOQ&issuer=Files&counter=3';

/** Two symbols on a light grey page, the first higher up. */
function page(): RgbaImage {
  const img = createImage(420, 260, [236, 236, 236]);
  blit(img, renderQr(TEXT, { moduleSize: 3 }), 10, 10);
  blit(img, renderQr(SECOND, { moduleSize: 3 }), 230, 60);
  return img;
}

const raw = (img: RgbaImage) =>
  sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), {
    raw: { width: img.width, height: img.height, channels: 4 },
  });

async function write(name: string, encode: (s: Sharp) => Sharp): Promise<string> {
  const file = path.join(dir, name);
  await encode(raw(page())).toFile(file);
  return file;
}

/** `convert SOURCE ARGS PREFIX:file` (the prefix picks the BMP flavour: BMP3 = 40-byte header, BMP = V5). */
function convert(source: string, name: string, args: string[], prefix: string): string {
  const file = path.join(dir, name);
  execFileSync('convert', [source, ...args, `${prefix}${file}`]);
  return file;
}

const hasConvert = (() => {
  try {
    execFileSync('convert', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('formats sharp writes', () => {
  it.each([
    ['page.png', (s: Sharp) => s.png()],
    ['page.jpg', (s: Sharp) => s.jpeg({ quality: 80 })],
    ['page.webp', (s: Sharp) => s.webp({ quality: 90 })],
    ['page.gif', (s: Sharp) => s.gif()],
  ])('%s: both texts, top one first', async (name, encode) => {
    expect(await readQrTextsFromFile(await write(name, encode))).toEqual([TEXT, SECOND]);
  });

  it('sniffs content, not the name: a JPEG saved as .png still reads', async () => {
    const file = await write('really-a-jpeg.png', (s) => s.jpeg({ quality: 85 }));
    expect(await readQrTextsFromFile(file)).toEqual([TEXT, SECOND]);
  });

  it('gives positions in file pixels', async () => {
    const file = await write('positions.png', (s) => s.png());
    const found = await readQrFromFile(file);
    const first = found.find((r) => r.text === TEXT)!;
    // The symbol (without quiet zone) starts 4 modules (12 px) into the tile at (10, 10).
    expect(first.position[0]!.x).toBeCloseTo(22, -1);
    expect(first.position[0]!.y).toBeCloseTo(22, -1);
  });
});

describe.runIf(hasConvert)('BMP variants (written by ImageMagick)', () => {
  // [label, file, convert options, writer prefix, bits per pixel, compression field (0 none, 1 RLE8, 2 RLE4, 3 bitfields)]
  it.each([
    ['24-bit', 'bmp24.bmp', ['-alpha', 'off', '-type', 'TrueColor'], 'BMP3:', 24, 0],
    [
      '32-bit with alpha (BITFIELDS, V5 header)',
      'bmp32.bmp',
      ['-alpha', 'on', '-type', 'TrueColorAlpha'],
      'BMP:',
      32,
      3,
    ],
    // ImageMagick picks the palette depth from the colour count: the JPEG's many greys need 8 bits, the clean page 4.
    ['8-bit palette, RLE8', 'bmp8.bmp', ['-alpha', 'off', '-type', 'Palette'], 'BMP3:', 8, 1],
    [
      '8-bit palette, uncompressed',
      'bmp8raw.bmp',
      ['-alpha', 'off', '-type', 'Palette', '-compress', 'None'],
      'BMP3:',
      8,
      0,
    ],
    ['4-bit palette', 'bmp4.bmp', ['-alpha', 'off', '-type', 'Palette'], 'BMP3:', 4, 0],
    ['1-bit', 'bmp1.bmp', ['-alpha', 'off', '-threshold', '50%', '-type', 'Bilevel'], 'BMP3:', 1, 0],
    ['top-down rows', 'topdown.bmp', ['-alpha', 'off', '-flip', '-type', 'TrueColor'], 'BMP3:', 24, 0],
  ])('%s', async (_label, name, args, prefix, bpp, compression) => {
    const source = name.startsWith('bmp8')
      ? await write('source.jpg', (s) => s.jpeg({ quality: 70 }))
      : await write('source.png', (s) => s.png());
    const file = convert(source, name, args, prefix);
    if (name === 'topdown.bmp') {
      // Rewrite as top-down: negate the height and keep the (flipped) rows, so the picture is upright again.
      const bytes = readFileSync(file);
      bytes.writeInt32LE(-bytes.readInt32LE(22), 22);
      writeFileSync(file, bytes);
    }
    expect([readFileSync(file).readUInt16LE(28), readFileSync(file).readUInt32LE(30)]).toEqual([bpp, compression]);
    const image = await readImageFile(file);
    expect([image.width, image.height]).toEqual([420, 260]);
    expect(await readQrTextsFromFile(file)).toEqual([TEXT, SECOND]);
  });
});

it('RLE4 (ImageMagick does not write it): a hand-encoded 5x2 image per the BMP spec', () => {
  const palette = [0, 0, 0, 0, 255, 255, 255, 0, 0, 0, 255, 0]; // BGRx: black, white, red
  const pixels = [
    [0x05, 0x10], // bottom row: run of 5 alternating 1,0 -> white black white black white
    [0x00, 0x00], // end of line
    [0x00, 0x03, 0x21, 0x20], // top row: absolute run of 3 nibbles 2,1,2 -> red white red (padded to a word)
    [0x00, 0x01], // end of bitmap (the last two pixels stay index 0: black)
  ].flat();
  const header = Buffer.alloc(54);
  header.write('BM', 0, 'latin1');
  header.writeUInt32LE(54 + palette.length, 10);
  header.writeUInt32LE(40, 14);
  header.writeInt32LE(5, 18);
  header.writeInt32LE(2, 22);
  header.writeUInt16LE(1, 26);
  header.writeUInt16LE(4, 28);
  header.writeUInt32LE(2, 30);
  header.writeUInt32LE(3, 46);
  const image = decodeBmp(Buffer.concat([header, Buffer.from(palette), Buffer.from(pixels)]), 'rle4.bmp');
  const colours = Array.from({ length: 10 }, (_, p) => Array.from(image.data.subarray(p * 4, p * 4 + 3)).join(','));
  const [K, W, R] = ['0,0,0', '255,255,255', '255,0,0'];
  expect(colours).toEqual([R, W, R, K, K, W, K, W, K, W]);
});

describe('files that are not readable images', () => {
  const refusal = (file: string) => `${file} is not an image Authdesk can read (PNG, JPEG, WebP, BMP or GIF).`;

  async function thrown(file: string): Promise<AuthdeskError> {
    const err = await readQrTextsFromFile(file).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AuthdeskError);
    return err as AuthdeskError;
  }

  it('a text file: bad-image with the exact sentence', async () => {
    const file = path.join(dir, 'notes.png');
    writeFileSync(file, 'these are my notes, not a picture\n');
    const err = await thrown(file);
    expect(err.code).toBe('bad-image');
    expect(err.message).toBe(refusal(file));
  });

  it('an empty file and an unsupported format (TIFF) are refused the same way', async () => {
    const empty = path.join(dir, 'empty.png');
    writeFileSync(empty, '');
    expect((await thrown(empty)).message).toBe(refusal(empty));
    const tiff = await write('page.tiff', (s) => s.tiff());
    expect((await thrown(tiff)).message).toBe(refusal(tiff));
  });

  it.each(['png', 'jpg', 'webp', 'gif'])('a truncated %s: bad-image naming the damage, no stack trace', async (ext) => {
    const whole = await write(`whole.${ext}`, (s) =>
      ext === 'png' ? s.png() : ext === 'jpg' ? s.jpeg() : ext === 'webp' ? s.webp() : s.gif(),
    );
    const cut = path.join(dir, `cut.${ext}`);
    const bytes = readFileSync(whole);
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 3)));
    const err = await thrown(cut);
    expect(err.code).toBe('bad-image');
    expect(err.message).toMatch(
      new RegExp(
        `^${cut.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not an image Authdesk can read \\(PNG, JPEG, WebP, BMP or GIF\\): its (PNG|JPEG|WEBP|GIF) data is damaged\\.$`,
      ),
    );
    expect(err.message).not.toMatch(/\n|at .*\(/);
  });

  it('a truncated BMP and a BMP with JPEG inside: bad-image saying why', async () => {
    const header = Buffer.alloc(54);
    header.write('BM', 0, 'latin1');
    header.writeUInt32LE(54, 10);
    header.writeUInt32LE(40, 14);
    header.writeInt32LE(100, 18);
    header.writeInt32LE(100, 22);
    header.writeUInt16LE(1, 26);
    header.writeUInt16LE(24, 28);
    const cut = path.join(dir, 'cut.bmp');
    writeFileSync(cut, header);
    expect((await thrown(cut)).message).toMatch(/BMP data is damaged or unsupported \(pixel data cut short\)\.$/);
    header.writeUInt32LE(4, 30);
    const jpegInside = path.join(dir, 'jpeg-inside.bmp');
    writeFileSync(jpegInside, header);
    expect((await thrown(jpegInside)).message).toMatch(/\(this kind of compression is not supported\)\.$/);
  });

  it('a missing file and a folder get their own sentences', async () => {
    const missing = path.join(dir, 'nope.png');
    expect((await thrown(missing)).message).toBe(`${missing} does not exist.`);
    expect((await thrown(dir)).message).toBe(`${dir} is a folder, not an image.`);
  });
});

it('an image without a QR code gives [] (no error)', async () => {
  const file = path.join(dir, 'blank.png');
  const img = createImage(300, 200, [250, 250, 250]);
  await raw(img).png().toFile(file);
  expect(await readQrTextsFromFile(file)).toEqual([]);
});
