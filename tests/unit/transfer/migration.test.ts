/** The transfer decoder's input quirks, and export → decode round trips (no vectors needed). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeMigrationUri, exportMigration, MigrationCollector } from '../../../core/transfer/index';
import { normalized } from './support';
import { arbitraryAccount } from './arbitraries';

describe('transfer link quirks', () => {
  const [uri] = exportMigration([
    {
      type: 'totp',
      issuer: 'Ac+me',
      name: 'a b',
      secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXQ',
      algorithm: 'SHA256',
      digits: 8,
      period: 30,
    },
  ]).uris;
  const data = decodeURIComponent(uri!.split('data=')[1]!);

  it.each([
    ['percent-encoded', uri!],
    ['raw base64', `otpauth-migration://offline?data=${data}`],
    ['"+" turned into spaces', `otpauth-migration://offline?data=${data.replace(/\+/g, ' ')}`],
    ['no padding', `otpauth-migration://offline?data=${data.replace(/=+$/, '')}`],
    ['upper-case scheme, spaces around', `  OTPAUTH-MIGRATION://offline?data=${encodeURIComponent(data)}  `],
  ])('reads %s', (_, text) => {
    const [entry] = decodeMigrationUri(text).result.entries;
    expect(entry).toMatchObject({ issuer: 'Ac+me', name: 'a b', algorithm: 'SHA256', digits: 8 });
  });

  it('refuses a link without data, and a missing part reports which one', () => {
    expect(() => decodeMigrationUri('otpauth-migration://offline')).toThrow(
      expect.objectContaining({ code: 'damaged-file' }),
    );
    expect(new MigrationCollector().progress().summary).toBe('no transfer code scanned yet');
  });

  it('puts at most 10 accounts in a link, all parts sharing a batch id (negative ids too)', () => {
    const accounts = Array.from({ length: 23 }, (_, i) => ({
      type: 'totp' as const,
      issuer: `I${i}`,
      name: `n${i}`,
      secret: 'JBSWY3DPEHPK3PXP',
      algorithm: 'SHA1' as const,
      digits: 6,
      period: 30,
    }));
    const { uris } = exportMigration(accounts, -123456789);
    expect(uris).toHaveLength(3);
    const collector = new MigrationCollector();
    for (const u of [...uris].reverse()) collector.add(u);
    expect(collector.progress()).toMatchObject({ batchId: -123456789, total: 3, complete: true });
    expect(collector.result().entries.map((e) => e.issuer)).toEqual(accounts.map((a) => a.issuer));
  });

  it('leaves out what Google cannot hold (Steam, 7 digits, 60 s) and says so', () => {
    const out = exportMigration([
      {
        type: 'steam',
        issuer: 'Steam',
        name: 'x',
        secret: 'JBSWY3DPEHPK3PXP',
        algorithm: 'SHA1',
        digits: 5,
        period: 30,
      },
      { type: 'totp', issuer: 'A', name: 'x', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: 7, period: 30 },
      { type: 'totp', issuer: 'B', name: 'x', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: 6, period: 60 },
      { type: 'hotp', issuer: 'C', name: 'x', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA512', digits: 8, counter: 9 },
    ]);
    expect(out.left.map((a) => a.issuer)).toEqual(['Steam', 'A', 'B']);
    expect(decodeMigrationUri(out.uris[0]!).result.entries.map(normalized)).toEqual([
      { type: 'hotp', issuer: 'C', name: 'x', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA512', digits: 8, counter: 9 },
    ]);
  });

  it('property: what fits survives export → decode unchanged', () => {
    fc.assert(
      fc.property(fc.array(arbitraryAccount({ migration: true }), { maxLength: 25 }), (accounts) => {
        if (!accounts.length) return;
        const collector = new MigrationCollector();
        for (const u of exportMigration(accounts).uris) collector.add(u);
        expect(collector.result().entries.map(normalized)).toEqual(accounts.map(normalized));
      }),
      { numRuns: 60 },
    );
  });
});
