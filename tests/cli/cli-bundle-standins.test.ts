/**
 * The CLI bundle replaces two of dbus-next's dependencies to start faster
 * (scripts/cli-bundle.mjs): node:assert by a stand-in with the same two checks,
 * and long.js by one that loads it when a 64-bit value is first met. Built with
 * the CLI's own plugins, dbus-next must still marshal and read 64-bit values and
 * still refuse a malformed variant. node:crypto gets a stand-in too (for every
 * importer): it loads at the first call, and a name it does not carry fails the build.
 * zod comes configured jitless wherever it is imported.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cliPlugins } from '../../scripts/cli-bundle.mjs';
import { repoRoot } from '../support/vectors';

const ENTRY = `
const { marshallMessage, messageToJsFmt } = require('dbus-next/lib/marshall-compat');
const { unmarshall } = require('dbus-next/lib/message');
const { Variant } = require('dbus-next/lib/variant');
const marshall = require('dbus-next/lib/marshall');
const [bytes] = marshallMessage({
  type: 1, serial: 1, path: '/a', member: 'M', signature: 'txv',
  body: [18446744073709551615n, -5n, new Variant('t', 7n)],
});
const body = messageToJsFmt(unmarshall(bytes)).body;
let refused = null;
try { marshall('v', [['t']], 0, []); } catch (err) { refused = err.message; }
console.log(JSON.stringify({ body: [String(body[0]), String(body[1]), body[2].signature, String(body[2].value)], refused }));
`;

/** Bundles `contents` (CommonJS or an ES module) with the CLI's plugins; esbuild's errors if it fails. */
async function bundleModule(contents: string, name: string) {
  const outfile = path.join(dir, `${name}.cjs`);
  try {
    await build({
      stdin: { contents, resolveDir: repoRoot, sourcefile: `${name}.js`, loader: 'js' },
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      plugins: cliPlugins,
      logLevel: 'silent',
    });
    return { outfile, errors: [] as string[] };
  } catch (err) {
    return { outfile, errors: (err as { errors?: { text: string }[] }).errors?.map((e) => e.text) ?? [String(err)] };
  }
}

let dir: string;
let bundle: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'authdesk-standins-'));
  const built = await bundleModule(ENTRY, 'bundle');
  expect(built.errors).toEqual([]);
  bundle = built.outfile;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('bundles the stand-ins instead of node:assert and an eager long.js', () => {
  const text = readFileSync(bundle, 'utf8');
  expect(text).not.toMatch(/require\(["'](node:)?assert["']\)/);
  expect(text).toContain('dbus-next-assert:assert');
  expect(text).toContain('lazy-long:long');
});

it('dbus-next still writes and reads 64-bit values and refuses a malformed variant', () => {
  const r = spawnSync(process.execPath, [bundle], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  expect(JSON.parse(r.stdout)).toEqual({
    body: ['18446744073709551615', '-5', 't', '7'],
    refused: 'variant data should be [signature, data]',
  });
});

it('node:crypto loads at the first call of one of its functions, not when the program loads', async () => {
  const { outfile, errors } = await bundleModule(
    `import { createHash, randomBytes } from 'node:crypto';
     const loaded = () => process.moduleLoadList.includes('NativeModule crypto');
     const before = loaded();
     const digest = createHash('sha256').update('abc').digest('hex');
     console.log(JSON.stringify({ before, after: loaded(), digest, random: randomBytes(8).length }));`,
    'lazy-crypto',
  );
  expect(errors).toEqual([]);
  const r = spawnSync(process.execPath, [outfile], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  expect(JSON.parse(r.stdout)).toEqual({
    before: false,
    after: true,
    digest: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    random: 8,
  });
});

it('a name of node:crypto the stand-in does not carry (a class) fails the build, not a run', async () => {
  const { errors } = await bundleModule(
    `import { KeyObject } from 'node:crypto'; console.log(typeof KeyObject);`,
    'lazy-crypto-class',
  );
  expect(errors.join('\n')).toMatch(/No matching export .* "KeyObject"/);
});

it('zod and zod/mini come configured jitless: a schema built and used compiles no parser (no new Function)', async () => {
  const { outfile, errors } = await bundleModule(
    `import * as z from 'zod';
     import * as zm from 'zod/mini';
     let compiled = 0;
     const RealFunction = globalThis.Function;
     globalThis.Function = new Proxy(RealFunction, { construct(target, args) { compiled++; return Reflect.construct(target, args); } });
     const full = z.object({ a: z.string(), b: z.number() });
     const mini = zm.object({ a: zm.string() });
     const parsed = [full.parse({ a: 'x', b: 1 }), full.parse({ a: 'y', b: 2 }), mini.parse({ a: 'z' })];
     console.log(JSON.stringify({ jitless: [z.config().jitless, zm.config().jitless], compiled, parsed }));`,
    'jitless-zod',
  );
  expect(errors).toEqual([]);
  const r = spawnSync(process.execPath, [outfile], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  expect(JSON.parse(r.stdout)).toEqual({
    jitless: [true, true],
    compiled: 0,
    parsed: [{ a: 'x', b: 1 }, { a: 'y', b: 2 }, { a: 'z' }],
  });
});
