/**
 * Import into a real vault (gnome-keyring + a real data folder): preview
 * marks duplicates, commit writes all or nothing, and every kind of bad file
 * (wrong password, truncated, a bit flipped in the ciphertext or the header,
 * 50 MB, `__proto__` keys) gives a clear error and leaves the vault exactly
 * as it was. The keychain failure is a real one: a SecretStore wrapper over
 * the real keytar store that refuses writes after N of them.
 */
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openVault } from '../../core/vault/vault';
import { createSecretStore } from '../../core/vault/index';
import type { SecretStore } from '../../core/vault/types';
import type { AccountDraft } from '../../common/otp/types';
import { fixedClock } from '../../core/clock';
import { AuthdeskError } from '../../common/errors';
import { commitImport, exportAuthdeskBackup, previewImport, readImport, verifyBackup } from '../../core/transfer/index';
import { requireSecretService, uniqueServiceName } from '../support/keychain';

requireSecretService();

const FAST = { n: 1024, r: 8, p: 1 };
const PASSWORD = 'hunter2 but longer';
const totp = (issuer: string, secret: string): AccountDraft => ({
  type: 'totp',
  issuer,
  name: 'me',
  secret,
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
});
const EXISTING = [totp('Existing', 'JBSWY3DPEHPK3PXP'), totp('Other', 'GEZDGNBVGY3TQOJQ')];
const INCOMING = [
  EXISTING[0]!,
  totp('New A', 'MFRGGZDFMZTWQ2LK'),
  totp('New B', 'ONSWG4TFOQYTEMZU'),
  totp('New C', 'NBSWY3DPO5XXE3DE'),
];

/** Fails every set() after the first `allowed` ones, like a keychain that fills up or locks mid-import. */
function failingAfter(store: SecretStore, allowed: number): SecretStore {
  let writes = 0;
  return {
    get: (a) => store.get(a),
    delete: (a) => store.delete(a),
    accounts: () => store.accounts(),
    isLocked: () => store.isLocked(),
    unlock: () => store.unlock(),
    set: async (account, secret) => {
      if (++writes > allowed)
        throw new AuthdeskError('keychain-failed', 'The keychain refused to store a secret (test: full).');
      await store.set(account, secret);
    },
  };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function setup() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'authdesk-transfer-'));
  const secrets = createSecretStore(uniqueServiceName('transfer'));
  const clock = fixedClock(1_700_000_000_000);
  cleanups.push(async () => {
    for (const account of await secrets.accounts()) await secrets.delete(account);
    rmSync(dataDir, { recursive: true, force: true });
  });
  const vault = await openVault({ dataDir, secrets, clock });
  for (const a of EXISTING) await vault.add(a);
  const metadata = path.join(dataDir, 'accounts.json');
  /** Everything an import could change: the metadata bytes and the keychain items. */
  const snapshot = async () => ({
    metadata: readFileSync(metadata, 'utf8'),
    keychain: (await Promise.all((await secrets.accounts()).map(async (a) => `${a}=${await secrets.get(a)}`))).sort(),
  });
  const file = (name: string, content: string | Buffer) => {
    const p = path.join(dataDir, name);
    writeFileSync(p, content);
    return p;
  };
  return { dataDir, secrets, clock, vault, snapshot, file };
}

describe('import preview and commit', () => {
  it('marks the vault duplicate, skips it by default, and writes the rest', async () => {
    const { vault, file } = await setup();
    const backup = file('in.json', await exportAuthdeskBackup(INCOMING, PASSWORD, { scrypt: FAST }));
    const preview = await previewImport(vault, await readImport(backup, { password: PASSWORD }));
    expect(preview.items.map((i) => [i.entry.issuer, i.duplicateOf?.issuer ?? null, i.include])).toEqual([
      ['Existing', 'Existing', false],
      ['New A', null, true],
      ['New B', null, true],
      ['New C', null, true],
    ]);
    const added = await commitImport(vault, preview);
    expect(added.map((a) => a.issuer)).toEqual(['New A', 'New B', 'New C']);
    expect((await vault.list()).map((a) => a.issuer)).toEqual(['Existing', 'Other', 'New A', 'New B', 'New C']);
    // The same file again: everything is a duplicate now, nothing is written.
    const again = await previewImport(vault, await readImport(backup, { password: PASSWORD }));
    expect(again.items.every((i) => !i.include)).toBe(true);
    expect(await commitImport(vault, again)).toEqual([]);
  });

  it('writes nothing when the keychain fails midway: items written by the import are removed, metadata unchanged', async () => {
    const { vault, secrets, snapshot, dataDir, clock, file } = await setup();
    const before = await snapshot();
    const flaky = await openVault({ dataDir, secrets: failingAfter(secrets, 2), clock });
    const backup = file('in.json', await exportAuthdeskBackup(INCOMING, PASSWORD, { scrypt: FAST }));
    const preview = await previewImport(flaky, await readImport(backup, { password: PASSWORD }));
    await expect(commitImport(flaky, preview)).rejects.toMatchObject({ code: 'keychain-failed' });
    expect(await snapshot()).toEqual(before);
    expect((await vault.list()).map((a) => a.issuer)).toEqual(['Existing', 'Other']);
    // And with a working keychain the same preview goes through whole.
    expect(await commitImport(vault, preview)).toHaveLength(3);
  });

  it('verifyBackup reports missing, extra and different accounts', async () => {
    const { vault, file } = await setup();
    const same = file('same.json', await exportAuthdeskBackup(await vault.exportDrafts(), PASSWORD, { scrypt: FAST }));
    expect(await verifyBackup(same, PASSWORD, vault)).toMatchObject({ ok: true, inBackup: 2, inVault: 2 });
    const changed = [{ ...EXISTING[0]!, name: 'someone else' }, totp('Stranger', 'MFRGGZDFMZTWQ2LK')];
    const other = file('other.json', await exportAuthdeskBackup(changed, PASSWORD, { scrypt: FAST }));
    expect(await verifyBackup(other, PASSWORD, vault)).toMatchObject({
      ok: false,
      missing: ['Other (me)'],
      extra: ['Stranger (me)'],
      different: ['Existing (me): name "someone else" in the backup, "me" here'],
    });
  });
});

