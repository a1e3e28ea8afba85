/**
 * Rasterises a QR symbol ourselves from qrcode's module matrix, so module
 * size (even fractional), quiet zone, colours and transparency are exact.
 */
import QRCode from 'qrcode';
import type { RgbaImage } from '../../../common/qr/types';
import { createImage, type Rgba } from './canvas';

export type EcLevel = 'L' | 'M' | 'Q' | 'H';

export interface QrRasterOptions {
  /** Pixels per module; fractional sizes give the uneven widths of a scaled screen. */
  moduleSize: number;
  /** Quiet zone in modules (the standard asks for 4; 0 = edge to edge). */
  quietZone?: number;
  ec?: EcLevel;
  dark?: Rgba;
  light?: Rgba;
}

export interface QrSymbol {
  size: number;
  version: number;
  isDark(row: number, col: number): boolean;
}

export function qrSymbol(text: string, ec: EcLevel = 'M'): QrSymbol {
  const qr = QRCode.create(text, { errorCorrectionLevel: ec });
  const { size, data } = qr.modules;
  return { size, version: qr.version, isDark: (row, col) => data[row * size + col] === 1 };
}

export function renderQr(text: string, options: QrRasterOptions): RgbaImage {
  return renderSymbol(qrSymbol(text, options.ec ?? 'M'), options);
}

export function renderSymbol(symbol: QrSymbol, options: QrRasterOptions): RgbaImage {
  const quiet = options.quietZone ?? 4;
  const dark = options.dark ?? [0, 0, 0, 255];
  const light = options.light ?? [255, 255, 255, 255];
  const modules = symbol.size + 2 * quiet;
  const side = Math.round(modules * options.moduleSize);
  const img = createImage(side, side, light);
  for (let y = 0; y < side; y++) {
    const row = Math.floor(y / options.moduleSize) - quiet;
    if (row < 0 || row >= symbol.size) continue;
    for (let x = 0; x < side; x++) {
      const col = Math.floor(x / options.moduleSize) - quiet;
      if (col < 0 || col >= symbol.size || !symbol.isDark(row, col)) continue;
      const i = (y * side + x) * 4;
      img.data[i] = dark[0];
      img.data[i + 1] = dark[1];
      img.data[i + 2] = dark[2];
      img.data[i + 3] = dark[3];
    }
  }
  return img;
}
