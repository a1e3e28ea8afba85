/**
 * How long a person waits for the `authdesk` command, beside what cannot be
 * avoided: the floor is `node -e 0` (Node's own start), measured in the same
 * rounds (every round runs every command once, in turn, so load hits all of
 * them alike). 200 accounts in the real gnome-keyring (this bench runs inside
 * scripts/with-keyring.sh), one of them "GitHub".
 *
 * Goals: --version, list and `code github` (one match) within 1.5x the floor
 * (with the CLI's code cache, as every start after the first has it; `list` without
 * it is shown too: the first start after a build or update);
 * the same with a vault of 1 account show the start-up cost without the
 * keychain's reads (how many secrets a command reads is the keychain layer's
 * business);
 * `code` (all 200) within 1.5x the floor plus the keychain's own time to read
 * 200 secrets (one findCredentials() of them, in this process, also measured
 * in every round).
 *
 * Needs the built CLI (npm run bench builds first). Prints wall medians and
 * the load average (wall time suffers when other work shares the CPU; the
 * interleaving keeps the ratios fair).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AccountMeta } from '../common/otp/types';
import { vaultFiles } from '../core/paths';
import { createKeytarStore, type KeytarApi } from '../core/vault/keytar-store';
import { writeMetadata } from '../core/vault/metadata-file';
import { emptyDocument } from '../core/vault/metadata-document';

const ACCOUNTS = 200;
const ROUNDS = 11;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin/authdesk.cjs');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (v: number) => `${v.toFixed(0)} ms`;

interface Probe {
  label: string;
  args: string[] | null; // null: the floor, `node -e 0`
  wall: number[];
  /** Another vault (the 1-account one) instead of the 200-account one. */
  env?: NodeJS.ProcessEnv;
  /** Shown for information, with no goal of its own. */
  informational?: true;
}

/** One child run: wall time from spawn to exit (what a person waits). */
function runOnce(args: string[] | null, env: NodeJS.ProcessEnv): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args === null ? ['-e', '0'] : [bin, ...args], { env, encoding: 'utf8' });
  const wall = performance.now() - t;
  if (r.status !== 0) throw new Error(`authdesk ${args?.join(' ')} exited ${r.status}: ${r.stderr}`);
  return wall;
}

