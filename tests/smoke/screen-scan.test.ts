/** Real Electron: "Scan QR code" reads a QR code shown in another window on the (virtual) screen. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import QRCode from 'qrcode';
import { afterAll, beforeAll, it } from 'vitest';
import { describeDesktop, launchDesktop, type LaunchedApp } from './support-desktop';

let l: LaunchedApp;

describeDesktop('smoke: screen scan', () => {
  beforeAll(async () => {
    l = await launchDesktop();
  }, 120_000);
  afterAll(async () => l?.close());

  it('finds the QR code another window shows and previews the account', async () => {
    const png = path.join(l.dataDir, 'qr.png');
    writeFileSync(
      png,
      await QRCode.toBuffer('otpauth://totp/Portal:dana@uio.no?secret=KRUGS4ZANFZSAYJAONSWG4TF&issuer=Portal', {
        width: 360,
      }),
    );
    const shown = await l.x.show(png, { x: 900, y: 300 });
    try {
      await l.window.getByRole('button', { name: 'Scan QR code' }).click();
      await l.window.getByText('dana@uio.no').first().waitFor({ timeout: 30_000 });
    } finally {
      await shown.close();
    }
  });
});
