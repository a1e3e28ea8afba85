/**
 * The guided set-up end to end against the test portal, in English and in
 * Norwegian: the portal runs in a second Chromium window on the left of an
 * Xvfb screen and shows its QR code after "Set new OTP"; the app (headful, on
 * the right) scans the real screen, saves, shows the code; the test types
 * that code into the portal, which must accept it. Screenshots of every step
 * go to test-results/guided-<lang>-<n>-<step>.png.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../core/clock';
import { launchBrowser, openApp, screenshot } from '../support/browser';
import { startTestBridge, type TestBridge } from '../support/bridge';
import { referenceTotp } from '../support/reference-otp';
import { startTestPortal, type TestPortal } from '../support/test-portal';
import { startXvfb, type XServer } from '../support/xvfb';

const APP_WINDOW_ARGS = [
  '--auto-select-desktop-capture-source=Entire screen',
  '--window-position=900,0',
  '--window-size=1020,1000',
];

const words = {
  en: {
    guided: 'Set up two-factor sign-in',
    educloud: 'Sign in, go to Your Personal Data → OTP → Set new OTP.',
    ready: 'I can see the QR code',
    accepted: 'Did the portal accept the code?',
    clock: "This computer's time is",
  },
  nb: {
    guided: 'Sett opp tofaktorinnlogging',
    educloud: 'Logg inn, gå til Your Personal Data → OTP → Set new OTP.',
    ready: 'Jeg ser QR-koden',
    accepted: 'Godtok portalen koden?',
    clock: 'Klokka på denne datamaskinen er',
  },
} as const;
type Lang = keyof typeof words;

let x: XServer;
let bridge: TestBridge;
let browser: Browser;
let portalContext: BrowserContext;
let portalPage: Page;
const portals: TestPortal[] = [];

beforeAll(async () => {
  x = await startXvfb();
  // Real time: the portal checks the typed code against its own clock, as a real portal does.
  bridge = await startTestBridge({ clock: systemClock });
  browser = await launchBrowser({ headful: true, display: x.display, args: APP_WINDOW_ARGS });
  // The person's web browser, showing the portal on the left half of the screen.
  portalContext = await browser.newContext({ viewport: { width: 860, height: 900 } });
  portalPage = await portalContext.newPage();
  const cdp = await portalContext.newCDPSession(portalPage);
  const { windowId } = (await cdp.send('Browser.getWindowForTarget')) as { windowId: number };
  await cdp.send('Browser.setWindowBounds', { windowId, bounds: { left: 0, top: 0, width: 880, height: 1000 } });
});

afterAll(async () => {
  await browser?.close();
  await bridge?.cleanup();
  for (const p of portals) await p.close();
  await x?.stop();
});

async function openGuided(lang: Lang): Promise<Page> {
  await bridge.call('settings.set', { language: lang });
  const { page } = await openApp(browser, bridge);
  await page.locator('.app-header').getByRole('button', { name: words[lang].guided }).click();
  await page.getByTestId('guided-setup').waitFor();
  return page;
}

const step = (page: Page) => page.getByTestId('guided-setup').getAttribute('data-step');

/** Saves the previewed account and waits for step 4; returns the code shown, checked against the portal's secret. */
async function saveAndReadCode(page: Page, secret: string): Promise<string> {
  await page.getByTestId('enroll-preview').locator('button[type=submit]').click();
  await page.locator('[data-testid=guided-setup][data-step="4"]').waitFor();
  const code = page.getByTestId('enroll-code');
  await code.waitFor();
  const shown = (await code.getAttribute('data-code'))!;
  expect(shown).toBe(referenceTotp(secret, Number(await code.getAttribute('data-valid-from'))));
  return shown;
}

async function typeIntoPortal(code: string): Promise<void> {
  await portalPage.locator('#code').fill(code);
  await portalPage.locator('#confirm').click();
  await portalPage.locator('#result').waitFor();
}

