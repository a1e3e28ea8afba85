/**
 * The checked copy (core/vault/checked-copy.ts) on a real filesystem: accounts.json bytes that
 * passed the schema check are not checked again, and nothing else ever skips the check.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { vaultFiles } from '../../core/paths';
import { checkedCopyAt, type CheckedCopy } from '../../core/vault/checked-copy';
import { readMetadata, writeMetadata } from '../../core/vault/metadata-file';
import { emptyDocument, type VaultDocument } from '../../core/vault/metadata-document';
import type { AccountMeta } from '../../common/otp/types';

let dir: string;
let files: ReturnType<typeof vaultFiles>;
let copyFile: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'authdesk-checked-'));
  files = vaultFiles(path.join(dir, 'data'));
  copyFile = path.join(dir, 'cache', 'accounts.checked');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

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
const doc = (...accounts: AccountMeta[]): VaultDocument => ({ ...emptyDocument(), accounts });

/** A CheckedCopy that counts what readMetadata asks of it. */
function counted(inner: CheckedCopy) {
  const calls = { matches: 0, hits: 0, records: 0 };
  const copy: CheckedCopy = {
    matches(bytes) {
      calls.matches++;
      const hit = inner.matches(bytes);
      if (hit) calls.hits++;
      return hit;
    },
    record(bytes) {
      calls.records++;
      inner.record(bytes);
    },
  };
  return { copy, calls };
}

describe('checkedCopyAt', () => {
  const bytes = Buffer.from('{"format":"authdesk-vault"}\n');

  it('matches exactly the bytes it recorded, for the key it was made with', () => {
    const copy = checkedCopyAt(copyFile, 'build-a');
    expect(copy.matches(bytes)).toBe(false); // no copy yet
    copy.record(bytes);
    expect(copy.matches(bytes)).toBe(true);
    expect(copy.matches(Buffer.from('{"format":"authdesk-vault"} \n'))).toBe(false);
    expect(copy.matches(bytes.subarray(0, bytes.length - 1))).toBe(false);
    expect(checkedCopyAt(copyFile, 'build-b').matches(bytes)).toBe(false);
  });

  it('is readable by the user only, in a folder it creates', () => {
    checkedCopyAt(copyFile, 'k').record(bytes);
    expect(statSync(copyFile).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(copyFile)).mode & 0o777).toBe(0o700);
  });

  it('never matches a copy that was cut short or changed', () => {
    const copy = checkedCopyAt(copyFile, 'k');
    copy.record(bytes);
    const whole = readFileSync(copyFile);
    writeFileSync(copyFile, whole.subarray(0, whole.length - 3));
    expect(copy.matches(bytes)).toBe(false);
    const changed = Buffer.from(whole);
    changed[5] = changed[5]! ^ 1; // in the header
    writeFileSync(copyFile, changed);
    expect(copy.matches(bytes)).toBe(false);
    writeFileSync(copyFile, '');
    expect(copy.matches(bytes)).toBe(false);
  });

  it('records nothing, and throws nothing, where it cannot write', () => {
    mkdirSync(path.dirname(copyFile), { recursive: true });
    writeFileSync(path.join(dir, 'cache', 'blocker'), 'a file, not a folder');
    const blocked = checkedCopyAt(path.join(dir, 'cache', 'blocker', 'accounts.checked'), 'k');
    expect(() => blocked.record(bytes)).not.toThrow();
    expect(blocked.matches(bytes)).toBe(false);
  });

  it('refuses a key that would not fit its header line', () => {
    expect(() => checkedCopyAt(copyFile, 'two\nlines')).toThrow(/printable ASCII/);
    expect(() => checkedCopyAt(copyFile, '')).toThrow(/printable ASCII/);
  });
});

describe('readMetadata with a checked copy', () => {
  it('records a file that passed, then reads the same bytes without checking them again', async () => {
    await writeMetadata(files, doc(account('a'), account('b')));
    const { copy, calls } = counted(checkedCopyAt(copyFile, 'k'));
    const first = await readMetadata(files, copy);
    expect(first.ok).toBe(true);
    expect(calls).toEqual({ matches: 1, hits: 0, records: 1 });
    expect(readFileSync(copyFile).subarray(-statSync(files.metadata).size)).toEqual(readFileSync(files.metadata));
    const second = await readMetadata(files, copy);
    expect(calls).toEqual({ matches: 2, hits: 1, records: 1 });
    // What JSON.parse gives for recorded bytes is what the check gave.
    expect(second.ok && second.doc).toEqual(first.ok && first.doc);
  });

  it('skips the check for recorded bytes: that is the whole gain, so it is tested on bytes the check refuses', async () => {
    const broken = Buffer.from(JSON.stringify({ ...emptyDocument(), accounts: [{ ...account('a'), digits: 99 }] }));
    mkdirSync(files.dir, { recursive: true });
    writeFileSync(files.metadata, broken);
    writeFileSync(files.backup, JSON.stringify(doc(account('b'))));
    const copy = checkedCopyAt(copyFile, 'k');
    const checked = await readMetadata(files, copy);
    expect(!checked.ok && checked.problem).toMatch(/digits/);
    copy.record(broken); // as if this build's check had passed these bytes
    const skipped = await readMetadata(files, copy);
    expect(skipped.ok && skipped.doc.accounts[0]?.digits).toBe(99);
  });

  it('checks a file again after any change, and refuses one that no longer passes', async () => {
    await writeMetadata(files, doc(account('a')));
    await writeMetadata(files, doc(account('a'), account('b')));
    const copy = checkedCopyAt(copyFile, 'k');
    expect((await readMetadata(files, copy)).ok).toBe(true);
    // Same length, one digit changed: a six-digit account becomes a 96-digit one.
    const text = readFileSync(files.metadata, 'utf8');
    writeFileSync(files.metadata, text.replace('"digits": 6', '"digits":96'));
    const { copy: watched, calls } = counted(copy);
    const outcome = await readMetadata(files, watched);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.problem).toMatch(/digits/);
    expect(calls).toEqual({ matches: 1, hits: 0, records: 0 });
  });

  it('does not record a file the check had to normalise, nor a backup it fell back to', async () => {
    // An older version 1 file: a TOTP account that also carries a counter (dropped by the check).
    mkdirSync(files.dir, { recursive: true });
    writeFileSync(files.metadata, JSON.stringify(doc(account('a', { counter: 3 }))));
    const { copy, calls } = counted(checkedCopyAt(copyFile, 'k'));
    const outcome = await readMetadata(files, copy);
    expect(outcome.ok && outcome.doc.accounts[0]).not.toHaveProperty('counter');
    expect(await readMetadata(files, copy)).toEqual(outcome);
    expect(calls).toEqual({ matches: 2, hits: 0, records: 0 });

    rmSync(files.metadata);
    writeFileSync(files.backup, JSON.stringify(doc(account('b'))));
    const fromBackup = await readMetadata(files, copy);
    expect(fromBackup.ok && fromBackup.from).toBe('backup');
    expect(calls.records).toBe(0);
  });

  it('reads as before when the copy cannot be written', async () => {
    await writeMetadata(files, doc(account('a')));
    mkdirSync(path.join(dir, 'cache'));
    writeFileSync(path.join(dir, 'cache', 'blocker'), 'a file where the folder should be');
    const { copy, calls } = counted(checkedCopyAt(path.join(dir, 'cache', 'blocker', 'accounts.checked'), 'k'));
    expect((await readMetadata(files, copy)).ok).toBe(true);
    expect((await readMetadata(files, copy)).ok).toBe(true);
    expect(calls).toEqual({ matches: 2, hits: 0, records: 2 });
  });
});
