/**
 * `authdesk import / export / backup verify / add <transfer link>` end to end:
 * the bundled CLI in a child process, the real keychain, a private data
 * folder. Exports are read back by the CLI's own import (and the QR images
 * by the QR decoder), so each format makes the full round trip.
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { requireSecretService } from '../support/keychain';
import { describeWithVectors, vectorPath } from '../support/vectors';
import { useCliSandbox } from './support/cli-session';
import { readQrTextsFromFile } from '../../cli/qr-from-file';
import { decodeMigrationUri } from '../../core/transfer/index';

requireSecretService();
// Each test spawns 2–4 CLI processes (~0.3 s each on an idle machine, several seconds each on a
// loaded shared one, where the encrypted exports' scrypt also slows down): allow for the latter.
vi.setConfig({ testTimeout: 120_000 });

const { box, run } = useCliSandbox('authdesk-cli-transfer');
const work = mkdtempSync(path.join(os.tmpdir(), 'authdesk-cli-transfer-files-'));
const file = (name: string) => path.join(work, name);
const passwordFile = file('password.txt');
writeFileSync(passwordFile, 'correct horse\n');
const wrongPasswordFile = file('wrong.txt');
writeFileSync(wrongPasswordFile, 'not it\n');

const ALICE = 'otpauth://totp/Example:alice@google.com?secret=JBSWY3DPEHPK3PXP&issuer=Example';
const BOB = 'otpauth://hotp/RFC:bob?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=RFC&counter=3&digits=8';

function oneErrorLine(r: { code: number | null; stdout: string; stderr: string }, code: number, message: RegExp) {
  expect(r.code, r.stderr).toBe(code);
  const lines = r.stderr.split('\n').filter(Boolean);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('export, backup verify and import of our own exports', () => {
  // Each test runs only a few CLI processes: the encrypted ones pay a real scrypt (N=2^17) each.
  const backup = file('backup.json');

  it('exports an encrypted backup readable by its owner only, and never overwrites it', async () => {
    for (const uri of [ALICE, BOB]) expect((await run('add', uri)).code).toBe(0);
    const r = await run('export', '--format', 'encrypted', '--out', backup, '--password-file', passwordFile);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Exported 2 accounts to ${backup}`);
    expect(statSync(backup).mode & 0o777).toBe(0o600);
    oneErrorLine(await run('export', '--format', 'otpauth', '--out', backup), 1, /already exists/);
  });

  it('verifies the backup, and says "Wrong password" for a wrong one', async () => {
    const verified = await run('backup', 'verify', backup, '--password-file', passwordFile);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toContain('The backup matches');
    oneErrorLine(
      await run('backup', 'verify', backup, '--password-file', wrongPasswordFile),
      1,
      /^authdesk: Wrong password/,
    );
  });

  it('restores the backup: into the same vault everything is a duplicate and nothing is written', async () => {
    const restore = await run('import', backup, '--password-file', passwordFile, '--yes');
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toMatch(/= Example \(alice@google\.com\) {2}\(already in Authdesk: skipped\)/);
    expect(restore.stdout).toContain('Nothing to add');
  });

  it('warns on stderr for a plain otpauth export, and an Aegis export reads back', async () => {
    const list = await run('export', '--format', 'otpauth', '--out', file('list.txt'));
    expect(list.code, list.stderr).toBe(0);
    expect(list.stderr).toMatch(/warning: .* plain text/);
    expect(readFileSync(file('list.txt'), 'utf8').trim().split('\n')).toHaveLength(2);
    const aegis = await run(
      'export',
      '--format',
      'aegis',
      '--out',
      file('aegis.json'),
      '--password-file',
      passwordFile,
    );
    expect(aegis.code, aegis.stderr).toBe(0);
    const preview = await run('import', file('aegis.json'), '--password-file', passwordFile, '--json');
    expect(preview.code, preview.stderr).toBe(0);
    const parsed = JSON.parse(preview.stdout) as { formatName: string; accounts: { issuer: string; status: string }[] };
    expect(parsed.formatName).toBe('Aegis (encrypted)');
    expect(parsed.accounts.map((a) => [a.issuer, a.status])).toEqual([
      ['Example', 'duplicate'],
      ['RFC', 'duplicate'],
    ]);
  });

  it('writes transfer QR codes as PNG files that decode back to the accounts', async () => {
    const r = await run('export', '--format', 'migration-qr', '--out', file('transfer.png'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(file('transfer-1.png'));
    expect(existsSync(file('transfer-2.png'))).toBe(false);
    const [text] = await readQrTextsFromFile(file('transfer-1.png'));
    const entries = decodeMigrationUri(text!).result.entries;
    expect(entries.map((e) => [e.issuer, e.name, e.type, e.digits])).toEqual([
      ['Example', 'alice@google.com', 'totp', 6],
      ['RFC', 'bob', 'hotp', 8],
    ]);
  });

  it('usage errors exit 2 and name the fix', async () => {
    oneErrorLine(await run('export', '--out', file('x')), 2, /export needs --format/);
    oneErrorLine(await run('export', '--format', 'aegis', '--out', file('y')), 2, /--password-file/);
    oneErrorLine(await run('backup', 'check', 'x'), 2, /unknown backup action "check"/);
  });
});

describeWithVectors('import of other apps (shared vectors)', () => {
  const aegis = vectorPath('importers', 'aegis_encrypted.json');
  const vectorPassword = file('vector-password.txt');
  writeFileSync(vectorPassword, 'test\n');

  it('refuses a wrong password', async () => {
    oneErrorLine(await run('import', aegis, '--password-file', wrongPasswordFile), 1, /^authdesk: Wrong password/);
  });

  it('previews without writing, then --yes adds every account', async () => {
    const preview = await run('import', aegis, '--password-file', vectorPassword);
    expect(preview.code, preview.stderr).toBe(0);
    expect(preview.stdout).toMatch(/^Aegis \(encrypted\): 7 accounts in /);
    expect(preview.stderr).toContain('run again with --yes to add 7 accounts');
    expect(JSON.parse((await run('list', '--json')).stdout)).toHaveLength(2);
    const added = await run('import', aegis, '--password-file', vectorPassword, '--yes');
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout.match(/^Added /gm)).toHaveLength(7);
    expect((await run('code', 'deno', '--at', '1700000000')).stdout).toMatch(/^Deno \(Mason\) {2}790 195/);
  });

  it('reads the zip, Java-serialized and base64 backups too (zip.js, loaded when needed), by content or --format', async () => {
    const zipPassword = file('zip-password.txt');
    writeFileSync(zipPassword, 'testtesttest\n');
    const zip = await run('import', vectorPath('importers', 'authenticator_plus.zip'), '--password-file', zipPassword);
    expect(zip.code, zip.stderr).toBe(0);
    expect(zip.stdout).toMatch(/^Authenticator Plus backup: 7 accounts in /);
    const forced = ['--format', 'freeotp', '--password-file', vectorPassword];
    const freeotp = await run('import', vectorPath('importers', 'freeotp_v2_api34.xml'), ...forced);
    expect(freeotp.code, freeotp.stderr).toBe(0);
    expect(freeotp.stdout).toMatch(/^FreeOTP 2 backup: 6 accounts in /);
    oneErrorLine(
      await run('import', vectorPath('importers', 'totp_authenticator.bin'), '--password-file', vectorPassword),
      1,
      /^authdesk: Wrong password: it does not open this TOTP Authenticator file/,
    );
    const help = await run('import', '--help');
    expect(help.stdout).toMatch(/totp-authenticator \(TOTP Authenticator\).*andotp/s);
  });

  it('adds every account of a transfer link, and says which parts are missing', async () => {
    const { cases } = JSON.parse(readFileSync(vectorPath('migration', 'migration_cases.json'), 'utf8')) as {
      cases: { id: string; uri: string }[];
    };
    const part2 = cases.find((c) => c.id === 'jc_batch_2_of_3')!.uri;
    const r = await run('add', part2, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(10);
    expect(r.stderr).toContain('1 of 3 scanned (missing: parts 1, 3): add the others too');
    oneErrorLine(
      await run('import', vectorPath('importers', 'google_authenticator.sqlite')),
      1,
      /app database.*cannot import/,
    );
    oneErrorLine(await run('import', box.dataDir), 1, /is a folder/);
  });
});
