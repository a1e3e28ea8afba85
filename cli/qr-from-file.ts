/**
 * QR codes in image files for the CLI (`authdesk decode-qr`, `add --image`)
 * and for tests: PNG, JPEG, WebP and GIF through sharp, BMP through our own
 * reader. The same decoder as the app's worker; the zxing wasm is read from
 * node_modules, never fetched.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { AuthdeskError } from '../common/errors';
import { bmpDimensions, decodeBmp, isBmp } from './bmp';
import { checkImageFile, checkPixelCount, headerSize, MAX_IMAGE_PIXELS } from './image-limits';
import { configureZxingWasm } from '../common/qr/engine';
import { BUDGETS } from '../common/qr/budget';
import { decodeQrImage } from '../common/qr/pipeline';
import type { DecodedQr, DecodeOptions, DecodeReport, RgbaImage } from '../common/qr/types';

let prepared = false;

/** Points zxing-wasm at the wasm file in node_modules. Safe to call more than once. */
export async function prepareDecoderForNode(): Promise<void> {
  if (prepared) return;
  const file = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
  const bytes = await readFile(file);
  configureZxingWasm({
    wasmBinary: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  });
  prepared = true;
}

const notAnImage = (file: string) =>
  new AuthdeskError('bad-image', `${file} is not an image Authdesk can read (PNG, JPEG, WebP, BMP or GIF).`);

type Kind = 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp';

/** By content, not by name: a screenshot saved as ".png" may well be a JPEG. */
function sniff(bytes: Uint8Array): Kind | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes[0] === 0x89 && ascii(1, 4) === 'PNG') return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return 'gif';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (isBmp(bytes)) return 'bmp';
  return null;
}

async function readBytes(file: string): Promise<Buffer> {
  await checkImageFile(file); // a device, a FIFO or a huge file is refused before a byte is read
  try {
    return await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AuthdeskError('bad-image', `${file} does not exist.`);
    if (code === 'EISDIR') throw new AuthdeskError('bad-image', `${file} is a folder, not an image.`);
    if (code === 'EACCES' || code === 'EPERM')
      throw new AuthdeskError('bad-image', `${file} cannot be read: permission denied.`);
    throw new AuthdeskError('bad-image', `${file} cannot be read.`, { cause: err });
  }
}

/** The file's pixels as RGBA (first frame of an animated GIF; EXIF orientation applied). */
export async function readImageFile(file: string): Promise<RgbaImage> {
  const bytes = await readBytes(file);
  const kind = sniff(bytes);
  if (!kind) throw notAnImage(file);
  const size = kind === 'bmp' ? bmpDimensions(bytes) : await headerSize(bytes);
  if (size) checkPixelCount(file, size.width, size.height);
  if (kind === 'bmp') return decodeBmp(bytes, file);
  try {
    const { default: sharp } = await import('sharp');
    // failOn 'error': a truncated file is refused instead of decoded half grey.
    // limitInputPixels repeats our limit inside libvips, in case a header lied to metadata().
    const { data, info } = await sharp(bytes, { failOn: 'error', limitInputPixels: MAX_IMAGE_PIXELS })
      .rotate()
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return {
      data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength),
      width: info.width,
      height: info.height,
    };
  } catch (err) {
    throw new AuthdeskError(
      'bad-image',
      `${file} is not an image Authdesk can read (PNG, JPEG, WebP, BMP or GIF): its ${kind.toUpperCase()} data is damaged.`,
      { cause: err },
    );
  }
}

/**
 * Every QR code in the image with its position and the pass that read it.
 * A person waits on one file, so the default budget is BUDGETS.file, larger
 * than the live screen scan's.
 */
export async function readQrReportFromFile(file: string, options?: DecodeOptions): Promise<DecodeReport> {
  const image = await readImageFile(file);
  await prepareDecoderForNode();
  return decodeQrImage(image, { budget: BUDGETS.file, ...options });
}

/** Every QR code in the image with its position and the pass that read it; [] when there is none. */
export async function readQrFromFile(file: string, options?: DecodeOptions): Promise<DecodedQr[]> {
  return (await readQrReportFromFile(file, options)).codes;
}

const centre = (r: DecodedQr) => ({
  x: r.position.reduce((s, p) => s + p.x, 0) / r.position.length,
  y: r.position.reduce((s, p) => s + p.y, 0) / r.position.length,
});

export interface FileTexts {
  /** The distinct texts, top to bottom then left to right; [] when there is none. */
  texts: string[];
  /** The decoder's wall-clock safety stop ended the search (a busy machine): another run may find more. */
  stoppedAtCeiling: boolean;
}

export async function readFileTexts(file: string): Promise<FileTexts> {
  const report = await readQrReportFromFile(file);
  const found = report.codes.map((r) => ({ text: r.text, at: centre(r) }));
  found.sort((a, b) => a.at.y - b.at.y || a.at.x - b.at.x);
  return { texts: [...new Set(found.map((r) => r.text))], stoppedAtCeiling: report.stoppedAtCeiling };
}

/** The distinct texts of every QR code in the image, top to bottom then left to right; [] when there is none. */
export async function readQrTextsFromFile(file: string): Promise<string[]> {
  return (await readFileTexts(file)).texts;
}
