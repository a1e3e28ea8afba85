/**
 * Settings → Backups under an admin policy that fixes the backup folder: the
 * folder is shown, "Choose folder…" is disabled with "Set by your
 * organisation", and the backup goes to the policy's folder. Real Chromium,
 * real handlers, a real policy file.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPolicy } from '../../core/policy';
import { useAppSession } from '../support/app-session';
import { backupFilesWhenSettled } from '../support/backup-files';

const root = mkdtempSync(path.join(tmpdir(), 'authdesk-e2e-backup-policy-'));
const fixed = path.join(root, 'fixed-backups');
const policyFile = path.join(root, 'policy.json');
writeFileSync(policyFile, JSON.stringify({ backupFolder: fixed }));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let asked = 0;
const session = useAppSession({
  bridge: () => ({
    policy: loadPolicy(policyFile),
    chooseBackupFolder: async () => {
      asked++;
      return root;
    },
  }),
});

describe('a backup folder set by the policy', () => {
  it('is shown, cannot be changed, says who set it, and is where backups go', async () => {
    await session.bridge.call('accounts.add', {
      manual: { issuer: 'GitHub', name: 'octo', secret: 'JBSWY3DPEHPK3PXP' },
    });
    const { page } = await session.open();
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const section = page.getByRole('group', { name: 'Backups' });
    await expect.poll(() => section.getByTestId('backup-folder').textContent()).toBe(fixed);
    expect(await section.getByRole('button', { name: 'Choose folder…' }).isDisabled()).toBe(true);
    await section.getByText('Set by your organisation').waitFor();
    expect(asked).toBe(0);

    await section.getByLabel('Backup password', { exact: true }).fill('correct horse battery');
    await section.getByLabel('Repeat the backup password').fill('correct horse battery');
    await section.getByRole('button', { name: 'Set password' }).click();
    await section.getByText('Automatic backups are on.').waitFor();
    // Backups the organisation set up cannot be switched off here (main refuses it too).
    expect(await section.getByRole('button', { name: 'Turn off automatic backups' }).count()).toBe(0);
    // The policy's folder does not exist yet: the cause is named, nothing is created elsewhere.
    await section.getByRole('button', { name: 'Back up now' }).click();
    await expect
      .poll(() => section.getByTestId('backup-error').getAttribute('data-code'))
      .toBe('backup-folder-missing');
    mkdirSync(fixed);
    await section.getByRole('button', { name: 'Back up now' }).click();
    await section.getByText('Backup written.').waitFor();
    // An automatic backup may have run as well: every file there is a backup, and nothing was
    // written beside the policy.
    const written = await backupFilesWhenSettled(session.bridge, fixed);
    expect(written.length).toBeGreaterThanOrEqual(1);
    for (const name of written) expect(name).toMatch(/^authdesk-backup-\d{8}-\d{6}(-\d+)?\.json$/);
    expect(readdirSync(root).sort()).toEqual(['fixed-backups', 'policy.json']);
    expect(await section.getByTestId('backup-error').count()).toBe(0);
  });
});
