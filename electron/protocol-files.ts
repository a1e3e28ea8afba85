/**
 * The file side of app://: which file a URL names (never one outside the
 * bundle) and the response for it. No Electron here, so the same code serves
 * the bundle in tests and benches.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from './csp';
import { isAppUrl } from './ipc/origin';

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  // WebAssembly.instantiateStreaming refuses anything but application/wasm.
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeTypeOf(file: string): string {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file under `rootDir` that `url` names, or null when the URL is not ours
 * or tries to leave the folder (`..`, encoded slashes or NULs, absolute paths).
 * Purely lexical; respondFromBundle also resolves symlinks.
 */
export function resolveBundlePath(rootDir: string, url: string): string | null {
  if (!isAppUrl(url)) return null;
  const rawPath = new URL(url).pathname;
  // Encoded separators and NULs have no business in our own asset names.
  if (/%(2f|5c|00)/i.test(rawPath) || rawPath.includes('\\')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  if (relative.includes('\0') || relative.split('/').some((segment) => segment === '..')) return null;
  const root = path.resolve(rootDir);
  const full = path.resolve(root, relative);
  const inside = path.relative(root, full);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return null;
  return full;
}

const headersFor = (contentType: string) => ({
  'content-type': contentType,
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
});

export async function respondFromBundle(rootDir: string, url: string, method = 'GET'): Promise<Response> {
  if (method !== 'GET' && method !== 'HEAD')
    return new Response('Method not allowed', { status: 405, headers: headersFor('text/plain') });
  const file = resolveBundlePath(rootDir, url);
  if (!file) return new Response('Forbidden', { status: 403, headers: headersFor('text/plain') });
  try {
    // A symlink inside the bundle must not lead outside it either.
    const [realRoot, realFile] = await Promise.all([realpath(rootDir), realpath(file)]);
    const inside = path.relative(realRoot, realFile);
    if (inside.startsWith('..') || path.isAbsolute(inside))
      return new Response('Forbidden', { status: 403, headers: headersFor('text/plain') });
    if (!(await stat(realFile)).isFile()) throw new Error('not a file');
    const body = method === 'HEAD' ? null : await readFile(realFile);
    return new Response(body, { status: 200, headers: headersFor(mimeTypeOf(realFile)) });
  } catch {
    return new Response('Not found', { status: 404, headers: headersFor('text/plain') });
  }
}
