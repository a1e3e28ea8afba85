/** How the CLI shows accounts and codes to a person. */
import type { AccountMeta } from '../common/otp/types';
import { accountLabel } from '../core/vault/account-utils';

export { accountLabel };

/** "123 456", "1234 5678", "123 4567": groups like authenticator apps show them. Steam codes stay whole. */
export function groupDigits(code: string): string {
  if (!/^\d{6,10}$/.test(code)) return code;
  const cut = Math.floor(code.length / 2);
  return `${code.slice(0, cut)} ${code.slice(cut)}`;
}

export function secondsLeft(validUntil: number, nowMs: number): number {
  return Math.max(0, Math.ceil((validUntil - nowMs) / 1000));
}

export function describeParams(a: AccountMeta): string {
  const tail = a.type === 'hotp' ? `counter ${a.counter ?? 0}` : `${a.period ?? 30} s`;
  return `${a.type} ${a.algorithm} ${a.digits} digits ${tail}`;
}

export function printJson(out: (text: string) => void, value: unknown): void {
  out(JSON.stringify(value, null, 2));
}

/** "No QR code found", and why the search may have been cut short (the decoder's safety stop on a busy machine). */
export function noQrMessage(file: string, stoppedEarly: boolean): string {
  return stoppedEarly
    ? `No QR code found in ${file} before the search's time limit (the computer was busy): try again when it is less busy.`
    : `No QR code found in ${file}.`;
}
