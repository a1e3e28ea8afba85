// How the CLI is bundled, shared by scripts/build-node.mjs and the CLI tests
// (tests/cli/support/cli-process.ts), so the tests run the shape that ships.
//
// Start-up is the point: a person waits for `authdesk code github`. So
// - the CLI is one CommonJS file, `program.cjs`, run by a small launcher,
//   `authdesk.cjs` (cli/launcher/), through vm.Script with a V8 code cache: a
//   start after the first neither parses nor compiles what it ran before. (ES
//   modules cannot take a code cache on Node 20; split ES chunks cost every start
//   the module loader's work for ~25 files, ~15 ms more than one script.)
//   `code` and `list`, run many times a day, run from a second build of it with
//   only those two commands, `quick.cjs` (0.46 MB instead of 0.73 MB);
// - what the hot commands (list, code) run is bundled in (zod, otplib, dbus-next);
//   nothing loads before it is needed (zod only where something is checked);
// - packages only rarer commands need (import/export formats, QR writing, jsQR)
//   stay in node_modules and load when those commands run, so the file every
//   start reads stays small (0.7 MB instead of 2.3 MB);
// - native and wasm-carrying packages (keytar, sharp, zxing-wasm) stay external.
import * as nodeCrypto from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
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

/** Whether an import comes from dbus-next's own files (the stand-ins below replace only those). */
const fromDbusNext = (args) => /[\\/]dbus-next[\\/]/.test(args.importer);

/**
 * dbus-next loads node:assert (~1 ms of a start) for two checks of its own arguments: an
 * `assert(value)` and an `assert.strictEqual(a, b, message)`. This stand-in does the same two
 * checks (it throws an Error where node:assert throws an AssertionError; both are bugs in a
 * call, which bus.ts reports as such).
 */
const dbusAssert = {
  name: 'dbus-next-assert',
  setup(build) {
    build.onResolve({ filter: /^assert$/ }, (args) =>
      fromDbusNext(args) ? { path: 'assert', namespace: 'dbus-next-assert' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'dbus-next-assert' }, () => ({
      loader: 'js',
      contents: `
        function assert(value, message) {
          if (!value) throw new Error(message || 'dbus-next: assertion failed');
        }
        assert.strictEqual = (actual, expected, message) => {
          if (actual !== expected) throw new Error(message || 'dbus-next: ' + actual + ' !== ' + expected);
        };
        module.exports = assert;`,
    }));
  },
};

/**
 * dbus-next needs long.js only for 64-bit integers, which Authdesk's keychain calls never send
 * or read, but long.js compiles a WebAssembly module as it loads (~0.6 ms of every start). It
 * stays in the bundle; this stand-in runs it the first time a 64-bit value is met.
 */
const lazyLong = {
  name: 'lazy-long',
  setup(build) {
    build.onResolve({ filter: /^long$/ }, async (args) => {
      if (args.namespace === 'lazy-long' || !fromDbusNext(args)) return undefined;
      const real = await build.resolve('long', {
        resolveDir: args.resolveDir,
        kind: args.kind,
        namespace: 'lazy-long',
      });
      if (real.errors.length) return { errors: real.errors };
      return { path: 'long', namespace: 'lazy-long', pluginData: real.path };
    });
    build.onLoad({ filter: /.*/, namespace: 'lazy-long' }, (args) => ({
      loader: 'js',
      resolveDir: path.dirname(args.pluginData),
      contents: `
        let real;
        const load = () => (real ??= require(${JSON.stringify(args.pluginData)}));
        function Long(low, high, unsigned) { return new (load())(low, high, unsigned); }
        Long.fromString = (text, unsigned, radix) => load().fromString(text, unsigned, radix);
        module.exports = Long;`,
    }));
  },
};

/**
 * node:crypto costs ~4 ms of a start (it loads Node's stream modules with it), which
 * `authdesk list` never needs, yet eight core modules import from it for what they do
 * on other paths (temporary names, key exchange, HMAC). In the program every import of it
 * gets this stand-in: each of node:crypto's functions (its names, read by the build), as a
 * function that loads node:crypto at its first call. Being an ES module, the stand-in costs
 * nothing at load, and a name it lacks (a class, a constant) fails the build, not a run.
 */
