/**
 * A small BMP reader (sharp/libvips has none): 1/4/8-bit palette (plain or
 * RLE4/RLE8), 16/24/32-bit and BI_BITFIELDS, bottom-up or top-down. That
 * covers what Windows' clipboard, Paint and ImageMagick write. Anything else
 * (JPEG/PNG inside a BMP, OS/2 Huffman) is refused with a clear message.
 */
import { AuthdeskError } from '../common/errors';
import type { RgbaImage } from '../common/qr/types';

const BI_RGB = 0;
const BI_RLE8 = 1;
const BI_RLE4 = 2;
const BI_BITFIELDS = 3;
const BI_ALPHABITFIELDS = 6;

export function isBmp(bytes: Uint8Array): boolean {
  return bytes.length >= 26 && bytes[0] === 0x42 && bytes[1] === 0x4d;
}

interface Mask {
  shift: number;
  max: number;
}

function maskOf(mask: number): Mask | null {
  if (mask === 0) return null;
  let shift = 0;
  while (((mask >>> shift) & 1) === 0) shift++;
  return { shift, max: mask >>> shift };
}

function channel(value: number, mask: Mask | null, fallback: number): number {
  if (!mask) return fallback;
  return Math.round((((value >>> mask.shift) & mask.max) * 255) / mask.max);
}

/** The size a BMP header declares (for the pixel limit, checked before decoding); null if the header is too short. */
export function bmpDimensions(bytes: Uint8Array): { width: number; height: number } | null {
  if (!isBmp(bytes) || bytes.length < 26) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const core = view.getUint32(14, true) === 12;
  const width = core ? view.getUint16(18, true) : view.getInt32(18, true);
  const height = Math.abs(core ? view.getInt16(20, true) : view.getInt32(22, true));
  return { width: Math.max(0, width), height };
}

