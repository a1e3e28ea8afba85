/**
 * `authdesk` end to end: the bundled CLI in a child process, a real keychain
 * (gnome-keyring) and a private data folder. Checks output shapes and the exit
 * code contract: 0 done, 1 one line `authdesk: <message>` on stderr, 2 usage.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireSecretService } from '../support/keychain';
import { repoRoot } from '../support/vectors';
import { collect, type CliResult } from './support/cli-process';
import { useCliSandbox } from './support/cli-session';

requireSecretService();

const EXAMPLE_URI = 'otpauth://totp/Example:alice@google.com?secret=JBSWY3DPEHPK3PXP&issuer=Example';
const HOTP_URI = 'otpauth://hotp/RFC:4226?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=RFC&counter=0';
const VERSION = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
const COMMANDS = ['code', 'list', 'add', 'rename', 'remove', 'import', 'export', 'backup', 'decode-qr', 'doctor'];

const { box, cli, secrets, run } = useCliSandbox('authdesk-cli');

/** A failure: the exit code, nothing on stdout, exactly one stderr line `authdesk: ...`, no stack trace. */
function expectFailure(r: CliResult, code: 1 | 2, message: RegExp | string) {
  expect(r.code, r.stderr).toBe(code);
  expect(r.stdout).toBe('');
  const lines = r.stderr.split('\n').filter(Boolean);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^authdesk: /);
  if (typeof message === 'string') expect(lines[0]).toContain(message);
  else expect(lines[0]).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

const listJson = async () =>
  JSON.parse((await run('list', '--json')).stdout) as { id: string; issuer: string; name: string; counter?: number }[];

