/** How the CLI shows accounts and codes to a person. */
import type { AccountMeta } from '../common/otp/types';
import { accountLabel } from '../core/vault/account-utils';
import { escapeUnsafeInJson } from '../common/safe-text';

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

/** JSON.stringify leaves C1 and bidi characters raw: escape them so the JSON stays valid and the terminal safe. */
export function printJson(out: (text: string) => void, value: unknown): void {
  out(escapeUnsafeInJson(JSON.stringify(value, null, 2)));
}
