/**
 * The decoder as the app runs it: client.ts + worker.ts bundled by Vite with
 * the app's own config, in real Chromium. Checks what only a browser can:
 * the module worker starts, the wasm comes from the bundle (no request leaves
 * the local server), pixels are transferred, errors come back as values.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, launchBrowser } from '../../support/browser';
import { blit, createImage } from '../../support/qr-corpus/canvas';
import { renderQr } from '../../support/qr-corpus/qr-raster';
import { repoRoot } from '../../support/vectors';

const TEXT_A = 'otpauth://totp/Worker:alice?secret=JBSWY3DPEHPK3PXP&issuer=Worker';
const TEXT_B = 'otpauth://totp/Worker:bob?secret=KRSXG5CTMVRXEZLU&issuer=Worker';

const PAGE_SCRIPT = `
import { createDecoderClient } from ${JSON.stringify(path.join(repoRoot, 'renderer/scan/decoder/client.ts'))};
let client = createDecoderClient();
const image = (b64, width, height) => ({ data: Uint8ClampedArray.from(atob(b64), (c) => c.charCodeAt(0)), width, height });
const settle = (p) => p.then((results) => ({ results }), (e) => ({ error: { name: e.name, code: e.code, message: e.message } }));
window.decodeOne = async (b64, width, height) => {
  const img = image(b64, width, height);
  const outcome = await settle(client.decode(img));
  return { ...outcome, leftBytes: img.data.byteLength };
};
window.decodeTwo = (a, b) => Promise.all([settle(client.decode(image(...a))), settle(client.decode(image(...b)))]);
window.disposeWhileBusy = async (a) => {
  const pending = settle(client.decode(image(...a)));
  client.dispose();
  const outcome = await pending;
  client = createDecoderClient();
  return outcome;
};
`;

const contentTypes: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
};
const haveChromium = existsSync(CHROMIUM_PATH);
if (!haveChromium)
  console.warn(`[skipped] decoder worker in Chromium: no browser at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`);

function pixels(text: string): [string, number, number] {
  const img = createImage(260, 260);
  blit(img, renderQr(text, { moduleSize: 4 }), 20, 20);
  return [Buffer.from(img.data).toString('base64'), img.width, img.height];
}

describe.runIf(haveChromium)('decoder worker in Chromium (Vite bundle, app config)', () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'authdesk-qr-worker-'));
  let server: Server;
  let origin = '';
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    const root = path.join(work, 'src');
    const outDir = path.join(work, 'out');
    mkdirSync(root, { recursive: true });
    writeFileSync(
      path.join(root, 'index.html'),
      '<!doctype html><meta charset="utf-8"><script type="module" src="./main.ts"></script>',
    );
    writeFileSync(path.join(root, 'main.ts'), PAGE_SCRIPT);
    await build({
      configFile: path.join(repoRoot, 'vite.config.ts'),
      root,
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true },
    });
    server = createServer((req, res) => {
      const file = path.join(outDir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
      if (!file.startsWith(outDir) || !existsSync(file) || file === outDir) {
        res.writeHead(404).end();
        return;
      }
      const target = file.endsWith('/') ? path.join(file, 'index.html') : file;
      res
        .writeHead(200, { 'content-type': contentTypes[path.extname(target)] ?? 'application/octet-stream' })
        .end(readFileSync(target));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
    page = await browser.newPage();
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${origin}/index.html`);
    await page.waitForFunction(() => 'decodeOne' in window);
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    rmSync(work, { recursive: true, force: true });
  });

  it('decodes in the worker: text, position, pass; the pixel buffer was transferred', async () => {
    const outcome = await page.evaluate(
      ([b64, w, h]) => (window as unknown as { decodeOne: (...a: unknown[]) => Promise<unknown> }).decodeOne(b64, w, h),
      pixels(TEXT_A),
    );
    expect(outcome).toMatchObject({ results: [{ text: TEXT_A, pass: 'plain' }], leftBytes: 0 });
    const position = (outcome as { results: { position: { x: number; y: number }[] }[] }).results[0]!.position;
    expect(position[0]!.x).toBeCloseTo(36, -1);
    expect(position[0]!.y).toBeCloseTo(36, -1);
  });

  it('loads the wasm from the bundle: every request stays on the local server', () => {
    expect(requests.some((u) => u.endsWith('.wasm'))).toBe(true);
    expect(requests.filter((u) => !u.startsWith(origin))).toEqual([]);
  });

  it('keeps concurrent decodes apart (answers matched by id)', async () => {
    const both = await page.evaluate(
      ([a, b]) => (window as unknown as { decodeTwo: (...a: unknown[]) => Promise<unknown> }).decodeTwo(a, b),
      [pixels(TEXT_A), pixels(TEXT_B)],
    );
    expect(both).toMatchObject([{ results: [{ text: TEXT_A }] }, { results: [{ text: TEXT_B }] }]);
  });

  it('runs every escalation pass in the worker (jsQR included) and answers [] for an image without a code', async () => {
    const blank = createImage(320, 240, [200, 200, 200]);
    const args: [string, number, number] = [Buffer.from(blank.data).toString('base64'), blank.width, blank.height];
    const outcome = await page.evaluate(
      ([b64, w, h]) => (window as unknown as { decodeOne: (...a: unknown[]) => Promise<unknown> }).decodeOne(b64, w, h),
      args,
    );
    expect(outcome).toMatchObject({ results: [] });
  });

  it('returns errors as AuthdeskError values, not stack traces', async () => {
    const outcome = await page.evaluate(() =>
      (window as unknown as { decodeOne: (...a: unknown[]) => Promise<unknown> }).decodeOne(
        btoa('\u0000'.repeat(12)),
        5,
        5,
      ),
    );
    expect(outcome).toMatchObject({
      error: { name: 'AuthdeskError', code: 'bad-image', message: expect.stringMatching(/^This picture is damaged/) },
    });
  });

  it('dispose fails pending decodes with a clear message', async () => {
    const outcome = await page.evaluate(
      (a) => (window as unknown as { disposeWhileBusy: (...a: unknown[]) => Promise<unknown> }).disposeWhileBusy(a),
      pixels(TEXT_B),
    );
    expect(outcome).toMatchObject({
      error: { code: 'internal', message: 'The QR reader was closed before it finished.' },
    });
  });
});
