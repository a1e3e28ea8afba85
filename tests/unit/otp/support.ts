/** Helpers shared by the otp tests. */
import fc from 'fast-check';
import { AuthdeskError } from '../../../common/errors';
import { encodeBase32, MIN_NEW_SECRET_BYTES } from '../../../core/otp/secret';
import { safeLabel } from '../../../core/otp/label';
import type { AccountDraft, Algorithm } from '../../../common/otp/types';

/** The AuthdeskError `fn` throws; fails the test if it throws nothing or something else. */
export function caught(fn: () => unknown): AuthdeskError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AuthdeskError) return err;
    throw new Error(`expected an AuthdeskError, got ${String(err)}`);
  }
  throw new Error('expected an AuthdeskError, but nothing was thrown');
}

export const algorithmArb: fc.Arbitrary<Algorithm> = fc.constantFrom('SHA1', 'SHA256', 'SHA512');

/** A normalised secret of MIN_NEW_SECRET_BYTES..128 random bytes (what a link may carry). */
export const secretArb = fc.uint8Array({ minLength: MIN_NEW_SECRET_BYTES, maxLength: 128 }).map(encodeBase32);

/** Labels in their stored form (safeLabel: no controls, one-spaced, trimmed) full of the characters that break naive URI code. */
export const labelArb = fc
  .oneof(
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc.string({
      unit: fc.constantFrom(':', '%', '+', '&', '=', '?', '#', '/', ' ', '@', 'a', 'Z', '3', '你', '😀', '%3A'),
      maxLength: 12,
    }),
  )
  .map(safeLabel);

export const draftArb: fc.Arbitrary<AccountDraft> = fc
  .record({
    type: fc.constantFrom('totp', 'hotp', 'steam'),
    issuer: labelArb,
    name: labelArb,
    secret: secretArb,
    algorithm: algorithmArb,
    digits: fc.integer({ min: 1, max: 10 }),
    period: fc.integer({ min: 1, max: 3600 }),
    counter: fc.maxSafeNat(),
  })
  .map(({ type, period, counter, ...rest }): AccountDraft => {
    if (type === 'steam') return { ...rest, type, algorithm: 'SHA1', digits: 5, period: 30 };
    return type === 'hotp' ? { ...rest, type, counter } : { ...rest, type, period };
  });
