/**
 * "Export & back up" in real Chromium against the real handlers and keychain
 * (web bridge; the test plays the save/open dialogs and records the window
 * protection). An encrypted backup with the password typed twice (too short,
 * different, then right), read back by its importer; that backup verified
 * (wrong password, then a match); the recovery sheet behind its confirmation;
 * the plain list behind its warning; Google Authenticator QR codes one at a
 * time ("1 of 2") with protection on while shown. Screenshots in English and
 * Norwegian in test-results/export-*.png. The page never holds a secret.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock';
import { readImport } from '../../core/transfer/index';
import type { ExportShell } from '../../electron/handlers/export-shell';
import { useAppSession } from '../support/app-session';
import { screenshot } from '../support/browser';
import { repoRoot } from '../support/vectors';

const T = 1_700_000_000_000;
const PASSWORD = 'correct horse battery';
const dir = mkdtempSync(path.join(tmpdir(), 'authdesk-e2e-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ACCOUNTS = Array.from({ length: 12 }, (_, i) => ({
  issuer: `Service ${i + 1}`,
  name: `user${i + 1}@uio.no`,
  secret: `ONSWG4TFOQQG63T${'ABCDEFGHIJKL'[i]}`.padEnd(16, 'A'),
}));
const SECRETS = ACCOUNTS.map((a) => a.secret);

/** The shell's part: saves go to a new folder per test under the suggested name; verify opens the last save. */
let saved: string[] = [];
let protection: boolean[] = [];
let folder = dir;
const shell: ExportShell = {
  chooseSaveFile: async ({ defaultName }) => {
    saved.push(path.join(folder, defaultName));
    return saved.at(-1)!;
  },
  chooseBackupFile: async () => saved.at(-1) ?? null,
  protectWindow: async (on) => void protection.push(on),
};

const session = useAppSession({
  bridge: () => {
    saved = [];
    protection = [];
    folder = mkdtempSync(path.join(dir, 'run-'));
    return { clock: fixedClock(T), exportShell: shell };
  },
});

async function open(language: 'en' | 'nb', count: number, options: Record<string, unknown> = {}): Promise<Page> {
  await session.bridge.call('settings.set', { language });
  for (const a of ACCOUNTS.slice(0, count)) await session.bridge.call('accounts.add', { manual: a });
  const { page } = await session.open({ frozenAt: T, ...options });
  await page.getByRole('button', { name: language === 'en' ? 'Settings' : 'Innstillinger' }).click();
  await page.getByTestId('open-export').click();
  await page.getByTestId('export-view').waitFor();
  return page;
}

async function expectNoSecretIn(page: Page): Promise<void> {
  // The QR images encode secrets as pictures (that is the hand-off); every other byte of the page must not.
  const html = (await page.content()).replace(/data:image\/png;base64,[A-Za-z0-9+/=]+/g, 'PNG');
  for (const secret of SECRETS) expect(html).not.toContain(secret);
  expect(html).not.toContain(PASSWORD);
}

