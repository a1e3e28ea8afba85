/**
 * Each keychain state, for real: a LOCKED gnome-keyring (it used to segfault
 * every command, exit 139), its daemon killed in the middle of an add, and a
 * session bus with no Secret Service at all. Each runs in its own private
 * D-Bus session (fixtures/keyring-states.ts), so locking and killing never
 * touch the keyring the other test files share.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  KEYCHAIN_GONE_MESSAGE,
  KEYCHAIN_LOCKED_MESSAGE,
  KEYCHAIN_UNAVAILABLE_MESSAGE,
} from '../../core/vault/keychain-errors';
import { repoRoot } from '../support/vectors';
import { bundleCli } from '../cli/support/cli-process';

interface Run {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}
let cli: Awaited<ReturnType<typeof bundleCli>>;
const fixture = path.join(repoRoot, 'tests/integration/fixtures/keyring-states.ts');

beforeAll(async () => {
  cli = await bundleCli();
});
afterAll(() => cli?.dispose());

/** Runs the fixture in a fresh private session: `launcher` is with-keyring.sh, or dbus-run-session alone. */
async function scenario(name: string, launcher: string[]): Promise<Record<string, unknown>> {
  const env = { ...process.env };
  delete env.AUTHDESK_IN_KEYRING; // with-keyring.sh would otherwise reuse the shared session
  const { stdout } = await promisify(execFile)(
    launcher[0]!,
    [...launcher.slice(1), process.execPath, '--import', 'tsx', fixture, name, cli.file],
    { cwd: repoRoot, env, timeout: 90_000 },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
}
const withKeyring = ['bash', path.join(repoRoot, 'scripts/with-keyring.sh')];

describe('a locked keyring', () => {
  let r: Record<string, Run & { ok?: boolean; value?: unknown }>;
  beforeAll(async () => {
    r = (await scenario('locked', withKeyring)) as typeof r;
  }, 120_000);

  it('list still works: it needs no secret', () => {
    expect(r.add!.code).toBe(0);
    expect(r.list!.code).toBe(0);
    expect(r.list!.stdout).toMatch(/^Example \(alice\) {2}totp SHA1 6 digits 30 s {2}\[/);
  });

  it('code and add exit 1 with the locked message, not a segfault (139) nor "no Secret Service"', () => {
    for (const run of [r.code!, r.add2!, r.codeAfterDismissed!]) {
      expect(run.code).not.toBe(139);
      expect(run.signal).toBeNull();
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(`authdesk: ${KEYCHAIN_LOCKED_MESSAGE}\n`);
      expect(run.stderr).not.toContain('No Secret Service');
    }
  });

  it('doctor names the locked keychain and still checks the accounts file', () => {
    expect(r.doctor!.code).toBe(1);
    expect(r.doctor!.stdout).toContain(`FAIL  keychain: ${KEYCHAIN_LOCKED_MESSAGE}`);
    expect(r.doctor!.stdout).toMatch(/^ok {4}accounts: 1 account in /m);
  });

  it('unlock() shows the Secret Service prompt and reports a dismissed one as false', () => {
    expect(r.isLocked).toEqual({ ok: true, value: true });
    expect(r.unlock).toEqual({ ok: true, value: false });
  });

  it('nothing was written while locked', () => {
    expect(JSON.parse(r.metadataAfter as unknown as string).accounts).toHaveLength(1);
  });
});

describe('the keyring daemon killed in the middle of an add', () => {
  let r: Record<string, unknown>;
  beforeAll(async () => {
    r = await scenario('daemon-killed', withKeyring);
  }, 120_000);

  it('fails with its own message and leaves the accounts file as it was', () => {
    expect(r.addDuringKill).toEqual({ ok: false, error: { code: 'keychain-gone', message: KEYCHAIN_GONE_MESSAGE } });
    expect(r.metadataAfter).toBe(r.metadataBefore);
  });

  it('list works meanwhile; the re-started daemon is locked and says so', () => {
    expect((r.listWhileGone as Run).code).toBe(0);
    expect((r.codeWhileGone as Run).stderr).toBe(`authdesk: ${KEYCHAIN_LOCKED_MESSAGE}\n`);
  });

  it('after logging in again nothing is lost and nothing is half-written', () => {
    expect((r.codeAfterRestart as Run).stdout).toBe('Example (alice)  528 064  (30 s left)\n');
    expect((r.doctorAfterRestart as Run).code).toBe(0);
    expect((r.doctorAfterRestart as Run).stdout).toContain('No problems found.');
  });
});

describe('a session bus without any Secret Service', () => {
  let r: Record<string, Run>;
  let dir: string;
  beforeAll(async () => {
    // A bus that can activate nothing: no keyring daemon can be started on it.
    dir = mkdtempSync(path.join(os.tmpdir(), 'authdesk-bus-'));
    const config = path.join(dir, 'session.conf');
    writeFileSync(
      config,
      `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>session</type><listen>unix:tmpdir=${dir}</listen><auth>EXTERNAL</auth>
<policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy></busconfig>`,
    );
    r = (await scenario('no-service', ['dbus-run-session', `--config-file=${config}`, '--'])) as typeof r;
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('add says no Secret Service is running; list works', () => {
    expect(r.add!.code).toBe(1);
    expect(r.add!.stderr).toBe(`authdesk: ${KEYCHAIN_UNAVAILABLE_MESSAGE}\n`);
    expect(r.list!.code).toBe(0);
    expect(r.list!.stdout).toContain('No accounts yet');
    expect(r.doctor!.stdout).toContain(`FAIL  keychain: ${KEYCHAIN_UNAVAILABLE_MESSAGE}`);
  });
});
