/**
 * The list at everyday window sizes (issue 8), in real Chromium on the
 * production bundle: at 360 and 440 px, with 8-digit codes, in English and
 * Norwegian, every issuer and account name is shown whole (no ellipsis:
 * scrollWidth <= clientWidth), the "Copied" badge never overlaps the next
 * code, and every other screen is usable at 360 px and at 200 % zoom.
 * Screenshots go to test-results/.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock';
import { useAppSession } from '../support/app-session';
import { screenshot, type OpenAppOptions } from '../support/browser';

const T = 1_700_000_000_000;
const SEED = [
  { issuer: 'GitHub', name: 'kari.nordmann@example.com', secret: 'JBSWY3DPEHPK3PXP', digits: 8 },
  { issuer: 'Microsoft', name: 'ola.nordmann@uio.no', secret: 'GEZDGNBVGY3TQOJQ', digits: 8 },
  { issuer: 'Educloud', name: 'p1234-kari', secret: 'MFRGGZDFMZTWQ2LK', digits: 6 },
  { issuer: 'Sparebank 1', name: 'kari', secret: 'KRSXG5CTMVRXEZLU', digits: 8, period: 60 },
];

const session = useAppSession({ bridge: () => ({ clock: fixedClock(T) }) });
let page: Page;

beforeEach(async () => {
  for (const account of SEED) await session.bridge.call('accounts.add', { manual: account });
});

async function open(width: number, language: 'en' | 'nb', options: OpenAppOptions = {}): Promise<void> {
  await session.bridge.call('settings.set', { language, showNextCode: true });
  page = (await session.open({ frozenAt: T, viewport: { width, height: 720 }, ...options })).page;
  await page.locator('li.row .code:not([data-code=""])').first().waitFor();
}

/** Texts the browser had to cut (ellipsis): their content is wider than their box. */
async function truncated(selector: string): Promise<string[]> {
  return page
    .locator(selector)
    .evaluateAll((els) =>
      els.filter((el) => el.scrollWidth > el.clientWidth || el.clientWidth === 0).map((el) => el.textContent ?? ''),
    );
}

/** Elements that stick out sideways (a horizontal scrollbar at this width), named for the failure message. */
const overflowsSideways = () =>
  page.evaluate(() => {
    const limit = document.documentElement.clientWidth + 0.5;
    return [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > limit && el.getClientRects().length > 0)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`)
      .slice(0, 8);
  });

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe.each([
  [360, 'en'],
  [440, 'en'],
  [360, 'nb'],
  [440, 'nb'],
] as const)('the list at %i px (%s)', (width, language) => {
  it('shows every issuer and account name whole, with 8-digit codes and the next code', async () => {
    await open(width, language);
    expect(await page.locator('li.row .issuer').allTextContents()).toEqual(SEED.map((a) => a.issuer));
    expect(await truncated('li.row .issuer')).toEqual([]);
    expect(await truncated('li.row .name')).toEqual([]);
    expect(await truncated('li.row .code')).toEqual([]);
    expect(await truncated('li.row .next')).toEqual([]);
    expect(await overflowsSideways()).toEqual([]);
    // The code is on screen in full: 8 digits as "1234 5678".
    expect(await page.locator('li.row').first().locator('.code').textContent()).toMatch(/^\d{4} \d{4}$/);
    await screenshot(page, `list-${width}-${language}`);
  });

  it('shows "Copied" without covering the next code or the code', async () => {
    await open(width, language);
    const first = page.locator('li.row').first();
    await first.locator('.row-copy').click();
    const badge = first.locator('.copied-badge');
    await expect.poll(() => badge.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    const [badgeBox, nextBox, codeBox] = await Promise.all([
      badge.boundingBox(),
      first.locator('.next').boundingBox(),
      first.locator('.code').boundingBox(),
    ]);
    expect(await first.locator('.next').isVisible()).toBe(true);
    expect(overlap(badgeBox!, nextBox!)).toBe(false);
    expect(overlap(badgeBox!, codeBox!)).toBe(false);
    expect(overlap(nextBox!, codeBox!)).toBe(false);
    if (width === 360) await screenshot(page, `list-copied-${width}-${language}`);
  });
});

describe('every screen at 360 px and at 200 % zoom', () => {
  // 200 % zoom of a 440 px window lays out like a 220 px wide page at twice the size.
  for (const [name, options] of [
    ['360', { viewport: { width: 360, height: 720 } }],
    ['zoom200', { viewport: { width: 220, height: 360 }, deviceScaleFactor: 2 }],
  ] as const) {
    it(`list, settings, add and guided set-up fit (${name})`, async () => {
      await session.bridge.call('settings.set', { showNextCode: true });
      page = (await session.open({ frozenAt: T, ...options })).page;
      await page.locator('li.row .code:not([data-code=""])').first().waitFor();
      expect(await truncated('li.row .issuer')).toEqual([]);
      expect(await truncated('li.row .name')).toEqual([]);
      expect(await overflowsSideways()).toEqual([]);
      // The sticky header stays one line: most of the window is left for the list.
      expect((await page.locator('.app-header').boundingBox())!.height).toBeLessThan(80);
      await screenshot(page, `list-${name}`);

      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByRole('heading', { name: 'Settings' }).waitFor();
      expect(await overflowsSideways()).toEqual([]);
      await screenshot(page, `settings-${name}`);

      await page.getByRole('button', { name: 'Add manually / paste link' }).first().click();
      await page.getByLabel('Setup link').waitFor();
      expect(await overflowsSideways()).toEqual([]);
      await screenshot(page, `add-${name}`);

      await page.getByRole('button', { name: 'Set up two-factor sign-in' }).first().click();
      await page.clock.runFor(1_000); // React reveals the lazily loaded view on a timer; the page clock is paused
      await page.getByRole('heading', { name: 'Open your portal' }).waitFor();
      expect(await overflowsSideways()).toEqual([]);
      await screenshot(page, `guided-${name}`);
    });
  }
});