/** Serious and critical axe-core violations (as tests/e2e/a11y.test.ts; the page must be opened with bypassCSP). */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.addScriptTag({ path: path.join(repoRoot, 'node_modules/axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    type Found = { id: string; impact: string | null; nodes: { target: string[] }[] };
    const axe = (window as unknown as { axe: { run(d: Document, o: object): Promise<{ violations: Found[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const TEXT = {
  en: {
    short: 'at least 8 characters',
    differ: 'The passwords differ.',
    written: 'Saved 3 accounts to',
    wrong: 'That password is not right.',
    match: '3 accounts match (Authdesk backup,',
    ok: 'The backup matches',
    sheetWarning: 'holds every secret key in clear text',
    sheetDone: 'Recovery sheet with 3 accounts saved',
    sheetTitle: 'Authdesk recovery sheet',
  },
  nb: {
    short: 'minst 8 tegn',
    differ: 'Passordene er ulike.',
    written: 'Lagret 3 kontoer i',
    wrong: 'Det passordet er ikke riktig.',
    match: '3 kontoer stemmer (Authdesk-sikkerhetskopi,',
    ok: 'Sikkerhetskopien stemmer',
    sheetWarning: 'inneholder alle hemmelige nøkler i klartekst',
    sheetDone: 'Gjenopprettingsark med 3 kontoer lagret',
    sheetTitle: 'Authdesk-gjenopprettingsark',
  },
} as const;

describe('export & back up', () => {
  for (const language of ['en', 'nb'] as const) {
    const t = TEXT[language];
    it(`encrypted backup (password twice), verified, then the recovery sheet behind its confirmation (${language})`, async () => {
      const page = await open(language, 3);
      const problem = page.getByTestId('export-problem');
      await page.getByTestId('export-password').fill('short');
      await page.getByTestId('export-password-again').fill('short');
      await page.getByTestId('export-go').click();
      expect(await problem.textContent()).toContain(t.short);
      await page.getByTestId('export-password').fill(PASSWORD);
      await page.getByTestId('export-password-again').fill(`${PASSWORD}!`);
      await page.getByTestId('export-go').click();
      expect(await problem.textContent()).toContain(t.differ);
      expect(saved).toEqual([]); // nothing asked of main yet
      await screenshot(page, `export-passwords-differ-${language}`);

      await page.getByTestId('export-password-again').fill(PASSWORD);
      await page.getByTestId('export-go').click();
      const done = page.getByTestId('export-done');
      await done.waitFor();
      expect(await done.textContent()).toContain(t.written);
      expect(saved).toEqual([path.join(folder, 'authdesk-backup-2023-11-14.json')]);
      const back = await readImport(saved[0]!, { password: PASSWORD });
      expect(back.entries.map((e) => e.secret).sort()).toEqual(SECRETS.slice(0, 3).sort());
      expect(await page.getByTestId('export-password').inputValue()).toBe(''); // not kept after use
      await expectNoSecretIn(page);
      await screenshot(page, `export-backup-${language}`);

      // Verify: the backup just written, a wrong password, then the right one.
      await page.getByTestId('verify-choose').click();
      await page.getByTestId('verify-password').fill('not the password');
      await page.getByTestId('verify-go').click();
      const verifyError = page.getByTestId('verify-error');
      await expect.poll(() => verifyError.getAttribute('data-code'), { timeout: 20_000 }).toBe('wrong-password');
      expect(await verifyError.textContent()).toContain(t.wrong);
      await page.getByTestId('verify-password').fill(PASSWORD);
      await page.getByTestId('verify-go').click();
      const report = page.getByTestId('verify-report');
      await report.waitFor({ timeout: 20_000 });
      expect(await report.getAttribute('data-ok')).toBe('true');
      expect(await report.textContent()).toContain(t.match);
      expect(await report.textContent()).toContain(t.ok);
      await report.scrollIntoViewIfNeeded();
      await screenshot(page, `export-verify-${language}`);

      // The recovery sheet: nothing written until the confirmation is answered.
      await page.getByTestId('sheet-start').click();
      const confirm = page.getByTestId('sheet-confirm');
      expect(await confirm.textContent()).toContain(t.sheetWarning);
      expect(saved).toHaveLength(1);
      await confirm.scrollIntoViewIfNeeded();
      await screenshot(page, `export-sheet-${language}`);
      await page.getByTestId('sheet-save').click();
      await page.getByTestId('sheet-done').waitFor();
      expect(await page.getByTestId('sheet-done').textContent()).toContain(t.sheetDone);
      const html = readFileSync(saved[1]!, 'utf8');
      expect(html).toContain(t.sheetTitle);
      expect(html.match(/data:image\/png;base64,/g)).toHaveLength(3);
      await expectNoSecretIn(page);
    }, 90_000);
  }

  for (const language of ['en', 'nb'] as const) {
    it(`Google Authenticator QR codes: warning first, then 1 of 2 and 2 of 2, protected while shown (${language})`, async () => {
      const page = await open(language, 12);
      await page.locator('input[value="qr"]').check();
      await page.getByTestId('export-warning').waitFor();
      await page.getByTestId('export-go').click();
      await page.getByTestId('export-problem').waitFor(); // not ticked yet: nothing shown
      expect(protection).toEqual([]);
      await page.getByTestId('export-understood').check();
      await page.getByTestId('export-go').click();
      const progress = page.getByTestId('export-qr-progress');
      await progress.getByText(language === 'en' ? '1 of 2' : '1 av 2').waitFor();
      expect(protection).toEqual([true]);
      const image = page.locator('.export-qr-image');
      expect(await image.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
      await page.getByRole('button', { name: language === 'en' ? 'Next' : 'Neste' }).click();
      await progress.getByText(language === 'en' ? '2 of 2' : '2 av 2').waitFor();
      await expectNoSecretIn(page);
      await screenshot(page, `export-qr-${language}`);
      await page.getByTestId('export-qr-close').click();
      await page.getByTestId('export-form').waitFor();
      await expect.poll(() => protection).toEqual([true, false]);
    }, 60_000);
  }

  it('the plain list: a clear warning, written only after "I understand" (en)', async () => {
    const page = await open('en', 2);
    await page.locator('input[value="otpauth"]').check();
    expect(await page.getByTestId('export-warning').textContent()).toContain('plain text');
    await page.getByTestId('export-go').click();
    expect(await page.getByTestId('export-problem').textContent()).toContain('Tick the box');
    expect(saved).toEqual([]);
    await screenshot(page, 'export-plain-warning-en');
    await page.getByTestId('export-understood').check();
    await page.getByTestId('export-go').click();
    await page.getByTestId('export-done').waitFor();
    expect(existsSync(saved[0]!)).toBe(true);
    expect((await readImport(saved[0]!)).entries).toHaveLength(2);
  });

  for (const language of ['en', 'nb'] as const) {
    const t =
      language === 'en'
        ? {
            actions: 'Actions for Service 1',
            item: 'Show QR code for phone',
            show: 'Show secret',
            done: 'Done, hide the code',
          }
        : {
            actions: 'Handlinger for Service 1',
            item: 'Vis QR-kode for telefon',
            show: 'Vis hemmeligheten',
            done: 'Ferdig, skjul koden',
          };
    it(`"Show QR code for phone" from the row menu: confirmation, then the code, protected until closed (${language})`, async () => {
      await session.bridge.call('settings.set', { language });
      await session.bridge.call('accounts.add', { manual: ACCOUNTS[0]! });
      const { page } = await session.open({ frozenAt: T });
      await page.getByRole('button', { name: t.actions }).click();
      await page.getByRole('menuitem', { name: t.item }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('account-qr-confirm').waitFor();
      expect(await dialog.locator('img').count()).toBe(0); // nothing asked of main before the confirmation
      expect(protection).toEqual([]);
      await screenshot(page, `export-account-qr-confirm-${language}`);

      await dialog.getByRole('button', { name: t.show }).click();
      const image = dialog.locator('img.export-qr-image');
      await image.waitFor();
      expect(await image.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
      expect(protection).toEqual([true]);
      await expectNoSecretIn(page);
      await screenshot(page, `export-account-qr-${language}`);

      await dialog.getByRole('button', { name: t.done }).click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => protection).toEqual([true, false]);
    });
  }

  it('Escape closes the account QR dialog and lifts the protection; axe finds nothing serious in it', async () => {
    await session.bridge.call('settings.set', { language: 'en' });
    await session.bridge.call('accounts.add', { manual: ACCOUNTS[0]! });
    const { page } = await session.open({ frozenAt: T, clockRuns: true, bypassCSP: true });
    await page.getByRole('button', { name: 'Actions for Service 1' }).click();
    await page.getByRole('menuitem', { name: 'Show QR code for phone' }).click();
    await page.getByRole('button', { name: 'Show secret' }).click();
    await page.locator('img.export-qr-image').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // Tab and Shift+Tab stay in the dialog (its one button, "Done"), never reaching the list behind it.
    const focusInDialog = () => page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]')));
    for (const key of ['Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Tab']) {
      await page.keyboard.press(key);
      expect(await focusInDialog()).toBe(true);
    }
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect.poll(() => protection).toEqual([true, false]);
  });

  it('the export page and the QR viewer pass an axe audit (dark theme)', async () => {
    const page = await open('en', 2, { clockRuns: true, colorScheme: 'dark', bypassCSP: true });
    await page.locator('input[value="otpauth"]').check();
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('input[value="qr"]').check();
    await page.getByTestId('export-understood').check();
    await page.getByTestId('export-go').click();
    await page.getByTestId('export-qr').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
});
