/**
 * PLACEHOLDER (owned by the QR helper, who replaces this file): reads an image
 * file (PNG/JPEG/WebP/BMP/GIF) and returns the text of every QR code in it.
 */
import { AuthdeskError } from '../electron/core/errors';

export async function readQrTextsFromFile(_path: string): Promise<string[]> {
  throw new AuthdeskError('unsupported', 'Reading QR codes from image files is not available in this build yet.');
}
