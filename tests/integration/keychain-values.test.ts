/**
 * Self-describing keychain values against the real gnome-keyring: exact
 * restore of lost metadata, old plain values, one unreadable value that does
 * not hide the others, `edit`, and which secrets each command reads (counted
 * through a wrapper around the real store, not a mock).
 */
import { NO_POLICY } from '../../core/policy';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock';
import { generateCode } from '../../core/otp/index';
import type { AccountDraft } from '../../common/otp/types';
import { createSecretServiceStore } from '../../core/vault/secret-service/secret-service-store';
import { decodeItemValue } from '../../core/vault/item-value';
import type { SecretStore } from '../../core/vault/types';
import { openVault } from '../../core/vault/vault';
import { runCli } from '../../cli/run';
import type { CliContext } from '../../cli/command';
import { requireSecretService, uniqueServiceName } from '../support/keychain';

requireSecretService();

const NOW = 1_700_000_000_000;
const SHA256_8: AccountDraft = {
  type: 'totp',
  issuer: 'Bank',
  name: 'ola',
  secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
  algorithm: 'SHA256',
  digits: 8,
  period: 60,
};
const HOTP: AccountDraft = {
  type: 'hotp',
  issuer: 'Vpn',
  name: 'kari',
  secret: 'JBSWY3DPEHPK3PXP',
  algorithm: 'SHA1',
  digits: 6,
  counter: 5,
};
const GITHUB: AccountDraft = { ...SHA256_8, issuer: 'GitHub', name: 'dev', algorithm: 'SHA1', digits: 6, period: 30 };

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** A real store that counts what is asked of it. */
function counted(store: SecretStore) {
  const calls: string[] = [];
  const wrapped: SecretStore = {
    get: (a) => (calls.push(`get ${a}`), store.get(a)),
    getMany: (as) => (calls.push(`getMany ${as.length}`), store.getMany!(as)),
    set: (a, v) => (calls.push(`set ${a}`), store.set(a, v)),
    delete: (a) => (calls.push(`delete ${a}`), store.delete(a)),
    accounts: () => (calls.push('accounts'), store.accounts()),
    isLocked: () => (calls.push('isLocked'), store.isLocked()),
    unlock: () => (calls.push('unlock'), store.unlock()),
  };
  return { calls, store: wrapped };
}

async function setUp() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'authdesk-values-'));
  const real = createSecretServiceStore(uniqueServiceName('values'));
  const counter = counted(real);
  const open = () => openVault({ dataDir, secrets: counter.store, clock: fixedClock(NOW) });
  cleanups.push(async () => {
    for (const a of await real.accounts()) await real.delete(a);
    rmSync(dataDir, { recursive: true, force: true });
  });
  const metadata = path.join(dataDir, 'accounts.json');
  /** Drops accounts from accounts.json behind the vault's back (a lost or older file). */
  const dropMetadata = (ids: string[]) => {
    const doc = JSON.parse(readFileSync(metadata, 'utf8')) as { accounts: { id: string }[] };
    doc.accounts = doc.accounts.filter((a) => !ids.includes(a.id));
    writeFileSync(metadata, JSON.stringify(doc));
  };
  const cli = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const vault = open();
    const env = { ...process.env, AUTHDESK_DATA_DIR: dataDir, AUTHDESK_KEYCHAIN_SERVICE: real.service };
    const ctx: CliContext = {
      io: {
        out: (t) => out.push(t),
        err: (t) => err.push(t),
        interactive: false,
        ask: async () => '',
        askHidden: async () => '',
        readStdin: async () => '',
        env,
      },
      clock: fixedClock(NOW),
      vault: () => vault,
      readQrTexts: async () => ({ texts: [], stoppedAtCeiling: false }),
      policy: async () => NO_POLICY,
    };
    const code = await runCli(argv, ctx);
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  return { real, counter, open, dropMetadata, cli };
}

