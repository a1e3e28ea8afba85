/**
 * The real `authdesk` (launcher + program, as built) with its code cache: the first
 * command writes the cache, the next one uses it, and a damaged, unwritable or disabled
 * cache changes nothing a person sees. AUTHDESK_DEBUG=1 makes the launcher say which.
 * Beside it, the checked copy of accounts.json (core/vault/checked-copy.ts).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireSecretService } from '../support/keychain';
import { runCli } from './support/cli-process';
import { useCliSandbox } from './support/cli-session';

requireSecretService();
const { box, cli } = useCliSandbox('authdesk-cli-code-cache');
const LINK = 'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example';

/** `authdesk ARGS` (list by default) with the cache in `cacheDir` (or turned off), and what the launcher said of the cache. */
async function list(env: NodeJS.ProcessEnv, args = ['list']) {
  const r = await runCli(cli.file, args, { ...box.env, AUTHDESK_DEBUG: '1', ...env });
  const [, said, program] = /authdesk: debug: code cache (\w+).* for (\S+)\n/.exec(r.stderr) ?? [];
  return {
    code: r.code,
    stdout: r.stdout,
    said,
    program,
    stderr: r.stderr.replace(/^authdesk: debug: code cache.*\n/m, ''),
  };
}
const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
const built = (name: string) => readFileSync(path.join(path.dirname(cli.file), name));

const v8Caches = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.v8cache'));

describe('authdesk with its code cache', () => {
  it('writes a cache on the first start of each program, uses it on the next, and prints the same either way', async () => {
    const cacheDir = path.join(box.dataDir, 'cache-a');
    // `add` runs program.cjs (every command), `list` and `code` run quick.cjs: each has its own cache,
    // named after its SHA-256, and writing one keeps the other.
    const add = await list({ AUTHDESK_CACHE_DIR: cacheDir }, ['add', LINK]);
    expect(add).toMatchObject({ code: 0, said: 'absent', program: 'program.cjs' });
    const programCache = v8Caches(cacheDir);
    expect(programCache).toEqual([expect.stringMatching(/^cli-[0-9a-f]{24}-[0-9a-f]{8}\.v8cache$/)]);
    expect(programCache[0]!.slice(4, 28)).toBe(sha256(built('program.cjs')).slice(0, 24));
    const first = await list({ AUTHDESK_CACHE_DIR: cacheDir });
    expect(first).toMatchObject({ code: 0, said: 'absent', program: 'quick.cjs', stderr: '' });
    const files = v8Caches(cacheDir);
    expect(files).toHaveLength(2);
    expect(files).toEqual(expect.arrayContaining(programCache));
    const quickCache = files.find((f) => f !== programCache[0])!;
    expect(quickCache.slice(4, 28)).toBe(sha256(built('quick.cjs')).slice(0, 24));
    const second = await list({ AUTHDESK_CACHE_DIR: cacheDir });
    expect(second).toMatchObject({ code: 0, said: 'used', program: 'quick.cjs', stdout: first.stdout, stderr: '' });
    expect(second.stdout).toContain('Example (alice)');
    const without = await list({ AUTHDESK_CODE_CACHE: '0', AUTHDESK_CACHE_DIR: cacheDir });
    expect(without).toMatchObject({ code: 0, said: 'off', stdout: second.stdout, stderr: '' });
    expect((await list({ AUTHDESK_CACHE_DIR: cacheDir }, ['remove', '--help'])).said).toBe('used');
    expect(v8Caches(cacheDir).sort()).toEqual(files.sort());
  });

  it('quick.cjs holds code and list and none of the other commands; program.cjs holds them all', async () => {
    const quick = built('quick.cjs').toString('latin1');
    const program = built('program.cjs').toString('latin1');
    for (const name of ['code', 'list']) {
      expect(quick).toContain(`// cli/commands/${name}.ts`);
      expect(program).toContain(`// cli/commands/${name}.ts`);
    }
    for (const name of ['add', 'import', 'export', 'backup', 'decode-qr', 'remove', 'policy']) {
      expect(quick).not.toContain(`// cli/commands/${name}.ts`);
      expect(program).toContain(`// cli/commands/${name}.ts`);
    }
    const code = await list({}, ['code', 'Example', '--json']);
    expect(code).toMatchObject({ code: 0, program: 'quick.cjs', stderr: '' });
    expect(code.stdout).toMatch(/"code": "\d{6}"/);
    expect((await list({}, ['code', '--help'])).stdout).toContain('authdesk code [QUERY]');
    expect(await list({}, ['help', 'code'])).toMatchObject({ code: 0, program: 'program.cjs' });
  });

  it('a damaged cache file: the same answer, and a good cache takes its place', async () => {
    const cacheDir = path.join(box.dataDir, 'cache-b');
    const first = await list({ AUTHDESK_CACHE_DIR: cacheDir });
    expect(first).toMatchObject({ code: 0, said: 'absent' });
    const file = path.join(cacheDir, v8Caches(cacheDir)[0]!);
    const good = readFileSync(file);
    writeFileSync(file, Buffer.concat([good.subarray(0, 100), Buffer.alloc(good.length - 100, 0xff)]));
    const damaged = await list({ AUTHDESK_CACHE_DIR: cacheDir });
    expect(damaged).toMatchObject({ code: 0, said: 'absent', stdout: first.stdout, stderr: '' });
    expect((await list({ AUTHDESK_CACHE_DIR: cacheDir })).said).toBe('used');
  });

  it('a cache folder that cannot be made (a file stands there): the same answer, nothing else said', async () => {
    const blocked = path.join(box.dataDir, 'cache-c');
    writeFileSync(blocked, 'not a folder');
    const r = await list({ AUTHDESK_CACHE_DIR: blocked });
    expect(r).toMatchObject({ code: 0, said: 'absent', stderr: '' });
    expect(r.stdout).toContain('Example (alice)');
    rmSync(blocked);
  });
});

