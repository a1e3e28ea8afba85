/** accounts.json on a real filesystem: atomic generations, .bak, recovery that keeps the damaged file, version checks. */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { vaultFiles } from '../../core/paths';
import { readMetadata, recoverFromBackup, writeMetadata } from '../../core/vault/metadata-file';
import { emptyDocument, type VaultDocument } from '../../core/vault/metadata-document';
import type { AccountMeta } from '../../common/otp/types';
import { AuthdeskError } from '../../common/errors';

let files: ReturnType<typeof vaultFiles>;
beforeEach(() => {
  files = vaultFiles(mkdtempSync(path.join(os.tmpdir(), 'authdesk-meta-')));
});
afterEach(() => rmSync(files.dir, { recursive: true, force: true }));

const account = (id: string, extra: Record<string, unknown> = {}): AccountMeta =>
  ({
    id,
    issuer: 'Example',
    name: `user-${id}`,
    createdAt: 1_700_000_000_000,
    type: 'totp',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    ...extra,
  }) as AccountMeta;
const doc = (...ids: string[]): VaultDocument => ({ ...emptyDocument(), accounts: ids.map((id) => account(id)) });
const ids = (d: VaultDocument) => d.accounts.map((a) => a.id);

async function expectError(p: Promise<unknown>, code: string): Promise<AuthdeskError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AuthdeskError);
  expect((err as AuthdeskError).code).toBe(code);
  return err as AuthdeskError;
}

describe('writeMetadata', () => {
  it('writes a versioned document and keeps the previous generation as .bak', async () => {
    await writeMetadata(files, doc('a'));
    expect(readdirSync(files.dir).sort()).toEqual(['accounts.json']);
    await writeMetadata(files, doc('a', 'b'));
    await writeMetadata(files, doc('a', 'b', 'c'));
    const main = JSON.parse(readFileSync(files.metadata, 'utf8')) as VaultDocument;
    const bak = JSON.parse(readFileSync(files.backup, 'utf8')) as VaultDocument;
    expect(main).toMatchObject({ format: 'authdesk-vault', version: 1 });
    expect(ids(main)).toEqual(['a', 'b', 'c']);
    expect(ids(bak)).toEqual(['a', 'b']);
    expect(readdirSync(files.dir).sort()).toEqual(['accounts.json', 'accounts.json.bak']);
  });

  it('replaces the file with a new inode each time (readers never see a half-written file)', async () => {
    await writeMetadata(files, doc('a'));
    const before = statSync(files.metadata).ino;
    await writeMetadata(files, doc('a', 'b'));
    expect(statSync(files.metadata).ino).not.toBe(before);
    expect(statSync(files.backup).ino).toBe(before); // the old generation itself, not a copy
  });

  it('cleans up temp files a killed writer left behind', async () => {
    await writeMetadata(files, doc('a'));
    writeFileSync(`${files.metadata}.tmp-999-dead`, '{"half": ');
    writeFileSync(`${files.backup}.tmp-999-dead`, '');
    await writeMetadata(files, doc('a', 'b'));
    expect(readdirSync(files.dir).sort()).toEqual(['accounts.json', 'accounts.json.bak']);
  });

  it('keeps unknown fields a later 1.x writer added', async () => {
    writeFileSync(
      files.metadata,
      JSON.stringify({ ...doc(), accounts: [{ ...account('a'), color: 'blue' }], note: 'keep me' }),
    );
    const read = await readMetadata(files);
    if (!read.ok) throw new Error('expected a readable file');
    await writeMetadata(files, read.doc);
    const written = JSON.parse(readFileSync(files.metadata, 'utf8'));
    expect(written.note).toBe('keep me');
    expect(written.accounts[0].color).toBe('blue');
  });
});

describe('readMetadata', () => {
  it('reads a missing file as an empty vault', async () => {
    expect(await readMetadata(files)).toMatchObject({ ok: true, doc: emptyDocument(), from: 'none' });
  });

  it('falls back to .bak when accounts.json was deleted', async () => {
    await writeMetadata(files, doc('a'));
    await writeMetadata(files, doc('a', 'b'));
    rmSync(files.metadata);
    const read = await readMetadata(files);
    expect(read.ok && read.from === 'backup' && ids(read.doc)).toEqual(['a']);
  });

  it.each([
    ['not JSON', '{"format": "authdesk-vault", "version": 1, "accounts": [{"id": "a",'],
    ['empty', ''],
    [
      'the wrong shape',
      JSON.stringify({ format: 'authdesk-vault', version: 1, accounts: [{ ...account('a'), digits: 0 }] }),
    ],
    [
      'a hotp account without a counter',
      JSON.stringify({
        format: 'authdesk-vault',
        version: 1,
        accounts: [{ ...account('a'), type: 'hotp', period: undefined }],
      }),
    ],
    ['two accounts with one id', JSON.stringify(doc('a', 'a'))],
    ['something else entirely', JSON.stringify({ hello: 'world' })],
  ])('offers the backup when accounts.json is %s, without changing anything yet', async (_what, content) => {
    await writeMetadata(files, doc('good'));
    await writeMetadata(files, doc('good', 'newer'));
    writeFileSync(files.metadata, content);
    const read = await readMetadata(files);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(ids(read.backup)).toEqual(['good']);
    expect(readFileSync(files.metadata, 'utf8')).toBe(content);
  });

  it('recovers from .bak and keeps the damaged file as accounts.json.corrupt-<time>', async () => {
    await writeMetadata(files, doc('good'));
    await writeMetadata(files, doc('good', 'newer'));
    writeFileSync(files.metadata, 'garbage');
    const read = await readMetadata(files);
    if (read.ok) throw new Error('expected damage');
    const { keptAs } = await recoverFromBackup(files, read.backup, Date.UTC(2026, 0, 31, 12, 0, 0));
    expect(path.basename(keptAs)).toBe('accounts.json.corrupt-2026-01-31T12-00-00-000Z');
    expect(readFileSync(keptAs, 'utf8')).toBe('garbage');
    const after = await readMetadata(files);
    expect(after.ok && ids(after.doc)).toEqual(['good']);
    // The good backup stays the backup: the damaged file never becomes .bak.
    expect(ids(JSON.parse(readFileSync(files.backup, 'utf8')))).toEqual(['good']);
  });

  it('reports vault-corrupt naming the file when both are damaged, and changes nothing', async () => {
    writeFileSync(files.metadata, 'garbage');
    writeFileSync(files.backup, '{"also": "bad"}');
    const before = readdirSync(files.dir).sort();
    const err = await expectError(readMetadata(files), 'vault-corrupt');
    expect(err.message).toContain(files.metadata);
    expect(err.message).toContain('Nothing was changed');
    expect(readdirSync(files.dir).sort()).toEqual(before);
    expect(readFileSync(files.metadata, 'utf8')).toBe('garbage');
  });

  it('reports vault-corrupt when accounts.json is damaged and there is no backup', async () => {
    writeFileSync(files.metadata, '[1, 2');
    const err = await expectError(readMetadata(files), 'vault-corrupt');
    expect(err.message).toMatch(/does not exist/);
  });

  it('refuses a document from a newer Authdesk (vault-too-new) instead of calling it corrupt', async () => {
    const future = JSON.stringify({ format: 'authdesk-vault', version: 2, accounts: [], vaults: {} });
    writeFileSync(files.metadata, future);
    const err = await expectError(readMetadata(files), 'vault-too-new');
    expect(err.message).toMatch(/version 2/);
    expect(readFileSync(files.metadata, 'utf8')).toBe(future);
    expect(readdirSync(files.dir)).toEqual(['accounts.json']);
  });
});
