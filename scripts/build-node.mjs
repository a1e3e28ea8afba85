// Bundles the Node sides with esbuild: the Electron main process and preload
// (CommonJS: a sandboxed preload cannot load ES modules) and the CLI (ESM).
// Native and wasm-carrying packages stay external and load from node_modules.
// The git commit is stamped in (electron/core/build-info.ts) so `authdesk
// --version` and the app's About say exactly which build a tester has.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { buildDefines } from './build-stamp.mjs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  logLevel: 'warning',
  packages: 'external',
  define: buildDefines(),
};

const targets = [
  { entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs', format: 'cjs', external: ['electron'] },
  // The preload is bundled whole (sandboxed preloads may only require 'electron').
  {
    entryPoints: ['electron/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    format: 'cjs',
    packages: 'bundle',
    external: ['electron'],
  },
  { entryPoints: ['cli/main.ts'], outfile: 'dist/cli/authdesk.mjs', format: 'esm' },
];

for (const t of targets) {
  if (!existsSync(t.entryPoints[0])) continue;
  await build({ ...common, ...t });
}
