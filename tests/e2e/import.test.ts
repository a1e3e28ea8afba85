/**
 * Importing in real Chromium against the real handlers and keychain (web
 * bridge): "Import from another app" with an encrypted file (the bridge
 * stands in for the open dialog), wrong then right password, the preview
 * with the duplicate left out, Import; and Google Authenticator transfer
 * codes pasted one after the other ("1 of 2 scanned"), then Import; a
 * ZipCrypto zip whose wrong password passes its one-byte check.
 * Screenshots in English and Norwegian in test-results/.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import type { Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { AccountDraft } from '../../common/otp/types';
import { fixedClock } from '../../core/clock';
import { exportAegisEncrypted, exportMigration } from '../../core/transfer/index';
import { useAppSession } from '../support/app-session';
import { screenshot } from '../support/browser';
import { repoRoot } from '../support/vectors';
import { passwordsAgainstTheCheckByte, zipCryptoZip } from '../support/zipcrypto';

const T = 1_700_000_000_000;
const PASSWORD = 'correct horse battery';
const dir = mkdtempSync(path.join(tmpdir(), 'authdesk-e2e-import-'));
const exportFile = path.join(dir, 'aegis-export.json');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const draft = (issuer: string, name: string, secret: string, extra: Partial<AccountDraft> = {}): AccountDraft =>
  ({ type: 'totp', issuer, name, secret, algorithm: 'SHA1', digits: 6, period: 30, ...extra }) as AccountDraft;
const EXISTING = draft('GitHub', 'octo', 'JBSWY3DPEHPK3PXP');
const IN_FILE = [
  EXISTING,
  draft('Example', 'alice@example.org', 'GEZDGNBVGY3TQOJQGEZDGNBV'),
  draft('Proton', 'bob', 'MFRGGZDFMZTWQ2LKMFRGGZDF', { type: 'hotp', counter: 4 } as Partial<AccountDraft>),
];
const TRANSFER = Array.from({ length: 12 }, (_, i) =>
  draft(`Service ${i + 1}`, `user${i + 1}@uio.no`, `ONSWG4TFOQQG63T${'ABCDEFGHIJKL'[i]}`.padEnd(16, 'A')),
);
const SECRETS = [...IN_FILE, ...TRANSFER].map((a) => a.secret);

const session = useAppSession({
  bridge: () => ({ clock: fixedClock(T), chooseImportFile: async () => exportFile }),
});

/** frozen: the page clock paused at T (the list shows codes); the scan screen needs React's timers running. */
async function open(language: 'en' | 'nb', frozen = true): Promise<Page> {
  await session.bridge.call('settings.set', { language });
  return (await session.open(frozen ? { frozenAt: T } : {})).page;
}

/** The buttons from the account list to the import page's file dialog, in each UI language. */
const TO_IMPORT = {
  en: ['Settings', 'Import from another app', 'Choose file…'],
  nb: ['Innstillinger', 'Importer fra en annen app', 'Velg fil …'],
} as const;

/** Opens the app in `language`, goes to Settings → Import from another app and chooses the file (exportFile). */
async function chooseFileToImport(language: 'en' | 'nb'): Promise<{ page: Page; problem: Locator }> {
  const page = await open(language);
  for (const name of TO_IMPORT[language]) await page.getByRole('button', { name }).click();
  return { page, problem: page.getByTestId('import-problem') };
}

/** Pastes text the way a browser delivers Ctrl+V: the app-wide listener starts the scan screen. */
async function paste(page: Page, text: string): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate((t) => {
        const data = new DataTransfer();
        data.setData('text/plain', t);
        return !document.body.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        );
      }, text),
    )
    .toBe(true);
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

async function expectNoSecretIn(page: Page): Promise<void> {
  const html = await page.content();
  for (const secret of SECRETS) expect(html).not.toContain(secret);
  expect(html).not.toContain(PASSWORD);
}

