/**
 * No reachable session bus (the D-Bus address points at a socket that does
 * not exist): every command that needs the keychain says exactly that, in one
 * line, and the accounts file is not touched; `list` needs no keychain and
 * works. (A bus without a Secret Service, a locked keyring and a vanished
 * daemon are in keychain-states.test.ts.)
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYCHAIN_NO_DBUS_MESSAGE } from '../../core/vault/keychain-errors';
import { createSecretStore } from '../../core/vault/secret-store';
import { requireSecretService } from '../support/keychain';
import { bundleCli, cliSandbox, runCli } from '../cli/support/cli-process';

requireSecretService();

const box = cliSandbox('authdesk-nokeychain');
const brokenBus = { ...box.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/authdesk-test-bus' };
let cli: Awaited<ReturnType<typeof bundleCli>>;
const metadata = path.join(box.dataDir, 'accounts.json');
const snapshot = () => ({
  files: readdirSync(box.dataDir).sort(),
  text: readFileSync(metadata, 'utf8'),
  mtimeMs: statSync(metadata).mtimeMs,
  ino: statSync(metadata).ino,
});

beforeAll(async () => {
  cli = await bundleCli();
  // A vault with one account, made while the keychain works.
  const r = await runCli(
    cli.file,
    ['add', 'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example'],
    box.env,
  );
  expect(r.code, r.stderr).toBe(0);
});
afterAll(async () => {
  cli?.dispose();
  const secrets = createSecretStore(box.service);
  for (const account of await secrets.accounts()) await secrets.delete(account);
  box.cleanup();
});

describe('without a reachable session bus', () => {
  it.each([
    [['add', 'otpauth://totp/Other:bob?secret=GEZDGNBVGY3TQOJQ&issuer=Other']],
    [['code', '--json']],
    [['code', 'example']],
    [['remove', 'example', '--yes']],
  ])('%j fails with the specific message and leaves the vault file unchanged', async (args) => {
    const before = snapshot();
    const r = await runCli(cli.file, args, brokenBus);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`authdesk: ${KEYCHAIN_NO_DBUS_MESSAGE}\n`);
    expect(snapshot()).toEqual(before);
  });

  it('list works without the keychain and changes nothing', async () => {
    const before = snapshot();
    const r = await runCli(cli.file, ['list'], brokenBus);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Example \(alice\) {2}totp SHA1 6 digits 30 s/);
    expect(snapshot()).toEqual(before);
  });

  it('doctor names the failing check and exits 1', async () => {
    const r = await runCli(cli.file, ['doctor'], brokenBus);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`FAIL  keychain: ${KEYCHAIN_NO_DBUS_MESSAGE}`);
    expect(r.stdout).toMatch(/^ok {4}data folder: /m);
  });

  it('works again as soon as the keychain is back, with nothing lost', async () => {
    const r = await runCli(cli.file, ['code', 'example', '--at', '1257894000'], box.env);
    expect(r.stdout).toBe('Example (alice)  528 064  (30 s left)\n');
  });
});