const lazyCrypto = {
  name: 'lazy-node-crypto',
  setup(build) {
    build.onResolve({ filter: /^(node:)?crypto$/ }, (args) =>
      // The stand-in's own require() is the real module (esbuild leaves Node's own modules external).
      args.namespace === 'lazy-node-crypto' ? undefined : { path: 'node:crypto', namespace: 'lazy-node-crypto' },
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-node-crypto' }, () => ({
      loader: 'js',
      contents: [
        'let real;',
        "const load = () => (real ??= require('node:crypto'));",
        ...Object.keys(nodeCrypto)
          .filter((name) => /^[a-z]/.test(name) && typeof nodeCrypto[name] === 'function')
          .map((name) => `export function ${name}(...args) { return load().${name}(...args); }`),
      ].join('\n'),
    }));
  },
};

/**
 * zod compiles a fast parser for an object schema when it is built (new Function), unless it
 * is configured jitless; a CLI run checks each schema once or a few times, so compiling costs
 * more than it saves. In the program every import of zod (or zod/mini) gets this stand-in:
 * zod itself, configured jitless first. So zod loads only where a command checks something
 * (most `authdesk code` runs check nothing: see core/vault/checked-copy.ts and core/policy-file.ts)
 * and is still configured before any schema is built.
 */
const jitlessZod = {
  name: 'jitless-zod',
  setup(build) {
    build.onResolve({ filter: /^zod(\/mini)?$/ }, (args) =>
      // The stand-in's own import is the real zod.
      args.namespace === 'jitless-zod'
        ? undefined
        : { path: args.path, namespace: 'jitless-zod', pluginData: args.resolveDir },
    );
    build.onLoad({ filter: /.*/, namespace: 'jitless-zod' }, (args) => ({
      loader: 'js',
      resolveDir: args.pluginData,
      contents: [
        `import { config } from ${JSON.stringify(args.path)};`,
        'config({ jitless: true });',
        `export * from ${JSON.stringify(args.path)};`,
      ].join('\n'),
    }));
  },
};

/** The stand-ins above, for the program and for the test that checks them (tests/cli/cli-bundle-standins.test.ts). */
export const cliPlugins = [lazyXml2js, dbusAssert, lazyLong, lazyCrypto, jitlessZod];

/** Node's CommonJS wrapper, as Module.wrap writes it (the launcher's PROGRAM_HEAD). */
export const PROGRAM_HEAD = '(function (exports, require, module, __filename, __dirname) { ';

/**
 * The program's text inside that wrapper, which the launcher then need not add (PROGRAM_HEAD in
 * cli/launcher/code-cache.ts, the same text): the file is for the launcher, not for require().
 */
export const wrapProgram = (text) => `${PROGRAM_HEAD}${text}\n});`;

/** Packages the CLI loads from node_modules when a rarer command needs them (see above). */
const coldPackages = ['@zip.js/zip.js', 'jsqr', 'hash-wasm', 'protobufjs', 'qrcode', 'papaparse'];

/** esbuild options for one of the CLI's two files. */
function options(entry, outfile, root) {
  return {
    entryPoints: [path.join(root, entry)],
    outfile,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // The program runs inside vm.Script, which has no loader for import(): esbuild turns every
    // dynamic import into require() (the packages left external all have CommonJS entries).
    supported: { 'dynamic-import': false },
    // dbus-next (the Linux keychain) is bundled: loading its 67 files from node_modules cost
    // `authdesk code` ~40 ms. What it requires only on rare paths stays out: x11 (finding the bus
    // through an X display), usocket (abstract sockets), event-stream (a TCP bus); they load
    // from node_modules if present, as before.
    external: [
      'keytar',
      'sharp',
      'zxing-wasm',
      'zxing-wasm/*',
      'x11',
      'usocket',
      'event-stream',
      'xml2js/*',
      ...coldPackages,
    ],
    plugins: cliPlugins,
    // The commit `authdesk --version` prints (core/build-info.ts).
    define: buildDefines(process.env, root),
    sourcemap: false,
    logLevel: 'warning',
  };
}

