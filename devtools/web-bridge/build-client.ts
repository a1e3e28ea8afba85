/**
 * The bridge client: client.ts bundled for the browser with esbuild (once per
 * process), served as /bridge-client.js and put in front of the app's own
 * script in index.html, so `window.authenticator` exists before the app starts.
 */
import path from 'node:path';
import { build } from 'esbuild';

export const CLIENT_SCRIPT = 'bridge-client.js';

export function injectClient(html: string): string {
  // Root-absolute: the quick-pick page lives one folder down (quick-pick/index.html).
  const tag = `<script src="/${CLIENT_SCRIPT}"></script>`;
  const at = html.indexOf('<script');
  if (at < 0) throw new Error('dist/renderer/index.html has no <script>: was it built by `npm run build`?');
  return `${html.slice(0, at)}${tag}\n    ${html.slice(at)}`;
}

let cached: Promise<string> | null = null;

export function bridgeClientJs(): Promise<string> {
  cached ??= build({
    entryPoints: [path.join(import.meta.dirname, 'client.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome130',
    minify: true,
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]!.text);
  return cached;
}
