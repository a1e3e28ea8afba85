/**
 * Issue 9 end to end through the real CLI (child processes, real keychain):
 * hostile labels never reach the terminal, image limits answer fast with the
 * limit's name, file-system failures name their cause (real read-only and
 * full tmpfs mounts), the data folder is private, secrets can be added
 * without the command line, and a recovery from the backup is announced on
 * every command until acknowledged.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  truncateSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import QRCode from 'qrcode';
import { afterAll, describe, expect, it } from 'vitest';
import { requireSecretService } from '../support/keychain';
import { createSecretStore } from '../../core/vault/secret-store';
import { collect, runCli } from './support/cli-process';
import { useCliSandbox } from './support/cli-session';

requireSecretService();

const { box, cli, run } = useCliSandbox('authdesk-hardening');
const KEY = 'JBSWY3DPEHPK3PXP';
const scratch = mkdtempSync(path.join(os.tmpdir(), 'authdesk-hardening-files-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Every byte a terminal could act on, except the line feed our own output uses. */
// eslint-disable-next-line no-control-regex -- finding control characters is the test
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

describe('hostile labels', { timeout: 120_000 }, () => {
  it('a QR code with ESC/BEL in its text and label: decode-qr and add --image print no control character', async () => {
    const hostile = `otpauth://totp/${encodeURIComponent('\x1b]0;PWNED\x07Evil')}:${encodeURIComponent('mal\u202eory\x1b[2J')}?secret=${KEY}&issuer=\x1b]0;PWNED\x07Evil`;
    const file = path.join(scratch, 'hostile.png');
    await QRCode.toFile(file, hostile, { errorCorrectionLevel: 'L', margin: 4, scale: 6 });
    const decoded = await run('decode-qr', file);
    expect(decoded.code, decoded.stderr).toBe(0);
    expect(decoded.stdout).toContain('\\x1b]0;PWNED\\x07Evil'); // shown, not acted on
    expect(CONTROL.test(decoded.stdout + decoded.stderr)).toBe(false);
    const json = await run('decode-qr', file, '--json');
    expect(CONTROL.test(json.stdout)).toBe(false);
    expect(JSON.parse(json.stdout)[0].texts[0]).toBe(hostile); // the JSON still carries the exact text

    const added = await run('add', '--image', file);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/^Added \]0;PWNEDEvil \(malory\[2J\) {2}\[/);
    for (const args of [['list'], ['list', '--json'], ['code'], ['code', '--json'], ['doctor']]) {
      const r = await run(...args);
      expect(CONTROL.test(r.stdout + r.stderr), args.join(' ')).toBe(false);
    }
  });
});

describe('limits (checked before decoding)', () => {
  it('refuses /dev/zero at once as not a regular file', async () => {
    const started = Date.now();
    const r = await run('decode-qr', '/dev/zero');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('/dev/zero is not a regular file');
    expect(Date.now() - started).toBeLessThan(15_000); // it used to read forever
  });

  it('refuses a file over 50 MB, naming the limit', async () => {
    const big = path.join(scratch, 'big.png');
    writeFileSync(big, Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    truncateSync(big, 51 * 1024 * 1024); // sparse: costs nothing
    const r = await run('decode-qr', big);
    expect(r.stderr).toContain('is 51 MB: Authdesk reads image files of at most 50 MB');
  });

  it('refuses a 40000x40000 PNG by its header with bounded memory (not "damaged")', async () => {
    const file = path.join(scratch, 'huge.png');
    writeFileSync(file, pngHeaderOnly(40_000, 40_000));
    const timed = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, cli.file, 'decode-qr', file], {
      env: box.env,
      encoding: 'utf8',
    });
    expect(timed.status).toBe(1);
    expect(timed.stderr).toContain(
      'is 40000x40000 pixels (1600 megapixels): Authdesk reads images of at most 50 megapixels',
    );
    expect(timed.stderr).not.toContain('damaged');
    const maxRssKb = Number(timed.stderr.trim().split('\n').pop());
    expect(maxRssKb).toBeLessThan(400 * 1024);
  });
});

