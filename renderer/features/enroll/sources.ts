/**
 * Each way in, from its raw material to Findings: capture -> RGBA -> decoder
 * worker -> enroll.preview. Decoded texts live only inside these functions.
 */
import type { DisplayInfo } from '../../../common/ipc/contract';
import { captureScreens, imageFileToRgba } from '../../scan/capture';
import type { DecodeOptions, RgbaImage } from '../../../common/qr/types';
import { BUDGETS } from '../../../common/qr/budget';
import { enrollApi } from './api';
import { decodeImage } from './decoder';
import { noFindings, previewAll, toUnreadable, type Findings } from './findings';
import { findAcrossDisplays } from './screen-findings';

export type Source = 'screen' | 'image' | 'paste' | 'camera';

/** Throws CaptureError (denied, no screen) or ApiError; an empty screen is an empty Findings. */
export async function findOnScreen(): Promise<Findings> {
  // Not knowing the displays is no reason to fail the scan: one capture (the first screen) still reads most codes.
  const displays: DisplayInfo[] = await enrollApi.displays().catch(() => []);
  const captures = await captureScreens({ stepAside: enrollApi.stepAside, comeBack: enrollApi.comeBack }, displays);
  return findAcrossDisplays(captures, {
    decode: async (image) => (await decodeImage(image)).map((d) => d.text),
    preview: previewAll,
  });
}

export async function findInImage(image: RgbaImage, into?: Findings, options?: DecodeOptions): Promise<Findings> {
  const decoded = await decodeImage(image, options);
  return previewAll(
    decoded.map((d) => d.text),
    into,
  );
}

/** Every file is tried; one unreadable file does not hide the keys in the others. */
export async function findInFiles(files: readonly Blob[]): Promise<Findings> {
  const findings = noFindings();
  for (const file of files) {
    let image: RgbaImage;
    try {
      image = await imageFileToRgba(file);
    } catch (err) {
      const unreadable = toUnreadable(err);
      if (!unreadable) throw err;
      findings.unreadable.push(unreadable);
      continue;
    }
    await findInImage(image, findings);
  }
  return findings;
}

/**
 * A live camera frame: the next one is only 250 ms away, so the decoder gets
 * a small budget for its harder passes (BUDGETS.camera) instead of the screen's.
 */
export const CAMERA_DECODE: DecodeOptions = { budget: BUDGETS.camera };

/** A pasted or typed otpauth link: straight to main, no decoding. */
export function findInLink(text: string): Promise<Findings> {
  return previewAll([text]);
}
