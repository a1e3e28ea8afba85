/**
 * Authenticator Plus backups made here with zip.js the way the app makes
 * them (Accounts.txt in a ZipCrypto zip): detection from the content, wrong
 * password, a zip cut short or changed, a zip without Accounts.txt, a zip
 * bomb, and `__proto__` labels that stay plain text.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseImport } from '../../../core/transfer/index';
import { describeWithVectors, vectorPath } from '../../support/vectors';
import { codeFor } from './support';
import { passwordsAgainstTheCheckByte, zipCryptoZip } from '../../support/zipcrypto';

const PASSWORD = 'testtesttest';
const zip = (files: Record<string, string | Uint8Array>, password = PASSWORD) => zipCryptoZip(files, password);
// Facts from the shared vectors: the Deno account and its code at 1,700,000,000 s.
const DENO = 'otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno';
const HOTP = 'otpauth://hotp/Issuu:James?secret=YOOMIXWS5GN6RTBPUFFWKTW5M4&issuer=Issuu&counter=1';

describe('Authenticator Plus importer', () => {
  it('reads Accounts.txt out of a ZipCrypto zip, detected from the content', async () => {
    const file = await zip({ 'Accounts.txt': `${DENO}\n${HOTP}\n` });
    const result = await parseImport(file, 'backup.bin', { password: PASSWORD });
    expect(result).toMatchObject({ format: 'authenticator-plus', problems: [] });
    expect(result.entries.map((e) => e.issuer)).toEqual(['Deno', 'Issuu']);
    expect(codeFor(result.entries[0]!)).toBe('790195');
    expect(result.entries[1]).toMatchObject({ type: 'hotp', counter: 1 });
  });

  it('a wrong password is "wrong password", none asks for one', async () => {
    const file = await zip({ 'Accounts.txt': DENO });
    const wrong = await passwordsAgainstTheCheckByte(file);
    await expect(parseImport(file, 'b.zip', { password: wrong.failsCheck })).rejects.toMatchObject({
      code: 'wrong-password',
      message: expect.stringMatching(/^Wrong password: .*Authenticator Plus/),
    });
    await expect(parseImport(file, 'b.zip', {})).rejects.toMatchObject({ code: 'password-required' });
  });

  it('a wrong password that passes ZipCrypto\'s one-byte check says "wrong password or damaged", not only "damaged"', async () => {
    const file = await zip({ 'Accounts.txt': `${DENO}\n${HOTP}\n` });
    const wrong = await passwordsAgainstTheCheckByte(file);
    await expect(parseImport(file, 'b.zip', { password: wrong.passesCheck })).rejects.toMatchObject({
      code: 'wrong-password-or-damaged',
      message: expect.stringMatching(
        /^Wrong password, or this Authenticator Plus backup file is damaged: Accounts\.txt/,
      ),
    });
    // The right password still opens the same file: nothing about it was held against it.
    expect((await parseImport(file, 'b.zip', { password: PASSWORD })).entries).toHaveLength(2);
  });

  it('a bad line is a problem of that line only', async () => {
    const file = await zip({ 'Accounts.txt': `${DENO}\notpauth://totp/Broken?secret=!!\n` });
    const result = await parseImport(file, 'b.zip', { password: PASSWORD });
    expect(result.entries).toHaveLength(1);
    expect(result.problems).toEqual([expect.objectContaining({ where: 'line 2' })]);
  });

  it('a zip cut short names the zip directory; changed content fails its checksum', async () => {
    const file = await zip({ 'Accounts.txt': `${DENO}\n${HOTP}\n`.repeat(5) });
    await expect(
      parseImport(file.subarray(0, file.length - 30), 'b.zip', { password: PASSWORD }),
    ).rejects.toMatchObject({ code: 'damaged-file', message: expect.stringMatching(/damaged at the zip directory/) });
    // Past the local header (30 bytes + the name) and the 12-byte ZipCrypto header: the sealed content.
    // Encrypted, a changed byte cannot be told from a wrong password, so the password is asked for again.
    const changed = Buffer.from(file);
    changed[30 + 'Accounts.txt'.length + 12 + 20]! ^= 0x10;
    await expect(parseImport(changed, 'b.zip', { password: PASSWORD })).rejects.toMatchObject({
      code: 'wrong-password-or-damaged',
      message: expect.stringMatching(/or this Authenticator Plus backup file is damaged: Accounts\.txt/),
    });
    // AES (not what the app writes) checks the password on 2 bytes and the content with a MAC: damaged.
    const aes = Buffer.from(await zipCryptoZip({ 'Accounts.txt': `${DENO}\n${HOTP}\n`.repeat(5) }, PASSWORD, 'aes'));
    // Past the local header, the name, the 11-byte AES extra field, the 16-byte salt and the 2-byte check.
    aes[30 + 'Accounts.txt'.length + 11 + 16 + 2 + 10]! ^= 0x10;
    await expect(parseImport(aes, 'b.zip', { password: PASSWORD })).rejects.toMatchObject({ code: 'damaged-file' });
    // Not encrypted, it can: a changed byte is a damaged file.
    const plain = Buffer.from(await zip({ 'Accounts.txt': `${DENO}\n${HOTP}\n`.repeat(5) }, ''));
    plain[30 + 'Accounts.txt'.length + 20]! ^= 0x10;
    await expect(parseImport(plain, 'b.zip')).rejects.toMatchObject({
      code: 'damaged-file',
      message: expect.stringMatching(/damaged at Accounts\.txt: .*(checksum|does not unpack)/),
    });
  });

  it('a zip without Accounts.txt is refused as an unrelated zip; forced, it says Accounts.txt is missing', async () => {
    const file = await zip({ 'notes.txt': 'hello' }, '');
    await expect(parseImport(file, 'other.zip')).rejects.toMatchObject({
      code: 'unsupported',
      message: expect.stringMatching(/ZIP archive without an Authenticator Plus Accounts\.txt/),
    });
    await expect(parseImport(file, 'other.zip', { format: 'authenticator-plus' })).rejects.toMatchObject({
      code: 'damaged-file',
      message: expect.stringMatching(/there is no Accounts\.txt in it/),
    });
  });

  it('stops unpacking a zip bomb at the import size limit', async () => {
    const file = await zip({ 'Accounts.txt': new Uint8Array(21 * 1024 * 1024) });
    expect(file.length).toBeLessThan(100_000);
    await expect(parseImport(file, 'bomb.zip', { password: PASSWORD })).rejects.toMatchObject({
      code: 'file-too-large',
      message: expect.stringMatching(/Accounts\.txt inside this Authenticator Plus backup unpacks to more than 20 MB/),
    });
  });

  it.each([
    ['encrypted', PASSWORD, /^(file-too-large|wrong-password-or-damaged)$/],
    ['not encrypted', '', /^(file-too-large|damaged-file)$/],
  ])('also when the zip lies about the unpacked size (%s)', async (_, password, code) => {
    const file = await zip({ 'Accounts.txt': new Uint8Array(21 * 1024 * 1024) }, password);
    // Uncompressed size: at +22 in the local header, +24 in the central directory entry. zip.js stops at the
    // declared size (a checksum failure; encrypted, that cannot be told from a wrong password past
    // ZipCrypto's one-byte check); our bounded sink would stop it at 20 MB otherwise.
    file.writeUInt32LE(100, 22);
    file.writeUInt32LE(100, file.indexOf('PK\u0001\u0002', 0, 'latin1') + 24);
    await expect(parseImport(file, 'bomb.zip', password ? { password } : {})).rejects.toMatchObject({
      code: expect.stringMatching(code),
    });
  });

  it('__proto__ as an issuer or label stays plain text', async () => {
    const line = 'otpauth://totp/__proto__:constructor?secret=JBSWY3DPEHPK3PXP&issuer=__proto__';
    const result = await parseImport(await zip({ 'Accounts.txt': line }), 'b.zip', { password: PASSWORD });
    expect(result.entries[0]).toMatchObject({ issuer: '__proto__', name: 'constructor' });
    expect(Object.getPrototypeOf(result.entries[0])).toBe(Object.prototype);
  });
});

describeWithVectors('Authenticator Plus vector cut short', () => {
  it('authenticator_plus.zip cut anywhere is a damaged file', async () => {
    const bytes = readFileSync(vectorPath('importers', 'authenticator_plus.zip'));
    for (const fraction of [0.1, 0.5, 0.9, 0.99])
      await expect(
        parseImport(bytes.subarray(0, Math.floor(bytes.length * fraction)), 'authenticator_plus.zip', {
          password: PASSWORD,
        }),
      ).rejects.toMatchObject({ code: 'damaged-file' });
  });
});