async function walkThrough(lang: Lang) {
  const portal = await startTestPortal({
    issuer: 'Test Portal',
    account: lang === 'en' ? 'alice@example.org' : 'kari@example.org',
  });
  portals.push(portal);
  const page = await openGuided(lang);

  // 1. The portal: Educloud preset, its words, and the button that opens it in the browser.
  expect(await step(page)).toBe('1');
  // The words appear once the settings and presets have arrived from main.
  await page.getByTestId('guided-portal-instruction').waitFor();
  expect(await page.getByTestId('guided-portal-instruction').textContent()).toBe(words[lang].educloud);
  await screenshot(page, `guided-${lang}-1-portal`);
  const openedBefore = bridge.opened.length;
  await page.getByTestId('guided-open-portal').click();
  await expect.poll(() => bridge.opened.slice(openedBefore)).toEqual(['https://selfservice.educloud.no/']);
  // The test plays the person's browser: the stand-in portal, where they press "Set new OTP".
  await portalPage.goto(portal.url);
  await portalPage.locator('#set-new-otp').click();
  await portalPage.locator('img#qr').evaluate((img: HTMLImageElement) => img.decode());
  const secret = portal.secret()!;

  // 2. Make the QR code appear.
  await page.getByTestId('guided-next').click();
  expect(await step(page)).toBe('2');
  await screenshot(page, `guided-${lang}-2-qr`);
  await page.getByRole('button', { name: words[lang].ready }).click();

  // 3. Scan: the real screen, with the portal window on it.
  expect(await step(page)).toBe('3');
  await page.getByTestId('enroll-scan-screen').click();
  await page.getByTestId('enroll-preview').waitFor();
  expect(await page.getByTestId('enroll-issuer').inputValue()).toBe('Test Portal');
  expect(await page.getByTestId('enroll-name').inputValue()).toBe(portal.account);
  expect(await page.content()).not.toContain(secret);
  await screenshot(page, `guided-${lang}-3-scan`);

  // 4. The code, large, with the seconds left.
  let code = await saveAndReadCode(page, secret);
  expect(await page.getByTestId('enroll-seconds-left').textContent()).toMatch(/\d+/);
  expect(await page.getByText(words[lang].accepted).count()).toBe(1);
  await screenshot(page, `guided-${lang}-4-code`);

  // "No": the help, with the computer's clock; then "Remove and scan again" really removes and rescans.
  await page.getByTestId('guided-no').click();
  expect(await page.getByTestId('guided-setup').textContent()).toContain(words[lang].clock);
  expect(await page.getByTestId('guided-local-time').textContent()).toMatch(/\d{2}.\d{2}.\d{2}/);
  await screenshot(page, `guided-${lang}-5-help`);
  const firstId = (await bridge.call('accounts.list')).find((a) => a.name === portal.account)!.id;
  await page.getByTestId('guided-rescan').click();
  await page.getByTestId('enroll-preview').waitFor();
  expect((await bridge.call('accounts.list')).some((a) => a.id === firstId)).toBe(false);
  code = await saveAndReadCode(page, secret);

  // The portal must accept the code the app shows.
  await typeIntoPortal(code);
  expect(await portalPage.locator('#result').getAttribute('data-result')).toBe('accepted');
  expect(portal.attempts.at(-1)).toEqual({ code, accepted: true });

  await page.getByTestId('guided-yes').click();
  await page.getByTestId('guided-setup').waitFor({ state: 'detached' });
  expect((await bridge.call('accounts.list')).filter((a) => a.name === portal.account)).toHaveLength(1);
  await page.context().close();
}

describe('guided set-up against the test portal (Xvfb, real screen capture)', () => {
  it('English: portal → QR → scan → code, and the portal accepts the code', async () => {
    await walkThrough('en');
  });

  it('Norwegian: the same path in bokmål, and the portal accepts the code', async () => {
    await walkThrough('nb');
  });

  it('"another portal" needs an https address and is saved in the settings', async () => {
    const page = await openGuided('en');
    await page.getByTestId('guided-portal-other').check();
    await page.getByTestId('guided-portal-url').fill('http://portal.example.org/');
    await page.getByTestId('guided-portal-save').click();
    await page.getByText('Enter the full address, starting with https://').waitFor();
    await page.getByTestId('guided-portal-url').fill('https://portal.example.org/otp');
    await page.getByTestId('guided-portal-save').click();
    await expect.poll(async () => (await bridge.call('settings.get')).portalUrl).toBe('https://portal.example.org/otp');
    expect(await page.getByTestId('guided-portal-instruction').textContent()).toContain(
      'find the page for two-factor sign-in',
    );
    const openedBefore = bridge.opened.length;
    await page.getByTestId('guided-open-portal').click();
    await expect.poll(() => bridge.opened.slice(openedBefore)).toEqual(['https://portal.example.org/otp']);
    await page.context().close();
  });
});
