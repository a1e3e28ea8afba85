/**
 * The wiring of automatic backups in the app's services (the same code the
 * app and the web bridge run): a change made through the handlers, and a
 * change another process (the CLI) makes to accounts.json, each start the
 * quiet period; when it ends, one backup of the whole vault is written.
 * Real vault, real keychain (scripts/with-keyring.sh), real file watching;
 * only the backup's timer is fired by hand.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixedClock } from '../../../core/clock';
import { openVault, createSecretStore } from '../../../core/vault/index';
import { backupKeychainService, isAutomaticBackupName, type BackupTimers } from '../../../core/backup/index';
import { parseImport } from '../../../core/transfer/index';
import { invokeChannel } from '../../../electron/handlers';
import { createAppServices } from '../../../electron/app-services';
import { appInfo } from '../../../electron/app-info';
import { memoryClipboard } from '../../../devtools/web-bridge/memory-clipboard';
import type { EventName } from '../../../common/ipc/contract';
import { requireSecretService, uniqueServiceName } from '../../support/keychain';

requireSecretService();
const PASSWORD = 'correct horse battery';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function start() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'authdesk-services-backup-'));
  const folder = mkdtempSync(path.join(tmpdir(), 'authdesk-services-backup-out-'));
  const keychainService = uniqueServiceName('services-backup');
  const pending: (() => void)[] = [];
  const timers: BackupTimers = { set: (fn) => pending.push(fn), clear: () => void pending.splice(0) };
  const events: EventName[] = [];
  const clock = fixedClock(Date.UTC(2026, 11, 5, 9, 0, 0));
  const app = await createAppServices({
    dataDir,
    keychainService,
    clock,
    platform: {
      openExternal: async () => undefined,
      stepAside: async () => undefined,
      comeBack: async () => undefined,
      info: () => appInfo('0.0.0-test', 'linux', {}),
      displays: () => [],
    },
    emit: (name) => void events.push(name),
    desktop: { clipboard: memoryClipboard(), probe: async () => Promise.reject(new Error('offline')) },
    backupTimers: timers,
  });
  cleanups.push(async () => {
    await app.close();
    for (const service of [keychainService, backupKeychainService(keychainService)]) {
      const store = createSecretStore(service);
      for (const account of await store.accounts()) await store.delete(account);
    }
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(folder, { recursive: true, force: true });
  });
  const call = async (channel: Parameters<typeof invokeChannel>[1], input: unknown = {}) => {
    const outcome = await invokeChannel(app.handlers, channel, input);
    if (!outcome.ok) throw new Error(`${channel}: ${outcome.error.message}`);
    return outcome.value;
  };
  await call('settings.set', { backupFolder: folder });
  await call('backup.setPassword', { password: PASSWORD });
  /** Ends the quiet period and waits for the backup. */
  const fire = async () => {
    for (const fn of pending.splice(0)) fn();
    await app.backup.flush();
  };
  await fire(); // setting the password queued a first backup (of an empty vault: skipped)
  const backups = () => readdirSync(folder).filter((n) => isAutomaticBackupName(n));
  return { dataDir, keychainService, folder, app, call, pending, fire, backups, events, clock };
}

describe('automatic backups in the app services', () => {
  it('an account added through the handlers starts the quiet period; its end writes one backup', async () => {
    const s = await start();
    expect(s.backups()).toEqual([]);
    await s.call('accounts.add', { uri: 'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example' });
    expect(s.pending).toHaveLength(1);
    expect(s.events).toContain('backupChanged');
    await s.fire();
    expect(s.backups()).toHaveLength(1);
    const restored = await parseImport(readFileSync(path.join(s.folder, s.backups()[0]!)), 'backup', {
      password: PASSWORD,
    });
    expect(restored.entries.map((e) => e.name)).toEqual(['alice']);
  });

  it('a change by another process (the CLI writing accounts.json) starts it too', async () => {
    const s = await start();
    await s.call('accounts.list'); // the app's vault is open and watching
    const cli = await openVault({ dataDir: s.dataDir, secrets: createSecretStore(s.keychainService) });
    await cli.add({
      type: 'totp',
      issuer: 'Cli',
      name: 'bob',
      secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
    });
    await vi.waitFor(() => expect(s.pending).toHaveLength(1), { timeout: 5000 });
    await s.fire();
    expect(s.backups()).toHaveLength(1);
  });
});
