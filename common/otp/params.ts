/**
 * Code parameters as values: the ones an account's type has (and nothing
 * else), and when two accounts look the same. Shared by core (which also
 * compares secrets) and the renderer (which never sees them).
 */
import type { AccountPreview, OtpParams } from './types';
import { STEAM } from './vocabulary';

/** Only the parameters of the account's type, copied field by field (no stray counter on a totp account, no secret). */
export function paramsOf(p: OtpParams): OtpParams {
  switch (p.type) {
    case 'totp':
      return { type: 'totp', algorithm: p.algorithm, digits: p.digits, period: p.period };
    case 'hotp':
      return { type: 'hotp', algorithm: p.algorithm, digits: p.digits, counter: p.counter };
    case 'steam':
      return { type: 'steam', ...STEAM };
  }
}

/**
 * Same code parameters. The HOTP counter is left out on purpose: it moves
 * with use, the account stays the same.
 */
export function sameParams(a: OtpParams, b: OtpParams): boolean {
  if (a.type !== b.type || a.algorithm !== b.algorithm || a.digits !== b.digits) return false;
  if (a.type === 'hotp' || b.type === 'hotp') return true;
  return a.period === b.period;
}

/** Same labels and code parameters: everything of an account but its secret (which core compares too). */
export function samePreview(a: AccountPreview, b: AccountPreview): boolean {
  return a.issuer === b.issuer && a.name === b.name && sameParams(a, b);
}
