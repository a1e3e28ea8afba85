/**
 * QR images of transfer links, with the `qrcode` package. Rendered in main or
 * the CLI only: the renderer never receives a secret-bearing link to draw.
 */
import QRCode from 'qrcode';

/** A PNG of one transfer link. Error correction M, as Google's own export; 6 px modules scan from a screen. */
export function migrationQrPng(uri: string): Promise<Buffer> {
  return QRCode.toBuffer(uri, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: 6 });
}