describe('bad files: a clear error and the vault unchanged', () => {
  async function expectRefused(run: () => Promise<unknown>, code: string, message: RegExp) {
    const { snapshot } = context!;
    const before = await snapshot();
    const err = await run().then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AuthdeskError);
    expect(err).toMatchObject({ code, message: expect.stringMatching(message) });
    expect((err as Error).message).not.toMatch(/\n|at .*\.ts/);
    expect(await snapshot()).toEqual(before);
  }
  let context: Awaited<ReturnType<typeof setup>> | undefined;
  const importFile = async (p: string, password?: string) => {
    const { vault } = context!;
    return commitImport(vault, await previewImport(vault, await readImport(p, { password })));
  };
  const backupFile = async () =>
    context!.file('backup.json', await exportAuthdeskBackup(INCOMING, PASSWORD, { scrypt: FAST }));

  it('wrong password → wrong-password, not "damaged"', async () => {
    context = await setup();
    const p = await backupFile();
    await expectRefused(() => importFile(p, 'not it'), 'wrong-password', /^Wrong password/);
  });

  it('truncated file → damaged-file', async () => {
    context = await setup();
    const p = await backupFile();
    truncateSync(p, Math.floor(readFileSync(p).length / 2));
    await expectRefused(() => importFile(p, PASSWORD), 'damaged-file', /damaged/);
  });

  it('one bit flipped in the ciphertext → damaged at ciphertext', async () => {
    context = await setup();
    const p = await backupFile();
    const json = JSON.parse(readFileSync(p, 'utf8')) as { ciphertext: string };
    const bytes = Buffer.from(json.ciphertext, 'base64');
    bytes[5]! ^= 0x01;
    writeFileSync(p, JSON.stringify({ ...json, ciphertext: bytes.toString('base64') }));
    await expectRefused(() => importFile(p, PASSWORD), 'damaged-file', /damaged at ciphertext/);
  });

  it('one bit flipped in the header → damaged at the header', async () => {
    context = await setup();
    const p = await backupFile();
    const json = JSON.parse(readFileSync(p, 'utf8')) as { header: { kdf: { salt: string } } };
    const salt = Buffer.from(json.header.kdf.salt, 'base64');
    salt[0]! ^= 0x80;
    json.header.kdf.salt = salt.toString('base64');
    writeFileSync(p, JSON.stringify(json));
    await expectRefused(() => importFile(p, PASSWORD), 'damaged-file', /damaged at the header/);
  });

  it('a 50 MB file is refused from its size, naming the limit', async () => {
    context = await setup();
    const p = path.join(context.dataDir, 'huge.json');
    writeFileSync(p, '');
    truncateSync(p, 50 * 1024 * 1024); // sparse: the size is real, the disk stays empty
    await expectRefused(() => importFile(p), 'file-too-large', /50 MB.*up to 20 MB/);
  });

  it('__proto__ keys pollute nothing and are not imported', async () => {
    context = await setup();
    const evil = `{"__proto__": {"polluted": "yes"}, "version": 1, "header": {"slots": null, "params": null, "__proto__": {"polluted": "yes"}},
      "db": {"version": 2, "entries": [{"type": "totp", "uuid": "x", "name": "Evil", "issuer": "Proto", "__proto__": {"polluted": "yes"},
      "info": {"secret": "MFRGGZDFMZTWQ2LK", "algo": "SHA1", "digits": 6, "period": 30, "__proto__": {"digits": 9}}}]}}`;
    const p = context.file('evil.json', evil);
    const added = await importFile(p);
    expect(added.map((a) => [a.issuer, a.digits])).toEqual([['Proto', 6]]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('an unknown format lists the known formats', async () => {
    context = await setup();
    const p = context.file('notes.txt', 'just some notes\nnothing to see\n');
    await expectRefused(() => importFile(p), 'unknown-format', /Known formats: authdesk .*aegis \(Aegis\).*2fas/);
  });
});
