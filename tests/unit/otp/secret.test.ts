import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SECRET_BYTES, encodeBase32, normalizeSecret, secretBytes } from '../../../core/otp/secret';
import { caught, secretArb } from './support';

describe('normalizeSecret', () => {
  it('upper-cases and drops spaces, hyphens and trailing padding', () => {
    expect(normalizeSecret('jbsw y3dp-ehpk 3pxp')).toBe('JBSWY3DPEHPK3PXP');
    expect(normalizeSecret('  4SJHB4GSD43FZBAI7C2HLRJGPQ======\n')).toBe('4SJHB4GSD43FZBAI7C2HLRJGPQ');
    expect(normalizeSecret('JBSW\u00a0Y3DP\tEHPK\u20033PXP')).toBe('JBSWY3DPEHPK3PXP');
  });

  it('is idempotent', () => {
    const messy = fc.tuple(
      secretArb,
      fc.array(fc.constantFrom(' ', '-', '\t'), { maxLength: 5 }),
      fc.boolean(),
      fc.nat({ max: 6 }),
    );
    fc.assert(
      fc.property(messy, ([secret, separators, lower, padding]) => {
        let text = secret;
        for (const [i, sep] of separators.entries()) {
          const at = Math.min(text.length, (i + 1) * 3);
          text = text.slice(0, at) + sep + text.slice(at);
        }
        text = (lower ? text.toLowerCase() : text) + '='.repeat(padding);
        const once = normalizeSecret(text);
        expect(once).toBe(secret);
        expect(normalizeSecret(once)).toBe(once);
      }),
    );
  });

  it('refuses characters outside base32, including ones that upper-case into base32', () => {
    for (const bad of ['JBSWY3DPEHPK3PX1', 'JBSWY3DPEHPK3PX0', 'JBSWY3DP8', 'JBSW=Y3DP', 'straße', 'JBSWY3DP!']) {
      expect(caught(() => normalizeSecret(bad)).code).toBe('bad-secret');
    }
  });

  it('says missing-secret when nothing is left', () => {
    for (const empty of ['', '   ', '-- ==', '======'])
      expect(caught(() => normalizeSecret(empty)).code).toBe('missing-secret');
  });

  it('needs at least one byte and at most MAX_SECRET_BYTES', () => {
    expect(caught(() => normalizeSecret('A')).message).toMatch(/too short/);
    expect(normalizeSecret('AE')).toBe('AE');
    const longest = encodeBase32(new Uint8Array(MAX_SECRET_BYTES).fill(7));
    expect(normalizeSecret(longest)).toBe(longest);
    expect(caught(() => normalizeSecret(encodeBase32(new Uint8Array(MAX_SECRET_BYTES + 1)))).message).toMatch(
      /too long/,
    );
  });
});

describe('secretBytes / encodeBase32', () => {
  it('round trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 128 }), (bytes) => {
        expect(secretBytes(encodeBase32(bytes))).toEqual(bytes);
      }),
    );
  });

  it('decodes the RFC 4226 seed', () => {
    expect(Buffer.from(secretBytes('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ')).toString('ascii')).toBe('12345678901234567890');
  });

  it('ignores leftover bits of odd lengths like Google Authenticator (11 chars → 6 bytes)', () => {
    expect(secretBytes('JBSWY3DPEHP')).toEqual(secretBytes('JBSWY3DPEHPK').slice(0, 6));
    expect(secretBytes('JBSWY3DPEHP')).toHaveLength(6);
  });
});
