/**
 * accounts.json as version 1 stored it before the account types became a
 * union on `type` (fixtures/accounts-v1-flat.json): one flat shape whose
 * reader let any account carry both `period` and `counter` and ignored a
 * Steam account's algorithm/digits/period. Such files must keep loading,
 * keep their codes, and be written back in the same version-1 shape.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { vaultFiles } from '../../core/paths';
import { readMetadata, writeMetadata } from '../../core/vault/metadata-file';
import { codeWindow } from '../../core/otp/index';
import type { AccountMeta } from '../../common/otp/types';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'accounts-v1-flat.json');
const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { accounts: Record<string, unknown>[] };

let files: ReturnType<typeof vaultFiles>;
beforeEach(() => {
  files = vaultFiles(mkdtempSync(path.join(os.tmpdir(), 'authdesk-legacy-')));
  copyFileSync(FIXTURE, files.metadata);
});
afterEach(() => rmSync(files.dir, { recursive: true, force: true }));

async function load(): Promise<AccountMeta[]> {
  const read = await readMetadata(files);
  if (!read.ok) throw new Error(`the old file did not load: ${read.problem}`);
  expect(read.from).toBe('file');
  return read.doc.accounts;
}

describe('a version-1 file in the old flat shape', () => {
  it('loads every account, each with exactly the parameters of its type', async () => {
    const accounts = await load();
    expect(accounts.map((a) => [a.name, a.type])).toEqual([
      ['alice@example.com', 'totp'],
      ['bob', 'hotp'],
      ['', 'steam'],
      ['edited by hand', 'steam'],
      ['carol', 'totp'],
      ['dave', 'hotp'],
    ]);
    // What our writers wrote comes back unchanged.
    expect(accounts.slice(0, 3)).toEqual(fixture.accounts.slice(0, 3));
    // The lenient parts: Steam's fixed parameters, the other type's field dropped, unknown fields kept.
    expect(accounts[3]).toEqual({ ...fixture.accounts[3], algorithm: 'SHA1', digits: 5, period: 30 });
    expect(accounts[4]).not.toHaveProperty('counter');
    expect(accounts[4]).toMatchObject({ type: 'totp', period: 60 });
    expect(accounts[5]).not.toHaveProperty('period');
    expect(accounts[5]).toMatchObject({ type: 'hotp', counter: 12 });
  });

  it('gives the codes the old reader gave (a hand-edited Steam account still has 5-letter codes every 30 s)', async () => {
    const accounts = await load();
    const secret = 'JBSWY3DPEHPK3PXP';
    const at = Date.UTC(2026, 0, 1, 12, 0, 10);
    const plainSteam = codeWindow('s', secret, accounts[2]!, at);
    const editedSteam = codeWindow('e', secret, accounts[3]!, at);
    expect(editedSteam.code).toMatch(/^[2-9BCDFGHJKMNPQRTVWXY]{5}$/);
    expect([editedSteam.code, editedSteam.validFrom, editedSteam.validUntil]).toEqual([
      plainSteam.code,
      Date.UTC(2026, 0, 1, 12, 0, 0),
      Date.UTC(2026, 0, 1, 12, 0, 30),
    ]);
    expect(codeWindow('c', secret, accounts[4]!, at).validUntil).toBe(Date.UTC(2026, 0, 1, 12, 1, 0));
  });

  it('is written back as version 1 in the same shape (older readers still load it)', async () => {
    const read = await readMetadata(files);
    if (!read.ok) throw new Error('expected a readable file');
    await writeMetadata(files, read.doc);
    const written = JSON.parse(readFileSync(files.metadata, 'utf8')) as typeof fixture & { version: number };
    expect(written.version).toBe(1);
    expect(written.accounts.slice(0, 3)).toEqual(fixture.accounts.slice(0, 3));
    expect(written.accounts[3]).toMatchObject({ color: 'green', algorithm: 'SHA1', digits: 5, period: 30 });
    expect(await load()).toEqual(read.doc.accounts); // a second load changes nothing more
  });
});
