/**
 * What a start loads is most of what it costs (issue 12). `authdesk list` reads no
 * secret and no image: it must load neither node:crypto (Node's stream modules come
 * with it, ~4 ms) nor an image library. `authdesk code` needs the keychain (node:crypto,
 * node:net) but no image library either. Neither loads fs/promises: the vault is read with
 * synchronous calls, since the first promise-based one costs its modules and libuv's thread
 * pool (~5 ms; core/data-folder.ts). Neither loads zod when there is nothing to check (no policy
 * file, accounts.json unchanged since it was checked). Each command runs as built, with a preload
 * that writes down, as the process exits, which of Node's modules and which files it loaded.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireSecretService } from '../support/keychain';
import { runCli } from './support/cli-process';
import { useCliSandbox } from './support/cli-session';

requireSecretService();
const { box, cli, run } = useCliSandbox('authdesk-cli-start-up');
const LINK = 'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example';

const PRELOAD = `
const { writeFileSync } = require('node:fs');
process.on('exit', () =>
  writeFileSync(process.env.AUTHDESK_TEST_LOADED, JSON.stringify({
    builtins: process.moduleLoadList,
    files: Object.keys(require.cache),
    // zod, bundled, sets this as it loads.
    zod: globalThis.__zod_globalConfig !== undefined,
  })),
);`;

const preload = path.join(box.dataDir, 'record-loaded.cjs');

/** Runs one command and returns what it printed and what it loaded. */
async function loadedBy(args: string[]) {
  const record = path.join(box.dataDir, `loaded-${args[0]}.json`);
  const r = await runCli(cli.file, args, {
    ...box.env,
    NODE_OPTIONS: `--require=${preload}`,
    AUTHDESK_TEST_LOADED: record,
  });
  expect(r.code, r.stderr).toBe(0);
  const { builtins, files, zod } = JSON.parse(readFileSync(record, 'utf8')) as {
    builtins: string[];
    files: string[];
    zod: boolean;
  };
  return {
    stdout: r.stdout,
    zod,
    builtin: (name: string) => builtins.includes(`NativeModule ${name}`),
    packages: files.filter((f) => /[\\/]node_modules[\\/](sharp|zxing-wasm|jsqr|@img)[\\/]/.test(f)),
  };
}

beforeAll(async () => {
  writeFileSync(preload, PRELOAD);
  expect((await run('add', LINK)).code).toBe(0);
});

describe('what a start loads', () => {
  it('`authdesk list` loads neither node:crypto nor node:net nor fs/promises nor an image library', async () => {
    // The first read of accounts.json after `add` checks it (zod); the copy it leaves lets later ones skip that.
    expect((await loadedBy(['list'])).zod).toBe(true);
    const list = await loadedBy(['list']);
    // No policy file and an accounts.json checked before: nothing to check, so zod never loads.
    expect(list.zod).toBe(false);
    expect(list.stdout).toContain('Example (alice)');
    expect(list.builtin('crypto')).toBe(false);
    expect(list.builtin('net')).toBe(false);
    expect(list.builtin('internal/fs/promises')).toBe(false);
    // The launcher takes Node's CommonJS loader from its own module object: node:module would load
    // the ES module loader with it (cli/launcher/code-cache.ts).
    expect(list.builtin('module')).toBe(false);
    expect(list.builtin('internal/modules/esm/loader')).toBe(false);
    expect(list.packages).toEqual([]);
  });

  it('`authdesk code` loads node:crypto when it needs it, and neither fs/promises nor an image library', async () => {
    const code = await loadedBy(['code', 'Example', '--json']);
    expect(code.stdout).toMatch(/"code": "\d{6}"/);
    expect(code.zod).toBe(false);
    // The record sees Node's modules: the keychain's key exchange and the HMAC need node:crypto.
    expect(code.builtin('crypto')).toBe(true);
    expect(code.builtin('net')).toBe(true);
    expect(code.builtin('internal/fs/promises')).toBe(false);
    expect(code.packages).toEqual([]);
  });
});
