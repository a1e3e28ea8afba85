/**
 * FreeOTP 2 backups built from scratch (freeotp-fixture.ts): both DER forms
 * of the GCM parameters, each PBKDF2 digest, FreeOTP's defaults for missing
 * fields, wrong password vs damaged file, one bad token among good ones, and
 * `__proto__` keys that stay plain data. The shared vectors are checked in
 * importers-vectors.test.ts; here they are cut short, which must say where.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseImport } from '../../../core/transfer/index';
import { secretBytes } from '../../../core/otp/secret';
import { describeWithVectors, vectorPath } from '../../support/vectors';
import { freeotpBackup, type FreeOtpToken } from './freeotp-fixture';
import { codeFor } from './support';

// Facts from the shared vectors: the Deno account's key and its code at 1,700,000,000 s (SHA1, 6 digits, 30 s).
const DENO = { secret: '4SJHB4GSD43FZBAI7C2HLRJGPQ', code: '790195' };
const deno = (meta: Record<string, unknown> = {}): FreeOtpToken => ({
  uuid: 'f8cf4725-4972-4bb5-8dff-c9cb7a0d59ac',
  secret: Buffer.from(secretBytes(DENO.secret)),
  meta: { issuerExt: 'Deno', issuerInt: 'Deno', label: 'Mason', type: 'TOTP', ...meta },
});
const hotp: FreeOtpToken = {
  uuid: '3db8f42e-4ac3-4c79-9b24-bf7e5a512f61',
  secret: Buffer.from('12345678901234567890'),
  meta: { algo: 'SHA256', counter: 7, digits: 8, issuerExt: '', issuerInt: 'Int only', label: 'h', type: 'HOTP' },
};

describe('FreeOTP 2 backup importer', () => {
  it.each([
    ['PBKDF2withHmacSHA512, SEQUENCE parameters', { algorithm: 'PBKDF2withHmacSHA512' }],
    [
      'PBKDF2withHmacSHA1, bare OCTET STRING nonce (old Android)',
      { algorithm: 'PBKDF2withHmacSHA1', parameters: 'octets' },
    ],
    ['PBKDF2withHmacSHA256', { algorithm: 'PBKDF2withHmacSHA256' }],
  ] as const)('reads %s, detected from the content', async (_, options) => {
    const result = await parseImport(freeotpBackup([deno(), hotp], options), 'backup.bin', { password: 'test' });
    expect(result).toMatchObject({ format: 'freeotp', problems: [] });
    const byIssuer = new Map(result.entries.map((e) => [e.issuer, e]));
    expect(byIssuer.get('Deno')).toMatchObject({ type: 'totp', name: 'Mason', secret: DENO.secret, period: 30 });
    expect(codeFor(byIssuer.get('Deno')!)).toBe(DENO.code);
    // issuerExt empty: the internal issuer is used; the counter is imported as stored.
    expect(byIssuer.get('Int only')).toMatchObject({ type: 'hotp', algorithm: 'SHA256', digits: 8, counter: 7 });
  });

  it("takes FreeOTP's defaults for missing fields (SHA1, 6 digits, 30 s)", async () => {
    const bytes = freeotpBackup([{ ...deno(), meta: { label: 'Mason', issuerExt: 'Deno' } }]);
    const [entry] = (await parseImport(bytes, 'b', { password: 'test' })).entries;
    expect(entry).toMatchObject({ type: 'totp', algorithm: 'SHA1', digits: 6, period: 30 });
    expect(codeFor(entry!)).toBe(DENO.code);
  });

  it('a wrong password is "wrong password"; no password asks for one', async () => {
    const bytes = freeotpBackup([deno()]);
    await expect(parseImport(bytes, 'b', { password: 'nope' })).rejects.toMatchObject({ code: 'wrong-password' });
    await expect(parseImport(bytes, 'b', {})).rejects.toMatchObject({ code: 'password-required' });
  });

  it('one token whose sealed key was changed is a problem of that token only', async () => {
    const changed = freeotpBackup([deno(), hotp], { tamper: hotp.uuid });
    const result = await parseImport(changed, 'b', { password: 'test' });
    expect(result.entries.map((e) => e.issuer)).toEqual(['Deno']);
    expect(result.problems).toEqual([
      expect.objectContaining({
        where: `token ${hotp.uuid}`,
        label: 'Int only / h',
        message: expect.stringMatching(/its key does not decrypt \(the file was changed\)/),
      }),
    ]);
  });

  it('a token without its secret, or without its details, is named as a problem', async () => {
    const bytes = freeotpBackup([deno()], {
      extra: [
        ['orphan-token', '{"label":"lost"}'],
        ['lonely', '{"key":"{}"}'],
      ],
    });
    const result = await parseImport(bytes, 'b', { password: 'test' });
    expect(result.entries).toHaveLength(1);
    expect(result.problems.map((p) => [p.where, p.message])).toEqual([
      ['token lonely', expect.stringMatching(/details \(name, type\) are missing/)],
      ['token orphan-token', expect.stringMatching(/sealed key is missing/)],
    ]);
  });

  it('__proto__ keys, in the map and in the JSON, stay harmless', async () => {
    // As text: an object literal's __proto__ would set a prototype, not a key.
    const meta =
      '{"__proto__":{"polluted":true},"constructor":{"x":1},"issuerExt":"Deno","label":"Mason","type":"TOTP"}';
    const bytes = freeotpBackup([{ ...deno(), meta }], { extra: [['__proto__', '{"polluted":true}']] });
    const result = await parseImport(bytes, 'b', { password: 'test' });
    expect(result.entries).toHaveLength(1);
    expect(result.problems.map((p) => p.where)).toEqual(['token __proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(result.entries[0])).toBe(Object.prototype);
  });

  it('refuses an unknown key derivation and a GCM tag that is not 16 bytes, as damaged', async () => {
    await expect(
      parseImport(freeotpBackup([deno()], { algorithm: 'PBKDF2withHmacMD5' }), 'b', { password: 'test' }),
    ).rejects.toMatchObject({ code: 'damaged-file', message: expect.stringMatching(/mAlgorithm.*PBKDF2withHmacMD5/) });
    await expect(
      parseImport(freeotpBackup([deno()], { tagLength: 12 }), 'b', { password: 'test' }),
    ).rejects.toMatchObject({
      code: 'damaged-file',
      message: expect.stringMatching(/tag length is not 16/),
    });
  });

  it('--format freeotp on another file says what is wrong', async () => {
    await expect(
      parseImport(Buffer.from('{"a":1}'), 'x.json', { format: 'freeotp', password: 'p' }),
    ).rejects.toMatchObject({
      code: 'damaged-file',
      message: expect.stringMatching(/not a Java serialization stream/),
    });
  });
});

describeWithVectors('FreeOTP 2 vector backups cut short', () => {
  it.each(['freeotp_v2_api23.xml', 'freeotp_v2_api34.xml', 'freeotp_v2_null_algo.xml'])(
    '%s cut anywhere is a damaged file, with the byte where it ends',
    async (name) => {
      const bytes = readFileSync(vectorPath('importers', name));
      for (const fraction of [0.01, 0.2, 0.5, 0.8, 0.999]) {
        await expect(
          parseImport(bytes.subarray(0, Math.floor(bytes.length * fraction)), name, { password: 'test' }),
        ).rejects.toMatchObject({
          code: 'damaged-file',
          message: expect.stringMatching(/FreeOTP 2 backup.*byte \d+: the file ends inside/),
        });
      }
    },
  );
});