describe('import from another app', () => {
  for (const [language, t] of [
    [
      'en',
      {
        password: 'Password of the file',
        open: 'Open',
        wrong: 'That password is not right.',
        importN: 'Import 2 accounts',
        done: '2 accounts imported.',
        toList: 'Show the accounts',
        found: 'Aegis (encrypted): 3 accounts found',
      },
    ],
    [
      'nb',
      {
        password: 'Passordet til filen',
        open: 'Åpne',
        wrong: 'Det passordet er ikke riktig.',
        importN: 'Importer 2 kontoer',
        done: '2 kontoer importert.',
        toList: 'Vis kontoene',
        found: 'Aegis (kryptert)',
      },
    ],
  ] as const) {
    it(`encrypted file: wrong then right password, preview with the duplicate left out, Import (${language})`, async () => {
      writeFileSync(exportFile, await exportAegisEncrypted(IN_FILE, PASSWORD, { scryptN: 1024 }));
      await session.bridge.call('accounts.add', {
        manual: { issuer: 'GitHub', name: 'octo', secret: EXISTING.secret },
      });
      const { page, problem } = await chooseFileToImport(language);
      await expect.poll(() => problem.getAttribute('data-code')).toBe('password-required');
      await page.getByLabel(t.password).fill('not it');
      await page.getByRole('button', { name: t.open, exact: true }).click();
      await expect.poll(() => problem.getAttribute('data-code')).toBe('wrong-password');
      expect(await problem.textContent()).toContain(t.wrong);
      await page.getByLabel(t.password).fill(PASSWORD);
      await page.getByRole('button', { name: t.open, exact: true }).click();

      const rows = page.getByTestId('import-item');
      await page.getByTestId('import-preview').waitFor();
      expect(await rows.count()).toBe(3);
      expect(await page.getByTestId('import-found').textContent()).toContain(t.found); // the format named in the UI's language
      expect(await rows.nth(0).getAttribute('data-duplicate')).toBe('true');
      expect(await rows.nth(0).getByRole('checkbox').isChecked()).toBe(false);
      expect(await rows.nth(1).getByRole('checkbox').isChecked()).toBe(true);
      expect(await rows.nth(2).textContent()).toContain('Proton');
      await expectNoSecretIn(page);
      expect((await session.bridge.call('accounts.list')).length).toBe(1); // nothing written before Import
      await page.getByTestId('import-commit').scrollIntoViewIfNeeded();
      await screenshot(page, `import-preview-${language}`);

      await page.getByRole('button', { name: t.importN }).click();
      await page.getByText(t.done).waitFor();
      const names = (await session.bridge.call('accounts.list')).map((a) => a.issuer).sort();
      expect(names).toEqual(['Example', 'GitHub', 'Proton']);
      await page.getByRole('button', { name: t.toList }).click();
      await page.getByText('alice@example.org').first().waitFor();
    });
  }
});

describe('files that cannot be read as they are', () => {
  it('an unknown format lists the known ones; a damaged file says what and where (en)', async () => {
    writeFileSync(exportFile, 'shopping list\nmilk\n');
    const { page, problem } = await chooseFileToImport('en');
    await expect.poll(() => problem.getAttribute('data-code')).toBe('unknown-format');
    expect(await problem.textContent()).toMatch(/Formats Authdesk reads: .*Aegis.*2FAS/);
    // Forcing a format reads the same file again with that importer.
    await page.getByLabel('Format').selectOption('aegis');
    await page.getByRole('button', { name: 'Try this format' }).click();
    await expect.poll(() => problem.getAttribute('data-code')).not.toBe('unknown-format');

    writeFileSync(exportFile, '{"version":1,"header":{"slots":null},"db":{"entries":[{"type":"totp"');
    await page.getByLabel('Format').selectOption('');
    await page.getByRole('button', { name: 'Choose another file…' }).click();
    // The forced Aegis read above already left a damaged-file problem: wait for the new file's own sentence.
    await expect
      .poll(() => problem.textContent())
      .toContain('aegis-export.json (Aegis) is damaged: it stops being valid JSON');
    expect(await problem.getAttribute('data-code')).toBe('damaged-file');
    expect(await session.bridge.call('accounts.list')).toEqual([]);
  });

  it('a ZipCrypto backup with a wrong password past its one-byte check: says both, asks again, the right one opens it (nb)', async () => {
    const zip = await zipCryptoZip(
      { 'Accounts.txt': 'otpauth://totp/Example:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBV\n' },
      PASSWORD,
    );
    writeFileSync(exportFile, zip);
    const { passesCheck } = await passwordsAgainstTheCheckByte(zip);
    const { page, problem } = await chooseFileToImport('nb');
    await expect.poll(() => problem.getAttribute('data-code')).toBe('password-required');
    await page.getByLabel('Passordet til filen').fill(passesCheck);
    await page.getByRole('button', { name: 'Åpne', exact: true }).click();
    await expect.poll(() => problem.getAttribute('data-code')).toBe('wrong-password-or-damaged');
    expect(await problem.textContent()).toContain('passordet er feil, eller filen er skadet');
    await screenshot(page, 'import-wrong-password-or-damaged-nb');
    await page.getByLabel('Passordet til filen').fill(PASSWORD); // the box is still there
    await page.getByRole('button', { name: 'Åpne', exact: true }).click();
    await page.getByTestId('import-preview').waitFor();
    expect(await page.getByTestId('import-item').count()).toBe(1);
    expect(await session.bridge.call('accounts.list')).toEqual([]);
  });
});

