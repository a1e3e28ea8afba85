/**
 * Automatic backups in real Chromium, through the web bridge to the real
 * handlers (real vault and keychain, real files): Settings → Backups (folder
 * from the stand-in folder dialog, password twice, keep N, Back up now, the
 * last backup and a failure with its cause) and the "No backup for N days"
 * reminder, moved through time with the bridge's clock. Screenshots in
 * English and Norwegian: test-results/backup-*-en.png / -nb.png.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock';
import { parseImport } from '../../core/transfer/index';
import { useAppSession } from '../support/app-session';
import { backupFilesWhenSettled } from '../support/backup-files';
import { screenshot } from '../support/browser';

const T = 1_700_000_000_000;
const DAY = 24 * 60 * 60 * 1000;
const PASSWORD = 'correct horse battery';
let folder = '';
const clock = fixedClock(T);
const session = useAppSession({
  bridge: () => ({ clock, chooseBackupFolder: async () => folder }),
});

beforeEach(async () => {
  clock.set(T);
  folder = mkdtempSync(path.join(tmpdir(), 'authdesk-e2e-backups-'));
  await session.bridge.call('accounts.add', {
    manual: { issuer: 'GitHub', name: 'octo', secret: 'JBSWY3DPEHPK3PXP' },
  });
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

async function openBackups(locale?: string): Promise<Page> {
  const { page } = await session.open({ frozenAt: T, ...(locale ? { locale } : {}) });
  await page.locator('li.row').first().waitFor();
  await page.getByRole('button', { name: locale === 'nb-NO' ? 'Innstillinger' : 'Settings', exact: true }).click();
  return page;
}

describe('Settings → Backups', () => {
  it('chooses a folder, sets the password twice, backs up now: a file that opens with that password', async () => {
    const page = await openBackups();
    const section = page.getByRole('group', { name: 'Backups' });
    await section.getByText('Automatic backups are off until you choose a folder and set a backup password.').waitFor();
    expect(await section.getByRole('button', { name: 'Back up now' }).isDisabled()).toBe(true);

    await section.getByRole('button', { name: 'Choose folder…' }).click();
    await expect.poll(() => section.getByTestId('backup-folder').textContent()).toBe(folder);
    expect((await session.bridge.call('settings.get')).backupFolder).toBe(folder);

    // Too short, then two different ones: refused here, nothing reaches main.
    await section.getByLabel('Backup password', { exact: true }).fill('short');
    await section.getByLabel('Repeat the backup password').fill('short');
    await section.getByRole('button', { name: 'Set password' }).click();
    await section.getByText('The password needs at least 8 characters.').waitFor();
    await section.getByLabel('Backup password', { exact: true }).fill(PASSWORD);
    await section.getByLabel('Repeat the backup password').fill(`${PASSWORD}!`);
    await section.getByRole('button', { name: 'Set password' }).click();
    await section.getByText('The two passwords are not the same.').waitFor();
    expect((await session.bridge.call('backup.status')).passwordSet).toBe(false);

    await section.getByLabel('Repeat the backup password').fill(PASSWORD);
    await section.getByRole('button', { name: 'Set password' }).click();
    await section.getByText('Backup password saved.').waitFor();
    await section.getByText('A backup password is set (kept in your system keychain).').waitFor();
    await section.getByText('Automatic backups are on.').waitFor();
    expect(await section.getByLabel('Backup password', { exact: true }).inputValue()).toBe('');

    await section.getByLabel('Keep the newest').selectOption('5');
    await expect.poll(async () => (await session.bridge.call('settings.get')).backupKeep).toBe(5);

    await section.getByRole('button', { name: 'Back up now' }).click();
    await section.getByText('Backup written.').waitFor();
    // The automatic backup (3 s after the password was set) can run first on a slow machine; the
    // clock stands still, so its file takes this name and ours gets "-2": every file is a backup
    // of this moment.
    const files = await backupFilesWhenSettled(session.bridge, folder);
    expect(files.length).toBeGreaterThanOrEqual(1);
    for (const name of files) expect(name).toMatch(/^authdesk-backup-20231114-221320(-\d+)?\.json$/);
    await section.getByText(/^Last backup: .*\(authdesk-backup-20231114-221320(-\d+)?\.json\)$/).waitFor();
    const restored = await parseImport(readFileSync(path.join(folder, files[0]!)), 'backup', { password: PASSWORD });
    expect(restored.entries).toEqual([
      expect.objectContaining({ issuer: 'GitHub', name: 'octo', secret: 'JBSWY3DPEHPK3PXP' }),
    ]);
    // The page never got the password back from main.
    expect(JSON.stringify(await session.bridge.call('backup.status'))).not.toContain(PASSWORD);

    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'backup-settings-en');
    await page.getByLabel('Language').selectOption('nb');
    const nb = page.getByRole('group', { name: 'Sikkerhetskopier' });
    await nb.getByText('Automatisk sikkerhetskopiering er på.').waitFor();
    await nb.scrollIntoViewIfNeeded();
    await screenshot(page, 'backup-settings-nb');

    // Turned off: the password is forgotten, the file written stays.
    await nb.getByRole('button', { name: 'Slå av automatisk sikkerhetskopiering' }).click();
    await nb.getByText(/^Automatisk sikkerhetskopiering er av\. Sikkerhetskopiene som alt er i mappen/).waitFor();
    await expect.poll(async () => (await session.bridge.call('backup.status')).passwordSet).toBe(false);
    expect(await nb.getByRole('button', { name: 'Slå av automatisk sikkerhetskopiering' }).count()).toBe(0);
    expect(await nb.getByRole('button', { name: 'Ta sikkerhetskopi nå' }).isDisabled()).toBe(true);
    expect(readdirSync(folder)).toEqual(files);
  });

  it('a failed backup shows its cause, and the accounts are untouched', async () => {
    await session.bridge.call('settings.set', { backupFolder: folder });
    await session.bridge.call('backup.setPassword', { password: PASSWORD });
    rmSync(folder, { recursive: true, force: true }); // the USB drive was pulled out
    const page = await openBackups();
    const section = page.getByRole('group', { name: 'Backups' });
    await section.getByRole('button', { name: 'Back up now' }).click();
    await section
      .getByText(
        /^The last backup failed \(.+\): The backup folder is not there \(a removed USB drive or a network folder not connected\?\)/,
      )
      .first()
      .waitFor();
    expect(await section.getByTestId('backup-error').getAttribute('data-code')).toBe('backup-folder-missing');
    expect(await section.getByRole('alert').count()).toBe(1); // said once, not once per source
    expect((await session.bridge.call('accounts.list')).map((a) => a.name)).toEqual(['octo']);
    await section.getByTestId('backup-error').scrollIntoViewIfNeeded();
    await screenshot(page, 'backup-error-en');
  });
});

describe('the reminder', () => {
  it('never backed up: shown 30 days after the accounts were first seen; its button opens Backups', async () => {
    expect((await session.bridge.call('backup.status')).reminder.due).toBe(false); // first seen now
    clock.set(T + 30 * DAY);
    const { page } = await session.open({ frozenAt: T });
    const banner = page.getByRole('region', { name: 'Backup reminder' });
    await banner.getByText('Your accounts have never been backed up.').waitFor();
    await banner.getByRole('button', { name: 'Backup settings' }).click();
    const legend = page.getByRole('group', { name: 'Backups' }).locator('legend');
    await expect.poll(() => legend.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('not at 30 days less a millisecond, at 30 days; dismissed for a week (EN + NB)', async () => {
    await session.bridge.call('settings.set', { backupFolder: folder });
    await session.bridge.call('backup.setPassword', { password: PASSWORD });
    await session.bridge.call('backup.runNow');

    clock.set(T + 30 * DAY - 1);
    const { page } = await session.open({ frozenAt: T });
    const loaded = page.waitForResponse((r) => r.url().includes('/rpc/backup.status'));
    await page.reload();
    await loaded;
    await page.locator('li.row').first().waitFor();
    await page.clock.runFor(100); // the page's clock is paused: let React render what it got
    expect(await page.getByTestId('backup-reminder').count()).toBe(0);

    clock.set(T + 30 * DAY);
    await page.reload();
    const banner = page.getByRole('region', { name: 'Backup reminder' });
    await banner.getByText('No backup for 30 days.').waitFor();
    await screenshot(page, 'backup-reminder-en');

    await session.bridge.call('settings.set', { language: 'nb' });
    await page.reload();
    await page
      .getByRole('region', { name: 'Påminnelse om sikkerhetskopi' })
      .getByText('Ingen sikkerhetskopi på 30 dager.')
      .waitFor();
    await screenshot(page, 'backup-reminder-nb');

    await page.getByRole('button', { name: 'Minn meg på om en uke' }).click();
    await expect.poll(() => page.getByTestId('backup-reminder').count()).toBe(0);
    expect((await session.bridge.call('backup.status')).reminder.due).toBe(false);
    clock.set(T + 37 * DAY);
    expect((await session.bridge.call('backup.status')).reminder).toEqual({ due: true, days: 37 });
  });
});
