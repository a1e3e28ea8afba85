/** How the CLI shows accounts and codes to a person. */
import type { AccountMeta, CodeResult } from '../common/otp/types';
import { accountLabel } from '../core/vault/labels';

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
  const tail = a.type === 'hotp' ? `counter ${a.counter}` : `${a.period} s`;
  return `${a.type} ${a.algorithm} ${a.digits} digits ${tail}`;
}

/** After `authdesk code`: the HOTP counter that code used, or the seconds its time-based code has left. */
export function describeValidity(a: AccountMeta, code: CodeResult, nowMs: number): string {
  if (a.type === 'hotp') return `(counter ${a.counter} used)`;
  return code.validUntil === null ? '' : `(${secondsLeft(code.validUntil, nowMs)} s left)`;
}

export function printJson(out: (text: string) => void, value: unknown): void {
  out(JSON.stringify(value, null, 2));
}
