/**
 * The automatic backup service against the real things: a real vault whose
 * keys are in the real Secret Service (scripts/with-keyring.sh), the backup
 * password in that keychain too, real temp folders (a real read-only tmpfs
 * for the read-only case), the real importer to read the backups back.
 * Only time is injected: the clock and the debounce timer, so nothing sleeps.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../core/clock';
import { openSettingsStore } from '../../../core/settings';
import { createSecretStore, openVault } from '../../../core/vault/index';
import { parseImport } from '../../../core/transfer/index';
import {
  backupKeychainService,
  backupPassword,
  createAutoBackup,
  BACKUP_DEBOUNCE_MS,
  BACKUP_STATE_FILE,
  DAY_MS,
  isAutomaticBackupName,
  type BackupTimers,
} from '../../../core/backup/index';
import type { AccountDraft } from '../../../common/otp/types';
import { requireSecretService, uniqueServiceName } from '../../support/keychain';

requireSecretService();

const T0 = Date.UTC(2026, 11, 5, 8, 15, 30);
const PASSWORD = 'correct horse battery';
const FAST = { n: 1024, r: 8, p: 1 };
const ACCOUNTS: AccountDraft[] = [
  {
    type: 'totp',
    issuer: 'GitHub',
    name: 'octo',
    secret: 'JBSWY3DPEHPK3PXP',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
  },
  {
    type: 'totp',
    issuer: 'Bank',
    name: 'Bø 😀',
    secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
    algorithm: 'SHA256',
    digits: 8,
    period: 60,
  },
  {
    type: 'hotp',
    issuer: 'Forge',
    name: 'carol',
    secret: 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U',
    algorithm: 'SHA1',
    digits: 6,
    counter: 5,
  },
];

/** Timers the test fires by hand: the debounce is real code, only the waiting is skipped. */
function manualTimers() {
  const pending = new Map<number, { fn: () => void; ms: number }>();
  let next = 1;
  const timers: BackupTimers = {
    set: (fn, ms) => {
      pending.set(next, { fn, ms });
      return next++;
    },
    clear: (handle) => void pending.delete(handle as number),
  };
  return {
    timers,
    pending,
    fireAll() {
      const due = [...pending.values()];
      pending.clear();
      for (const t of due) t.fn();
    },
  };
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(
  options: { folder?: string; password?: string | null; keep?: number; accounts?: AccountDraft[] } = {},
) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'authdesk-autobackup-data-'));
  const folder = options.folder ?? mkdtempSync(path.join(os.tmpdir(), 'authdesk-autobackup-out-'));
  const service = uniqueServiceName('autobackup');
  const secrets = createSecretStore(service);
  const passwordStore = createSecretStore(backupKeychainService(service));
  cleanups.push(async () => {
    for (const store of [secrets, passwordStore])
      for (const account of await store.accounts()) await store.delete(account);
    rmSync(dataDir, { recursive: true, force: true });
    if (!options.folder) rmSync(folder, { recursive: true, force: true });
  });
  const clock = fixedClock(T0);
  const vault = await openVault({ dataDir, secrets, clock });
  for (const a of options.accounts ?? ACCOUNTS) await vault.add(a);
  const settings = openSettingsStore(dataDir);
  await settings.set({ backupFolder: folder, backupKeep: options.keep ?? 10 });
  const password = backupPassword(passwordStore);
  if (options.password !== null) await password.set(options.password ?? PASSWORD);
  const t = manualTimers();
  let notified = 0;
  const backup = createAutoBackup({
    dataDir,
    vault,
    settings,
    password,
    clock,
    timers: t.timers,
    scrypt: FAST,
    onStatusChange: () => void notified++,
  });
  cleanups.push(() => backup.close());
  /** Fires the debounce timer and waits for the queued backup. */
  const afterDebounce = async () => {
    t.fireAll();
    await backup.flush();
  };
  return {
    dataDir,
    folder,
    vault,
    settings,
    password,
    passwordStore,
    clock,
    backup,
    t,
    afterDebounce,
    notified: () => notified,
  };
}

/** Our automatic backups in `folder` (the exact name pattern), sorted. */
const ours = (folder: string) =>
  readdirSync(folder)
    .filter((n) => isAutomaticBackupName(n))
    .sort();

async function decrypt(file: string, password = PASSWORD) {
  return (await parseImport(readFileSync(file), 'backup', { password })).entries;
}

