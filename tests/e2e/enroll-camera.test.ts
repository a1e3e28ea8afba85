/**
 * Webcam enrollment in real Chromium: its fake camera plays a .y4m video we
 * write from a QR picture (YUV4MPEG2, 4:2:0), the app decodes live frames,
 * stops at the first key and releases the camera. A second Chromium with a
 * blank video checks that Stop releases the camera too.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp } from '../support/browser';
import { startTestBridge, type TestBridge } from '../support/bridge';

const WIDTH = 640;
const HEIGHT = 480;

/** YUV4MPEG2 with full-range (JPEG) BT.601 4:2:0 frames from packed RGB. */
function y4m(rgb: Buffer, width: number, height: number, frames = 2): Buffer {
  const ySize = width * height;
  const cSize = (width / 2) * (height / 2);
  const frame = Buffer.alloc(ySize + 2 * cSize);
  for (let i = 0; i < ySize; i++) {
    const [r, g, b] = [rgb[i * 3]!, rgb[i * 3 + 1]!, rgb[i * 3 + 2]!];
    frame[i] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
  }
  for (let y = 0; y < height / 2; y++) {
    for (let x = 0; x < width / 2; x++) {
      // Average the 2x2 block the chroma sample covers.
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ] as const) {
        const p = ((y * 2 + dy) * width + x * 2 + dx) * 3;
        r += rgb[p]!;
        g += rgb[p + 1]!;
        b += rgb[p + 2]!;
      }
      [r, g, b] = [r / 4, g / 4, b / 4];
      const c = y * (width / 2) + x;
      frame[ySize + c] = Math.max(0, Math.min(255, Math.round(-0.1687 * r - 0.3313 * g + 0.5 * b + 128)));
      frame[ySize + cSize + c] = Math.max(0, Math.min(255, Math.round(0.5 * r - 0.4187 * g - 0.0813 * b + 128)));
    }
  }
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\n`);
  const parts: Buffer[] = [header];
  for (let i = 0; i < frames; i++) parts.push(Buffer.from('FRAME\n'), frame);
  return Buffer.concat(parts);
}

async function cameraVideo(dir: string, name: string, qrText: string | null): Promise<string> {
  let picture = sharp({ create: { width: WIDTH, height: HEIGHT, channels: 3, background: '#f4f4f0' } });
  if (qrText) {
    const qr = await QRCode.toBuffer(qrText, { type: 'png', scale: 8, margin: 4 });
    const { width = 0, height = 0 } = await sharp(qr).metadata();
    picture = picture.composite([
      { input: qr, left: Math.round((WIDTH - width) / 2), top: Math.round((HEIGHT - height) / 2) },
    ]);
  }
  const rgb = await picture.removeAlpha().raw().toBuffer();
  const file = path.join(dir, name);
  await writeFile(file, y4m(rgb, WIDTH, HEIGHT));
  return file;
}

const cameraArgs = (video: string) => [
  '--use-fake-device-for-media-stream',
  `--use-file-for-fake-video-capture=${video}`,
  '--use-fake-ui-for-media-stream',
];

/** Records the streams getUserMedia hands out (the real ones), so the test can see they were stopped. */
const recordStreams = () => {
  const w = window as unknown as { __streams: MediaStream[] };
  w.__streams = [];
  const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = async (constraints) => {
    const stream = await original(constraints);
    w.__streams.push(stream);
    return stream;
  };
};

const cameraState = (page: Page) =>
  page.evaluate(() => {
    const streams = (window as unknown as { __streams: MediaStream[] }).__streams;
    return {
      opened: streams.length,
      live: streams.flatMap((s) => s.getTracks()).filter((t) => t.readyState === 'live').length,
    };
  });

/** Every camera stream the app opened is stopped (a development build's StrictMode opens and closes one extra). */
function expectReleased(state: { opened: number; live: number }) {
  expect(state.opened).toBeGreaterThan(0);
  expect(state.live).toBe(0);
}

/**
 * The enrollment screen's start, reached the way a person could: a pasted
 * link, then Cancel. Pasted again until the app takes it (enrollment loads
 * after the first paint).
 */
async function openEnrollStart(page: Page) {
  await expect
    .poll(() =>
      page.evaluate(() => {
        const data = new DataTransfer();
        data.setData('text/plain', 'otpauth://totp/Warmup:w?secret=GEZDGNBVGY3TQOJQ&issuer=Warmup');
        return !document.body.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        );
      }),
    )
    .toBe(true);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByTestId('enroll-start').waitFor();
}

let bridge: TestBridge;
let dir: string;
const browsers: Browser[] = [];

beforeAll(async () => {
  bridge = await startTestBridge();
  dir = await mkdtemp(path.join(tmpdir(), 'authdesk-camera-'));
});

afterAll(async () => {
  for (const b of browsers) await b.close();
  await bridge?.cleanup();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('enroll with the webcam', () => {
  it('shows the live preview, finds the key in the camera picture, previews it and releases the camera', async () => {
    const video = await cameraVideo(
      dir,
      'qr.y4m',
      'otpauth://totp/Camera%20Corp:cam@example.org?secret=NBSWY3DPO5XXE3DEEBQW4ZDF&issuer=Camera%20Corp',
    );
    const browser = await launchBrowser({ args: cameraArgs(video) });
    browsers.push(browser);
    const { page, context, errors } = await openApp(browser, bridge);
    await context.addInitScript(recordStreams);
    await page.reload();
    await page.locator('.app').waitFor();
    await openEnrollStart(page);

    await page.getByTestId('enroll-use-camera').click();
    await page.getByTestId('enroll-preview').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('enroll-issuer').inputValue()).toBe('Camera Corp');
    expect(await page.getByTestId('enroll-name').inputValue()).toBe('cam@example.org');
    expectReleased(await cameraState(page));
    expect(await page.content()).not.toContain('NBSWY3DPO5XXE3DEEBQW4ZDF');
    expect(errors).toEqual([]);
  });

  it('Stop ends a scan that has found nothing and releases the camera', async () => {
    const video = await cameraVideo(dir, 'blank.y4m', null);
    const browser = await launchBrowser({ args: cameraArgs(video) });
    browsers.push(browser);
    const { page, context } = await openApp(browser, bridge);
    await context.addInitScript(recordStreams);
    await page.reload();
    await page.locator('.app').waitFor();
    await openEnrollStart(page);

    await page.getByTestId('enroll-use-camera').click();
    const camera = page.getByTestId('enroll-camera');
    await camera.getByText('Keep the whole QR code in view').waitFor();
    // The preview really plays: the <video> has frames from the camera.
    expect(await camera.locator('video').evaluate((v: HTMLVideoElement) => v.videoWidth)).toBe(WIDTH);
    expect((await cameraState(page)).live).toBe(1);

    await page.getByRole('button', { name: 'Stop the camera' }).click();
    await page.getByTestId('enroll-start').waitFor();
    expectReleased(await cameraState(page));
  });
});
