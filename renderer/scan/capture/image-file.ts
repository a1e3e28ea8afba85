/**
 * Image files (picked, dropped or pasted) to RGBA. createImageBitmap with
 * imageOrientation 'from-image' applies the EXIF orientation, so a phone
 * photo taken sideways arrives upright (the decoder tolerates rotation, but
 * the preview and a person checking it do not).
 */
import type { RgbaImage } from '../../../common/qr/types';
import { CaptureError } from './failure';
import { drawToRgba } from './pixels';

/** Larger than any screen or phone photo we expect; beyond this the decode would only stall the app. */
export const MAX_IMAGE_PIXELS = 80_000_000;

export async function imageFileToRgba(file: Blob): Promise<RgbaImage> {
  const fileName = file instanceof File && file.name ? file.name : undefined;
  const what = fileName ? `"${fileName}"` : 'The pasted picture';
  if (file.type && !file.type.startsWith('image/')) {
    throw new CaptureError(
      'not-image',
      `${what} is not an image. Choose a PNG, JPEG, WebP, GIF or BMP picture of the QR code.`,
      fileName,
    );
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new CaptureError(
      'bad-image',
      `${what} could not be read as a picture: it may be damaged or in a format Authdesk does not know. Try a PNG or JPEG screenshot.`,
      fileName,
    );
  }
  try {
    if (bitmap.width * bitmap.height > MAX_IMAGE_PIXELS) {
      throw new CaptureError(
        'bad-image',
        `${what} is too large (${bitmap.width}x${bitmap.height}). Crop it around the QR code and try again.`,
        fileName,
      );
    }
    return drawToRgba(bitmap, bitmap.width, bitmap.height);
  } finally {
    bitmap.close();
  }
}