export async function run(): Promise<void> {
  if (!existsSync(path.join(root, 'dist/cli/program.cjs'))) {
    console.log('[skipped] cli: dist/cli is not built (npm run bench builds it first)');
    return;
  }
  const service = `authdesk-bench-cli-${randomBytes(6).toString('hex')}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'authdesk-bench-cli-'));
  const env = {
    ...process.env,
    AUTHDESK_DATA_DIR: dataDir,
    AUTHDESK_KEYCHAIN_SERVICE: service,
    AUTHDESK_DEBUG: '',
    // The CLI's compiled-code cache (cli/launcher/code-cache.ts), here rather than in ~/.cache.
    AUTHDESK_CACHE_DIR: path.join(dataDir, 'code-cache'),
  };
  const secrets = createKeytarStore(service);
  const oneService = `${service}-one`;
  const oneDir = mkdtempSync(path.join(os.tmpdir(), 'authdesk-bench-cli-one-'));
  const oneEnv = { ...env, AUTHDESK_DATA_DIR: oneDir, AUTHDESK_KEYCHAIN_SERVICE: oneService };
  const oneSecrets = createKeytarStore(oneService);
  const keytar = ((await import('keytar')) as KeytarApi & { default?: KeytarApi }).default as KeytarApi;
  const accounts: AccountMeta[] = Array.from({ length: ACCOUNTS }, (_, i) => ({
    id: randomUUID(),
    issuer: i === 0 ? 'GitHub' : `Issuer ${i % 37}`,
    name: `user${i}@example.com`,
    createdAt: Date.now(),
    type: 'totp',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
  }));
  try {
    let t = performance.now();
    for (let i = 0; i < accounts.length; i += 50) {
      await Promise.all(
        accounts
          .slice(i, i + 50)
          .map((a) => secrets.set(a.id, [...randomBytes(20)].map((b) => BASE32[b % 32]).join(''))),
      );
    }
    await writeMetadata(vaultFiles(dataDir), { ...emptyDocument(), accounts });
    await oneSecrets.set(accounts[0]!.id, 'JBSWY3DPEHPK3PXP');
    await writeMetadata(vaultFiles(oneDir), { ...emptyDocument(), accounts: [accounts[0]!] });
    console.log(
      `setup: ${ACCOUNTS} keychain items + accounts.json in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );

    const probes: Probe[] = [
      { label: 'node -e 0 (floor)', args: null, wall: [] },
      { label: 'authdesk --version', args: ['--version'], wall: [] },
      { label: 'authdesk list (1 account)', args: ['list'], wall: [], env: oneEnv },
      { label: 'authdesk code github --json (1 account)', args: ['code', 'github', '--json'], wall: [], env: oneEnv },
      { label: 'authdesk list', args: ['list'], wall: [] },
      // What the first start after a build or update costs (the cache is then written once).
      {
        label: 'authdesk list, no code cache',
        args: ['list'],
        wall: [],
        env: { ...env, AUTHDESK_CODE_CACHE: '0' },
        informational: true,
      },
      { label: 'authdesk code github --json (1 match)', args: ['code', 'github', '--json'], wall: [] },
      { label: `authdesk code --json (all ${ACCOUNTS})`, args: ['code', '--json'], wall: [] },
    ];
    const keychain: number[] = [];
    const reads: number[] = [];
    // One unmeasured round: disk caches, the keyring daemon's first answers.
    for (const p of probes) runOnce(p.args, p.env ?? env);
    await keytar.findCredentials(service);
    for (let round = 0; round < ROUNDS; round++) {
      for (const p of probes) {
        p.wall.push(runOnce(p.args, p.env ?? env));
      }
      t = performance.now();
      const items = await keytar.findCredentials(service);
      keychain.push(performance.now() - t);
      if (items.length !== ACCOUNTS) throw new Error(`expected ${ACCOUNTS} keychain items, found ${items.length}`);
      t = performance.now();
      for (const a of accounts.slice(0, 20)) await keytar.getPassword(service, a.id);
      reads.push(((performance.now() - t) / 20) * ACCOUNTS);
    }

    const floor = median(probes[0]!.wall);
    const keychain200 = median(keychain);
    console.log(`\n| command | median wall | x floor | goal | met |`);
    console.log('|---|---|---|---|---|');
    for (const [i, p] of probes.entries()) {
      const m = median(p.wall);
      const limit =
        i === 0 || p.informational ? null : i === probes.length - 1 ? 1.5 * floor + keychain200 : 1.5 * floor;
      const goal =
        limit === null ? '-' : i === probes.length - 1 ? `<= 1.5x floor + keychain = ${ms(limit)}` : `<= ${ms(limit)}`;
      console.log(
        `| ${p.label} | ${ms(m)} | ${(m / floor).toFixed(2)} | ${goal} | ${limit === null ? '-' : m <= limit ? 'yes' : 'NO'} |`,
      );
    }
    console.log(
      `\nkeychain's own time for ${ACCOUNTS} secrets, in this process: findCredentials ${ms(keychain200)}; ` +
        `one getPassword each (from 20) ${ms(median(reads))}`,
    );
    console.log(
      `(medians of ${ROUNDS} interleaved rounds; Node ${process.version}; load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} on ${os.availableParallelism()} cores)`,
    );
  } finally {
    const items = await secrets.accounts();
    for (let i = 0; i < items.length; i += 50)
      await Promise.all(items.slice(i, i + 50).map((account) => secrets.delete(account)));
    await oneSecrets.delete(accounts[0]!.id).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(oneDir, { recursive: true, force: true });
  }
}
