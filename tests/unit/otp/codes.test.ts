import fc from 'fast-check';
import { generateSync } from 'otplib';
import { createGuardrails } from '@otplib/core';
import { describe, expect, it } from 'vitest';
import { codeWindow, generateCode, hotpCode } from '../../../core/otp/index';
import { clearKeyCache } from '../../../core/otp/key-cache';
import type { OtpParams } from '../../../common/otp/types';
import { algorithmArb, caught, secretArb } from './support';

/** Up to the year ~2600 (the RFC's 20000000000 s), in ms. */
const timeArb = fc.integer({ min: 0, max: 20_000_000_000_000 });
const totpArb = fc.record({
  type: fc.constant('totp' as const),
  algorithm: algorithmArb,
  digits: fc.integer({ min: 1, max: 10 }),
  period: fc.integer({ min: 1, max: 3600 }),
});
const STEAM_CHARS = /^[23456789BCDFGHJKMNPQRTVWXY]{5}$/;

describe('generateCode / codeWindow', () => {
  it('always gives exactly `digits` decimal digits', () => {
    fc.assert(
      fc.property(secretArb, totpArb, timeArb, (secret, params, atMs) => {
        expect(generateCode(secret, params, atMs)).toMatch(new RegExp(`^\\d{${params.digits}}$`));
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with otplib’s own TOTP (default noble crypto, base32 text key) for any key, period and time', () => {
    const guardrails = createGuardrails({ MIN_SECRET_BYTES: 1, MAX_SECRET_BYTES: 128 });
    fc.assert(
      fc.property(secretArb, totpArb, timeArb, (secret, params, atMs) => {
        const theirs = generateSync({
          strategy: 'totp',
          secret,
          epoch: Math.floor(atMs / 1000),
          period: params.period,
          algorithm: params.algorithm.toLowerCase() as 'sha1',
          digits: params.digits,
          guardrails,
        });
        expect(generateCode(secret, params, atMs)).toBe(theirs);
      }),
      { numRuns: 200 },
    );
  });

  it('codeWindow: the period around now, aligned to the epoch, with the next period’s code', () => {
    fc.assert(
      fc.property(secretArb, totpArb, timeArb, (secret, params, nowMs) => {
        const window = codeWindow('id-1', secret, params, nowMs);
        const { validFrom, validUntil } = window as { validFrom: number; validUntil: number };
        expect(validFrom).toBeLessThanOrEqual(nowMs);
        expect(nowMs).toBeLessThan(validUntil);
        expect(validUntil - validFrom).toBe(params.period * 1000);
        expect(validFrom % (params.period * 1000)).toBe(0);
        expect(window.id).toBe('id-1');
        expect(window.code).toBe(generateCode(secret, params, nowMs));
        expect(window.code).toBe(generateCode(secret, params, validFrom));
        expect(window.code).toBe(generateCode(secret, params, validUntil - 1));
        expect(window.next).toBe(generateCode(secret, params, validUntil));
      }),
      { numRuns: 200 },
    );
  });

  it('works at 20000000000 s (beyond 2^32 s and 2038)', () => {
    const params: OtpParams = { type: 'totp', algorithm: 'SHA1', digits: 8, period: 30 };
    const window = codeWindow('far', 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', params, 20_000_000_000_000);
    expect(window).toMatchObject({
      code: '65353130',
      validFrom: 0x27bc86aa * 30_000,
      validUntil: (0x27bc86aa + 1) * 30_000,
    });
  });

  it('makes codes from 1-byte and 10-byte keys (below otplib’s default 16-byte floor)', () => {
    const params: OtpParams = { type: 'totp', algorithm: 'SHA1', digits: 6, period: 30 };
    expect(generateCode('AE', params, 0)).toMatch(/^\d{6}$/);
    // The Key Uri Format wiki's example key (10 bytes) at 1257894000 s.
    expect(generateCode('JBSWY3DPEHPK3PXP', params, 1_257_894_000_000)).toBe('528064');
  });

  it('accepts the key in any spelling (lower case, spaced) and caches it without mixing keys up', () => {
    const params: OtpParams = { type: 'totp', algorithm: 'SHA1', digits: 6, period: 30 };
    expect(generateCode('jbsw y3dp ehpk 3pxp', params, 1_257_894_000_000)).toBe('528064');
    expect(generateCode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', { ...params, digits: 8 }, 59_000)).toBe('94287082');
    expect(generateCode('JBSWY3DPEHPK3PXP', params, 1_257_894_000_000)).toBe('528064');
  });
});

describe('remembered codes (key-cache.ts)', () => {
  const seed = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
  const totp8: OtpParams = { type: 'totp', algorithm: 'SHA1', digits: 8, period: 30 };

  it('are kept per key AND per parameters, and survive eviction correctly', () => {
    clearKeyCache();
    // RFC 6238 at 59 s is step 1, which is RFC 4226 counter 1.
    expect(generateCode(seed, totp8, 59_000)).toBe('94287082');
    expect(generateCode(seed, { ...totp8, digits: 6 }, 59_000)).toBe('287082');
    expect(hotpCode(seed, { type: 'hotp', algorithm: 'SHA1', digits: 6, counter: 0 }, 1)).toBe('287082');
    expect(generateCode(seed, { ...totp8, digits: 7 }, 59_000)).toBe('4287082');
    expect(generateCode(seed, { type: 'steam', algorithm: 'SHA1', digits: 5, period: 30 }, 59_000)).toMatch(
      STEAM_CHARS,
    );
    expect(generateCode(seed, { ...totp8, period: 60 }, 59_000)).toBe('84755224'); // step 0
    expect(generateCode(seed, totp8, 59_000)).toBe('94287082');
    expect(generateCode(seed, totp8, 1_111_111_109_000)).toBe('07081804');
  });
});

describe('HOTP', () => {
  const params: OtpParams = { type: 'hotp', algorithm: 'SHA1', digits: 6, counter: 9 };

  it('codeWindow gives the code at the stored counter, no next code and no bounds', () => {
    expect(codeWindow('h', 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', params, 123)).toEqual({
      id: 'h',
      code: '520489',
      next: null,
      validFrom: null,
      validUntil: null,
    });
  });

  it('handles counters above 2^32 (8-byte big-endian counter, no 32-bit truncation)', () => {
    expect(hotpCode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', params, 4294967296)).toBe('999456');
  });

  it('refuses missing, negative, fractional and unsafe counters', () => {
    // A missing counter is a type error now; an object from outside TypeScript is still refused clearly.
    const noCounter = { type: 'hotp', algorithm: 'SHA1', digits: 6 } as unknown as OtpParams;
    expect(caught(() => generateCode('AE', noCounter, 0)).code).toBe('bad-counter');
    for (const counter of [-1, 1.5, 2 ** 53, Number.NaN])
      expect(caught(() => hotpCode('AE', params, counter)).code).toBe('bad-counter');
  });
});

describe('Steam', () => {
  const steam: OtpParams = { type: 'steam', algorithm: 'SHA1', digits: 5, period: 30 };

  it('matches the known Steam codes', () => {
    // Codes of the shared vectors' Steam entries (facts, checked against otplib + Python hmac there).
    expect(generateCode('JRZCL47CMXVOQMNPZR2F7J4RGI', steam, 1_700_000_000_000)).toBe('747JR');
    expect(generateCode('Y2PO2DPO4AGBS2KQPO5ONQPEBAR2VKMF', steam, 1_700_000_000_000)).toBe('3HC3T');
  });

  it('is always 5 characters of the Steam alphabet, with a 30 s window', () => {
    fc.assert(
      fc.property(secretArb, timeArb, (secret, nowMs) => {
        const window = codeWindow('s', secret, steam, nowMs);
        expect(window.code).toMatch(STEAM_CHARS);
        expect(window.next).toMatch(STEAM_CHARS);
        expect(window.validUntil! - window.validFrom!).toBe(30_000);
      }),
      { numRuns: 200 },
    );
  });
});

describe('bad parameters', () => {
  const totp: OtpParams = { type: 'totp', algorithm: 'SHA1', digits: 6, period: 30 };

  it('refuses times before 1970 and non-finite times', () => {
    for (const t of [-1, Number.NaN, Number.POSITIVE_INFINITY])
      expect(caught(() => codeWindow('x', 'AE', totp, t)).code).toBe('bad-input');
  });

  it('refuses impossible digits, periods, algorithms and keys with our codes, not library text', () => {
    expect(caught(() => generateCode('AE', { ...totp, digits: 11 }, 0)).code).toBe('bad-digits');
    expect(caught(() => generateCode('AE', { ...totp, digits: 0 }, 0)).code).toBe('bad-digits');
    expect(caught(() => generateCode('AE', { ...totp, period: 0 }, 0)).code).toBe('bad-period');
    expect(caught(() => generateCode('AE', { ...totp, period: 3601 }, 0)).code).toBe('bad-period');
    expect(caught(() => generateCode('AE', { ...totp, algorithm: 'MD5' as 'SHA1' }, 0)).code).toBe('bad-algorithm');
    expect(caught(() => generateCode('A1', totp, 0)).code).toBe('bad-secret');
  });
});
