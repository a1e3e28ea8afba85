/**
 * An encrypted `authdesk export` counts as a backup for the app's reminder:
 * it records the time in backup-state.json, which the app's backup status
 * reads (core/backup). A plain otpauth export does not count.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBackupState, BACKUP_STATE_FILE } from '../../core/backup/index';
import { requireSecretService } from '../support/keychain';
import { useCliSandbox } from './support/cli-session';

requireSecretService();
const { box, run } = useCliSandbox('authdesk-cli-backup-state');
const work = mkdtempSync(path.join(os.tmpdir(), 'authdesk-cli-backup-state-files-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('encrypted exports count as backups', () => {
  it('a plain export does not, an encrypted one does', { timeout: 60_000 }, async () => {
    expect((await run('add', 'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example')).code).toBe(0);
    expect((await run('export', '--format', 'otpauth', '--out', path.join(work, 'links.txt'))).code).toBe(0);
    expect(existsSync(path.join(box.dataDir, BACKUP_STATE_FILE))).toBe(false);

    const passwordFile = path.join(work, 'password.txt');
    writeFileSync(passwordFile, 'correct horse battery\n');
    const before = Date.now();
    const r = await run(
      'export',
      '--format',
      'encrypted',
      '--out',
      path.join(work, 'b.json'),
      '--password-file',
      passwordFile,
    );
    expect(r.code, r.stderr).toBe(0);
    const state = await readBackupState(box.dataDir);
    expect(state.lastSuccessAt).toBeGreaterThanOrEqual(before);
    expect(state.lastSuccessAt).toBeLessThanOrEqual(Date.now());
  });
});