/** A PNG signature + IHDR (+ IEND): enough for a header reader, no pixels at all. */
function pngHeaderOnly(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('secrets off the command line', () => {
  it('add - reads the link from standard input', async () => {
    const child = spawn(process.execPath, [cli.file, 'add', '-'], { env: box.env, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin!.end(`otpauth://totp/Stdin:alice?secret=${KEY}&issuer=Stdin\n`);
    const r = await collect(child);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Added Stdin \(alice\)/);
  });

  it('add with no argument on a terminal asks without echoing the link', async () => {
    const link = `otpauth://totp/Typed:bob?secret=GEZDGNBVGY3TQOJQ&issuer=Typed`;
    const child = spawn(
      'script',
      ['-q', '--echo', 'never', '-ec', `'${process.execPath}' '${cli.file}' add`, '/dev/null'],
      {
        env: box.env,
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    let screen = '';
    child.stdout!.on('data', (d: Buffer) => {
      screen += d.toString();
      if (screen.includes('press Enter') && !child.stdin!.writableEnded) child.stdin!.write(`${link}\r`);
    });
    const r = await collect(child);
    child.stdin!.end();
    expect(r.code, screen).toBe(0);
    expect(screen).toContain('Added Typed (bob)');
    expect(screen).not.toContain('GEZDGNBV');
  });
});

describe('the data folder', () => {
  it('is created 0700, and a group-writable or foreign folder is refused with the fix', async () => {
    const env = { ...box.env, AUTHDESK_DATA_DIR: path.join(scratch, 'fresh', 'Authdesk') };
    expect((await runCli(cli.file, ['list'], env)).code).toBe(0); // the first command creates the folder...
    expect(statSync(env.AUTHDESK_DATA_DIR).mode & 0o777).toBe(0o700); // ...but the folder is private
    chmodSync(env.AUTHDESK_DATA_DIR, 0o777);
    const loose = await runCli(cli.file, ['list'], env);
    expect(loose.code).toBe(1);
    expect(loose.stderr).toContain(`can be changed by other users (mode 777)`);
    expect(loose.stderr).toContain(`Fix: chmod 700 '${env.AUTHDESK_DATA_DIR}'`);
    chmodSync(env.AUTHDESK_DATA_DIR, 0o700);
    chownSync(env.AUTHDESK_DATA_DIR, 65534, 65534);
    const foreign = await runCli(cli.file, ['list'], env);
    expect(foreign.stderr).toContain('belongs to another user (uid 65534)');
    expect(foreign.stderr).toContain('Fix: sudo chown');
  });
});

/** A tmpfs mounted for one test, or null (one line saying why) where mounting is not permitted. */
function tmpfs(options: string): string | null {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'authdesk-mnt-'));
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) {
    console.log(`[hardening] skipped a mount test: mount -t tmpfs not permitted here (${r.stderr.trim()})`);
    return null;
  }
  afterAll(() => {
    spawnSync('umount', ['-l', dir]);
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

describe('file-system failures name their cause', { timeout: 120_000 }, () => {
  it('a read-only file system: add fails as read-only, doctor says FAIL', async () => {
    const dir = tmpfs('size=1m,mode=0700');
    if (!dir) return;
    const dataDir = path.join(dir, 'Authdesk');
    mkdirSync(dataDir, { mode: 0o700 });
    spawnSync('mount', ['-o', 'remount,ro', dir]);
    const env = { ...box.env, AUTHDESK_DATA_DIR: dataDir };
    const add = await runCli(cli.file, ['add', `otpauth://totp/Ro:x?secret=${KEY}`], env);
    expect(add.code).toBe(1);
    expect(add.stderr).toContain('(EROFS)');
    expect(add.stderr).not.toContain('Something went wrong');
    const doctor = await runCli(cli.file, ['doctor'], env);
    expect(doctor.stdout).toMatch(/FAIL {2}data folder: .*read-only \(EROFS\)/);
    // A data folder that must be created under a read-only parent.
    const under = await runCli(cli.file, ['list'], { ...env, AUTHDESK_DATA_DIR: path.join(dir, 'new', 'Authdesk') });
    expect(under.stderr).toContain('(EROFS)');
  });

  it('a full disk: rename and remove fail as disk-full and keep the accounts file', async () => {
    const dir = tmpfs('size=64k,mode=0700');
    if (!dir) return;
    const env = { ...box.env, AUTHDESK_DATA_DIR: path.join(dir, 'Authdesk') };
    const add = await runCli(cli.file, ['add', `otpauth://totp/Full:x?secret=${KEY}&issuer=Full`], env);
    expect(add.code, add.stderr).toBe(0);
    const id = /\[(.+)\]/.exec(add.stdout)![1]!;
    writeFileSync(path.join(dir, 'filler'), Buffer.alloc(60 * 1024)); // tmpfs stops us with ENOSPC
    try {
      writeFileSync(path.join(dir, 'filler2'), Buffer.alloc(64 * 1024));
    } catch {
      /* full */
    }
    for (const args of [
      ['rename', id, 'A much longer name '.repeat(8)],
      ['remove', id, '--yes'],
    ]) {
      const r = await runCli(cli.file, args, env);
      expect(r.code, args[0]).toBe(1);
      expect(r.stderr, args[0]).toMatch(/disk.* is full \(ENOSPC\)/);
      expect(r.stderr).not.toContain('Something went wrong');
    }
    unlinkSync(path.join(dir, 'filler'));
    expect((await runCli(cli.file, ['list'], env)).stdout).toContain('Full (x)');
  });
});

describe('recovery from the backup is announced', { timeout: 120_000 }, () => {
  it('on stderr of every command until doctor --ack; doctor lists it', async () => {
    const env = { ...box.env, AUTHDESK_DATA_DIR: path.join(scratch, 'recovery', 'Authdesk') };
    for (const name of ['one', 'two'])
      expect(
        (
          await runCli(
            cli.file,
            ['add', `otpauth://totp/Rec:${name}?secret=${name === 'one' ? KEY : 'GEZDGNBVGY3TQOJQ'}&issuer=Rec`],
            env,
          )
        ).code,
      ).toBe(0);
    writeFileSync(path.join(env.AUTHDESK_DATA_DIR, 'accounts.json'), 'garbage');
    for (let i = 0; i < 2; i++) {
      const r = await runCli(cli.file, ['list'], env);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Rec (one)');
      expect(r.stderr).toContain('accounts.json was restored from accounts.json.bak');
      expect(r.stderr).toContain('because it is not valid JSON (1 account restored)');
      expect(r.stderr).toContain('authdesk doctor --ack');
    }
    const doctor = await runCli(cli.file, ['doctor'], env);
    expect(doctor.stdout).toContain('NOTICE  accounts.json was restored');
    expect(doctor.stdout).toMatch(/PROBLEM {2}keychain item .* has no account/); // "two": key kept, offered for restore
    expect((await runCli(cli.file, ['doctor', '--ack'], env)).stdout).toContain('will not be shown again');
    expect((await runCli(cli.file, ['list'], env)).stderr).toBe('');
  });

  it('a lost account list with keys in the keychain is offered for restore at once, all at once', async () => {
    const env = {
      ...box.env,
      AUTHDESK_DATA_DIR: path.join(scratch, 'lost', 'Authdesk'),
      AUTHDESK_KEYCHAIN_SERVICE: `${box.service}-lost`,
    };
    for (const name of ['one', 'two'])
      expect(
        (
          await runCli(
            cli.file,
            ['add', `otpauth://totp/Lost:${name}?secret=${name === 'one' ? KEY : 'GEZDGNBVGY3TQOJQ'}`],
            env,
          )
        ).code,
      ).toBe(0);
    rmSync(env.AUTHDESK_DATA_DIR, { recursive: true });
    const r = await runCli(cli.file, ['list'], env);
    expect(r.stderr).toContain(
      'the keychain holds 2 secrets of Authdesk accounts. Bring them all back with: authdesk doctor --restore-all',
    );
    expect((await runCli(cli.file, ['doctor', '--restore-all'], env)).stdout).toContain('Restored 2 accounts');
    // Each keychain value names its account: both come back under their own labels.
    const listed = (await runCli(cli.file, ['list'], env)).stdout;
    expect(listed).toContain('Lost (one)');
    expect(listed).toContain('Lost (two)');
    const store = createSecretStore(env.AUTHDESK_KEYCHAIN_SERVICE);
    for (const account of await store.accounts()) await store.delete(account);
  });
});
