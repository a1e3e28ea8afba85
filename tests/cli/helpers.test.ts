/** The CLI's small pure pieces: finding accounts by query, --at times, code grouping. */
import { describe, expect, it } from 'vitest';
import type { AccountMeta } from '../../common/otp/types';
import { AuthdeskError } from '../../common/errors';
import { matchAccounts, selectOne } from '../../cli/select';
import { foldForSearch as fold } from '../../common/fold-text';
import { parseAtTime } from '../../cli/at-time';
import { codeLine, secondsLeft } from '../../cli/format';
import { STEAM } from '../../common/otp/vocabulary';
import { orderBy } from '../../core/vault/order';

const acct = (id: string, issuer: string, name: string): AccountMeta => ({
  id,
  issuer,
  name,
  createdAt: 0,
  type: 'totp',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
});
const accounts = [
  acct('11111111-aaaa-4aaa-8aaa-000000000001', 'GitHub', 'alice'),
  acct('22222222-bbbb-4bbb-8bbb-000000000002', 'GitLab', 'alice'),
  acct('33333333-cccc-4ccc-8ccc-000000000003', 'Zürich Bank', 'Müller'),
  acct('44444444-dddd-4ddd-8ddd-000000000004', 'Git', 'bob'),
];

describe('matching accounts', () => {
  it('folds case and accents', () => {
    expect(fold('ZÜRICH Ångström')).toBe('zurich angstrom');
    expect(matchAccounts(accounts, 'zurich').map((a) => a.name)).toEqual(['Müller']);
    expect(matchAccounts(accounts, 'MULLER').map((a) => a.issuer)).toEqual(['Zürich Bank']);
  });

  it('folds letters Unicode does not decompose, as the app\'s search box does ("bo" finds "Bø")', () => {
    const norsk = [acct('55555555-eeee-4eee-8eee-000000000005', 'Bø Kommune', 'kari')];
    expect(matchAccounts(norsk, 'bo kommune').map((a) => a.name)).toEqual(['kari']);
  });

  it('matches an exact id, or an id prefix of 8+ characters', () => {
    expect(matchAccounts(accounts, accounts[1]!.id)).toEqual([accounts[1]]);
    expect(matchAccounts(accounts, '22222222')).toEqual([accounts[1]]);
  });

  it('selectOne prefers the one exact label among several substring matches', () => {
    expect(selectOne(accounts, 'git')).toBe(accounts[3]);
    expect(selectOne(accounts, 'GitHub (alice)')).toBe(accounts[0]);
  });

  it('selectOne lists the candidates when the query is ambiguous, and says when nothing matches', () => {
    const err = (() => {
      try {
        selectOne(accounts, 'alice');
      } catch (e) {
        return e as AuthdeskError;
      }
    })();
    expect(err).toBeInstanceOf(AuthdeskError);
    expect(err?.code).toBe('ambiguous');
    expect(err?.message).toBe(
      `"alice" matches 2 accounts: GitHub (alice) [${accounts[0]!.id}], GitLab (alice) [${accounts[1]!.id}]. Use the id.`,
    );
    expect(() => selectOne(accounts, 'nope')).toThrow(/No account matches "nope"/);
  });
});

describe('--at', () => {
  it('reads unix seconds and ISO times', () => {
    expect(parseAtTime('1257894000')).toBe(1_257_894_000_000);
    expect(parseAtTime('59')).toBe(59_000);
    expect(parseAtTime('2009-11-10T23:00:00Z')).toBe(1_257_894_000_000);
    expect(parseAtTime('2009-11-10T23:00:00.500+00:00')).toBe(1_257_894_000_500);
  });

  it.each(['', 'yesterday', '-5', '2009-13-45T99:00:00Z', 'May 5'])('refuses %j with a bad-input error', (text) => {
    expect(() => parseAtTime(text)).toThrow(AuthdeskError);
  });
});

describe('formatting', () => {
  // Grouping itself: tests/renderer/code-format-sites.test.tsx (the same rule as the app's).
  it('writes one line per code: grouped code, then seconds left or the counter used', () => {
    const base = { id: 'a', issuer: 'Example', name: 'alice', createdAt: 0, algorithm: 'SHA1' } as const;
    const code = { id: 'a', next: null, validFrom: 0, validUntil: 30_000 };
    expect(codeLine({ ...base, type: 'totp', digits: 7, period: 30 }, { ...code, code: '4287082' }, 29_001)).toBe(
      'Example (alice)  428 7082  (1 s left)',
    );
    expect(codeLine({ ...base, type: 'steam', ...STEAM }, { ...code, code: '747JR' }, 0)).toBe(
      'Example (alice)  747JR  (30 s left)',
    );
    expect(
      codeLine(
        { ...base, type: 'hotp', digits: 8, counter: 3 },
        { ...code, code: '94287082', validFrom: null, validUntil: null },
        0,
      ),
    ).toBe('Example (alice)  9428 7082  (counter 3 used)');
  });

  it('rounds the seconds left up', () => {
    expect(secondsLeft(30_000, 0)).toBe(30);
    expect(secondsLeft(30_000, 29_001)).toBe(1);
    expect(secondsLeft(30_000, 31_000)).toBe(0);
  });
});

describe('orderBy (vault reorder)', () => {
  it('puts the named ids first and keeps the others in their relative order', () => {
    const items = ['a', 'b', 'c', 'd'].map((id) => ({ id }));
    expect(orderBy(items, ['c', 'zzz', 'a', 'c']).map((i) => i.id)).toEqual(['c', 'a', 'b', 'd']);
    expect(orderBy(items, []).map((i) => i.id)).toEqual(['a', 'b', 'c', 'd']);
  });
});
