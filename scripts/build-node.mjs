// Bundles the Node sides with esbuild: the Electron main process and preload
// (CommonJS: a sandboxed preload cannot load ES modules) and the CLI (ESM).
// Native and wasm-carrying packages stay external and load from node_modules.
// The git commit is stamped in (electron/core/build-info.ts) so `authdesk
// --version` and the app's About say exactly which build a tester has.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The commit of HEAD (12 hex digits, "-dirty" with uncommitted changes), or 'unknown' outside git. */
function gitCommit() {
  const git = (...args) => spawnSync('git', args, { encoding: 'utf8' });
  const head = git('rev-parse', '--short=12', 'HEAD');
  if (head.status !== 0 || !/^[0-9a-f]{7,40}$/.test(head.stdout.trim())) return 'unknown';
  const dirty = git('status', '--porcelain', '--untracked-files=no').stdout.trim() !== '';
  return `${head.stdout.trim()}${dirty ? '-dirty' : ''}`;
}

const commit = process.env.AUTHDESK_COMMIT?.trim() || gitCommit();

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  logLevel: 'warning',
  packages: 'external',
  define: { __AUTHDESK_COMMIT__: JSON.stringify(commit) },
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
