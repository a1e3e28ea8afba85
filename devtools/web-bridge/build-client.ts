/** Bundles client.ts for the browser with esbuild, once per process. */
import path from 'node:path';
import { build } from 'esbuild';

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
