/**
 * TOTP Authenticator backups made here with Node's crypto exactly as the app
 * makes them (base64 of AES-256-CBC, key = SHA-256(password), zero IV): hex
 * and base32 keys, the app's ignored digits/period, a wrong password told
 * apart from a file cut short or changed, and `__proto__` keys.
 */
import { createCipheriv, createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseImport } from '../../../core/transfer/index';
import { describeWithVectors, vectorPath } from '../../support/vectors';
import { codeFor } from './support';

const PASSWORD = 'Testtest1';

function backup(plain: string, password = PASSWORD): Buffer {
  const key = createHash('sha256').update(password).digest();
  const cipher = createCipheriv('aes-256-cbc', key, Buffer.alloc(16));
  return Buffer.from(Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]).toString('base64'));
}

/** The app's layout: an object whose only key is the JSON text of the account list. */
const wrap = (accounts: unknown[]) => JSON.stringify({ [JSON.stringify(accounts)]: '1608293023' });

// Facts from the shared vectors: the Deno key (hex here, as the app stores it) and its SHA1/6/30 code.
const DENO = {
  issuer: 'Deno',
  name: 'mason',
  base: 16,
  key: 'E49270F0D21F365C8408F8B475C5267C',
  digits: '8',
  period: '50',
};
const DENO_CODE = '790195';

describe('TOTP Authenticator importer', () => {
  it('reads hex and base32 keys as SHA1 / 6 digits / 30 s, whatever digits and period say', async () => {
    const file = backup(wrap([DENO, { issuer: 'B32', name: 'n', base: 32, key: 'JBSWY3DPEHPK3PXP', digits: '7' }]));
    const result = await parseImport(file, 'backup.txt', { password: PASSWORD });
    expect(result).toMatchObject({ format: 'totp-authenticator', problems: [] });
    const [deno, b32] = result.entries;
    expect(deno).toMatchObject({ issuer: 'Deno', name: 'mason', secret: '4SJHB4GSD43FZBAI7C2HLRJGPQ' });
    expect(deno).toMatchObject({ type: 'totp', algorithm: 'SHA1', digits: 6, period: 30 });
    expect(codeFor(deno!)).toBe(DENO_CODE);
    expect(b32).toMatchObject({ secret: 'JBSWY3DPEHPK3PXP', digits: 6 });
  });

  it('reads base64 broken into lines', async () => {
    const text = backup(wrap([DENO])).toString();
    const lines = Buffer.from(`${text.replace(/.{1,76}/g, '$&\r\n')}`);
    expect((await parseImport(lines, 'b', { password: PASSWORD })).entries).toHaveLength(1);
  });

  it('a wrong password is "wrong password", none asks for one', async () => {
    const file = backup(wrap([DENO]));
    await expect(parseImport(file, 'b', { password: 'testtest1' })).rejects.toMatchObject({ code: 'wrong-password' });
    await expect(parseImport(file, 'b', {})).rejects.toMatchObject({ code: 'password-required' });
  });

  it('a file cut short, even on a block boundary, is damaged (not a wrong password)', async () => {
    const file = backup(wrap([DENO, DENO, DENO]));
    // 64 base64 characters = 48 bytes = 3 whole blocks: only the padding check can tell.
    for (const length of [64, 130, file.length - 4, file.length - 1]) {
      await expect(parseImport(file.subarray(0, length), 'b', { password: PASSWORD })).rejects.toMatchObject({
        code: 'damaged-file',
        message: expect.stringMatching(/TOTP Authenticator file is damaged at the end: .*(cut short|padding)/),
      });
    }
  });

  it('a changed character after the first block is damaged, and says where when it is not base64', async () => {
    const file = backup(wrap([DENO, DENO, DENO]));
    const changed = Buffer.from(file);
    changed[100] = changed[100] === 0x41 ? 0x42 : 0x41;
    await expect(parseImport(changed, 'b', { password: PASSWORD })).rejects.toMatchObject({ code: 'damaged-file' });
    const stray = Buffer.from(file);
    stray[100] = 0x3c; // '<'
    await expect(parseImport(stray, 'b', { password: PASSWORD })).rejects.toMatchObject({
      code: 'damaged-file',
      message: expect.stringMatching(/at character 101: "<" is not base64/),
    });
    // With the base64 broken into lines, the position still counts the line breaks.
    const lines = Buffer.from(
      `${file.toString().slice(0, 76)}\n${file.toString().slice(76, 90)}=${file.toString().slice(91)}`,
    );
    await expect(parseImport(lines, 'b', { password: PASSWORD })).rejects.toMatchObject({
      code: 'damaged-file',
      message: expect.stringMatching(/at character 92: a base64 "=" stands inside the text/),
    });
  });

  it('a bad key is a problem of that account only', async () => {
    const file = backup(wrap([DENO, { ...DENO, issuer: 'Broken', key: 'XYZ' }]));
    const result = await parseImport(file, 'b', { password: PASSWORD });
    expect(result.entries).toHaveLength(1);
    expect(result.problems).toEqual([expect.objectContaining({ where: 'account 2', label: 'Broken / mason' })]);
  });

  it('__proto__ keys stay harmless', async () => {
    const account = `{"__proto__":{"polluted":true},"issuer":"Deno","name":"mason","base":16,"key":"${DENO.key}"}`;
    const list = `[${account}]`;
    const file = backup(`{${JSON.stringify(list)}:"1","__proto__":{"polluted":true}}`);
    const result = await parseImport(file, 'b', { password: PASSWORD });
    expect(result.entries).toHaveLength(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('--format totp-authenticator on another file says what is wrong', async () => {
    await expect(
      parseImport(Buffer.from('{"a":1}'), 'x.json', { format: 'totp-authenticator', password: 'p' }),
    ).rejects.toMatchObject({
      code: 'damaged-file',
      message: expect.stringMatching(/at character 1: "\{" is not base64/),
    });
    await expect(
      parseImport(Buffer.from('not base64 at all'), 'x.txt', { format: 'totp-authenticator', password: 'p' }),
    ).rejects.toMatchObject({ code: 'damaged-file', message: expect.stringMatching(/cut short \(14 characters/) });
  });
});

describeWithVectors('TOTP Authenticator vector cut short', () => {
  it('totp_authenticator.bin cut at any length is a damaged file', async () => {
    const bytes = readFileSync(vectorPath('importers', 'totp_authenticator.bin'));
    for (const fraction of [0.1, 0.5, 0.75, 0.99])
      await expect(
        parseImport(bytes.subarray(0, Math.floor(bytes.length * fraction)), 'totp_authenticator.bin', {
          password: PASSWORD,
        }),
      ).rejects.toMatchObject({ code: 'damaged-file' });
  });
});
