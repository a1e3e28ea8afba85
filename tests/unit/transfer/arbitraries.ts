/**
 * Random accounts for the round-trip properties: labels as the vault stores
 * them (trimmed, single spaces, no colon-only tricks are needed because every
 * format writes the issuer separately), secrets of 6–64 bytes.
 */
import fc from 'fast-check';
import { encodeBase32 } from '../../../core/otp/secret';
import { cleanLabel } from '../../../core/vault/labels';
import type { AccountDraft } from '../../../common/otp/types';

const label = fc
  .string({ unit: fc.constantFrom(...Array.from('abcXYZ 09@.:-_+&/%?#éøß中😀')), maxLength: 16 })
  .map(cleanLabel);

export function arbitraryAccount(options: { migration?: boolean } = {}): fc.Arbitrary<AccountDraft> {
  // New keys need at least 6 bytes (core/otp: a shorter key is refused when added or imported).
  const secret = fc.uint8Array({ minLength: 6, maxLength: 64 }).map((b) => encodeBase32(b));
  const algorithm = fc.constantFrom('SHA1' as const, 'SHA256' as const, 'SHA512' as const);
  const digits = options.migration ? fc.constantFrom(6, 8) : fc.integer({ min: 6, max: 8 });
  const totp = fc.record({
    type: fc.constant('totp' as const),
    issuer: label,
    name: label,
    secret,
    algorithm,
    digits,
    period: options.migration ? fc.constant(30) : fc.constantFrom(15, 30, 60),
  });
  const hotp = fc.record({
    type: fc.constant('hotp' as const),
    issuer: label,
    name: label,
    secret,
    algorithm,
    digits,
    counter: fc.integer({ min: 0, max: 2 ** 40 }),
  });
  const steam = fc.record({
    type: fc.constant('steam' as const),
    issuer: label,
    name: label,
    secret,
    algorithm: fc.constant('SHA1' as const),
    digits: fc.constant(5),
    period: fc.constant(30),
  });
  return options.migration ? fc.oneof(totp, hotp) : fc.oneof(totp, hotp, steam);
}