export function decodeBmp(bytes: Uint8Array, name: string): RgbaImage {
  const broken = (why: string) =>
    new AuthdeskError(
      'bad-image',
      `${name} is not an image Authdesk can read (PNG, JPEG, WebP, BMP or GIF): its BMP data is damaged or unsupported (${why}).`,
    );
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!isBmp(bytes) || bytes.length < 30) throw broken('too short');
  const pixelOffset = view.getUint32(10, true);
  const headerSize = view.getUint32(14, true);
  const core = headerSize === 12;
  if (!core && headerSize < 40) throw broken(`unknown header size ${headerSize}`);
  if (bytes.length < 14 + headerSize) throw broken('header cut short');
  const width = core ? view.getUint16(18, true) : view.getInt32(18, true);
  const rawHeight = core ? view.getInt16(20, true) : view.getInt32(22, true);
  const bpp = view.getUint16(core ? 24 : 28, true);
  const compression = core ? BI_RGB : view.getUint32(30, true);
  const topDown = rawHeight < 0;
  const height = Math.abs(rawHeight);
  if (width <= 0 || height === 0 || width * height > 100_000_000) throw broken(`impossible size ${width}x${height}`);

  let masks: (Mask | null)[] = [];
  if (compression === BI_BITFIELDS || compression === BI_ALPHABITFIELDS) {
    // Masks follow a 40-byte header, or sit inside a V4/V5 header at the same offset.
    const count = compression === BI_ALPHABITFIELDS || headerSize >= 56 ? 4 : 3;
    if (bytes.length < 54 + count * 4) throw broken('colour masks cut short');
    masks = Array.from({ length: count }, (_, i) => maskOf(view.getUint32(54 + i * 4, true)));
  } else if ((compression === BI_RLE8 && bpp !== 8) || (compression === BI_RLE4 && bpp !== 4)) {
    throw broken(`run-length coding does not fit ${bpp} bits per pixel`);
  } else if (compression !== BI_RGB && compression !== BI_RLE8 && compression !== BI_RLE4) {
    throw broken('this kind of compression is not supported');
  } else if (bpp === 16) {
    masks = [maskOf(0x7c00), maskOf(0x03e0), maskOf(0x001f)];
  } else if (bpp === 32) {
    // BI_RGB 32-bit: the fourth byte is "reserved" and usually 0, so it is not alpha.
    masks = [maskOf(0x00ff0000), maskOf(0x0000ff00), maskOf(0x000000ff)];
  }

  let palette: Uint8Array | null = null;
  if (bpp <= 8) {
    const entrySize = core ? 3 : 4;
    const used = core ? 0 : view.getUint32(46, true);
    const count = used || 1 << bpp;
    const start = 14 + headerSize;
    if (start + count * entrySize > bytes.length) throw broken('palette cut short');
    palette = new Uint8Array(count * 3);
    for (let i = 0; i < count; i++) {
      palette[i * 3] = bytes[start + i * entrySize + 2] as number;
      palette[i * 3 + 1] = bytes[start + i * entrySize + 1] as number;
      palette[i * 3 + 2] = bytes[start + i * entrySize] as number;
    }
  } else if (![16, 24, 32].includes(bpp)) {
    throw broken(`${bpp} bits per pixel`);
  }

  const out = new Uint8ClampedArray(width * height * 4);
  if (compression === BI_RLE8 || compression === BI_RLE4) {
    if (!palette || topDown) throw broken('run-length data must be a bottom-up palette image');
    const indexes = decodeRle(bytes.subarray(pixelOffset), width, height, bpp, broken);
    for (let p = 0; p < indexes.length; p++) {
      const index = indexes[p] as number;
      if (index * 3 + 2 >= palette.length) throw broken('colour index outside the palette');
      out.set(
        [palette[index * 3] as number, palette[index * 3 + 1] as number, palette[index * 3 + 2] as number, 255],
        p * 4,
      );
    }
    return { data: out, width, height };
  }
  const stride = Math.floor((bpp * width + 31) / 32) * 4;
  if (pixelOffset + stride * height > bytes.length) throw broken('pixel data cut short');
  for (let y = 0; y < height; y++) {
    const row = pixelOffset + (topDown ? y : height - 1 - y) * stride;
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      if (palette) {
        const bit = x * bpp;
        const byte = bytes[row + (bit >> 3)] as number;
        const index = (byte >> (8 - bpp - (bit & 7))) & ((1 << bpp) - 1);
        if (index * 3 + 2 >= palette.length) throw broken('colour index outside the palette');
        out[o] = palette[index * 3] as number;
        out[o + 1] = palette[index * 3 + 1] as number;
        out[o + 2] = palette[index * 3 + 2] as number;
        out[o + 3] = 255;
      } else if (bpp === 24) {
        out[o] = bytes[row + x * 3 + 2] as number;
        out[o + 1] = bytes[row + x * 3 + 1] as number;
        out[o + 2] = bytes[row + x * 3] as number;
        out[o + 3] = 255;
      } else {
        const value = bpp === 16 ? view.getUint16(row + x * 2, true) : view.getUint32(row + x * 4, true);
        out[o] = channel(value, masks[0] ?? null, 0);
        out[o + 1] = channel(value, masks[1] ?? null, 0);
        out[o + 2] = channel(value, masks[2] ?? null, 0);
        out[o + 3] = channel(value, masks[3] ?? null, 255);
      }
    }
  }
  // An alpha mask whose every pixel is 0 means "not really alpha" (common in the wild).
  if (masks[3] && out.every((v, i) => i % 4 !== 3 || v === 0)) for (let i = 3; i < out.length; i += 4) out[i] = 255;
  return { data: out, width, height };
}

/**
 * RLE8 / RLE4 to one palette index per pixel, rows top-down. Pixels the
 * stream skips (delta / early end of line) stay index 0, as Windows draws them.
 */
function decodeRle(
  data: Uint8Array,
  width: number,
  height: number,
  bpp: number,
  broken: (why: string) => Error,
): Uint8Array {
  const out = new Uint8Array(width * height);
  let x = 0;
  let y = height - 1;
  let i = 0;
  const put = (index: number) => {
    if (x < width && y >= 0) out[y * width + x] = index;
    x++;
  };
  const next = (): number => {
    if (i >= data.length) throw broken('run-length data cut short');
    return data[i++] as number;
  };
  while (y >= 0) {
    const count = next();
    const value = next();
    if (count > 0) {
      for (let k = 0; k < count; k++) put(bpp === 8 ? value : k % 2 === 0 ? value >> 4 : value & 15);
    } else if (value === 0) {
      x = 0;
      y--;
    } else if (value === 1) {
      break;
    } else if (value === 2) {
      x += next();
      y -= next();
    } else {
      const bytesUsed = bpp === 8 ? value : Math.ceil(value / 2);
      for (let k = 0; k < value; k++) {
        const byte = data[i + (bpp === 8 ? k : k >> 1)];
        if (byte === undefined) throw broken('run-length data cut short');
        put(bpp === 8 ? byte : k % 2 === 0 ? byte >> 4 : byte & 15);
      }
      // Absolute runs are padded to a 16-bit boundary.
      i += bytesUsed + (bytesUsed % 2);
    }
  }
  return out;
}