describe('a change makes one backup after the quiet period', () => {
  it('writes nothing before the debounce, one file after it, and it decrypts to exactly the vault', async () => {
    const s = await setup();
    s.backup.vaultChanged();
    s.backup.vaultChanged(); // a burst of changes: still one timer
    s.backup.vaultChanged();
    expect(s.t.pending.size).toBe(1);
    expect([...s.t.pending.values()][0]!.ms).toBe(BACKUP_DEBOUNCE_MS);
    expect(ours(s.folder)).toEqual([]);
    expect((await s.backup.status()).pending).toBe(true);

    await s.afterDebounce();
    expect(ours(s.folder)).toEqual(['authdesk-backup-20261205-081530.json']);
    const file = path.join(s.folder, 'authdesk-backup-20261205-081530.json');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(s.folder)).toEqual(['authdesk-backup-20261205-081530.json']); // no temp file left

    const vaultNow = (await s.vault.exportDrafts()).map(({ id: _id, ...draft }) => draft);
    const restored = (await decrypt(file)).map((e) => ({ ...e }));
    expect(restored).toEqual(vaultNow.map((a) => expect.objectContaining(a)));
    expect(restored).toHaveLength(3);
    await expect(decrypt(file, 'wrong password')).rejects.toMatchObject({ code: 'wrong-password' });

    const status = await s.backup.status();
    expect(status).toMatchObject({
      enabled: true,
      passwordSet: true,
      folder: s.folder,
      lastSuccessAt: T0,
      lastFile: 'authdesk-backup-20261205-081530.json',
      lastError: null,
      pending: false,
      reminder: { due: false, days: 0 },
    });
    expect(JSON.stringify(status)).not.toContain(PASSWORD);
    expect(s.notified()).toBeGreaterThan(0);
  });

  it('a second backup in the same second is a new file, never an overwrite', async () => {
    const s = await setup();
    await s.backup.runNow();
    const first = readFileSync(path.join(s.folder, 'authdesk-backup-20261205-081530.json'), 'utf8');
    await s.vault.add({ ...ACCOUNTS[0]!, name: 'second', secret: 'KRUGS4ZANFZSAYJAONSWG4TFOQQQ' });
    await s.backup.runNow();
    expect(ours(s.folder)).toEqual(['authdesk-backup-20261205-081530-2.json', 'authdesk-backup-20261205-081530.json']);
    expect(readFileSync(path.join(s.folder, 'authdesk-backup-20261205-081530.json'), 'utf8')).toBe(first);
    expect(await decrypt(path.join(s.folder, 'authdesk-backup-20261205-081530-2.json'))).toHaveLength(4);
  });
});

describe('rotation', () => {
  it('keeps the newest N of ours and leaves every other file alone', async () => {
    const s = await setup({ keep: 3 });
    const foreign = [
      'notes.txt',
      'authdesk-backup-manual.json', // a name the person chose
      'authdesk-backup-20200101-000000.json.bak', // ours once, renamed by the person
      'authdesk-backup-20200101-000000.JSON',
      'my-authdesk-backup-20200101-000000.json',
      `authdesk-backup-20200101-000000.json.tmp-${process.pid}-0123abcd`, // (a write of this very process)
      'authdesk-backup-20200101-000000.json.tmp-12-notours', // not the atomic writer's pattern
    ];
    // A killed earlier run's temp file: ours, deleted.
    const leftover = 'authdesk-backup-20200101-000000.json.tmp-999999-89abcdef';
    writeFileSync(path.join(s.folder, leftover), 'half a backup');
    for (const name of foreign) writeFileSync(path.join(s.folder, name), 'keep me');
    mkdirSync(path.join(s.folder, 'authdesk-backup-20200101-000001.json')); // a folder with our name: not a file of ours
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      s.clock.advance(60_000);
      s.backup.vaultChanged();
      await s.afterDebounce();
      made.push((await s.backup.status()).lastFile!);
    }
    expect(new Set(made).size).toBe(5);
    expect(ours(s.folder).filter((n) => statSync(path.join(s.folder, n)).isFile())).toEqual(made.slice(2).sort());
    for (const name of foreign) expect(readFileSync(path.join(s.folder, name), 'utf8')).toBe('keep me');
    expect(readdirSync(s.folder)).not.toContain(leftover);
    expect(statSync(path.join(s.folder, 'authdesk-backup-20200101-000001.json')).isDirectory()).toBe(true);
  });
});

