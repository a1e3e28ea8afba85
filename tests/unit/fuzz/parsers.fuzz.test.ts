/**
 * Property-based fuzzing (fast-check) of what reads untrusted text: the
 * otpauth/steam URI parser, the QR-text classifier and every IPC input
 * schema. A few hundred runs each in `npm test`; 10,000 each in
 * `npm run test:slow` (AUTHDESK_SLOW=1).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AuthdeskError } from '../../../common/errors';
import { channels, contract } from '../../../common/ipc/contract';
import { hasUnsafeChars } from '../../../common/safe-text';
import { describeQrText, parseOtpauthUri } from '../../../core/otp/index';
import { describeBadInput } from '../../../electron/handlers/bad-input';

export const RUNS = process.env.AUTHDESK_SLOW === '1' ? 10_000 : 300;
const TIMEOUT = process.env.AUTHDESK_SLOW === '1' ? 600_000 : 30_000;

const piece = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom('%1B', '%07', '%00', '%E2%80%AE', '\x1b', '\u202e', '\x9b', ':', '&', '=', '?', '#', '/', '%', '+'),
  fc.constantFrom('JBSWY3DPEHPK3PXP', 'AE', 'GEZDGNBVGY3TQOJQ', '9007199254740993', '-1', '0'),
);
const params = fc.array(
  fc.tuple(
    fc.constantFrom('secret', 'issuer', 'digits', 'period', 'counter', 'algorithm', 'encoder', 'SECRET', 'x'),
    piece,
  ),
  { maxLength: 6 },
);
const uriArb = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc
    .tuple(
      fc.constantFrom('otpauth://', 'OTPAUTH://', 'steam://', 'otpauth:/', 'otpauth-migration://'),
      fc.constantFrom('totp', 'hotp', 'steam', 'TOTP', ''),
      piece,
      piece,
      params,
    )
    .map(
      ([scheme, type, issuer, name, ps]) =>
        `${scheme}${type}/${issuer}:${name}?${ps.map(([k, v]) => `${k}=${v}`).join('&')}`,
    ),
);

/** The one allowed way to fail: an AuthdeskError with a non-empty sentence. */
function outcome(fn: () => unknown): 'ok' | 'refused' {
  try {
    fn();
    return 'ok';
  } catch (err) {
    expect(err).toBeInstanceOf(AuthdeskError);
    expect((err as AuthdeskError).message.length).toBeGreaterThan(0);
    return 'refused';
  }
}

describe('fuzzing', () => {
  it(`the URI parser returns a clean draft or an AuthdeskError (${RUNS} runs)`, { timeout: TIMEOUT }, () => {
    fc.assert(
      fc.property(uriArb, (text) => {
        outcome(() => {
          const draft = parseOtpauthUri(text);
          expect(hasUnsafeChars(draft.issuer) || hasUnsafeChars(draft.name)).toBe(false);
          expect(draft.issuer.length).toBeLessThanOrEqual(200);
          expect(draft.name.length).toBeLessThanOrEqual(200);
          expect(draft.secret).toMatch(/^[A-Z2-7]+$/);
        });
      }),
      { numRuns: RUNS },
    );
  });

  it(
    `the QR-text classifier always answers with a kind or an AuthdeskError (${RUNS} runs)`,
    { timeout: TIMEOUT },
    () => {
      fc.assert(
        fc.property(fc.oneof(uriArb, fc.string({ unit: 'binary', maxLength: 300 })), (text) => {
          outcome(() => {
            const d = describeQrText(text);
            expect(['otp', 'not-otp']).toContain(d.kind);
            if (d.kind === 'otp') expect(hasUnsafeChars(d.draft.issuer + d.draft.name)).toBe(false);
          });
        }),
        { numRuns: RUNS },
      );
    },
  );

  it(
    `every IPC schema accepts or refuses anything with a sentence, never a throw (${RUNS} runs)`,
    { timeout: TIMEOUT },
    () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...channels),
          fc.anything({ withNullPrototype: true, withBigInt: true, withMap: true }),
          (channel, input) => {
            const parsed = contract[channel].input.safeParse(input);
            if (!parsed.success) expect(describeBadInput(parsed.error)).toMatch(/\.$/);
          },
        ),
        { numRuns: RUNS },
      );
    },
  );
});
