/**
 * Managing accounts in the live window, in real Chromium against the real
 * handlers, vault and gnome-keyring: search (accents and case do not matter),
 * rename, delete with undo (the removal is sent only when the toast expires),
 * reorder by drag and by keyboard (persisted in the vault), a keyboard-only
 * flow, the dark theme and Norwegian. Page time is frozen; the undo window
 * passes with page.clock, never by sleeping.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock';
import { useAppSession } from '../support/app-session';
import { screenshot, type OpenAppOptions } from '../support/browser';
import { referenceTotp } from '../support/reference-otp';

const T = 1_700_000_000_000;
const SECRETS = ['JBSWY3DPEHPK3PXP', 'GEZDGNBVGY3TQOJQ', 'MFRGGZDFMZTWQ2LK', 'KRSXG5CTMVRXEZLU'];
const SEED = [
  { issuer: 'Zürich Bank', name: 'anna' },
  { issuer: 'GitHub', name: 'octo@example.com' },
  { issuer: 'Ålesund Kommune', name: 'ola' },
  { issuer: 'Proton', name: 'kari' },
];

const session = useAppSession({ bridge: () => ({ clock: fixedClock(T) }) });
let page: Page;

beforeEach(async () => {
  for (const [i, a] of SEED.entries())
    await session.bridge.call('accounts.add', { manual: { ...a, secret: SECRETS[i]! } });
});

async function open(options: OpenAppOptions = {}): Promise<void> {
  page = (await session.open({ frozenAt: T, ...options })).page;
  await page.locator('li.row').first().waitFor();
}

const row = (text: string) => page.locator('li.row', { hasText: text });
const shownIssuers = () => page.locator('li.row .issuer').allTextContents();
/** Opens a row's "⋯" menu and picks an item: rename, move and delete live there, out of the row's width. */
async function fromMenu(account: string, item: string): Promise<void> {
  await row(account)
    .getByRole('button', { name: `Actions for ${account}` })
    .click();
  await page.getByRole('menuitem', { name: item }).click();
}
const vaultIssuers = async () => (await session.bridge.call('accounts.list')).map((a) => a.issuer);

