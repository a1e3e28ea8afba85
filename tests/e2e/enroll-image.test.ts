/**
 * Enrollment from pictures and the clipboard, end to end: the production
 * bundle in real Chromium, the real handlers and keychain behind the web
 * bridge. Files are dropped and pasted the way a browser delivers them (a
 * DataTransfer holding File objects built from real PNG bytes).
 */
import QRCode from 'qrcode';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, type AppPage } from '../support/browser';
import { startTestBridge, type TestBridge } from '../support/bridge';
import { referenceTotp } from '../support/reference-otp';

interface FakeFile {
  name: string;
  type: string;
  base64: string;
}

const png = async (text: string, options: QRCode.QRCodeToBufferOptions = {}): Promise<Buffer> =>
  QRCode.toBuffer(text, { type: 'png', scale: 6, margin: 4, ...options });
const file = (name: string, bytes: Buffer, type = 'image/png'): FakeFile => ({
  name,
  type,
  base64: bytes.toString('base64'),
});
const link = (issuer: string, name: string, secret: string) =>
  `otpauth://totp/${encodeURIComponent(issuer)}:${encodeURIComponent(name)}?secret=${secret}&issuer=${encodeURIComponent(issuer)}`;

/** Builds the DataTransfer inside the page (files from their bytes, or a text); true when the app took the event. */
async function transfer(
  page: Page,
  kind: 'drop' | 'paste',
  content: { files?: FakeFile[]; text?: string },
  targetSelector?: string,
): Promise<boolean> {
  return page.evaluate(
    ({ kind, content, targetSelector }) => {
      const data = new DataTransfer();
      for (const f of content.files ?? []) {
        const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
        data.items.add(new File([bytes], f.name, { type: f.type }));
      }
      if (content.text !== undefined) data.setData('text/plain', content.text);
      const target = targetSelector ? document.querySelector(targetSelector)! : document.body;
      // dispatchEvent returns false when a listener called preventDefault, i.e. the app handled it.
      if (kind === 'paste')
        return !target.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        );
      target.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      return !target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    },
    { kind, content, targetSelector },
  );
}

/**
 * Waits until the app-wide drop/paste listener is there (enrollment is
 * loaded after first paint): drags a file over the window until the drop
 * zone shows, then ends the drag with an empty drop.
 */
async function dropZoneAppears(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const data = new DataTransfer();
        data.items.add(new File([new Uint8Array([1])], 'probe.png', { type: 'image/png' }));
        document.body.dispatchEvent(
          new DragEvent('dragenter', { dataTransfer: data, bubbles: true, cancelable: true }),
        );
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
        return document.querySelector('[data-testid=enroll-drop-overlay]') !== null;
      }),
    )
    .toBe(true);
  await page.evaluate(() =>
    document.body.dispatchEvent(
      new DragEvent('drop', { dataTransfer: new DataTransfer(), bubbles: true, cancelable: true }),
    ),
  );
  await page.getByTestId('enroll-drop-overlay').waitFor({ state: 'detached' });
}

let bridge: TestBridge;
let browser: Browser;
let app: AppPage;
let page: Page;

beforeAll(async () => {
  bridge = await startTestBridge();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await bridge?.cleanup();
});

beforeEach(async () => {
  await app?.context.close();
  app = await openApp(browser, bridge);
  page = app.page;
  await dropZoneAppears(page);
});

async function savedCodeMatches(secret: string) {
  const code = page.getByTestId('enroll-code');
  await code.waitFor();
  const shown = await code.getAttribute('data-code');
  const validFrom = Number(await code.getAttribute('data-valid-from'));
  expect(shown).toBe(referenceTotp(secret, validFrom));
}