describe('Google Authenticator transfer codes', () => {
  for (const [language, t] of [
    [
      'en',
      {
        progress: '1 of 2 scanned',
        complete: '2 of 2 scanned',
        importN: 'Import 12 accounts',
        done: '12 accounts imported.',
      },
    ],
    [
      'nb',
      {
        progress: '1 av 2 skannet',
        complete: '2 av 2 skannet',
        importN: 'Importer 12 kontoer',
        done: '12 kontoer importert.',
      },
    ],
  ] as const) {
    it(`two codes pasted in reverse order: "1 of 2", then the preview, then Import (${language})`, async () => {
      const { uris } = exportMigration(TRANSFER, 777);
      const page = await open(language, false);
      await paste(page, uris[1]!);
      const progress = page.getByTestId('transfer-progress');
      await progress.getByText(t.progress).waitFor();
      expect(await page.getByTestId('import-item').count()).toBe(2);
      await expectNoSecretIn(page);
      await screenshot(page, `transfer-batch-${language}`);

      await paste(page, uris[0]!);
      await progress.getByText(t.complete).waitFor();
      expect(await page.getByTestId('import-item').count()).toBe(12);
      await expectNoSecretIn(page);
      await screenshot(page, `transfer-preview-${language}`);
      expect(await session.bridge.call('accounts.list')).toEqual([]);

      await page.getByRole('button', { name: t.importN }).click();
      await page.getByText(t.done).waitFor();
      expect((await session.bridge.call('accounts.list')).length).toBe(12);
    });
  }

  it('Cancel drops the batch: a code of another export then starts afresh (en)', async () => {
    const first = exportMigration(TRANSFER, 11).uris;
    const other = exportMigration(TRANSFER, 22).uris;
    const page = await open('en', false);
    await paste(page, first[0]!);
    const progress = page.getByTestId('transfer-progress');
    await progress.getByText('1 of 2 scanned').waitFor();
    await page.getByTestId('transfer-card').getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('transfer-card').waitFor({ state: 'detached' });
    await paste(page, other[1]!);
    await progress.getByText('1 of 2 scanned').waitFor();
    expect(await page.getByTestId('transfer-card').textContent()).toContain('missing: 1');
  });

  it('the import page and the transfer card pass an axe audit (dark theme)', async () => {
    writeFileSync(exportFile, await exportAegisEncrypted(IN_FILE, PASSWORD, { scryptN: 1024 }));
    await session.bridge.call('settings.set', { language: 'en' });
    const { page } = await session.open({ frozenAt: T, clockRuns: true, colorScheme: 'dark', bypassCSP: true });
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Import from another app' }).click();
    await page.getByRole('button', { name: 'Choose file…' }).click();
    await page.getByLabel('Password of the file').fill(PASSWORD);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await page.getByTestId('import-preview').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await paste(page, exportMigration(TRANSFER, 5).uris[0]!);
    await page.getByTestId('transfer-progress').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('both QR codes of a transfer dropped as pictures at once: read, joined, complete (en)', async () => {
    const { uris } = exportMigration(TRANSFER, 31);
    const pngs = await Promise.all(
      uris.map(async (uri) => (await QRCode.toBuffer(uri, { type: 'png', scale: 4, margin: 4 })).toString('base64')),
    );
    const page = await open('en', false);
    await expect
      .poll(() =>
        page.evaluate((files) => {
          const data = new DataTransfer();
          files.forEach((b64, i) =>
            data.items.add(
              new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], `part${i + 1}.png`, { type: 'image/png' }),
            ),
          );
          document.body.dispatchEvent(
            new DragEvent('dragenter', { dataTransfer: data, bubbles: true, cancelable: true }),
          );
          return !document.body.dispatchEvent(
            new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
          );
        }, pngs),
      )
      .toBe(true);
    await page.getByTestId('transfer-progress').getByText('2 of 2 scanned').waitFor();
    expect(await page.getByTestId('import-item').count()).toBe(12);
    await expectNoSecretIn(page);
  });
});
