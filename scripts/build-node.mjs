// Bundles the Node sides with esbuild: the Electron main process and preload
// (CommonJS: a sandboxed preload cannot load ES modules) and the CLI (see
// cli-bundle.mjs). Native and wasm-carrying packages stay external and
// load from node_modules.
import { build } from 'esbuild';
import { existsSync, rmSync } from 'node:fs';
import { buildDefines } from './build-stamp.mjs';
import { buildCli } from './cli-bundle.mjs';
// The git commit is stamped in (core/build-info.ts) so `authdesk --version` and the
// app's About say exactly which build a tester has.

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
];

for (const t of targets) {
  if (!existsSync(t.entryPoints[0])) continue;
  await build({ ...common, ...t });
}

// The CLI: its own settings (start-up time matters there), see cli-bundle.mjs.
rmSync('dist/cli', { recursive: true, force: true }); // nothing stale from an earlier build
await buildCli('dist/cli');