describe('enroll from pictures and the clipboard', () => {
  it('a picture dropped anywhere shows the drop zone, then a preview without the secret; Save stores the edited names and shows the live code', async () => {
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DP';
    const qr = file('qr.png', await png(link('Dropbox', 'ola@example.org', secret)));
    await page.evaluate((f) => {
      const data = new DataTransfer();
      data.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
      document.body.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, qr);
    await expect(page.getByTestId('enroll-drop-overlay').isVisible()).resolves.toBe(true);
    await transfer(page, 'drop', { files: [qr] });
    const preview = page.getByTestId('enroll-preview');
    await preview.waitFor();
    expect(await page.getByTestId('enroll-drop-overlay').count()).toBe(0);
    expect(await page.getByTestId('enroll-issuer').inputValue()).toBe('Dropbox');
    expect(await page.getByTestId('enroll-name').inputValue()).toBe('ola@example.org');
    expect(await page.getByTestId('enroll-param-digits').textContent()).toBe('6');
    expect(await page.getByTestId('enroll-param-period').textContent()).toContain('30');
    // THE RULE: the page never holds the secret, not even in the preview.
    expect(await page.content()).not.toContain(secret);

    await page.getByTestId('enroll-name').fill('Ola at work');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('enroll-saved').waitFor();
    await savedCodeMatches(secret);
    const accounts = await bridge.call('accounts.list');
    expect(accounts.map((a) => [a.issuer, a.name])).toContainEqual(['Dropbox', 'Ola at work']);
    expect(await page.content()).not.toContain(secret);
    expect(app.errors).toEqual([]);
  });

  it('a pasted screenshot (a QR code with transparent light modules on a bigger picture) is read after compositing onto white', async () => {
    const secret = 'KRSXG5CTMVRXEZLUKN2XAZLS';
    const transparent = await png(link('GitHub', 'kari', secret), { color: { dark: '#000000ff', light: '#00000000' } });
    const screenshot = await sharp({
      create: { width: 1280, height: 800, channels: 4, background: { r: 255, g: 255, b: 255, alpha: 0 } },
    })
      .composite([{ input: transparent, left: 500, top: 200 }])
      .png()
      .toBuffer();
    await transfer(page, 'paste', { files: [file('image.png', screenshot)] });
    await page.getByTestId('enroll-preview').waitFor();
    expect(await page.getByTestId('enroll-issuer').inputValue()).toBe('GitHub');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('enroll-start').waitFor();
    expect((await bridge.call('accounts.list')).some((a) => a.issuer === 'GitHub')).toBe(false);
  });

  it('a pasted otpauth link goes straight to the preview; pasting it into an ordinary text field does nothing', async () => {
    const secret = 'MFRGGZDFMZTWQ2LKNNWG23TP';
    const text = link('Slack', 'per@example.org', secret);
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.id = 'ordinary-field';
      document.body.append(input);
    });
    expect(await transfer(page, 'paste', { text }, '#ordinary-field')).toBe(false);
    expect(await page.getByTestId('enroll-entry').count()).toBe(0);

    expect(await transfer(page, 'paste', { text })).toBe(true);
    await page.getByTestId('enroll-preview').waitFor();
    expect(await page.getByTestId('enroll-issuer').inputValue()).toBe('Slack');
    expect(await page.content()).not.toContain(secret);
    await page.getByRole('button', { name: 'Save' }).click();
    await savedCodeMatches(secret);

    // The same key again: saving it would make a copy, and the preview says so.
    await page.getByRole('button', { name: 'Add another' }).click();
    await transfer(page, 'paste', { text });
    await page.getByTestId('enroll-duplicate').waitFor();
  });

  it('a QR code holding a web link says so instead of adding anything', async () => {
    await transfer(page, 'drop', { files: [file('link.png', await png('https://example.org/login'))] });
    const problem = page.getByTestId('enroll-problem');
    await problem.waitFor();
    expect(await problem.getAttribute('data-problem')).toBe('not-otp');
    expect(await problem.textContent()).toContain('This QR code is a web link, not an authenticator key.');
  });

  it('a picture without a QR code gives the "no QR code found" advice', async () => {
    const blank = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#e8eef7' } })
      .composite([
        {
          input: Buffer.from(
            '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="80"><text x="10" y="50" font-size="40">Hello</text></svg>',
          ),
          left: 100,
          top: 100,
        },
      ])
      .png()
      .toBuffer();
    await transfer(page, 'drop', { files: [file('holiday.png', blank)] });
    const problem = page.getByTestId('enroll-problem');
    await problem.waitFor();
    expect(await problem.getAttribute('data-problem')).toBe('no-qr');
    expect(await problem.textContent()).toContain('No QR code found in the picture');
    expect(await problem.textContent()).toContain('crop the picture closer');
  });

  it('a damaged picture gets a message naming the file', async () => {
    const good = await png('https://example.org');
    const broken = Buffer.concat([good.subarray(0, 60), Buffer.from('this is not the rest of a PNG file')]);
    await transfer(page, 'drop', { files: [file('broken.png', broken)] });
    const problem = page.getByTestId('enroll-problem');
    await problem.waitFor();
    expect(await problem.getAttribute('data-problem')).toBe('unreadable');
    expect(await problem.textContent()).toContain('"broken.png" could not be read as a picture');
  });

  it('a screen scan still waiting for the system (a capture picker nobody answers) can be cancelled, and the next paste works', async () => {
    await page.locator('.app-header').getByRole('button', { name: 'Scan QR code' }).click();
    const busy = page.getByTestId('enroll-busy');
    await busy.getByText('Looking for a QR code on your screen').waitFor();
    // Headless Chromium keeps an invisible capture picker open, and it blocks real input to the page,
    // so the button is clicked from script (the app's own handler still runs).
    await busy.getByRole('button', { name: 'Cancel' }).evaluate((button: HTMLButtonElement) => button.click());
    await page.getByTestId('enroll-start').waitFor();
    expect(await transfer(page, 'paste', { text: link('After', 'cancel@example.org', 'ORSXG5DJNZTQ') })).toBe(true);
    await page.getByTestId('enroll-preview').waitFor();
    expect(await page.getByTestId('enroll-issuer').inputValue()).toBe('After');
  });

  it('several files from the file picker: the keys are listed to pick from, a non-picture is named', async () => {
    // Reach the enrollment screen's start (a cancelled link preview), where the picker lives.
    await transfer(page, 'paste', { text: link('Warmup', 'w', 'GEZDGNBVGY3TQOJQ') });
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('enroll-start').waitFor();

    const first = 'ONSWG4TFOQYTEMZUGU3DOOBZ';
    const second = 'MZXW6YTBOI5CAMJSGM2DKNRX';
    await page.getByTestId('enroll-file-input').setInputFiles([
      { name: 'a.png', mimeType: 'image/png', buffer: await png(link('Alpha', 'a@example.org', first)) },
      { name: 'b.png', mimeType: 'image/png', buffer: await png(link('Beta', 'b@example.org', second)) },
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') },
    ]);
    const pick = page.getByTestId('enroll-pick');
    await pick.waitFor();
    expect(await pick.textContent()).toContain('2 accounts found');
    expect(await pick.textContent()).toContain('"notes.txt" is not a picture');
    await pick.getByRole('button', { name: /Beta/ }).click();
    await page.getByTestId('enroll-preview').waitFor();
    expect(await page.getByTestId('enroll-issuer').inputValue()).toBe('Beta');
    await page.getByRole('button', { name: 'Save' }).click();
    await savedCodeMatches(second);
    const issuers = (await bridge.call('accounts.list')).map((a) => a.issuer);
    expect(issuers).toContain('Beta');
    expect(issuers).not.toContain('Alpha');
  });
});
