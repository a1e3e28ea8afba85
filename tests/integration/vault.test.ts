/** openVault against the real keychain (gnome-keyring) and a real data folder. */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openVault } from '../../core/vault/vault';
import { createSecretStore } from '../../core/vault/secret-store';
import type { SecretStore, Vault } from '../../core/vault/types';
import type { AccountDraft } from '../../common/otp/types';
import { fixedClock } from '../../core/clock';
import { AuthdeskError } from '../../common/errors';
import { requireSecretService, uniqueServiceName } from '../support/keychain';

requireSecretService();

// RFC facts: the Key URI example key at 2009-11-10T23:00:00Z, and RFC 4226 Appendix D.
const EXAMPLE: AccountDraft = {
  issuer: 'Example',
  name: 'alice@google.com',
  secret: 'JBSWY3DPEHPK3PXP',
  type: 'totp',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
};
const EXAMPLE_AT_MS = 1_257_894_000_000;
const RFC4226: AccountDraft = {
  issuer: 'RFC',
  name: '4226',
  secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
  type: 'hotp',
  algorithm: 'SHA1',
  digits: 6,
  counter: 0,
};
const RFC4226_CODES = ['755224', '287082', '359152', '969429'];

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function setup() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'authdesk-vault-'));
  const secrets = createSecretStore(uniqueServiceName('vault'));
  const clock = fixedClock(1_700_000_000_000);
  // Waiting for the lock passes on a fake clock too: a held lock times out without real sleeping.
  const lockClock = fixedClock(0);
  const lock = { timeoutMs: 5_000, clock: lockClock, sleep: async (ms: number) => lockClock.advance(ms) };
  const open = () => openVault({ dataDir, secrets, clock, lock });
  cleanups.push(async () => {
    for (const account of await secrets.accounts()) await secrets.delete(account);
    rmSync(dataDir, { recursive: true, force: true });
  });
  return { dataDir, secrets, clock, open, vault: await open(), metadata: path.join(dataDir, 'accounts.json') };
}

const onDisk = (file: string) =>
  JSON.parse(readFileSync(file, 'utf8')) as { accounts: { id: string; name: string; counter?: number }[] };

async function expectError(p: Promise<unknown>, code: string): Promise<AuthdeskError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AuthdeskError);
  expect((err as AuthdeskError).code).toBe(code);
  return err as AuthdeskError;
}

/** Holds the data folder's lock as a live process (ourselves, under another token) would. */
function holdLock(dataDir: string) {
  writeFileSync(
    path.join(dataDir, '.lock'),
    JSON.stringify({ pid: process.pid, hostname: os.hostname(), time: Date.now(), token: 'other-writer' }),
  );
  return () => rmSync(path.join(dataDir, '.lock'), { force: true });
}

