/**
 * One OTP vocabulary (common/otp/vocabulary.ts): the contract's schema, the
 * accounts-file schema and core's checks accept exactly the same values at
 * every edge of every range, and refuse the same ones.
 */
import { describe, expect, it } from 'vitest';
import { contract } from '../../../common/ipc/contract';
import { ALGORITHMS, COUNTER, DIGITS, LABEL_MAX_LENGTH, OTP_TYPES, PERIOD } from '../../../common/otp/vocabulary';
import { draftFromManualEntry, parseOtpauthUri } from '../../../core/otp/index';
import { emptyDocument } from '../../../core/vault/metadata-document';
import { vaultDocumentSchema } from '../../../core/vault/metadata-schema';

const SECRET = 'JBSWY3DPEHPK3PXP';
const addSchema = contract['accounts.add'].input;
const renameSchema = contract['accounts.rename'].input;

const edges = (range: { min: number; max: number }) => [range.min - 1, range.min, range.max, range.max + 1];
const inside = (range: { min: number; max: number }, n: number) => n >= range.min && n <= range.max;
const accepts = (run: () => unknown) => {
  try {
    run();
    return true;
  } catch {
    return false;
  }
};
const fileAccepts = (account: Record<string, unknown>) =>
  vaultDocumentSchema.safeParse({
    ...emptyDocument(),
    accounts: [{ id: 'a', issuer: 'Example', name: 'alice', createdAt: 0, ...account }],
  }).success;

describe('one vocabulary, every checker agrees', () => {
  it.each(['totp', 'hotp'] as const)('%s digits: contract, file, link and manual entry', (type) => {
    const more = type === 'hotp' ? { counter: 0 } : { period: 30 };
    for (const digits of edges(DIGITS[type])) {
      const expected = inside(DIGITS[type], digits);
      const manual = { issuer: 'Example', name: 'alice', secret: SECRET, type, digits, ...more };
      expect([digits, addSchema.safeParse({ manual }).success]).toEqual([digits, expected]);
      expect([digits, accepts(() => draftFromManualEntry(manual))]).toEqual([digits, expected]);
      const link = `otpauth://${type}/Example:alice?secret=${SECRET}&digits=${digits}&counter=0`;
      expect([digits, accepts(() => parseOtpauthUri(link))]).toEqual([digits, expected]);
      expect([digits, fileAccepts({ type, algorithm: 'SHA1', digits, ...more })]).toEqual([digits, expected]);
    }
  });

  it('period: contract, file, link and manual entry', () => {
    for (const period of edges(PERIOD)) {
      const expected = inside(PERIOD, period);
      const manual = { issuer: 'Example', name: 'alice', secret: SECRET, period };
      expect([period, addSchema.safeParse({ manual }).success]).toEqual([period, expected]);
      expect([period, accepts(() => draftFromManualEntry(manual))]).toEqual([period, expected]);
      const link = `otpauth://totp/Example:alice?secret=${SECRET}&period=${period}`;
      expect([period, accepts(() => parseOtpauthUri(link))]).toEqual([period, expected]);
      expect([period, fileAccepts({ type: 'totp', algorithm: 'SHA1', digits: 6, period })]).toEqual([period, expected]);
    }
  });

  it('counter: contract, file, link and manual entry', () => {
    for (const counter of [COUNTER.min - 1, COUNTER.min, COUNTER.max, COUNTER.max + 2]) {
      const expected = inside(COUNTER, counter);
      const manual = { issuer: 'Example', name: 'alice', secret: SECRET, type: 'hotp' as const, counter };
      expect([counter, addSchema.safeParse({ manual }).success]).toEqual([counter, expected]);
      expect([counter, accepts(() => draftFromManualEntry(manual))]).toEqual([counter, expected]);
      if (counter >= 0) {
        const link = `otpauth://hotp/Example:alice?secret=${SECRET}&counter=${counter}`;
        expect([counter, accepts(() => parseOtpauthUri(link))]).toEqual([counter, expected]);
      }
      expect([counter, fileAccepts({ type: 'hotp', algorithm: 'SHA1', digits: 6, counter })]).toEqual([
        counter,
        expected,
      ]);
    }
  });

  it('types and algorithms: the same lists everywhere', () => {
    for (const type of [...OTP_TYPES, 'motp']) {
      const manual = { issuer: 'Example', name: 'alice', secret: SECRET, type };
      const expected = (OTP_TYPES as readonly string[]).includes(type);
      expect([type, addSchema.safeParse({ manual }).success]).toEqual([type, expected]);
    }
    for (const algorithm of [...ALGORITHMS, 'MD5']) {
      const expected = (ALGORITHMS as readonly string[]).includes(algorithm);
      const manual = { issuer: 'Example', name: 'alice', secret: SECRET, algorithm };
      expect([algorithm, addSchema.safeParse({ manual }).success]).toEqual([algorithm, expected]);
      const link = `otpauth://totp/Example:alice?secret=${SECRET}&algorithm=${algorithm}`;
      expect([algorithm, accepts(() => parseOtpauthUri(link))]).toEqual([algorithm, expected]);
      expect([algorithm, fileAccepts({ type: 'totp', algorithm, digits: 6, period: 30 })]).toEqual([
        algorithm,
        expected,
      ]);
    }
  });

  it('labels: the contract takes LABEL_MAX_LENGTH characters; the file also loads longer hand-edited ones', () => {
    const at = 'x'.repeat(LABEL_MAX_LENGTH);
    expect(renameSchema.safeParse({ id: 'a', issuer: at, name: at }).success).toBe(true);
    expect(renameSchema.safeParse({ id: 'a', issuer: `${at}x`, name: '' }).success).toBe(false);
    expect(fileAccepts({ type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, issuer: 'x'.repeat(1500) })).toBe(
      true,
    );
  });
});
