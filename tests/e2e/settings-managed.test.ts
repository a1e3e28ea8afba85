/**
 * The settings page under an admin policy, the About entry and the opt-in
 * update notice, in real Chromium on the production bundle with the real
 * handlers. Policy files are real files in a temp folder.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPolicy } from '../../core/policy';
import type { UpdateCheckResult } from '../../common/ipc/contract';
import { useAppSession, type AppSession } from '../support/app-session';
import { screenshot } from '../support/browser';

const policies = mkdtempSync(path.join(tmpdir(), 'authdesk-e2e-policy-'));
afterAll(() => rmSync(policies, { recursive: true, force: true }));
function policyFile(name: string, content: string): string {
  const file = path.join(policies, name);
  writeFileSync(file, content);
  return file;
}

async function openMenu(session: AppSession, name = 'Settings'): Promise<Page> {
  const { page } = await session.open();
  await page.getByRole('button', { name }).click();
  await page.getByRole('heading', { name, level: 2 }).waitFor();
  return page;
}

describe('without a policy', () => {
  const session = useAppSession();

  it('shows the version and the commit under About, and the update check is off and free to change', async () => {
    const page = await openMenu(session);
    const about = page.getByRole('region', { name: 'About' });
    await about.getByText(/^Authdesk · Version \d+\.\d+\.\d+/).waitFor();
    await about.getByText(/^Build (unknown|[0-9a-f]{12}(-dirty)?)$/).waitFor();
    const updates = page.getByRole('checkbox', { name: 'Tell me about new versions' });
    expect(await updates.isChecked()).toBe(false);
    await updates.check();
    await expect.poll(async () => (await session.bridge.call('settings.get')).updateCheck).toBe(true);
    expect(await page.getByLabel('Language').isDisabled()).toBe(false);
  });
});

describe('under a policy', () => {
  const file = policyFile('managed.json', JSON.stringify({ language: 'nb', disableUpdateCheck: true }));
  const session = useAppSession({ bridge: () => ({ policy: loadPolicy(file) }) });

  it('locks the managed settings and says they are set by the organisation (in the language it sets)', async () => {
    const page = await openMenu(session, 'Innstillinger');
    const language = page.getByLabel('Språk');
    expect(await language.isDisabled()).toBe(true);
    expect(await language.inputValue()).toBe('nb');
    expect(await page.getByText('Bestemt av organisasjonen din').count()).toBe(2);
    expect(await page.getByRole('checkbox', { name: 'Si fra om nye versjoner' }).isDisabled()).toBe(true);
    await screenshot(page, 'settings-managed');
    // Main refuses it too, whatever a page sends.
    const outcome = await page.evaluate(() =>
      (
        window as unknown as { authenticator: { settings: { set(i: unknown): Promise<unknown> } } }
      ).authenticator.settings.set({
        language: 'en',
      }),
    );
    expect(outcome).toMatchObject({ ok: false, error: { code: 'managed-by-policy' } });
  });
});

describe('under a broken policy file', () => {
  const file = policyFile('broken.json', '{ "requireAppLock": "yes" }');
  const session = useAppSession({ bridge: () => ({ policy: loadPolicy(file) }) });

  it('shows the problem, naming the file, and nothing is locked', async () => {
    const page = await openMenu(session);
    const alert = page.getByRole('alert').filter({ hasText: "Problem in your organisation's policy file:" });
    await alert.waitFor();
    expect(await alert.textContent()).toContain(`Policy file ${file}: "requireAppLock" must be true or false`);
    expect(await page.getByLabel('Language').isDisabled()).toBe(false);
  });
});

describe('the update notice', () => {
  const newer: UpdateCheckResult = {
    status: 'newer',
    current: '0.1.0',
    latest: '0.2.0',
    downloadUrl: 'https://github.com/authdesk/authdesk/releases/tag/v0.2.0',
  };
  const session = useAppSession({ bridge: () => ({ checkUpdate: async () => newer }) });

  it('stays away until the user opts in, then tells and links to the download page', async () => {
    let { page } = await session.open();
    await page
      .getByRole('searchbox')
      .or(page.getByRole('heading', { name: 'No accounts yet' }))
      .first()
      .waitFor();
    expect(await page.getByRole('region', { name: 'New version' }).count()).toBe(0);

    await session.bridge.call('settings.set', { updateCheck: true });
    await session.closeApp();
    ({ page } = await session.open());
    const notice = page.getByRole('region', { name: 'New version' });
    await notice.getByText('Authdesk 0.2.0 is available (you have 0.1.0).').waitFor();
    await notice.getByRole('button', { name: 'Open the download page' }).click();
    await expect.poll(() => session.bridge.opened).toEqual([newer.downloadUrl]);
  });
});
