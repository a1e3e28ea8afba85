/**
 * Serves the production renderer bundle (dist/renderer) as it is, except that
 * every index.html (the main page and quick-pick/) gets the bridge client script in front of the app's own script,
 * so `window.authenticator` exists before the app starts.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../electron/csp';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export const CLIENT_SCRIPT = 'bridge-client.js';

export function injectClient(html: string): string {
  // Root-absolute: the quick-pick page lives one folder down (quick-pick/index.html).
  const tag = `<script src="/${CLIENT_SCRIPT}"></script>`;
  const at = html.indexOf('<script');
  if (at < 0) throw new Error('dist/renderer/index.html has no <script>: was it built by `npm run build`?');
  return `${html.slice(0, at)}${tag}\n    ${html.slice(at)}`;
}

export interface StaticFile {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

export async function staticFile(root: string, urlPath: string, clientJs: string): Promise<StaticFile> {
  const headers = {
    'cache-control': 'no-store',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
  };
  // Browsers ask for a favicon on their own; the app has none to give (Electron never asks).
  if (urlPath === '/favicon.ico') return { status: 204, headers, body: '' };
  if (urlPath === `/${CLIENT_SCRIPT}`)
    return { status: 200, headers: { ...headers, 'content-type': TYPES['.js']! }, body: clientJs };
  const relative = urlPath === '/' ? 'index.html' : decodeURIComponent(urlPath).replace(/^\/+/, '');
  const file = path.resolve(root, relative);
  if (file !== root && !file.startsWith(root + path.sep)) return { status: 403, headers, body: 'Forbidden' };
  try {
    const data = await readFile(file);
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    const body = path.basename(file) === 'index.html' ? injectClient(data.toString('utf8')) : data;
    return { status: 200, headers: { ...headers, 'content-type': type }, body };
  } catch {
    return { status: 404, headers, body: 'Not found' };
  }
}