describe('managing accounts (real bridge, real keychain)', () => {
  it('lists every account with its code, in the vault order', async () => {
    await open();
    expect(await shownIssuers()).toEqual(SEED.map((a) => a.issuer));
    for (const [i, a] of SEED.entries()) {
      await expect
        .poll(() => row(a.issuer).locator('.code').getAttribute('data-code'))
        .toBe(referenceTotp(SECRETS[i]!, T));
    }
    await screenshot(page, 'accounts-list');
  });

  it('shows the next code on hover, or always with the settings toggle', async () => {
    await open();
    const next = row('GitHub').locator('.next');
    const expected = referenceTotp(SECRETS[1]!, T + 30_000);
    await expect.poll(() => next.textContent()).toBe(`Next ${expected.slice(0, 3)} ${expected.slice(3)}`);
    expect(await next.isVisible()).toBe(false);
    await row('GitHub').hover();
    expect(await next.isVisible()).toBe(true);

    await page.mouse.move(5, 700);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Always show the next code').check();
    await expect.poll(async () => (await session.bridge.call('settings.get')).showNextCode).toBe(true);
    await page.keyboard.press('Escape');
    expect(await row('Proton').locator('.next').isVisible()).toBe(true);
  });

  it('searches issuer and name as you type, ignoring accents and case; Ctrl+F and / focus the search', async () => {
    await open();
    const search = page.getByRole('searchbox', { name: 'Search accounts' });
    await row('GitHub').locator('.row-copy').focus();
    await page.keyboard.press('Control+f');
    expect(await search.evaluate((el) => el === document.activeElement)).toBe(true);

    await search.fill('zurich');
    expect(await shownIssuers()).toEqual(['Zürich Bank']);
    await search.fill('ALESUND');
    expect(await shownIssuers()).toEqual(['Ålesund Kommune']);
    await search.fill('octo');
    expect(await shownIssuers()).toEqual(['GitHub']);
    await search.fill('nothing-like-this');
    await page.getByText('Nothing matches').waitFor();
    await search.press('Escape');
    expect(await shownIssuers()).toHaveLength(4);

    await row('Proton').locator('.row-copy').focus();
    await page.keyboard.press('/');
    expect(await search.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('renames inline: Enter saves to the vault, Esc cancels', async () => {
    await open();
    await fromMenu('GitHub', 'Rename');
    const issuer = page.getByRole('textbox', { name: 'Service' });
    await issuer.fill('GitHub Enterprise');
    await issuer.press('Enter');
    await row('GitHub Enterprise').waitFor();
    expect(await vaultIssuers()).toContain('GitHub Enterprise');
    // Focus returns to the row, so the keyboard user can go on.
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.textContent ?? '')).toContain(
      'GitHub Enterprise',
    );

    await row('Proton').locator('.row-copy').focus();
    await page.keyboard.press('F2');
    await page.getByRole('textbox', { name: 'Service' }).fill('Not saved');
    await page.keyboard.press('Escape');
    await row('Proton').locator('.row-copy').waitFor();
    expect(await vaultIssuers()).toContain('Proton');
    expect(await vaultIssuers()).not.toContain('Not saved');
  });

  it('deletes with undo: nothing is removed while the toast is up, Undo brings the row back', async () => {
    await open();
    await fromMenu('Proton', 'Delete');
    await page.locator('.toast', { hasText: 'Proton deleted' }).waitFor();
    expect(await shownIssuers()).not.toContain('Proton');
    expect(await vaultIssuers()).toContain('Proton');
    await screenshot(page, 'delete-undo');

    await page.getByRole('button', { name: 'Undo' }).click();
    await row('Proton').waitFor();
    await page.clock.runFor(10_000); // well past the undo window: the cancelled removal must stay cancelled
    expect(await vaultIssuers()).toContain('Proton');
    expect(await shownIssuers()).toContain('Proton');
  });

  it('deletes for real once the undo window has passed', async () => {
    await open();
    await row('GitHub').locator('.row-copy').focus();
    await page.keyboard.press('Delete');
    await page.getByRole('button', { name: 'Undo' }).waitFor();
    await page.clock.runFor(4_000);
    expect(await vaultIssuers()).toContain('GitHub');
    await page.clock.runFor(1_100);
    await expect.poll(vaultIssuers).not.toContain('GitHub');
    await page.getByRole('button', { name: 'Undo' }).waitFor({ state: 'detached' });
    expect(await shownIssuers()).toEqual(['Zürich Bank', 'Ålesund Kommune', 'Proton']);
  });

  it('loses nothing when the window closes while the undo toast is up', async () => {
    await open();
    await fromMenu('Proton', 'Delete');
    await page.getByRole('button', { name: 'Undo' }).waitFor();
    await session.closeApp();
    expect(await vaultIssuers()).toContain('Proton');
  });

  it('the row menu works by keyboard: Enter opens it on the first item, arrows move, Esc returns to its button', async () => {
    await open();
    const menuButton = row('Zürich Bank').getByRole('button', { name: 'Actions for Zürich Bank' });
    await menuButton.focus();
    await page.keyboard.press('Enter');
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    expect(await focused()).toContain('Rename');
    await page.keyboard.press('ArrowDown'); // "Move up" is disabled on the first row: skipped
    expect(await focused()).toContain('Move down');
    await page.keyboard.press('Enter');
    await expect.poll(vaultIssuers).toEqual(['GitHub', 'Zürich Bank', 'Ålesund Kommune', 'Proton']);
    await menuButton.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    expect(await page.getByRole('menu').count()).toBe(0);
    expect(await menuButton.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('reorders by drag and drop, persisted in the vault', async () => {
    await open();
    await row('Proton').dragTo(row('Zürich Bank'), { targetPosition: { x: 200, y: 5 } });
    await expect.poll(vaultIssuers).toEqual(['Proton', 'Zürich Bank', 'GitHub', 'Ålesund Kommune']);
    expect(await shownIssuers()).toEqual(['Proton', 'Zürich Bank', 'GitHub', 'Ålesund Kommune']);
  });

  it('reorders with Alt+Arrow keys, keeping focus on the moved account', async () => {
    await open();
    await row('Zürich Bank').locator('.row-copy').focus();
    await page.keyboard.press('Alt+ArrowDown');
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(vaultIssuers).toEqual(['GitHub', 'Ålesund Kommune', 'Zürich Bank', 'Proton']);
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.textContent ?? '')).toContain(
      'Zürich Bank',
    );
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(vaultIssuers).toEqual(['GitHub', 'Zürich Bank', 'Ålesund Kommune', 'Proton']);
  });

  it('works with the keyboard alone: add by link, land on the new row, copy it', async () => {
    await open();
    // Tab from the top of the page to the header's add button, as a keyboard user would.
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      const name = await page.evaluate(() => document.activeElement?.textContent ?? '');
      if (name.includes('Add manually / paste link')) break;
    }
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA'); // the link field has focus
    await page.keyboard.type('otpauth://totp/Keyboard:kim?secret=JBSWY3DPEHPK3PXQ&issuer=Keyboard');
    await page.keyboard.press('Tab'); // to "Add account"
    await page.keyboard.press('Enter');
    await row('Keyboard').waitFor();
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.textContent ?? '')).toContain('Keyboard');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe(referenceTotp('JBSWY3DPEHPK3PXQ', T));
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.textContent ?? '')).toContain('Proton');
  });

  it('follows a dark OS theme', async () => {
    await open({ colorScheme: 'dark' });
    await expect
      .poll(() => row('Proton').locator('.code').getAttribute('data-code'))
      .toBe(referenceTotp(SECRETS[3]!, T));
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(background).toBe('rgb(14, 16, 20)');
    await screenshot(page, 'dark-mode');
  });

  it('switches to Norwegian bokmål from the settings page and remembers it', async () => {
    await open();
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Language').selectOption('nb');
    await page.getByRole('button', { name: 'Legg til manuelt / lim inn lenke' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nb');
    // The page switches at once; main's save may still be on its way (the provider keeps the pending change).
    await expect.poll(async () => (await session.bridge.call('settings.get')).language).toBe('nb');
    await page.getByRole('button', { name: 'Tilbake til kontoene' }).click();
    await screenshot(page, 'nb-language');

    await page.reload();
    await page.getByRole('searchbox', { name: 'Søk i kontoer' }).waitFor();
  });
});
