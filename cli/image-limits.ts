/**
 * Limits checked BEFORE an image is decoded, so a hostile or mistaken file
 * cannot eat the machine (`decode-qr /dev/zero` used to read forever; a
 * 16000x16000 PNG took 19 s and 2.8 GB). Documented in the README (CLI):
 *  - only regular files (not devices, FIFOs or sockets);
 *  - at most MAX_IMAGE_BYTES on disk;
 *  - at most MAX_IMAGE_PIXELS, read from the header (sharp's metadata, which
 *    does not decode pixels; our own header read for BMP).
 * A screenshot of three 4K screens is 25 MP, so 50 MP leaves room for real
 * use. The message names the limit that was hit, never "damaged".
 */
import { promises as fs } from 'node:fs';
import { AuthdeskError } from '../common/errors';

export const MAX_IMAGE_BYTES = 50 * 1024 * 1024;
export const MAX_IMAGE_PIXELS = 50_000_000;

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const mp = (pixels: number) => `${Math.round(pixels / 1e6)} megapixels`;

/** Refuses anything but a regular file of at most MAX_IMAGE_BYTES (stat only: nothing is read). */
export async function checkImageFile(file: string, stat: typeof fs.stat = fs.stat): Promise<void> {
  let info;
  try {
    info = await stat(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new AuthdeskError('bad-image', `${file} does not exist.`);
    if (code === 'EACCES' || code === 'EPERM')
      throw new AuthdeskError('bad-image', `${file} cannot be read: permission denied.`);
    throw new AuthdeskError('bad-image', `${file} cannot be read (${code ?? 'error'}).`, { cause: err });
  }
  if (info.isDirectory()) throw new AuthdeskError('bad-image', `${file} is a folder, not an image.`);
  if (!info.isFile())
    throw new AuthdeskError(
      'image-too-large',
      `${file} is not a regular file (a device, a pipe or a socket): Authdesk reads QR codes only from image files.`,
    );
  if (info.size > MAX_IMAGE_BYTES)
    throw new AuthdeskError(
      'image-too-large',
      `${file} is ${mb(info.size)}: Authdesk reads image files of at most ${mb(MAX_IMAGE_BYTES)}. Crop or shrink the picture around the QR code.`,
    );
}

/** Refuses an image whose header says it has more than MAX_IMAGE_PIXELS (before any pixel is decoded). */
export function checkPixelCount(file: string, width: number, height: number): void {
  if (width * height > MAX_IMAGE_PIXELS)
    throw new AuthdeskError(
      'image-too-large',
      `${file} is ${width}x${height} pixels (${mp(width * height)}): Authdesk reads images of at most ${mp(MAX_IMAGE_PIXELS)}. Crop or shrink the picture around the QR code.`,
    );
}

/** The size a PNG/JPEG/WebP/GIF header declares, without decoding it; null when sharp cannot read the header. */
export async function headerSize(bytes: Buffer): Promise<{ width: number; height: number } | null> {
  // PNG and GIF put the size at a fixed place: read it directly (libvips refuses a header-only file as "corrupt").
  if (bytes.length >= 24 && bytes.toString('latin1', 12, 16) === 'IHDR')
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  if (bytes.length >= 10 && bytes.toString('latin1', 0, 3) === 'GIF')
    return { width: bytes.readUInt16LE(6), height: bytes.readUInt16LE(8) };
  try {
    const { default: sharp } = await import('sharp'); // image code loads only in image commands
    const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
    if (!meta.width || !meta.height) return null;
    // EXIF orientation does not change the pixel count; animated GIFs stack their pages in `height`.
    return { width: meta.width, height: meta.pageHeight ?? meta.height };
  } catch {
    return null;
  }
}
