/**
 * Screen-scan latency as a person feels it: from the click on Scan to the
 * account preview on screen, for a 1920x1080 screen under Xvfb with the
 * portal's QR code on it (headful Chromium, real getDisplayMedia capture,
 * the decoder worker, enroll.preview through the web bridge, real keychain).
 * The first scan is reported apart: it also loads the decoder's worker and wasm.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { launchBrowser, openApp } from '../tests/support/browser';
import { startTestBridge } from '../tests/support/bridge';
import { startTestPortal } from '../tests/support/test-portal';
import { startXvfb } from '../tests/support/xvfb';

const RUNS = 10;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

export async function run(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'authdesk-bench-'));
  const x = await startXvfb({ width: 1920, height: 1080 });
  const bridge = await startTestBridge();
  const portal = await startTestPortal();
  const browser = await launchBrowser({
    headful: true,
    display: x.display,
    args: ['--auto-select-desktop-capture-source=Entire screen', '--window-position=900,0', '--window-size=1020,1000'],
  });
  try {
    portal.newOtp();
    const qr = path.join(dir, 'qr.png');
    await writeFile(qr, await portal.qrPng());
    await x.show(qr, { x: 150, y: 300 });
    const { page } = await openApp(browser, bridge);
    const preview = page.getByTestId('enroll-preview');
    const cancel = () => preview.getByRole('button', { name: 'Cancel' }).click();

    let t0 = performance.now();
    await page.locator('.app-header').getByRole('button', { name: 'Scan QR code' }).click();
    await preview.waitFor();
    const first = performance.now() - t0;
    await cancel();

    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await page.getByTestId('enroll-scan-screen').waitFor();
      t0 = performance.now();
      await page.getByTestId('enroll-scan-screen').click();
      await preview.waitFor();
      times.push(performance.now() - t0);
      await cancel();
    }
    console.log(`screen ${x.width}x${x.height}, the test portal's QR code (6 px modules) at (150,300)`);
    console.log(`first scan (loads worker + wasm): ${first.toFixed(0)} ms`);
    console.log(
      `click on Scan -> preview visible, median of ${RUNS}: ${median(times).toFixed(0)} ms (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})`,
    );
    console.log(`load average (1 min): ${loadavg()[0]!.toFixed(2)}`);
  } finally {
    await browser.close();
    await bridge.cleanup();
    await portal.close();
    await x.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
