/**
 * What one scan found, after main has looked at every decoded text. This is
 * the point where THE RULE bites: decoded texts go to enroll.preview one by
 * one and are dropped; from here on only tokens and secret-free previews exist.
 */
import type { ErrorValue } from '../../../common/errors';
import type { AccountPreview } from '../../../common/otp/types';
import { samePreview } from '../../../common/otp/params';
import type { PreviewResult } from '../../../common/ipc/contract';
import { toErrorValue } from '../../components/error-text';
import type { CaptureFailure } from '../../scan/capture';
import { CaptureError } from '../../scan/capture';
import { enrollApi } from './api';

export interface FoundKey {
  /** Names the draft main keeps; Save or discard it, never leave it behind. */
  token: string;
  account: AccountPreview;
  duplicateOf: string | null;
}

export type NotOtp = Extract<PreviewResult, { kind: 'not-otp' }>;
/** A Google Authenticator transfer batch, as main holds it after the latest part. */
export type TransferFound = Extract<PreviewResult, { kind: 'transfer' }>['step'];

export interface Unreadable {
  reason: CaptureFailure;
  fileName: string | undefined;
  message: string;
}

export interface Findings {
  keys: FoundKey[];
  /** QR codes that hold something else (a web link, Wi-Fi, ...). */
  notOtp: NotOtp[];
  /** Texts that claim to be keys but main refused (bad secret, unknown type, ...). */
  rejected: ErrorValue[];
  /** Files that could not be read as pictures. */
  unreadable: Unreadable[];
  /** Transfer codes went into main's open batch: its state after the last one (one batch, so the last is all). */
  transfer?: TransferFound;
}

export const noFindings = (): Findings => ({ keys: [], notOtp: [], rejected: [], unreadable: [] });

/** Sends each text to main. The same key seen twice (two QR codes, two files) is kept once. */
export async function previewAll(texts: readonly string[], into: Findings = noFindings()): Promise<Findings> {
  for (const text of texts) {
    try {
      const result = await enrollApi.preview(text);
      if (result.kind === 'not-otp') {
        if (!into.notOtp.some((n) => n.what === result.what && n.message === result.message)) into.notOtp.push(result);
        continue;
      }
      if (result.kind === 'transfer') {
        into.transfer = result.step;
        continue;
      }
      // The secret stays in main, so labels and parameters are the best the renderer can compare.
      const sameKey = into.keys.some((k) => samePreview(k.account, result.account));
      if (sameKey) enrollApi.discardQuietly([result.token]);
      else into.keys.push({ token: result.token, account: result.account, duplicateOf: result.duplicateOf });
    } catch (err) {
      into.rejected.push(toErrorValue(err));
    }
  }
  return into;
}

export function toUnreadable(err: unknown): Unreadable | null {
  return err instanceof CaptureError ? { reason: err.reason, fileName: err.fileName, message: err.message } : null;
}

/** Every token in the findings: what must be discarded if the person walks away. */
export function tokensOf(findings: Findings): string[] {
  return findings.keys.map((k) => k.token);
}
