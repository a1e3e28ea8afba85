/**
 * The web test bridge itself: it refuses calls without its token or from
 * another host name, injects its client under the page's CSP, records
 * openExternal, and pushes accountsChanged when ANOTHER process (here a
 * second vault on the same folder and keychain, as the CLI would be) changes
 * the vault, so an open page shows the new account without a reload.
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock';
import { parseOtpauthUri } from '../../core/otp/index';
import { SETTINGS_FILE } from '../../core/settings';
import { createSecretStore, openVault } from '../../core/vault/index';
import { launchBrowser, openApp } from '../support/browser';
import { startTestBridge, type TestBridge } from '../support/bridge';

const T = 1_700_000_000_000;
let bridge: TestBridge;
let browser: Browser;

beforeAll(async () => {
  bridge = await startTestBridge({ clock: fixedClock(T) });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await bridge?.cleanup();
});

/** A raw HTTP call (fetch would not let us send another Host header). */
function call(
  path: string,
  headers: Record<string, string> = {},
  method = 'POST',
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const url = new URL(path, bridge.origin);
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(method === 'POST' ? '{}' : undefined);
  });
}

describe('web test bridge', () => {
  it('answers rpc only with its token, and only under its own host name', async () => {
    expect((await call('/rpc/accounts.list')).status).toBe(403);
    expect((await call('/rpc/accounts.list', { 'x-authdesk-token': 'f'.repeat(48) })).status).toBe(403);
    expect((await call('/events', {}, 'GET')).status).toBe(403);
    const ok = await call('/rpc/accounts.list', { 'x-authdesk-token': bridge.token });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toEqual({ ok: true, value: [] });
    const rebound = await call(`/rpc/accounts.list?token=${bridge.token}`, {
      host: `attacker.example:${new URL(bridge.origin).port}`,
    });
    expect(rebound.status).toBe(403);
    // Unknown channels and bad input come back as Outcome values with a sentence, never a stack trace.
    const unknown = JSON.parse((await call('/rpc/accounts.drop', { 'x-authdesk-token': bridge.token })).body);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'bad-input' } });
  });

  it('serves the bundle with the client injected before the app and the CSP as a header', async () => {
    const page = await call('/', {}, 'GET');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(page.body.indexOf('bridge-client.js')).toBeGreaterThan(0);
    expect(page.body.indexOf('bridge-client.js')).toBeLessThan(page.body.indexOf('type="module"'));
    expect((await call('/../package.json', {}, 'GET')).status).not.toBe(200);
  });

  it('records openPortal (the configured portal) instead of opening a browser', async () => {
    await bridge.call('settings.set', { portalUrl: 'https://example.com/setup' });
    await bridge.call('app.openPortal', {});
    const opened = await call(`/__test/opened?token=${bridge.token}`, {}, 'GET');
    expect(JSON.parse(opened.body)).toEqual(['https://example.com/setup']);
  });

  it('pushes accountsChanged when another process changes the vault, and the open page shows it', async () => {
    const app = await openApp(browser, bridge, { frozenAt: T });
    await app.page.getByRole('heading', { name: 'No accounts yet' }).waitFor();
    await expect.poll(() => bridge.eventClients()).toBe(1);

    // Like `authdesk add` from a terminal: its own vault instance on the same folder and keychain service.
    const other = await openVault({
      dataDir: bridge.dataDir,
      secrets: createSecretStore(bridge.keychainService),
      clock: fixedClock(T),
    });
    await other.add(parseOtpauthUri('otpauth://totp/Terminal:cli?secret=JBSWY3DPEHPK3PXP&issuer=Terminal'));

    await app.page.locator('li.row', { hasText: 'Terminal' }).waitFor();
    expect(app.errors).toEqual([]);
    await app.context.close();
  });

  it('closing waits for a call still running (a page closed mid-call), so its data folder can go right after', async () => {
    let entered = () => {};
    const inDialog = new Promise<void>((resolve) => (entered = resolve));
    let answer = (_folder: string) => {};
    const chosen = new Promise<string>((resolve) => (answer = resolve));
    const held = await startTestBridge({
      clock: fixedClock(T),
      chooseBackupFolder: async () => {
        entered();
        return chosen; // the folder dialog is still open
      },
    });
    try {
      const url = new URL('/rpc/backup.chooseFolder', held.origin);
      const req = request(url, { method: 'POST', headers: { 'x-authdesk-token': held.token } });
      req.on('error', () => undefined); // the connection is cut by close(): expected
      req.end('{}');
      await inDialog;

      let closed = false;
      const closing = held.close().then(() => void (closed = true));
      for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
      expect(closed).toBe(false);

      answer(held.dataDir); // the dialog answers: the call writes settings.json, then close() returns
      await closing;
      const settings = JSON.parse(readFileSync(path.join(held.dataDir, SETTINGS_FILE), 'utf8'));
      expect(settings.backupFolder).toBe(held.dataDir);
    } finally {
      await held.cleanup();
    }
  });
});
