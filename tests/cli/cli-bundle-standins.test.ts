/**
 * The CLI bundle replaces two of dbus-next's dependencies to start faster
 * (scripts/cli-bundle.mjs): node:assert by a stand-in with the same two checks,
 * and long.js by one that loads it when a 64-bit value is first met. Built with
 * the CLI's own plugins, dbus-next must still marshal and read 64-bit values and
 * still refuse a malformed variant.
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

let dir: string;
let bundle: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'authdesk-standins-'));
  bundle = path.join(dir, 'bundle.cjs');
  await build({
    stdin: { contents: ENTRY, resolveDir: repoRoot, sourcefile: 'standins-entry.cjs', loader: 'js' },
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    plugins: cliPlugins,
    logLevel: 'silent',
  });
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