describe('off until a folder and a password are set', () => {
  it('without a password: no file, no error, and "Back up now" says what is missing', async () => {
    const s = await setup({ password: null });
    s.backup.vaultChanged();
    await s.afterDebounce();
    expect(readdirSync(s.folder)).toEqual([]);
    const status = await s.backup.status();
    expect(status).toMatchObject({ enabled: false, passwordSet: false, lastError: null, lastSuccessAt: null });
    await expect(s.backup.runNow()).rejects.toMatchObject({ code: 'bad-input' });
    expect(readdirSync(s.folder)).toEqual([]);

    // Set it: the next change backs up; the password went to the keychain, not to any file of the data folder.
    await s.backup.setPassword(PASSWORD);
    expect(await s.passwordStore.get('backup-password')).toBe(PASSWORD);
    for (const name of readdirSync(s.dataDir))
      if (statSync(path.join(s.dataDir, name)).isFile())
        expect(readFileSync(path.join(s.dataDir, name), 'utf8')).not.toContain(PASSWORD);
    s.backup.vaultChanged();
    await s.afterDebounce();
    expect(ours(s.folder)).toHaveLength(1);
  });

  it('without a folder: nothing is written anywhere', async () => {
    const s = await setup();
    await s.settings.set({ backupFolder: null });
    s.backup.vaultChanged();
    await s.afterDebounce();
    expect(readdirSync(s.folder)).toEqual([]);
    expect((await s.backup.status()).enabled).toBe(false);
  });

  it('refuses a short password and keeps none', async () => {
    const s = await setup({ password: null });
    await expect(s.backup.setPassword('short')).rejects.toMatchObject({ code: 'bad-input' });
    expect((await s.backup.status()).passwordSet).toBe(false);
  });
});

