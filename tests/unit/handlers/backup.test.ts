/**
 * backup.* through the real handlers (invokeChannel, as the registry and the
 * web bridge call them): the folder dialog's answer is stored, a cancelled
 * dialog changes nothing, a policy-fixed folder never opens the dialog, the
 * password is checked by the contract and lands in the keychain, "Back up
 * now" writes a file the importer opens with that password.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPolicy } from '../../../core/policy';
import { parseImport } from '../../../core/transfer/index';
import { realHandlers } from './harness';

const PASSWORD = 'correct horse battery';
const temp: string[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
  for (const dir of temp.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = (name: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), `authdesk-backup-handlers-${name}-`));
  temp.push(dir);
  return dir;
};

async function harness(options: Parameters<typeof realHandlers>[1] = {}) {
  const h = await realHandlers('authdesk-backup-handlers', options);
  cleanups.push(() => h.cleanUp());
  await h.ok('accounts.add', { uri: 'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example' });
  return h;
}

describe('backup channels', () => {
  it('choose a folder, set a password, back up now: one file that opens with that password', async () => {
    const folder = tempDir('out');
    let answer: string | null = null;
    let asked = 0;
    const h = await harness({
      chooseBackupFolder: async () => {
        asked++;
        return answer;
      },
    });
    expect(await h.ok('backup.status', {})).toMatchObject({ folder: null, passwordSet: false, enabled: false });
    expect((await h.ok('backup.status', {})).reminder).toEqual({ due: false, days: null }); // 30 days from now

    // Cancelled: nothing stored.
    expect((await h.ok('backup.chooseFolder', {})).folder).toBeNull();
    answer = folder;
    expect(await h.ok('backup.chooseFolder', {})).toMatchObject({ folder, enabled: false });
    expect(asked).toBe(2);
    expect((await h.ok('settings.get', {})).backupFolder).toBe(folder);

    const short = await h.call('backup.setPassword', { password: 'short' });
    expect(short).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(await h.ok('backup.setPassword', { password: PASSWORD })).toMatchObject({
      passwordSet: true,
      enabled: true,
    });

    const status = await h.ok('backup.runNow', {});
    expect(status).toMatchObject({ lastError: null, lastSuccessAt: h.clock.now(), reminder: { due: false, days: 0 } });
    const files = readdirSync(folder);
    expect(files).toEqual([status.lastFile]);
    const restored = await parseImport(readFileSync(path.join(folder, files[0]!)), 'backup', { password: PASSWORD });
    expect(restored.entries).toEqual([
      expect.objectContaining({ issuer: 'Example', name: 'alice', secret: 'JBSWY3DPEHPK3PXP' }),
    ]);

    // Turned off: the password is forgotten, the file stays, a change writes nothing more.
    expect(await h.ok('backup.turnOff', {})).toMatchObject({ folder, passwordSet: false, enabled: false });
    await h.ok('accounts.add', { uri: 'otpauth://totp/Example:bob?secret=GEZDGNBVGY3TQOJQ&issuer=Example' });
    expect(await h.call('backup.runNow', {})).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(readdirSync(folder)).toEqual(files);
  });

  it('"Back up now" without a folder or password is refused with what is missing', async () => {
    const h = await harness();
    expect(await h.call('backup.runNow', {})).toMatchObject({
      ok: false,
      error: { code: 'bad-input', message: expect.stringContaining('backup password') },
    });
  });

  it('a folder fixed by the policy: the dialog never opens, and settings.set cannot change it', async () => {
    const policyDir = tempDir('policy');
    const fixed = tempDir('fixed');
    writeFileSync(path.join(policyDir, 'policy.json'), JSON.stringify({ backupFolder: fixed }));
    let asked = 0;
    const h = await harness({
      policy: loadPolicy(path.join(policyDir, 'policy.json')),
      chooseBackupFolder: async () => {
        asked++;
        return '/tmp';
      },
    });
    expect(await h.call('backup.chooseFolder', {})).toMatchObject({
      ok: false,
      error: { code: 'managed-by-policy', message: "The backup folder is set by your organisation's policy." },
    });
    expect(asked).toBe(0);
    // Nor can the backups the organisation set up be switched off.
    await h.ok('backup.setPassword', { password: PASSWORD });
    expect(await h.call('backup.turnOff', {})).toMatchObject({
      ok: false,
      error: { code: 'managed-by-policy', message: "Automatic backups are set by your organisation's policy." },
    });
    expect((await h.ok('backup.status', {})).passwordSet).toBe(true);
    expect(await h.call('settings.set', { backupFolder: '/tmp' })).toMatchObject({
      ok: false,
      error: { code: 'managed-by-policy' },
    });
    // The policy's folder is the one used.
    await h.ok('backup.setPassword', { password: PASSWORD });
    const status = await h.ok('backup.runNow', {});
    expect(status.folder).toBe(fixed);
    expect(readdirSync(fixed)).toEqual([status.lastFile]);
  });

  it('the keep count is a setting with limits', async () => {
    const h = await harness();
    expect((await h.ok('settings.set', { backupKeep: 3 })).backupKeep).toBe(3);
    expect((await h.ok('backup.status', {})).keep).toBe(3);
    expect(await h.call('settings.set', { backupKeep: 0 })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
  });

  it('an encrypted export from the export page counts as a backup for the reminder; the plain list does not', async () => {
    const out = tempDir('export');
    let n = 0;
    const h = await harness({
      exportShell: {
        chooseSaveFile: async ({ defaultName }) => path.join(out, `${++n}-${defaultName}`),
        chooseBackupFile: async () => null,
        protectWindow: async () => undefined,
      },
    });
    expect((await h.ok('backup.status', {})).lastSuccessAt).toBeNull();
    await h.ok('transfer.exportFile', { format: 'otpauth' });
    expect((await h.ok('backup.status', {})).lastSuccessAt).toBeNull();
    await h.ok('transfer.exportFile', { format: 'aegis', password: PASSWORD });
    expect((await h.ok('backup.status', {})).lastSuccessAt).toEqual(expect.any(Number));
  });
});
