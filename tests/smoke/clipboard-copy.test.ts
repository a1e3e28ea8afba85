/** Real Electron: a click copies the code through main (concealed), the page itself may not write the clipboard, and the code is cleared after clipboardClearSeconds. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeDesktop, launchDesktop, SMOKE_URI, type LaunchedApp } from './support-desktop';

const KDE_HINT = 'electron application/osclipboard;format="x-kde-passwordManagerHint"';
let l: LaunchedApp;

describeDesktop('smoke: copy and clear', () => {
  beforeAll(async () => {
    l = await launchDesktop();
    await l.api('accounts.add', { uri: SMOKE_URI });
    await l.api('settings.set', { clipboardClearSeconds: 2 });
  }, 120_000);
  afterAll(async () => l?.close());

  it('copies the shown code in main, marked for password managers', async () => {
    const row = l.window.locator('li', { hasText: 'ACME' });
    await row.locator('.code').waitFor();
    await row.locator('.row-copy').click();
    const shown = await row.locator('.code').getAttribute('data-code');
    await expect.poll(() => l.app.evaluate(({ clipboard }) => clipboard.readText())).toBe(shown);
    if (process.platform === 'linux')
      expect(await l.app.evaluate(({ clipboard }, f) => clipboard.has(f), KDE_HINT)).toBe(true);
  });

  it('the page cannot write the clipboard itself (clipboard-sanitized-write is refused)', async () => {
    const outcome = await l.window.evaluate(() =>
      navigator.clipboard.writeText('from the page').then(
        () => 'written',
        (err: Error) => err.name,
      ),
    );
    expect(outcome).toBe('NotAllowedError');
  });

  it('clears it after clipboardClearSeconds (the unit tests cover "not if something else was copied since")', async () => {
    await expect.poll(() => l.app.evaluate(({ clipboard }) => clipboard.readText()), { timeout: 10_000 }).toBe('');
  });
});
