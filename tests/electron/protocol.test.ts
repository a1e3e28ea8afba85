import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
vi.mock('electron', () => import('./fake-electron'));
import { FakeSession, protocol } from './fake-electron';
import { CONTENT_SECURITY_POLICY } from '../../electron/csp';
import { registerAppScheme, resolveBundlePath, respondFromBundle, serveBundle } from '../../electron/protocol';

// A bundle folder with a secret file right next to it, outside the served root.
const base = mkdtempSync(path.join(tmpdir(), 'authdesk-protocol-'));
const root = path.join(base, 'renderer');
mkdirSync(path.join(root, 'assets'), { recursive: true });
writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Authdesk</title>');
writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
writeFileSync(path.join(root, 'assets', 'index-abc.css'), 'body{}');
writeFileSync(path.join(root, 'assets', 'zxing_reader.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d]));
writeFileSync(path.join(base, 'secret.txt'), 'OUTSIDE-THE-BUNDLE');
symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const TRAVERSALS = [
  'app://authdesk/%2e%2e/secret.txt',
  'app://authdesk/..%2fsecret.txt',
  'app://authdesk/assets/..%2f..%2fsecret.txt',
  'app://authdesk/%2e%2e%2fsecret.txt',
  'app://authdesk/..%5csecret.txt',
  'app://authdesk/assets/%2E%2E/%2E%2E/secret.txt',
  'app://authdesk/index.html%00.js',
  `app://authdesk/${encodeURIComponent(path.join(base, 'secret.txt'))}`,
  'app://authdesk/%',
];

describe('app:// serves only the bundle', () => {
  it('maps our URLs to files inside the root', () => {
    expect(resolveBundlePath(root, 'app://authdesk/')).toBe(path.join(root, 'index.html'));
    expect(resolveBundlePath(root, 'app://authdesk/assets/index-abc.js?v=1#x')).toBe(
      path.join(root, 'assets', 'index-abc.js'),
    );
  });

  // Some of these the URL parser already folds back inside the root (`/%2e%2e/x` is `/x`),
  // the rest we refuse; either way nothing outside the root is ever read.
  it.each(TRAVERSALS)('never leaves the bundle for %s', async (url) => {
    const resolved = resolveBundlePath(root, url);
    if (resolved !== null) expect(resolved.startsWith(root + path.sep)).toBe(true);
    const response = await respondFromBundle(root, url);
    expect([403, 404]).toContain(response.status);
    expect(await response.text()).not.toContain('OUTSIDE-THE-BUNDLE');
  });

  it('refuses encoded separators, NULs and bad escapes outright', () => {
    for (const url of [
      'app://authdesk/..%2fsecret.txt',
      'app://authdesk/..%5csecret.txt',
      'app://authdesk/index.html%00.js',
      'app://authdesk/%',
    ]) {
      expect(resolveBundlePath(root, url), url).toBeNull();
    }
    expect(resolveBundlePath(root, 'app://authdesk/%2e%2e/secret.txt')).toBe(path.join(root, 'secret.txt'));
  });

  it('refuses other hosts and schemes', () => {
    for (const url of [
      'app://evil/index.html',
      'app://authdesk.evil/index.html',
      'app://authdesk:8080/index.html',
      'https://authdesk/index.html',
      'file:///etc/passwd',
    ]) {
      expect(resolveBundlePath(root, url), url).toBeNull();
    }
  });

  it('does not follow a symlink out of the bundle', async () => {
    const response = await respondFromBundle(root, 'app://authdesk/assets/link.txt');
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('OUTSIDE-THE-BUNDLE');
  });

  it('answers with the right MIME type and the CSP header', async () => {
    const cases = [
      ['app://authdesk/index.html', 'text/html; charset=utf-8'],
      ['app://authdesk/', 'text/html; charset=utf-8'],
      ['app://authdesk/assets/index-abc.js', 'text/javascript; charset=utf-8'],
      ['app://authdesk/assets/index-abc.css', 'text/css; charset=utf-8'],
      ['app://authdesk/assets/zxing_reader.wasm', 'application/wasm'],
    ] as const;
    for (const [url, type] of cases) {
      const response = await respondFromBundle(root, url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type'), url).toBe(type);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(
      new Uint8Array(await (await respondFromBundle(root, 'app://authdesk/assets/zxing_reader.wasm')).arrayBuffer()),
    ).toEqual(new Uint8Array([0, 0x61, 0x73, 0x6d]));
  });

  it('says 404 for a missing file or a folder, 405 for anything but GET/HEAD', async () => {
    expect((await respondFromBundle(root, 'app://authdesk/nope.js')).status).toBe(404);
    expect((await respondFromBundle(root, 'app://authdesk/assets')).status).toBe(404);
    expect((await respondFromBundle(root, 'app://authdesk/index.html', 'POST')).status).toBe(405);
    const head = await respondFromBundle(root, 'app://authdesk/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('registers app: as a standard, secure, fetchable scheme that does not bypass the CSP', () => {
    registerAppScheme();
    const app = protocol.privileged.find((s) => s.scheme === 'app');
    expect(app?.privileges).toMatchObject({ standard: true, secure: true, supportFetchAPI: true });
    expect(app?.privileges?.bypassCSP).toBeFalsy();
    expect(app?.privileges?.allowServiceWorkers).toBeFalsy();
  });

  it('wires the handler into the session', async () => {
    const session = new FakeSession();
    serveBundle(session as never, root);
    const handler = session.protocolHandlers.get('app')!;
    const ok: Response = await handler({ url: 'app://authdesk/index.html', method: 'GET' });
    expect(await ok.text()).toContain('<title>Authdesk</title>');
    const refused: Response = await handler({ url: 'app://authdesk/..%2f..%2fsecret.txt', method: 'GET' });
    expect(refused.status).toBe(403);
  });
});
