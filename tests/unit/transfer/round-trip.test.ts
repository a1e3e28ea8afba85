/**
 * Every export format read back by its importer, entry by entry: a fixed set
 * covering each type/algorithm/digit count, then random vaults (fast-check).
 * KDF costs are lowered here only (the defaults are exercised by the
 * integration and CLI tests); the file layout is the same.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  exportAegisEncrypted,
  exportAuthdeskBackup,
  exportMigration,
  exportOtpauthList,
  parseImport,
  MigrationCollector,
} from '../../../core/transfer/index';
import type { AccountDraft } from '../../../common/otp/types';
import { arbitraryAccount } from './arbitraries';
import { normalized } from './support';

const FAST = { n: 1024, r: 8, p: 1 };
const PASSWORD = 'correct horse battery staple';

const SAMPLE: AccountDraft[] = [
  {
    type: 'totp',
    issuer: 'Deno',
    name: 'Mason',
    secret: '4SJHB4GSD43FZBAI7C2HLRJGPQ',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
  },
  {
    type: 'totp',
    issuer: 'SPDX',
    name: 'James',
    secret: '5OM4WOOGPLQEF6UGN3CPEOOLWU',
    algorithm: 'SHA256',
    digits: 7,
    period: 20,
  },
  {
    type: 'totp',
    issuer: 'Airbnb',
    name: 'Elijah',
    secret: '7ELGJSGXNCCTV3O6LKJWYFV2RA',
    algorithm: 'SHA512',
    digits: 8,
    period: 50,
  },
  {
    type: 'hotp',
    issuer: 'Issuu',
    name: 'James',
    secret: 'YOOMIXWS5GN6RTBPUFFWKTW5M4',
    algorithm: 'SHA1',
    digits: 6,
    counter: 1,
  },
  {
    type: 'hotp',
    issuer: 'Air Canada',
    name: 'Benjamin',
    secret: 'KUVJJOM753IHTNDSZVCNKL7GII',
    algorithm: 'SHA256',
    digits: 7,
    counter: 50,
  },
  {
    type: 'hotp',
    issuer: 'WWE',
    name: 'Mason',
    secret: '5VAML3X35THCEBVRLV24CGBKOY',
    algorithm: 'SHA512',
    digits: 8,
    counter: 10300,
  },
  {
    type: 'steam',
    issuer: 'Boeing',
    name: 'Sophia',
    secret: 'JRZCL47CMXVOQMNPZR2F7J4RGI',
    algorithm: 'SHA1',
    digits: 5,
    period: 30,
  },
  {
    type: 'totp',
    issuer: 'Ac:me',
    name: 'a:b c',
    secret: 'JBSWY3DPEHPK3PXP',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
  },
  {
    type: 'totp',
    issuer: '',
    name: 'Bø Kommune 中文 😀',
    secret: 'JBSWY3DPEHPK3PXQ',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
  },
];

type Format = 'encrypted' | 'aegis' | 'otpauth' | 'migration';

/** Exports `accounts` in `format` and reads the result back with the importer detection picks. */
async function roundTrip(format: Format, accounts: AccountDraft[]): Promise<AccountDraft[]> {
  const bytes = (text: string) => Buffer.from(text, 'utf8');
  switch (format) {
    case 'encrypted': {
      const file = await exportAuthdeskBackup(accounts, PASSWORD, { scrypt: FAST });
      const result = await parseImport(bytes(file), 'backup', { password: PASSWORD });
      expect(result.format).toBe('authdesk');
      return result.entries;
    }
    case 'aegis': {
      const file = await exportAegisEncrypted(accounts, PASSWORD, { scryptN: 1024 });
      const result = await parseImport(bytes(file), 'aegis', { password: PASSWORD });
      expect(result.format).toBe('aegis');
      return result.entries;
    }
    case 'otpauth': {
      if (!accounts.length) return [];
      const result = await parseImport(bytes(exportOtpauthList(accounts)), 'list');
      expect(result.format).toBe('otpauth');
      return result.entries;
    }
    case 'migration': {
      const collector = new MigrationCollector();
      for (const uri of exportMigration(accounts).uris) collector.add(uri);
      return collector.result().entries;
    }
  }
}

describe.each(['encrypted', 'aegis', 'otpauth'] as const)('%s export round trip', (format) => {
  it('reads back every sample account entry by entry', async () => {
    const back = await roundTrip(format, SAMPLE);
    expect(back.map(normalized)).toEqual(SAMPLE.map(normalized));
  });

  it('property: random vaults survive export → import unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(arbitraryAccount(), { maxLength: 12 }), async (accounts) => {
        const back = await roundTrip(format, accounts);
        expect(back.map(normalized)).toEqual(accounts.map(normalized));
      }),
      { numRuns: format === 'otpauth' ? 100 : 25 },
    );
  });
});

describe('migration export round trip', () => {
  it('reads back every sample account Google can hold, entry by entry', async () => {
    const fits = SAMPLE.filter(
      (a) => a.type !== 'steam' && (a.digits === 6 || a.digits === 8) && (a.type === 'hotp' || a.period === 30),
    );
    expect(fits).toHaveLength(5);
    expect((await roundTrip('migration', SAMPLE)).map(normalized)).toEqual(fits.map(normalized));
  });
  // The random-vault property for this format lives in migration.test.ts.
});
