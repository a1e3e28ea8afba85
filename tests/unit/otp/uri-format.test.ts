import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatOtpauthUri, parseOtpauthUri } from '../../../core/otp/index';
import { draftArb } from './support';

describe('formatOtpauthUri', () => {
  it('writes every parameter, percent-encoded', () => {
    const uri = formatOtpauthUri({
      type: 'totp',
      issuer: 'Air Canada',
      name: 'ben+2fa@example.com',
      secret: 'JBSWY3DPEHPK3PXP',
      algorithm: 'SHA256',
      digits: 7,
      period: 20,
    });
    expect(uri).toBe(
      'otpauth://totp/Air%20Canada:ben%2B2fa%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Air%20Canada&algorithm=SHA256&digits=7&period=20',
    );
  });

  it('writes hotp with its counter and Steam under the steam type', () => {
    expect(
      formatOtpauthUri({
        type: 'hotp',
        issuer: '',
        name: 'bob',
        secret: 'AE',
        algorithm: 'SHA1',
        digits: 6,
        counter: 4294967296,
      }),
    ).toBe('otpauth://hotp/bob?secret=AE&algorithm=SHA1&digits=6&counter=4294967296');
    expect(
      formatOtpauthUri({
        type: 'steam',
        issuer: 'Steam',
        name: '',
        secret: 'AE',
        algorithm: 'SHA1',
        digits: 5,
        period: 30,
      }),
    ).toMatch(/^otpauth:\/\/steam\/Steam:\?secret=AE&issuer=Steam&/);
  });

  it('keeps colons in names and issuers intact', () => {
    const base = { type: 'totp', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: 6, period: 30 } as const;
    const pairs: [string, string][] = [
      ['a:b', 'c'],
      ['', 'x:y'],
      ['i', 'x:y:z'],
      ['a:b', 'c:d'],
      [':', ':'],
    ];
    for (const [issuer, name] of pairs) {
      expect(parseOtpauthUri(formatOtpauthUri({ ...base, issuer, name }))).toEqual({ ...base, issuer, name });
    }
  });

  it('round trips: parse(format(d)) deep-equals d for any valid draft', () => {
    fc.assert(
      fc.property(draftArb, (draft) => {
        expect(parseOtpauthUri(formatOtpauthUri(draft))).toEqual(draft);
      }),
      { numRuns: 500 },
    );
  });
});
