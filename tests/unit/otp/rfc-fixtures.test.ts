/** The RFC rows from our own fixture file: runs with or without ../shared/vectors. */
import { describe, expect, it } from 'vitest';
import { codeWindow, generateCode, hotpCode } from '../../../core/otp/index';
import { truncatedValue } from '../../../core/otp/codes';
import type { Algorithm } from '../../../common/otp/types';
import { RFC4226_ROWS, RFC4226_SECRET, RFC6238_ROWS, RFC6238_SECRETS } from './rfc-fixtures';

describe(`RFC 4226 Appendix D (own fixture, ${RFC4226_ROWS.length} rows)`, () => {
  it.each(RFC4226_ROWS)(
    'counter $counter → truncated $truncated, code $hotp (6, 7 and 8 digits)',
    ({ counter, truncated, hotp }) => {
      expect(truncatedValue(RFC4226_SECRET, 'SHA1', counter)).toBe(truncated);
      expect(hotpCode(RFC4226_SECRET, { type: 'hotp', algorithm: 'SHA1', digits: 6, counter: 0 }, counter)).toBe(hotp);
      expect(hotpCode(RFC4226_SECRET, { type: 'hotp', algorithm: 'SHA1', digits: 7, counter: 0 }, counter)).toBe(
        String(truncated % 1e7).padStart(7, '0'),
      );
      expect(hotpCode(RFC4226_SECRET, { type: 'hotp', algorithm: 'SHA1', digits: 8, counter: 0 }, counter)).toBe(
        String(truncated % 1e8).padStart(8, '0'),
      );
    },
  );
});

const totpCases = RFC6238_ROWS.flatMap((row) =>
  (['SHA1', 'SHA256', 'SHA512'] as Algorithm[]).map((algorithm) => ({ ...row, algorithm, code: row.codes[algorithm] })),
);

describe(`RFC 6238 Appendix B (own fixture, ${totpCases.length} rows)`, () => {
  it.each(totpCases)('$algorithm at $time s (T=$step) → $code', ({ time, step, algorithm, code }) => {
    const params = { type: 'totp', algorithm, digits: 8, period: 30 } as const;
    expect(generateCode(RFC6238_SECRETS[algorithm], params, time * 1000)).toBe(code);
    const window = codeWindow('x', RFC6238_SECRETS[algorithm], params, time * 1000);
    expect(window).toMatchObject({ code, validFrom: step * 30_000, validUntil: (step + 1) * 30_000 });
  });
});