describe('the checked copy of accounts.json', () => {
  const accountsFile = () => path.join(box.dataDir, 'accounts.json');
  const checkedCopies = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.checked'));

  it('is written beside the code cache once the file passed, and holds exactly its bytes', async () => {
    const cacheDir = path.join(box.dataDir, 'cache-d');
    expect((await list({ AUTHDESK_CACHE_DIR: cacheDir })).code).toBe(0);
    const copies = checkedCopies(cacheDir);
    expect(copies).toEqual([expect.stringMatching(/^cli-accounts-[0-9a-f]{8}\.checked$/)]);
    const copy = readFileSync(path.join(cacheDir, copies[0]!));
    const bytes = readFileSync(accountsFile());
    expect(copy.subarray(copy.length - bytes.length)).toEqual(bytes);
    // The header names the build, as the launcher was stamped with it: one SHA-256 of both programs'.
    const key = sha256(`${sha256(built('program.cjs'))}\n${sha256(built('quick.cjs'))}\n`);
    expect(copy.subarray(0, copy.length - bytes.length).toString('latin1')).toBe(`authdesk-checked-copy-1 ${key}\n`);
  });

  it('a file changed after it was copied is checked again: a broken one is reported, not read', async () => {
    const cacheDir = path.join(box.dataDir, 'cache-e');
    const good = readFileSync(accountsFile());
    try {
      const before = await list({ AUTHDESK_CACHE_DIR: cacheDir });
      expect(before.code).toBe(0);
      // Still JSON, no longer an account: digits out of range.
      writeFileSync(accountsFile(), good.toString('utf8').replace('"digits": 6', '"digits": 60'));
      const after = await list({ AUTHDESK_CACHE_DIR: cacheDir });
      expect(after.code).not.toBe(0);
      expect(after.stderr).toMatch(/accounts\.json is damaged[^\n]*digits/);
    } finally {
      writeFileSync(accountsFile(), good);
    }
  });

  it('none is kept with the cache turned off', async () => {
    const cacheDir = path.join(box.dataDir, 'cache-f');
    expect((await list({ AUTHDESK_CODE_CACHE: '0', AUTHDESK_CACHE_DIR: cacheDir })).code).toBe(0);
    expect(() => readdirSync(cacheDir)).toThrow(/ENOENT/);
  });
});