/** A tmpfs mounted for one test, or null (said in one line) where mounting is not permitted. */
function tmpfs(options: string): string | null {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'authdesk-backup-mnt-'));
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) {
    console.log(`[auto-backup] skipped a mount test: mount -t tmpfs not permitted here (${r.stderr.trim()})`);
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  cleanups.push(() => {
    spawnSync('umount', ['-l', dir]);
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

describe('failures become the status, and the vault is untouched', () => {
  it('a read-only folder: read-only, nothing else changes', async () => {
    const dir = tmpfs('size=1m,mode=0700');
    if (!dir) return;
    spawnSync('mount', ['-o', 'remount,ro', dir]);
    const s = await setup({ folder: dir });
    const metadata = path.join(s.dataDir, 'accounts.json');
    const before = readFileSync(metadata, 'utf8');
    const keysBefore = await s.vault.exportDrafts();
    s.clock.advance(1000);
    s.backup.vaultChanged();
    await s.afterDebounce();
    const status = await s.backup.status();
    expect(status.lastError).toMatchObject({ code: 'read-only', at: T0 + 1000 });
    expect(status.lastError!.message).toContain('EROFS');
    expect(status.lastSuccessAt).toBeNull();
    expect(readFileSync(metadata, 'utf8')).toBe(before);
    expect(await s.vault.exportDrafts()).toEqual(keysBefore);
    expect(readdirSync(dir)).toEqual([]);
    // "Back up now" reports the same cause to the person who pressed it.
    await expect(s.backup.runNow()).rejects.toMatchObject({ code: 'read-only' });
  });

  it('a full disk: disk-full, no half file left behind', async () => {
    const dir = tmpfs('size=8k,mode=0700');
    if (!dir) return;
    // Fill the file system to the last block.
    for (let i = 0; ; i++) {
      try {
        writeFileSync(path.join(dir, `filler-${i}`), Buffer.alloc(4096));
      } catch {
        rmSync(path.join(dir, `filler-${i}`), { force: true });
        break;
      }
    }
    const fillers = readdirSync(dir).sort();
    const many = Array.from({ length: 12 }, (_, i) => ({
      ...ACCOUNTS[0]!,
      name: `user${i}-${'x'.repeat(60)}`,
      secret: `JBSWY3DPEHPK3PX${'ABCDEFGHIJKL'[i]}`,
    }));
    const s = await setup({ folder: dir, accounts: many });
    s.backup.vaultChanged();
    await s.afterDebounce();
    expect((await s.backup.status()).lastError).toMatchObject({ code: 'disk-full' });
    expect(readdirSync(dir).sort()).toEqual(fillers);
  });

  it('the folder gone (a removed drive): backup-folder-missing, then fine once it is back', async () => {
    const s = await setup();
    rmSync(s.folder, { recursive: true });
    s.backup.vaultChanged();
    await s.afterDebounce();
    expect((await s.backup.status()).lastError).toMatchObject({ code: 'backup-folder-missing' });
    mkdirSync(s.folder);
    s.backup.vaultChanged();
    await s.afterDebounce();
    const status = await s.backup.status();
    expect(status.lastError).toBeNull();
    expect(ours(s.folder)).toHaveLength(1);
  });
});

describe('on quit', () => {
  it('flush writes a waiting backup at once, without its timer', async () => {
    const s = await setup();
    expect(s.backup.busy()).toBe(false);
    s.backup.vaultChanged();
    expect(s.backup.busy()).toBe(true);
    await s.backup.flush();
    expect(s.backup.busy()).toBe(false);
    expect(s.t.pending.size).toBe(0);
    expect(ours(s.folder)).toHaveLength(1);
    expect(await decrypt(path.join(s.folder, ours(s.folder)[0]!))).toHaveLength(3);
    await s.backup.flush(); // nothing waiting: no second file
    expect(ours(s.folder)).toHaveLength(1);
  });

  it('turning off drops a waiting backup, forgets the password and keeps the files written', async () => {
    const s = await setup();
    await s.backup.runNow();
    s.backup.vaultChanged();
    expect(s.t.pending.size).toBe(1);
    const status = await s.backup.turnOff();
    expect(status).toMatchObject({ enabled: false, passwordSet: false, folder: s.folder, pending: false });
    expect(await s.passwordStore.accounts()).toEqual([]); // gone from the keychain
    expect(s.t.pending.size).toBe(0); // the waiting backup was dropped
    s.backup.vaultChanged(); // off: the quiet period ends in nothing
    await s.afterDebounce();
    expect(ours(s.folder)).toHaveLength(1);
    expect((await s.backup.status()).lastError).toBeNull();
    expect(await decrypt(path.join(s.folder, ours(s.folder)[0]!))).toHaveLength(3);
  });
});

describe('on close', () => {
  it('drops a waiting backup, and resolves only after a running one has written its file and state', async () => {
    const s = await setup();
    let release = () => {};
    const exporting = new Promise<void>((resolve) => (release = resolve));
    // The real vault, held at exportDrafts: the backup is running when close() is called.
    const held = {
      list: () => s.vault.list(),
      exportDrafts: async () => {
        await exporting;
        return s.vault.exportDrafts();
      },
    };
    const backup = createAutoBackup({ ...s, vault: held, timers: s.t.timers, scrypt: FAST });
    backup.vaultChanged();
    s.t.fireAll(); // the quiet period ends: the backup starts and waits at exportDrafts
    expect(backup.busy()).toBe(true);

    let closed = false;
    const closing = backup.close().then(() => void (closed = true));
    backup.vaultChanged(); // closed: no new quiet period starts
    expect(s.t.pending.size).toBe(0);
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(closed).toBe(false); // still running: the data folder must not be removed yet
    expect(readdirSync(s.dataDir)).not.toContain(BACKUP_STATE_FILE);

    release();
    await closing;
    expect(ours(s.folder)).toHaveLength(1);
    expect(JSON.parse(readFileSync(path.join(s.dataDir, BACKUP_STATE_FILE), 'utf8'))).toMatchObject({
      lastSuccessAt: T0,
      lastError: null,
    });
  });

  it('with nothing waiting or running, resolves at once and writes nothing', async () => {
    const s = await setup();
    await s.backup.close();
    s.backup.vaultChanged();
    expect(s.t.pending.size).toBe(0);
    expect(ours(s.folder)).toEqual([]);
  });
});

describe('the reminder', () => {
  it('is due at 30 days, not at 30 days less a millisecond', async () => {
    const s = await setup();
    await s.backup.runNow();
    s.clock.set(T0 + 30 * DAY_MS - 1);
    expect((await s.backup.status()).reminder).toEqual({ due: false, days: 29 });
    s.clock.set(T0 + 30 * DAY_MS);
    expect((await s.backup.status()).reminder).toEqual({ due: true, days: 30 });
  });

  it('never backed up: due 30 days after accounts were first seen; a manual export counts; dismiss hides it for a week', async () => {
    const empty = await setup({ accounts: [], password: null });
    empty.clock.advance(100 * DAY_MS);
    expect((await empty.backup.status()).reminder).toEqual({ due: false, days: null });

    const s = await setup({ password: null });
    expect((await s.backup.status()).reminder).toEqual({ due: false, days: null }); // first seen now: no nag yet
    s.clock.advance(30 * DAY_MS - 1);
    expect((await s.backup.status()).reminder.due).toBe(false);
    s.clock.advance(1);
    expect((await s.backup.status()).reminder).toEqual({ due: true, days: null });
    await s.backup.dismissReminder();
    s.clock.advance(7 * DAY_MS - 1);
    expect((await s.backup.status()).reminder.due).toBe(false);
    s.clock.advance(1);
    expect((await s.backup.status()).reminder.due).toBe(true);
    await s.backup.recordManualBackup();
    expect(await s.backup.status()).toMatchObject({ lastSuccessAt: s.clock.now(), reminder: { due: false, days: 0 } });
  });
});
