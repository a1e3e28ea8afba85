/** Whatever is wrong with a link or a form, the error text never repeats the key. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AuthdeskError } from '../../../common/errors';
import { draftFromManualEntry, parseOtpauthUri } from '../../../core/otp/index';
import { secretArb } from './support';

/** Ways to break a link around a valid key. */
const breakages: ((secret: string) => string)[] = [
  (s) => `otpauth://totp/Ex:al?secret=${s}1`,
  (s) => `otpauth://totp/Ex:al?secret=${s.slice(0, 1)}=${s.slice(1)}`,
  (s) => `otpauth://motp/Ex:al?secret=${s}`,
  (s) => `otpauth://${s.slice(0, 10)}/Ex:al?secret=${s}`,
  (s) => `${s.slice(0, 10)}://totp/Ex:al?secret=${s}`,
  (s) => `otpaut://totp/Ex:al?secret=${s}`,
  (s) => `otpauth:totp/Ex:al?secret=${s}`,
  (s) => `otpauth://totp/Ex%ZZ:al?secret=${s}`,
  (s) => `otpauth://totp/Ex:al?secret=${s}&algorithm=${s}`,
  (s) => `otpauth://totp/Ex:al?secret=${s}&digits=${s}`,
  (s) => `otpauth://totp/Ex:al?secret=${s}&period=${s}`,
  (s) => `otpauth://hotp/Ex:al?secret=${s}&counter=${s}`,
  (s) => `otpauth://hotp/Ex:al?secret=${s}`,
  (s) => `otpauth://totp/Ex:al?secret=${s}${'A'.repeat(400)}`,
];

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AuthdeskError);
    return (err as AuthdeskError).message;
  }
  throw new Error('expected an error');
}

describe('error messages never contain the secret', () => {
  it('for broken links', () => {
    fc.assert(
      fc.property(
        secretArb.filter((s) => s.length >= 8),
        fc.constantFrom(...breakages.keys()),
        (secret, which) => {
          const message = messageOf(() => parseOtpauthUri(breakages[which]!(secret)));
          expect(message.toUpperCase()).not.toContain(secret.slice(0, 8));
          expect(message).toMatch(/^[A-Z].*\.$/);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('for bad manual entries', () => {
    fc.assert(
      fc.property(
        secretArb.filter((s) => s.length >= 8),
        (secret) => {
          for (const broken of [`${secret}0`, `${secret}!`, `${secret}${'Q'.repeat(300)}`]) {
            expect(
              messageOf(() => draftFromManualEntry({ issuer: 'x', name: 'y', secret: broken })).toUpperCase(),
            ).not.toContain(secret.slice(0, 8));
          }
          const noName = messageOf(() => draftFromManualEntry({ issuer: '', name: '', secret }));
          expect(noName.toUpperCase()).not.toContain(secret.slice(0, 8));
        },
      ),
      { numRuns: 100 },
    );
  });
});