describe('help, version and usage errors', () => {
  it('prints the version and the global help', async () => {
    // The bundle is stamped with the commit it was built from ('unknown' outside git).
    const head = spawnSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' });
    const commit = head.status === 0 ? `${head.stdout.trim()}(-dirty)?` : 'unknown';
    const version = await run('--version');
    expect(version).toMatchObject({ code: 0, stderr: '' });
    expect(version.stdout).toMatch(new RegExp(`^${VERSION.replace(/\./g, '\\.')} \\(commit ${commit}\\)\n$`));
    const help = await run('--help');
    expect(help.code).toBe(0);
    for (const name of COMMANDS) expect(help.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
  });

  it('treats no command as wrong usage (exit 2, help on stderr)', async () => {
    const r = await run();
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Usage: authdesk <command>');
  });

  it.each(COMMANDS)('has --help for %s', async (name) => {
    for (const args of [
      [name, '--help'],
      ['help', name],
    ]) {
      const r = await run(...args);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Usage: authdesk ${name}`));
    }
  });

  it.each([
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['--frob'], 'unknown option --frob'],
    [['code', '--bogus'], "unknown option '--bogus'"],
    [['list', 'extra'], 'list takes no arguments'],
    [['add'], 'add needs an otpauth:// link: pipe it to `authdesk add -`, or use --image FILE'],
    [['add', EXAMPLE_URI, '--image', 'x.png'], 'not both'],
    [['rename', 'only-one'], 'rename needs an account (id or query) and the new name'],
    [['remove'], 'remove needs an account'],
    [['remove', 'anything'], 'pass --yes when not running in a terminal'],
    [['decode-qr'], 'decode-qr needs at least one image file'],
    [['code', '--at'], "option '--at <value>' argument missing"],
  ])('exits 2 for %j', async (args, message) => {
    expectFailure(await run(...args), 2, message);
  });
});

describe('add, list, code', () => {
  let id = '';

  it('adds an otpauth link and prints the account', async () => {
    const r = await run('add', EXAMPLE_URI);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Added Example \(alice@google\.com\) {2}\[[0-9a-f-]{36}\]\n$/);
    id = /\[(.+)\]/.exec(r.stdout)![1]!;
  });

  it('refuses the same account again, and bad links, with one clear line each', async () => {
    expectFailure(await run('add', EXAMPLE_URI), 1, 'authdesk: Example (alice@google.com) is already in Authdesk.');
    expectFailure(await run('add', 'otpauth://totp/NoSecret:bob?issuer=NoSecret'), 1, /secret/i);
    expectFailure(await run('add', 'otpauth://totp/Bad:bob?secret=JBSWY3DPEHPK3PX1&issuer=Bad'), 1, /secret/i);
    expectFailure(
      await run('add', 'otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU%3D'),
      1,
      'transfer code is damaged',
    );
    expectFailure(await run('add', 'https://example.com/login'), 1, 'web link');
    expect((await listJson()).map((a) => a.id)).toEqual([id]);
  });

  it('adds with --json: the account without its secret', async () => {
    const r = await run('add', HOTP_URI, '--json');
    expect(r.code, r.stderr).toBe(0);
    const account = JSON.parse(r.stdout);
    expect(account).toEqual({
      id: expect.any(String),
      issuer: 'RFC',
      name: '4226',
      createdAt: expect.any(Number),
      type: 'hotp',
      algorithm: 'SHA1',
      digits: 6,
      counter: 0,
    });
  });

  it('lists accounts, never secrets', async () => {
    const human = await run('list');
    expect(human.code).toBe(0);
    expect(human.stdout.split('\n').filter(Boolean)).toEqual([
      `Example (alice@google.com)  totp SHA1 6 digits 30 s  [${id}]`,
      expect.stringMatching(/^RFC \(4226\) {2}hotp SHA1 6 digits counter 0 {2}\[/),
    ]);
    const json = await run('list', '--json');
    expect(JSON.parse(json.stdout).map((a: { name: string }) => a.name)).toEqual(['alice@google.com', '4226']);
    for (const out of [human.stdout, json.stdout]) expect(out).not.toMatch(/JBSWY3DPEHPK3PXP|GEZDGNBVGY3TQOJQ/);
  });

  it('shows the known code at a given time, as unix seconds or ISO time', async () => {
    for (const at of ['1257894000', '2009-11-10T23:00:00Z', '1257894029']) {
      const r = await run('code', 'example', '--at', at);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe(`Example (alice@google.com)  528 064  (${at === '1257894029' ? 1 : 30} s left)\n`);
    }
    const json = await run('code', id, '--json', '--at', '1257894010');
    expect(JSON.parse(json.stdout)).toEqual([
      {
        id,
        issuer: 'Example',
        name: 'alice@google.com',
        type: 'totp',
        code: '528064',
        validFrom: 1_257_894_000_000,
        validUntil: 1_257_894_030_000,
      },
    ]);
  });

  it('never uses up a HOTP counter by looking; only code --next advances it (RFC 4226)', async () => {
    const id = (await listJson()).find((a) => a.name === '4226')!.id;
    const look = await run('code', 'rfc', '--json');
    expect(JSON.parse(look.stdout)).toEqual([
      expect.objectContaining({ type: 'hotp', code: null, validFrom: null, validUntil: null }),
    ]);
    expect((await run('code')).stdout).toContain(`RFC (4226)  (counter-based: authdesk code --next ${id})`);
    expect((await run('code', '--at', '1257894000')).code).toBe(0);
    expect((await listJson()).find((a) => a.name === '4226')?.counter).toBe(0);
    const first = await run('code', '--next', 'rfc', '--json');
    expect(JSON.parse(first.stdout)).toEqual([expect.objectContaining({ type: 'hotp', code: '755224' })]);
    const second = await run('code', '--next', 'RFC');
    expect(second.stdout).toBe('RFC (4226)  287 082  (counter 1 used)\n');
    expect((await listJson()).find((a) => a.name === '4226')?.counter).toBe(2);
    expectFailure(await run('code', '--next', 'rfc', '--at', '0'), 2, 'cannot be combined with --at');
  });

  it('finds accounts case- and accent-insensitively', async () => {
    expect(
      (await run('add', 'otpauth://totp/Z%C3%BCrich%20Bank:m%C3%BCller?secret=MZXW6YTBOI&issuer=Z%C3%BCrich%20Bank'))
        .code,
    ).toBe(0);
    const r = await run('code', 'ZURICH', '--json');
    expect(JSON.parse(r.stdout).map((c: { name: string }) => c.name)).toEqual(['müller']);
    expect(JSON.parse((await run('code', 'MULLER', '--json')).stdout)).toHaveLength(1);
  });

  it('fails with one line for no match and for a bad --at', async () => {
    expectFailure(await run('code', 'nothing-like-this'), 1, 'No account matches "nothing-like-this"');
    expectFailure(await run('code', '--at', 'yesterday'), 1, '--at needs unix seconds');
  });
});

describe('rename and remove', () => {
  it('asks for a unique match, listing the candidates', async () => {
    await run('add', 'otpauth://totp/GitHub:alice?secret=ONSWG4TFOQ&issuer=GitHub');
    await run('add', 'otpauth://totp/GitLab:alice?secret=ONSWG4TFOR&issuer=GitLab');
    const r = await run('rename', 'git', 'x');
    expectFailure(r, 1, '"git" matches 2 accounts: GitHub (alice) [');
    expect(r.stderr).toContain('GitLab (alice) [');
  });

  it('renames by query, keeping or replacing the issuer', async () => {
    expect((await run('rename', 'github', 'alice-work')).stdout).toBe(
      'Renamed GitHub (alice) to GitHub (alice-work)\n',
    );
    const r = await run('rename', 'gitlab', 'bob', '--issuer', 'GitLab EU', '--json');
    expect(JSON.parse(r.stdout)).toMatchObject({ issuer: 'GitLab EU', name: 'bob' });
  });

  it('asks on a terminal, and removes only after a yes', async () => {
    const target = (await listJson()).find((a) => a.issuer === 'GitHub')!;
    // `script` gives the CLI a real pseudo-terminal; we answer once the question is on screen.
    const answer = async (reply: string) => {
      const child = spawn('script', ['-qec', `'${process.execPath}' '${cli.file}' remove ${target.id}`, '/dev/null'], {
        env: box.env,
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let screen = '';
      child.stdout!.on('data', (d: Buffer) => {
        screen += d.toString();
        if (screen.includes('[y/N]') && !child.stdin!.writableEnded) child.stdin!.end(`${reply}\n`);
      });
      return { result: await collect(child), screen };
    };
    const declined = await answer('n');
    expect(declined.result.code).toBe(1);
    expect(declined.screen).toContain('Remove GitHub (alice-work)? (kept in the trash for 30 days) [y/N]');
    expect(declined.screen).toContain('authdesk: Nothing was removed.');
    expect((await listJson()).some((a) => a.id === target.id)).toBe(true);
    const accepted = await answer('y');
    expect(accepted.result.code).toBe(0);
    expect(accepted.screen).toContain('Removed GitHub (alice-work)');
    expect((await listJson()).some((a) => a.id === target.id)).toBe(false);
    expect(await secrets.get(target.id)).toBeNull();
  });

  it('removes with --yes into the trash, and --undelete brings it back', async () => {
    const target = (await listJson()).find((a) => a.issuer === 'GitLab EU')!;
    const secret = await secrets.get(target.id);
    expect(secret).not.toBeNull();
    const r = await run('remove', target.id, '--yes');
    expect(r).toMatchObject({
      code: 0,
      stdout: `Removed GitLab EU (bob) (undo within 30 days: authdesk doctor --undelete ${target.id})\n`,
      stderr: '',
    });
    expect(await secrets.get(target.id)).toBeNull();
    expect(await secrets.get(`trash:${target.id}`)).toBe(secret);
    expectFailure(await run('remove', target.id, '--yes'), 1, 'No account matches');
    expect((await run('doctor', '--trash')).stdout).toContain(`GitLab EU (bob)  deleted `);
    expect((await run('doctor', '--undelete', target.id)).stdout).toBe(`Restored GitLab EU (bob)  [${target.id}]\n`);
    expect(await secrets.get(target.id)).toBe(secret);
    expect((await listJson()).some((a) => a.id === target.id)).toBe(true);
    expect((await run('remove', target.id, '--yes')).code).toBe(0);
  });
});

describe('doctor', () => {
  it('reports a healthy vault with exit 0', async () => {
    const r = await run('doctor');
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/^ok {4}data folder: /m);
    expect(r.stdout).toMatch(/^ok {4}keychain: reachable/m);
    expect(r.stdout).toContain('No problems found.');
  });

  it('finds an orphan keychain item, exits 1, and restores it on request', async () => {
    const orphan = 'abcdef12-0000-4000-8000-000000000001';
    await secrets.set(orphan, 'JBSWY3DPEHPK3PXP');
    const r = await run('doctor');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`PROBLEM  keychain item ${orphan} has no account`);
    const json = JSON.parse((await run('doctor', '--json')).stdout);
    expect(json).toMatchObject({
      dataDir: box.dataDir,
      keychainService: box.service,
      problems: [{ kind: 'orphan-secret', id: orphan }],
    });
    expect(json.checks.map((c: { name: string; ok: boolean }) => [c.name, c.ok])).toEqual([
      ['data folder', true],
      ['keychain', true],
      ['accounts', true],
    ]);
    expect((await run('doctor', '--restore', orphan)).code).toBe(0);
    expect((await run('code', 'Recovered abcdef12', '--at', '1257894000')).stdout).toBe(
      'Recovered abcdef12  528 064  (30 s left)\n',
    );
    expect((await run('doctor')).code).toBe(0);
  });
});
