/**
 * Screen scan end to end on a real X server: Xvfb shows the QR picture(s),
 * the app runs in HEADFUL Chromium on that display, and Chromium's
 * auto-selected "Entire screen" answers getDisplayMedia (no fake media UI).
 * The preview, the saved account and its code are checked against the test
 * portal's secret with an independent HMAC.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, screenshot, type AppPage } from '../support/browser';
import { startTestBridge, type TestBridge } from '../support/bridge';
import { referenceTotp } from '../support/reference-otp';
import { startTestPortal, type TestPortal } from '../support/test-portal';
import { startXvfb, type ShownImage, type XServer } from '../support/xvfb';

/** The app's window sits on the right; pictures go on the left, where it cannot cover them. */
const APP_WINDOW_ARGS = [
  '--auto-select-desktop-capture-source=Entire screen',
  '--window-position=900,0',
  '--window-size=1020,1000',
];

let x: XServer;
let bridge: TestBridge;
let portal: TestPortal;
let browser: Browser;
let app: AppPage;
let page: Page;
let dir: string;
const shown: ShownImage[] = [];

async function showPicture(name: string, bytes: Buffer, at: { x: number; y: number }) {
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  shown.push(await x.show(file, at));
}

async function scanScreen() {
  await page.locator('.app-header').getByRole('button', { name: 'Scan QR code' }).click();
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'authdesk-screen-'));
  x = await startXvfb();
  bridge = await startTestBridge();
  portal = await startTestPortal({ issuer: 'Test Portal', account: 'alice@example.org' });
  browser = await launchBrowser({ headful: true, display: x.display, args: APP_WINDOW_ARGS });
  app = await openApp(browser, bridge);
  page = app.page;
});

afterEach(async () => {
  while (shown.length > 0) await shown.pop()!.close();
  // Back to the accounts list for the next scan (the enrollment screen's Close).
  const close = page.getByTestId('enroll-entry').getByRole('button', { name: 'Close' });
  if (await close.count()) await close.click();
});

afterAll(async () => {
  await browser?.close();
  await bridge?.cleanup();
  await portal?.close();
  await x?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('scan the screen (Xvfb, headful Chromium, real capture)', () => {
  it('one click on Scan reads the portal QR code off the screen; Save adds the account with the right code', async () => {
    const secret = portal.newOtp();
    await showPicture('portal.png', await portal.qrPng(), { x: 120, y: 240 });
    await scanScreen();
    await page.getByTestId('enroll-preview').waitFor();
    expect(await page.getByTestId('enroll-issuer').inputValue()).toBe('Test Portal');
    expect(await page.getByTestId('enroll-name').inputValue()).toBe('alice@example.org');
    expect(await page.content()).not.toContain(secret);
    await screenshot(page, 'enroll-screen-preview');

    await page.getByRole('button', { name: 'Save' }).click();
    const code = page.getByTestId('enroll-code');
    await code.waitFor();
    const validFrom = Number(await code.getAttribute('data-valid-from'));
    expect(await code.getAttribute('data-code')).toBe(referenceTotp(secret, validFrom));
    const accounts = await bridge.call('accounts.list');
    expect(accounts.map((a) => `${a.issuer}/${a.name}`)).toContain('Test Portal/alice@example.org');
    expect(app.errors).toEqual([]);
  });

  it('two keys on the screen: the person picks one', async () => {
    const one = await QRCode.toBuffer('otpauth://totp/Alpha:one@example.org?secret=JBSWY3DPEHPK3PXP&issuer=Alpha', {
      scale: 5,
    });
    const two = await QRCode.toBuffer('otpauth://totp/Beta:two@example.org?secret=KRSXG5CTMVRXEZLU&issuer=Beta', {
      scale: 5,
    });
    await showPicture('one.png', one, { x: 40, y: 100 });
    await showPicture('two.png', two, { x: 420, y: 600 });
    await scanScreen();
    const pick = page.getByTestId('enroll-pick');
    await pick.waitFor();
    expect(await pick.textContent()).toContain('2 accounts found');
    await pick.getByRole('button', { name: /Beta/ }).click();
    expect(await page.getByTestId('enroll-issuer').inputValue()).toBe('Beta');
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('a small QR code (2-pixel modules) is still read: the frame is captured at the screen’s full resolution', async () => {
    const small = await QRCode.toBuffer('otpauth://totp/Tiny:t@example.org?secret=MFRGGZDFMZTWQ2LK&issuer=Tiny', {
      scale: 2,
      margin: 4,
    });
    await showPicture('small.png', small, { x: 300, y: 500 });
    await scanScreen();
    await page.getByTestId('enroll-preview').waitFor();
    expect(await page.getByTestId('enroll-issuer').inputValue()).toBe('Tiny');
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('a web-link QR code on the screen gets its own message', async () => {
    await showPicture('web.png', await QRCode.toBuffer('https://example.org/welcome', { scale: 6 }), {
      x: 200,
      y: 300,
    });
    await scanScreen();
    const problem = page.getByTestId('enroll-problem');
    await problem.waitFor();
    expect(await problem.textContent()).toContain('This QR code is a web link, not an authenticator key.');
  });

  it('nothing on the screen: says so and suggests zooming in or using a screenshot', async () => {
    await scanScreen();
    const problem = page.getByTestId('enroll-problem');
    await problem.waitFor();
    expect(await problem.getAttribute('data-problem')).toBe('no-qr');
    const text = await problem.textContent();
    expect(text).toContain('No QR code found on your screen');
    expect(text).toContain('press Ctrl and +');
    expect(text).toContain('take a screenshot');
  });

  it('two displays side by side: one capture per display, and the code both show is previewed once', async () => {
    // Chromium's auto-select answers every call with the same Entire screen, so the code is seen twice.
    const twoBridge = await startTestBridge({
      displays: [
        { id: 'a', bounds: { x: 0, y: 0, width: 1920, height: 1080 }, scaleFactor: 1 },
        { id: 'b', bounds: { x: 1920, y: 0, width: 1920, height: 1080 }, scaleFactor: 1 },
      ],
    });
    const two = await openApp(browser, twoBridge);
    try {
      await two.page.addInitScript(() => {
        const calls = { asked: 0, granted: 0 };
        (window as unknown as { __displayMedia: typeof calls }).__displayMedia = calls;
        const original = navigator.mediaDevices.getDisplayMedia.bind(navigator.mediaDevices);
        navigator.mediaDevices.getDisplayMedia = async (options) => {
          calls.asked++;
          const stream = await original(options);
          calls.granted++;
          return stream;
        };
      });
      await two.page.reload();
      await two.page.locator('.app').waitFor();
      await showPicture(
        'both.png',
        await QRCode.toBuffer('otpauth://totp/Twin:t@example.org?secret=JBSWY3DPEHPK3PXP&issuer=Twin', { scale: 5 }),
        { x: 200, y: 300 },
      );
      await two.page.locator('.app-header').getByRole('button', { name: 'Scan QR code' }).click();
      await two.page.getByTestId('enroll-preview').waitFor();
      expect(await two.page.getByTestId('enroll-issuer').inputValue()).toBe('Twin');
      expect(await two.page.getByTestId('enroll-pick').count()).toBe(0);
      expect(await two.page.evaluate(() => (window as unknown as { __displayMedia: unknown }).__displayMedia)).toEqual({
        asked: 2,
        granted: 2,
      });
      expect(two.errors).toEqual([]);
    } finally {
      await two.context.close();
      await twoBridge.cleanup();
    }
  });
});
