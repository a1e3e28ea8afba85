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

/**
 * dbus-next builds and parses XML (D-Bus introspection) with xml2js, which Authdesk's
 * keychain calls never need, but dbus-next loads it with everything else (sax and
 * xmlbuilder too: 45 % of its bundle). This stand-in loads the real xml2js from
 * node_modules the first time either class is used.
 */
const lazyXml2js = {
  name: 'lazy-xml2js',
  setup(build) {
    build.onResolve({ filter: /^xml2js$/ }, () => ({ path: 'xml2js', namespace: 'lazy-xml2js' }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-xml2js' }, () => ({
      loader: 'js',
      contents: `
        let xml2js;
        const load = () => (xml2js ??= require('xml2js/lib/xml2js.js'));
        class Builder {
          constructor(options) { this.options = options; }
          buildObject(value) { return (this.real ??= new (load().Builder)(this.options)).buildObject(value); }
        }
        class Parser {
          constructor(options) { this.options = options; }
          parseString(...args) { return (this.real ??= new (load().Parser)(this.options)).parseString(...args); }
        }
        module.exports = { Builder, Parser };`,
    }));
  },
};

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
    // dbus-next (the Linux keychain) is bundled too: loading its 67 files from node_modules cost
    // `authdesk code` ~40 ms. What it requires only on rare paths stays out: x11 (finding the bus
    // through an X display), usocket (abstract sockets), event-stream (a TCP bus); they load
    // from node_modules if present, as before.
    external: ['keytar', 'sharp', 'zxing-wasm', 'zxing-wasm/*', 'x11', 'usocket', 'event-stream', 'xml2js/*'],
    plugins: [lazyXml2js],
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