describe('self-describing keychain values', () => {
  it('restores an orphan exactly: SHA256 / 8 digits / 60 s, and HOTP with the counter its item describes', async () => {
    const { open, dropMetadata, real } = await setUp();
    const vault = await open();
    const totp = await vault.add(SHA256_8);
    const hotp = await vault.add(HOTP);
    await vault.nextHotp(hotp.id); // counter 5 used, 6 stored in metadata
    dropMetadata([totp.id, hotp.id]);

    const again = await open();
    expect((await again.problems()).map((p) => [p.kind, p.id]).sort()).toEqual(
      [
        ['orphan-secret', totp.id],
        ['orphan-secret', hotp.id],
      ].sort(),
    );
    await again.repair(totp.id, 'restore');
    await again.repair(hotp.id, 'restore');
    const restored = await again.list();
    const { secret: _a, ...totpParams } = SHA256_8;
    const { secret: _b, ...hotpParams } = HOTP;
    expect(restored.find((a) => a.id === totp.id)).toEqual({ id: totp.id, createdAt: NOW, ...totpParams });
    expect(restored.find((a) => a.id === hotp.id)).toEqual({ id: hotp.id, createdAt: NOW, ...hotpParams });
    const [code] = await again.currentCodes([totp.id], NOW);
    expect(code!.code).toBe(generateCode(SHA256_8.secret, SHA256_8, NOW));
    expect(code!.code).toHaveLength(8);
    // The item itself is an otpauth URI a person could copy into another app.
    expect(await real.get(totp.id)).toMatch(/^otpauth:\/\/totp\/Bank:ola\?secret=GEZDGNBVGY3TQOJQ/);
  });

  it('still reads an old plain base32 value, and restores such an orphan with the usual defaults', async () => {
    const { open, real, dropMetadata } = await setUp();
    const vault = await open();
    const a = await vault.add(SHA256_8);
    await real.set(a.id, SHA256_8.secret.toLowerCase()); // what Authdesk before issue 9 wrote (any spelling)
    const [code] = await (await open()).currentCodes([a.id], NOW);
    expect(code!.code).toBe(generateCode(SHA256_8.secret, SHA256_8, NOW));

    dropMetadata([a.id]);
    const again = await open();
    await again.repair(a.id, 'restore');
    expect((await again.list())[0]).toMatchObject({ type: 'totp', algorithm: 'SHA1', digits: 6, period: 30 });
  });
});

describe('which secrets are read', () => {
  it('opening and `list` read none; `code github` reads only the matching account', async () => {
    const { open, counter, cli } = await setUp();
    const vault = await open();
    const gh = await vault.add(GITHUB);
    await vault.add(SHA256_8);
    await vault.add(HOTP);

    counter.calls.length = 0;
    const list = await cli('list');
    expect(list.code).toBe(0);
    expect(counter.calls).toEqual([]);

    const code = await cli('code', 'github');
    expect(code.code).toBe(0);
    expect(code.out).toContain('GitHub (dev)');
    expect(counter.calls).toEqual([`get ${gh.id}`]);

    // Every code: the two time-based secrets in one round, no get each (HOTP codes come only from --next).
    counter.calls.length = 0;
    const all = await cli('code', '--json');
    expect(all.code).toBe(0);
    expect(JSON.parse(all.out)).toHaveLength(3); // the HOTP account listed without a code
    expect(counter.calls).toEqual(['getMany 2']);
  });
});

describe('one unreadable keychain value', () => {
  it('names its account, leaves the other codes, and doctor reports it', async () => {
    const { open, real, cli } = await setUp();
    const vault = await open();
    const gh = await vault.add(GITHUB);
    const bank = await vault.add(SHA256_8);
    await real.set(bank.id, 'this is not a key!'); // edited by hand

    const codes = await (await open()).currentCodes(undefined, NOW);
    expect(codes.find((c) => c.id === gh.id)!.code).toBe(generateCode(GITHUB.secret, GITHUB, NOW));
    expect(codes.find((c) => c.id === bank.id)!.error).toMatchObject({ code: 'keychain-bad-item' });
    expect(codes.find((c) => c.id === bank.id)!.error!.message).toContain('Bank (ola)');

    const run = await cli('code');
    expect(run.code).toBe(1);
    expect(run.out).toContain('GitHub (dev)  ');
    expect(run.err).toMatch(/^authdesk: The keychain value of Bank \(ola\) is not a key Authdesk can read/);

    const doctor = await cli('doctor');
    expect(doctor.code).toBe(1);
    expect(doctor.out).toContain(`PROBLEM  Bank (ola): its keychain value is not a key Authdesk can read`);
  });
});

describe('authdesk edit', () => {
  it('changes algorithm and digits, rewriting the keychain copy first', async () => {
    const { open, real, cli } = await setUp();
    const gh = await (await open()).add(GITHUB);
    const run = await cli('edit', 'github', '--algorithm', 'sha256', '--digits', '8');
    expect(run.err).toBe('');
    expect(run.out).toContain('totp SHA256 8 digits 30 s');
    const item = decodeItemValue((await real.get(gh.id))!, 'x');
    expect(item).toMatchObject({ kind: 'uri', draft: { algorithm: 'SHA256', digits: 8, period: 30 } });
    const [code] = await (await open()).currentCodes([gh.id], NOW);
    expect(code!.code).toBe(generateCode(GITHUB.secret, { ...GITHUB, algorithm: 'SHA256', digits: 8 }, NOW));
  });

  it('refuses a period for a HOTP account and changes nothing', async () => {
    const { open, cli } = await setUp();
    await (await open()).add(HOTP);
    const run = await cli('edit', 'vpn', '--period', '60');
    expect(run.code).toBe(1);
    expect(run.err).toContain('counter-based (HOTP): it has no period');
  });
});
