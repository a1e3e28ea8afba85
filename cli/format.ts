/** How the CLI shows accounts and codes to a person. */
import { formatCode } from '../common/otp/format-code';
import type { AccountMeta, CodeResult } from '../common/otp/types';
import { accountLabel } from '../core/vault/labels';
import { escapeUnsafeInJson } from '../common/safe-text';

export { accountLabel };

export function secondsLeft(validUntil: number, nowMs: number): number {
  return Math.max(0, Math.ceil((validUntil - nowMs) / 1000));
}

export function describeParams(a: AccountMeta): string {
  const tail = a.type === 'hotp' ? `counter ${a.counter}` : `${a.period} s`;
  return `${a.type} ${a.algorithm} ${a.digits} digits ${tail}`;
}

/**
 * One line of `authdesk code`: the account, its code grouped as the app shows
 * it (common/otp/format-code.ts), and the HOTP counter that code used or the
 * seconds a time-based code has left.
 */
export function codeLine(a: AccountMeta, code: CodeResult, nowMs: number): string {
  const when =
    a.type === 'hotp'
      ? `(counter ${a.counter} used)`
      : code.validUntil === null
        ? ''
        : `(${secondsLeft(code.validUntil, nowMs)} s left)`;
  return `${accountLabel(a)}  ${formatCode(code.code, a.type)}  ${when}`;
}

/** JSON.stringify leaves C1 and bidi characters raw: escape them so the JSON stays valid and the terminal safe. */
export function printJson(out: (text: string) => void, value: unknown): void {
  out(escapeUnsafeInJson(JSON.stringify(value, null, 2)));
}

/** "No QR code found", and why the search may have been cut short (the decoder's safety stop on a busy machine). */
export function noQrMessage(file: string, stoppedEarly: boolean): string {
  return stoppedEarly
    ? `No QR code found in ${file} before the search's time limit (the computer was busy): try again when it is less busy.`
    : `No QR code found in ${file}.`;
}
