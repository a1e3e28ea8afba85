// How the CLI is bundled, shared by scripts/build-node.mjs and the CLI tests
// (tests/cli/support/cli-process.ts), so the tests run the shape that ships.
//
// Start-up is the point: a person waits for `authdesk code github`. So
// - pure-JS packages (zod, otplib, jsqr) are bundled in: one parsed file instead
//   of resolving and loading dozens of package files at every start;
// - native and wasm-carrying packages (keytar, sharp, zxing-wasm) stay external
//   and load from node_modules;
// - code splitting: what only the image commands need (sharp, the QR decoder,
//   jsQR) sits in a chunk that `import()` loads when decode-qr / add --image
//   run, so `list` and `code` never pay for it.
import path from 'node:path';
import { buildDefines } from './build-stamp.mjs';

/** esbuild options that write the CLI to `outdir/authdesk.mjs` (+ `outdir/chunks/`). */
export function cliBuildOptions(outdir, root = process.cwd()) {
  return {
    entryPoints: { authdesk: path.join(root, 'cli/main.ts') },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    // dbus-next (the Linux keychain) requires optional native helpers at run time: load it from node_modules.
    external: ['keytar', 'sharp', 'zxing-wasm', 'zxing-wasm/*', 'dbus-next'],
    // Bundled CommonJS packages (jsQR) call require(); ESM output has none of its own.
    banner: {
      js: "import { createRequire as __authdeskRequire } from 'node:module'; const require = __authdeskRequire(import.meta.url);",
    },
    // The commit `authdesk --version` prints (core/build-info.ts).
    define: buildDefines(process.env, root),
    sourcemap: false,
    logLevel: 'warning',
  };
}