describe('accounts', () => {
  it('adds: secret to the keychain, metadata (no secret) to accounts.json, a working code', async () => {
    const { vault, secrets, metadata } = await setup();
    const added = await vault.add(EXAMPLE);
    expect(added).toMatchObject({
      issuer: 'Example',
      name: 'alice@google.com',
      type: 'totp',
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      createdAt: 1_700_000_000_000,
    });
    expect(added.id).toMatch(/^[0-9a-f-]{36}$/);
    // Self-describing (issue 9): the item is the account's full key URI.
    expect(await secrets.get(added.id)).toBe(
      'otpauth://totp/Example:alice%40google.com?secret=JBSWY3DPEHPK3PXP&issuer=Example&algorithm=SHA1&digits=6&period=30',
    );
    expect(readFileSync(metadata, 'utf8')).not.toContain('JBSWY3DPEHPK3PXP');
    expect(await vault.list()).toEqual([added]);
    const [code] = await vault.currentCodes(undefined, EXAMPLE_AT_MS);
    expect(code).toMatchObject({
      id: added.id,
      code: '528064',
      validFrom: EXAMPLE_AT_MS,
      validUntil: EXAMPLE_AT_MS + 30_000,
    });
  });

  it('rejects an exact duplicate with a clear message, but not the same key under another name', async () => {
    const { vault, secrets } = await setup();
    await vault.add(EXAMPLE);
    const err = await expectError(vault.add({ ...EXAMPLE, secret: 'jbswy3dpehpk3pxp' }), 'duplicate');
    expect(err.message).toBe('Example (alice@google.com) is already in Authdesk.');
    expect(await vault.findDuplicate(EXAMPLE)).not.toBeNull();
    await vault.add({ ...EXAMPLE, name: 'bob@google.com' });
    expect((await vault.list()).length).toBe(2);
    expect((await secrets.accounts()).length).toBe(2); // the refused duplicate left no keychain item behind
  });

  it('renames, reorders and removes (removing deletes the keychain item)', async () => {
    const { vault, secrets, metadata } = await setup();
    const a = await vault.add(EXAMPLE);
    const b = await vault.add({ ...EXAMPLE, name: 'b', secret: 'GEZDGNBVGY3TQOJQ' });
    const c = await vault.add({ ...EXAMPLE, name: 'c', secret: 'MZXW6YTBOI' });
    expect(await vault.rename(a.id, '  New   Issuer ', 'alice')).toMatchObject({
      id: a.id,
      issuer: 'New Issuer',
      name: 'alice',
    });
    await expectError(vault.rename(a.id, ' ', ''), 'bad-input');
    await vault.reorder([c.id, 'no-such-id', a.id]);
    expect((await vault.list()).map((x) => x.name)).toEqual(['c', 'alice', 'b']);
    expect(onDisk(metadata).accounts.map((x) => x.name)).toEqual(['c', 'alice', 'b']);
    await vault.remove(b.id);
    expect(await secrets.get(b.id)).toBeNull();
    expect((await vault.list()).map((x) => x.id)).toEqual([c.id, a.id]);
    await expectError(vault.remove(b.id), 'not-found');
  });

  it('notices changes another process made (list re-reads the file, codes fetch the new secret)', async () => {
    const first = await setup();
    const second = await openVault({ dataDir: first.dataDir, secrets: first.secrets, clock: first.clock });
    expect(await first.vault.list()).toEqual([]);
    const added = await second.add(EXAMPLE);
    expect((await first.vault.list()).map((a) => a.id)).toEqual([added.id]);
    expect((await first.vault.currentCodes([added.id], EXAMPLE_AT_MS))[0]?.code).toBe('528064');
    await first.vault.rename(added.id, 'Example', 'renamed');
    expect((await second.list())[0]?.name).toBe('renamed');
  });
});

describe('HOTP', () => {
  it('returns the RFC 4226 codes in order and persists each counter before returning', async () => {
    const { vault, metadata, open } = await setup();
    const { id } = await vault.add(RFC4226);
    for (const [i, expected] of RFC4226_CODES.slice(0, 3).entries()) {
      expect((await vault.nextHotp(id)).code).toBe(expected);
      expect(onDisk(metadata).accounts[0]?.counter).toBe(i + 1);
    }
    // A fresh process continues where the last one stopped: no code is shown twice.
    expect((await (await open()).nextHotp(id)).code).toBe(RFC4226_CODES[3]);
    expect(await vault.currentCodes()).toEqual([]); // hotp accounts have no "current" code
  });

  it('shows no code when the new counter cannot be saved', async () => {
    const { vault, dataDir, metadata } = await setup();
    const { id } = await vault.add(RFC4226);
    const release = holdLock(dataDir);
    try {
      await expectError(vault.nextHotp(id), 'vault-locked');
    } finally {
      release();
    }
    expect(onDisk(metadata).accounts[0]?.counter).toBe(0);
    expect((await vault.nextHotp(id)).code).toBe(RFC4226_CODES[0]);
  });

  it('refuses to advance a time-based account', async () => {
    const { vault } = await setup();
    const { id } = await vault.add(EXAMPLE);
    await expectError(vault.nextHotp(id), 'bad-input');
  });
});

