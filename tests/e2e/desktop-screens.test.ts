/**
 * The desktop screens a person sees, in English and Norwegian, checked and
 * photographed in real Chromium over the real bridge: the lock screen (no code
 * left in the page), the quick-pick, and the clock warning measured against a
 * real local HTTPS server whose Date header is 42 s ahead. Screenshots go to
 * test-results/ (lock-en/nb, quick-pick-en/nb, clock-warning-en/nb).
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock';
import { httpsDateProbe } from '../../core/clock-check';
import { useAppSession } from '../support/app-session';
import { screenshot } from '../support/browser';
import { referenceTotp } from '../support/reference-otp';

const T = Date.UTC(2026, 2, 3, 9, 0, 10);
const SECRET = 'JBSWY3DPEHPK3PXP';
const tls = path.resolve(import.meta.dirname, '../fixtures/tls');
const cert = readFileSync(path.join(tls, 'localhost-cert.pem'));
const key = readFileSync(path.join(tls, 'localhost-key.pem'));

let server: Server;
let portal: string;
beforeAll(async () => {
  // The "portal": its Date header is 42 s ahead of the app's (frozen) clock.
  server = createServer({ cert, key }, (_req, res) => {
    res.sendDate = false;
    res.setHeader('Date', new Date(T + 42_000).toUTCString());
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  portal = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const clock = fixedClock(T);
const session = useAppSession({
  bridge: () => ({ clock, dateProbe: httpsDateProbe({ now: () => clock.now(), ca: cert }) }),
});

const LANGUAGES = [
  {
    language: 'en',
    locked: 'Authdesk is locked',
    password: 'Lock password',
    find: 'Find an account',
    skewed: "This computer's clock",
  },
  {
    language: 'nb',
    locked: 'Authdesk er låst',
    password: 'Låsepassord',
    find: 'Finn en konto',
    skewed: 'Klokken på denne datamaskinen',
  },
] as const;

async function addTwoAccounts() {
  await session.bridge.call('accounts.add', { uri: `otpauth://totp/ACME:alice?secret=${SECRET}&issuer=ACME` });
  await session.bridge.call('accounts.add', { uri: 'otpauth://totp/Bank:bob?secret=GEZDGNBVGY3TQOJQ&issuer=Bank' });
}

describe.each(LANGUAGES)('desktop screens in $language', (lang) => {
  it('the lock screen hides every code', async () => {
    const { bridge } = session;
    await addTwoAccounts();
    await bridge.call('settings.set', { language: lang.language, appLock: 'password' });
    await bridge.call('app.setLockPassword', { password: 'correct horse battery' });
    const { page } = await session.open({ frozenAt: T, viewport: { width: 440, height: 640 } });
    await bridge.call('app.lock');
    await page.getByRole('heading', { name: lang.locked }).waitFor();
    await page.getByLabel(lang.password).waitFor();
    expect(await page.content()).not.toContain(referenceTotp(SECRET, T));
    await screenshot(page, `lock-${lang.language}`);
  });

  it('the quick-pick lists the accounts by name only', async () => {
    const { bridge } = session;
    await addTwoAccounts();
    await bridge.call('settings.set', { language: lang.language });
    const { page } = await session.open({ frozenAt: T, viewport: { width: 420, height: 320 } });
    await page.goto(`${bridge.origin}/quick-pick/index.html?token=${bridge.token}`);
    await page.getByRole('combobox', { name: lang.find }).waitFor();
    await expect.poll(() => page.getByRole('option').count()).toBe(2);
    expect(await page.locator('body').textContent()).not.toContain(referenceTotp(SECRET, T));
    await screenshot(page, `quick-pick-${lang.language}`);
  });

  it('the clock warning shows the measured offset, how to fix it, and the offer to shift codes', async () => {
    const { bridge } = session;
    await addTwoAccounts();
    await bridge.call('settings.set', { language: lang.language, portalUrl: portal });
    const status = await bridge.call('app.checkClock');
    expect(status.state).toBe('skewed');
    // The Date header has whole seconds: the offset is read as the middle of that second (42.5 s here).
    expect(status.offsetMs).toBeGreaterThanOrEqual(42_000);
    expect(status.offsetMs).toBeLessThanOrEqual(43_000);
    const { page } = await session.open({ frozenAt: T, viewport: { width: 440, height: 720 } });
    const banner = page.locator('p', { hasText: lang.skewed });
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(/\b4[23]\b/);
    expect(await banner.textContent()).toContain('127.0.0.1');
    await screenshot(page, `clock-warning-${lang.language}`);
  });
});
