/** The list's pure helpers: code grouping, accent-insensitive search, reordering, boundary scheduling. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCode, maskedCode } from '../../../common/otp/format-code';
import { moveByStep, moveRelative } from '../../../renderer/features/accounts/order';
import { msUntilNextBoundary, rollForward } from '../../../renderer/codes/schedule';
import { foldForSearch, matchesQuery } from '../../../renderer/features/accounts/search';

describe('formatCode', () => {
  it.each([
    ['123456', 'totp', '123 456'],
    ['1234567', 'totp', '123 4567'],
    ['1234567890', 'totp', '123 456 7890'],
    ['12345678', 'hotp', '1234 5678'],
    ['12345', 'totp', '12345'],
    ['2BC4D', 'steam', '2BC4D'],
    ['123456789', 'totp', '123 456 789'],
  ] as const)('%s (%s) -> %s', (code, type, shown) => {
    expect(formatCode(code, type)).toBe(shown);
  });

  it('masks with the same shape, so the row does not change width when the code arrives', () => {
    expect(maskedCode(6, 'totp')).toBe('••• •••');
    expect(maskedCode(8, 'totp')).toBe('•••• ••••');
    expect(maskedCode(5, 'steam')).toBe('•••••');
  });
});

describe('search', () => {
  it('folds accents, case and the Nordic letters that do not decompose', () => {
    expect(foldForSearch('Zürich ÅLESUND Bø Æra')).toBe('zurich alesund bo aera');
  });

  it('folds ASCII (printable ASCII takes a shortcut) exactly as the full Unicode path does', () => {
    const full = (t: string) => t.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    fc.assert(fc.property(fc.string({ unit: 'binary-ascii' }), (t) => foldForSearch(t) === full(t)));
    expect(foldForSearch('GitHub ADMIN@Example.COM')).toBe('github admin@example.com');
  });

  it('matches every word against issuer and name', () => {
    const account = { issuer: 'Zürich Bank', name: 'anna@example.com' };
    expect(matchesQuery(account, 'zurich')).toBe(true);
    expect(matchesQuery(account, 'ZÜRICH anna')).toBe(true);
    expect(matchesQuery(account, 'bank bob')).toBe(false);
    expect(matchesQuery(account, '   ')).toBe(true);
  });
});

describe('reorder', () => {
  const ids = ['a', 'b', 'c', 'd'];

  it('moves before or after a target', () => {
    expect(moveRelative(ids, 'd', 'a', 'before')).toEqual(['d', 'a', 'b', 'c']);
    expect(moveRelative(ids, 'a', 'c', 'after')).toEqual(['b', 'c', 'a', 'd']);
    expect(moveRelative(ids, 'a', 'zz', 'after')).toEqual(ids);
  });

  it('steps over the visible neighbour only; hidden accounts keep their place', () => {
    expect(moveByStep(ids, ids, 'b', 1)).toEqual(['a', 'c', 'b', 'd']);
    expect(moveByStep(ids, ['a', 'd'], 'd', -1)).toEqual(['d', 'a', 'b', 'c']);
    expect(moveByStep(ids, ids, 'a', -1)).toEqual(ids); // already first
  });
});

describe('boundary schedule', () => {
  const code = (validFrom: number, validUntil: number, next: string | null = '222222') => ({
    id: 'x',
    code: '111111',
    next,
    validFrom,
    validUntil,
  });

  it('waits for the earliest expiry; nothing to wait for without time-based codes', () => {
    expect(msUntilNextBoundary([code(0, 30_000), code(0, 60_000)], 12_000)).toBe(18_000);
    expect(msUntilNextBoundary([{ id: 'h', code: '1', next: null, validFrom: null, validUntil: null }], 0)).toBeNull();
    expect(msUntilNextBoundary([code(0, 30_000)], 31_000)).toBe(0);
  });

  it('rolls the known next code in at the boundary, and only within one period', () => {
    expect(rollForward(code(0, 30_000), 29_999).code).toBe('111111');
    expect(rollForward(code(0, 30_000), 30_000)).toMatchObject({
      code: '222222',
      next: null,
      validFrom: 30_000,
      validUntil: 60_000,
    });
    expect(rollForward(code(0, 30_000), 60_000).code).toBe('111111'); // two periods late: wait for main
  });
});