/**
 * esbuild escapes non-ASCII characters in strings and names but not in comments and
 * regular expressions; escaped there too (as \uXXXX, which means the same in both),
 * the launcher can read the file as Latin-1, a quarter of the time UTF-8 decoding takes.
 */
const asciiOnly = (text) =>
  text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * The quick program: cli/main.ts with cli/commands/quick.ts in place of cli/commands/index.ts
 * (the import in cli/run.ts), so it holds only the commands the launcher sends there
 * (cli/quick-commands.ts) and none of the others' code.
 */
const quickCommands = (root) => ({
  name: 'quick-commands',
  setup(build) {
    build.onResolve({ filter: /^\.\/commands$/ }, (args) =>
      path.resolve(args.importer) === path.join(root, 'cli', 'run.ts')
        ? { path: path.join(root, 'cli', 'commands', 'quick.ts') }
        : undefined,
    );
  },
});

/** Bundles cli/main.ts (with `plugins` added) into the text of a program file, inside the CommonJS wrapper. */
async function programText(file, root, overrides, plugins = []) {
  const programOptions = options('cli/main.ts', file, root);
  // import.meta.url in the sources (cli/qr-from-file.ts) means this file.
  programOptions.banner = { js: "const __authdeskFileUrl = require('node:url').pathToFileURL(__filename).href;" };
  programOptions.define = { ...programOptions.define, 'import.meta.url': '__authdeskFileUrl' };
  programOptions.plugins = [...programOptions.plugins, ...plugins];
  const built = await build({ ...programOptions, ...overrides, write: false });
  const text = wrapProgram(asciiOnly(built.outputFiles[0].text));
  // A dynamic import left in the program would fail at run time inside vm.Script: refuse it here.
  const left = text.match(/\bimport\(\s*["'`][^"'`]*["'`]\s*\)/);
  if (left) throw new Error(`the CLI bundle still has a dynamic import (${left[0]}); it cannot run in vm.Script`);
  return text;
}

const sha256 = (text) => nodeCrypto.createHash('sha256').update(text).digest('hex');

/**
 * Writes the CLI to `outdir`: `authdesk.cjs` (the launcher: run it with node), `program.cjs`
 * (the CLI itself) and `quick.cjs` (the same with only `code` and `list`: a start reads and
 * deserialises less than half the code; `authdesk code` 151 -> 143 ms in 41 interleaved rounds
 * on a 2-core VM, floor 97 ms). `overrides` go to every esbuild run (the tests quiet the log).
 */
export async function buildCli(outdir, root = process.cwd(), overrides = {}) {
  const program = path.join(outdir, 'program.cjs');
  const quick = path.join(outdir, 'quick.cjs');
  const launcher = path.join(outdir, 'authdesk.cjs');
  const [programCode, quickCode] = await Promise.all([
    programText(program, root, overrides),
    programText(quick, root, overrides, [quickCommands(root)]),
  ]);
  mkdirSync(outdir, { recursive: true });
  writeFileSync(program, programCode);
  writeFileSync(quick, quickCode);
  const programKey = sha256(programCode);
  const quickKey = sha256(quickCode);
  const launcherOptions = options('cli/launcher/main.ts', launcher, root);
  launcherOptions.define = {
    ...launcherOptions.define,
    __AUTHDESK_PROGRAM_SHA256__: JSON.stringify(programKey),
    __AUTHDESK_QUICK_SHA256__: JSON.stringify(quickKey),
    // One name for the build, whichever program runs (the checked copy of accounts.json is shared).
    __AUTHDESK_BUILD_SHA256__: JSON.stringify(sha256(`${programKey}\n${quickKey}\n`)),
  };
  await build({ ...launcherOptions, ...overrides });
  return { launcher, program, quick };
}