describe('drift between keychain and metadata', () => {
  it('reports an orphan keychain item and restores it as a recovered account with working codes', async () => {
    const { vault, secrets } = await setup();
    const orphanId = '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';
    await secrets.set(orphanId, 'JBSWY3DPEHPK3PXP');
    expect(await vault.problems()).toEqual([{ kind: 'orphan-secret', id: orphanId, label: orphanId }]);
    await vault.repair(orphanId, 'restore');
    expect(await vault.problems()).toEqual([]);
    expect(await vault.list()).toEqual([
      {
        id: orphanId,
        issuer: '',
        name: 'Recovered 0f1e2d3c',
        createdAt: 1_700_000_000_000,
        type: 'totp',
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
      },
    ]);
    expect((await vault.currentCodes(undefined, EXAMPLE_AT_MS))[0]?.code).toBe('528064');
    await expectError(vault.repair(orphanId, 'restore'), 'bad-input');
  });

  it('reports an account whose secret was deleted by hand, skips its codes, and forgets it only on request', async () => {
    const { vault, secrets } = await setup();
    const kept = await vault.add(EXAMPLE);
    const lost = await vault.add({ ...EXAMPLE, name: 'lost', secret: 'GEZDGNBVGY3TQOJQ' });
    await secrets.delete(lost.id);
    expect(await vault.problems()).toEqual([{ kind: 'missing-secret', id: lost.id, label: 'Example (lost)' }]);
    expect((await vault.currentCodes()).map((c) => c.id)).toEqual([kept.id]);
    await expectError(vault.repair(kept.id, 'forget'), 'bad-input'); // never forgets an account that has its secret
    await vault.repair(lost.id, 'forget');
    expect((await vault.list()).map((a) => a.id)).toEqual([kept.id]);
    expect(await vault.problems()).toEqual([]);
  });

  it('undoes the keychain write when the metadata cannot be saved (no orphan from a clean failure)', async () => {
    const { vault, secrets, dataDir, metadata } = await setup();
    await vault.add(EXAMPLE);
    const before = readFileSync(metadata, 'utf8');
    const release = holdLock(dataDir);
    try {
      await expectError(vault.add({ ...EXAMPLE, name: 'second', secret: 'GEZDGNBVGY3TQOJQ' }), 'vault-locked');
    } finally {
      release();
    }
    expect(readFileSync(metadata, 'utf8')).toBe(before);
    expect((await secrets.accounts()).length).toBe(1);
    expect(await vault.problems()).toEqual([]);
  });
});

describe('damaged or foreign accounts files', () => {
  it('recovers from .bak at open, keeping the damaged file beside it', async () => {
    const { vault, dataDir, metadata, open } = await setup();
    const a = await vault.add(EXAMPLE);
    await vault.add({ ...EXAMPLE, name: 'newer', secret: 'GEZDGNBVGY3TQOJQ' });
    writeFileSync(metadata, '{"format":"authdesk-vault","version":1,"accounts":[{"id":');
    const reopened: Vault = await open();
    expect((await reopened.list()).map((x) => x.id)).toEqual([a.id]);
    const corrupt = readdirSync(dataDir).filter((f) => f.startsWith('accounts.json.corrupt-'));
    expect(corrupt).toHaveLength(1);
    expect(readFileSync(path.join(dataDir, corrupt[0]!), 'utf8')).toContain('"accounts":[{"id":');
    // The newer account's secret is still in the keychain: shown as an orphan, not lost.
    expect((await reopened.problems()).map((p) => p.kind)).toEqual(['orphan-secret']);
  });

  it('refuses to open a file written by a newer Authdesk, and leaves it alone', async () => {
    const { dataDir, secrets, metadata } = await setup();
    const future = JSON.stringify({ format: 'authdesk-vault', version: 7, accounts: [] });
    writeFileSync(metadata, future);
    await expectError(openVault({ dataDir, secrets: secrets as SecretStore }), 'vault-too-new');
    expect(readFileSync(metadata, 'utf8')).toBe(future);
  });
});
