/**
 * `authdesk add` killed with SIGKILL at many points: before, during and after
 * the keychain write, the lock, the temp file and the rename. Whatever the
 * moment, the vault file must parse, every add that reported success must be
 * there with a working code, and a half-done add must show up as an orphan
 * secret that repair('restore') brings back. A secret is never lost.
 *
 * Kill points come from two sources: a seeded random delay after spawn (0-300 ms),
 * and file events in the data folder (the lock file or the temp file appearing),
 * which land the kill inside the short write window without any timing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, watch } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { openVault } from '../../core/vault/vault';
import { readMetadata } from '../../core/vault/metadata-file';
import { vaultFiles } from '../../core/paths';
import { codeWindow } from '../../core/otp/index';
import { readAllSecrets, requireSecretService } from '../support/keychain';
import { collect, runCli } from '../cli/support/cli-process';
import { useCliSandbox } from '../cli/support/cli-session';

requireSecretService();

// 40 kills in `npm test`; `npm run test:slow` (AUTHDESK_SLOW=1) runs 1,000.
const RUNS = process.env.AUTHDESK_SLOW === '1' ? 1000 : 40;
const SEED = Number(process.env.AUTHDESK_KILL_SEED ?? 20_240_611);
const { box, cli, secrets } = useCliSandbox('authdesk-kill9');

/** Small seeded PRNG (mulberry32): the same kill schedule on every run of the test. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const newSecret = () => [...randomBytes(16)].map((b) => BASE32[b % 32]).join(''); // 16 chars = 10 bytes, like real keys

/** Kill after a delay, or when a file whose name starts with `prefix` (or is exactly `exact`) appears or is renamed in the data folder. */
type Trigger = { kind: 'delay'; ms: number } | { kind: 'file'; prefix?: string; exact?: string };

// The write sequence, in order: .lock, accounts.json.tmp-*, accounts.json.bak (link of the old file), accounts.json (rename).
const FILE_TRIGGERS: Trigger[] = [
  { kind: 'file', prefix: '.lock' },
  { kind: 'file', prefix: 'accounts.json.tmp-' },
  { kind: 'file', exact: 'accounts.json.bak' },
  { kind: 'file', exact: 'accounts.json' },
];

/** Runs one add and SIGKILLs it when the trigger fires (if it has not finished by then). */
async function addAndKill(name: string, secret: string, trigger: Trigger) {
  const child: ChildProcess = spawn(
    process.execPath,
    [cli.file, 'add', `otpauth://totp/Kill:${name}?secret=${secret}&issuer=Kill`],
    { env: box.env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const done = collect(child);
  const kill = () => child.exitCode === null && child.signalCode === null && child.kill('SIGKILL');
  let stop = () => {};
  if (trigger.kind === 'delay') {
    const timer = setTimeout(kill, trigger.ms);
    stop = () => clearTimeout(timer);
  } else {
    const watcher = watch(box.dataDir, (_event, file) => {
      if (file && (file === trigger.exact || (trigger.prefix !== undefined && file.startsWith(trigger.prefix)))) kill();
    });
    stop = () => watcher.close();
  }
  const result = await done;
  stop();
  return result;
}

it(
  `never loses a secret when ${RUNS} adds are killed with SIGKILL at random points`,
  async () => {
    const random = prng(SEED);
    const runs: {
      name: string;
      secret: string;
      trigger: Trigger;
      code: number | null;
      signal: NodeJS.Signals | null;
      stderr: string;
    }[] = [];
    for (let i = 0; i < RUNS; i++) {
      const pick = random();
      const trigger: Trigger =
        pick < 0.4
          ? { kind: 'delay', ms: Math.floor(random() * 300) }
          : FILE_TRIGGERS[Math.floor(((pick - 0.4) / 0.6) * FILE_TRIGGERS.length)]!;
      const name = `run${i}`;
      const secret = newSecret();
      const r = await addAndKill(name, secret, trigger);
      runs.push({ name, secret, trigger, code: r.code, signal: r.signal, stderr: r.stderr });
    }

    // The vault file itself parses (no recovery from .bak was needed).
    const read = await readMetadata(vaultFiles(box.dataDir));
    expect(read.ok).toBe(true);

    const vault = await openVault({ dataDir: box.dataDir, secrets });
    const accounts = await vault.list();
    const keychain = new Map((await readAllSecrets(secrets)).map((i) => [i.secret, i.account]));
    const problems = await vault.problems();
    const now = Date.now();
    const codes = new Map((await vault.currentCodes(undefined, now)).map((c) => [c.id, c.code]));

    const phases = {
      'finished (exit 0)': 0,
      'killed before the keychain write': 0,
      'killed between keychain write and rename (orphan)': 0,
      'killed after the rename': 0,
    };
    for (const run of runs) {
      const account = accounts.find((a) => a.name === run.name);
      const itemId = keychain.get(run.secret);
      if (run.code === 0) {
        phases['finished (exit 0)']++;
        expect(account, `${run.name} reported success`).toBeDefined();
      } else {
        expect(run.signal, `${run.name} failed without being killed: ${run.stderr}`).toBe('SIGKILL');
        if (account) phases['killed after the rename']++;
        else if (itemId) phases['killed between keychain write and rename (orphan)']++;
        else phases['killed before the keychain write']++;
      }
      if (account) {
        // Every account in the file has its own secret, and its code works.
        expect(itemId, `${run.name} has metadata but no secret`).toBe(account.id);
        expect(codes.get(account.id)).toBe(codeWindow(account.id, run.secret, account, now).code);
      } else if (itemId) {
        expect(problems).toContainEqual({ kind: 'orphan-secret', id: itemId, label: itemId });
      }
    }
    console.log(`[kill9] seed ${SEED}:`, phases);
    expect(problems.every((p) => p.kind === 'orphan-secret')).toBe(true); // never metadata without its secret
    expect(
      phases['finished (exit 0)'] +
        phases['killed after the rename'] +
        phases['killed before the keychain write'] +
        phases['killed between keychain write and rename (orphan)'],
    ).toBe(RUNS);
    expect(RUNS - phases['finished (exit 0)']).toBeGreaterThan(RUNS / 4); // the schedule really killed most runs

    // Every orphan comes back as an account with a working code.
    for (const p of problems) await vault.repair(p.id, 'restore');
    expect(await vault.problems()).toEqual([]);
    const restoredCodes = await vault.currentCodes(undefined, now);
    for (const [secret, id] of keychain)
      expect(restoredCodes.find((c) => c.id === id)?.code).toBe(
        codeWindow(id, secret, { type: 'totp', algorithm: 'SHA1', digits: 6, period: 30 }, now).code,
      );

    // A kill never leaves a lock that blocks the next run, and the next write clears temp files.
    const after = await runCli(
      cli.file,
      ['add', `otpauth://totp/Kill:after?secret=${newSecret()}&issuer=Kill`],
      box.env,
    );
    expect(after.code, after.stderr).toBe(0);
    expect(existsSync(path.join(box.dataDir, '.lock'))).toBe(false);
    expect(readdirSync(box.dataDir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  },
  RUNS * 5_000,
);
