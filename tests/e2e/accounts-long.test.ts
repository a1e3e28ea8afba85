/**
 * A long list in real Chromium (real handlers, vault, gnome-keyring): only a
 * window of rows is rendered, yet the keyboard reaches every account and
 * reorders persist; and the warning colour of the last 5 s of a period.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock';
import { launchBrowser, openApp, screenshot, type AppPage } from '../support/browser';
import { startTestBridge, type TestBridge } from '../support/bridge';

const T = 1_700_000_000_000; // 20 s into a 30 s period
const COUNT = 60;
const label = (i: number) => `Account ${String(i).padStart(2, '0')}`;

let browser: Browser;
let bridge: TestBridge;
let app: AppPage | undefined;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  bridge = await startTestBridge({ clock: fixedClock(T) });
  // Distinct 16-character base32 secrets (the vault refuses exact duplicates).
  const b32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  for (let i = 1; i <= COUNT; i++) {
    await bridge.call('accounts.add', {
      manual: { issuer: label(i), name: `user${i}`, secret: `JBSWY3DPEHPK3P${b32[i % 32]}${b32[Math.floor(i / 32)]}` },
    });
  }
});
afterAll(async () => {
  await browser?.close();
  await bridge?.cleanup();
});
afterEach(async () => {
  expect(app?.errors ?? []).toEqual([]);
  await app?.context.close();
  app = undefined;
});

async function open(at: number): Promise<void> {
  app = await openApp(browser, bridge, { frozenAt: at, viewport: { width: 1000, height: 700 } });
  page = app.page;
  await page.locator('li.row .code:not([data-code=""])').first().waitFor();
}

const focusedRowText = () => page.evaluate(() => document.activeElement?.closest('li')?.textContent ?? '');
const inViewport = (text: string) =>
  page.locator('li.row', { hasText: text }).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });

describe('a long account list', () => {
  it('renders a window of rows, and the keyboard still reaches and reorders every account', async () => {
    await open(T);
    const rendered = await page.locator('li.row').count();
    expect(rendered).toBeLessThan(COUNT);
    expect(await page.locator('li.row').first().getAttribute('aria-setsize')).toBe(String(COUNT));
    // 20 s into the period: no warning yet.
    expect(
      await page
        .locator('li.row .code-warn')
        .first()
        .evaluate((el) => getComputedStyle(el).opacity),
    ).toBe('0');

    await page.locator('li.row .row-copy').first().focus();
    await page.keyboard.press('End');
    await expect.poll(focusedRowText).toContain(label(COUNT));
    expect(await inViewport(label(COUNT))).toBe(true);
    await screenshot(page, 'accounts-long');

    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(async () => (await bridge.call('accounts.list')).at(-2)?.issuer).toBe(label(COUNT));
    expect(await focusedRowText()).toContain(label(COUNT));

    await page.keyboard.press('Home');
    await expect.poll(focusedRowText).toContain(label(1));
    expect(await inViewport(label(1))).toBe(true);
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    expect(await focusedRowText()).toContain(label(4));
  });

  it('turns the code and its bar to the warning colour in the last 5 s of the period', async () => {
    await open(T + 7_000); // 27 s into the period
    const warn = page.locator('li.row .code-warn').first();
    await expect.poll(() => warn.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    expect(
      await page
        .locator('li.row .countdown-fill.is-warn')
        .first()
        .evaluate((el) => getComputedStyle(el).opacity),
    ).toBe('1');
    await screenshot(page, 'accounts-warning');
  });
});
