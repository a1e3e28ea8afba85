/**
 * Vault load and code generation with 1,000 accounts in the real keychain
 * (run inside scripts/with-keyring.sh). The floor for loading is one raw
 * keytar.findCredentials() of the same 1,000 items: the vault should add
 * little on top (goal: ratio <= 1.2), and all codes should take < 5 ms.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { vaultFiles } from '../core/paths';
import { createKeytarStore, type KeytarApi } from '../core/vault/keytar-store';
import { writeMetadata } from '../core/vault/metadata-file';
import { emptyDocument } from '../core/vault/metadata-schema';
import { openVault } from '../core/vault/vault';
import type { AccountMeta } from '../common/otp/types';

const ACCOUNTS = 1_000;
const REPEATS = 7;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function timeIt(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}
async function medianOf(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm-up: first calls pay for JIT and connection set-up
  const times: number[] = [];
  for (let i = 0; i < REPEATS; i++) times.push(await timeIt(fn));
  return median(times);
}

export async function run(): Promise<void> {
  const service = `authdesk-bench-${randomBytes(6).toString('hex')}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'authdesk-bench-'));
  const secrets = createKeytarStore(service);
  const keytar = ((await import('keytar')) as KeytarApi & { default?: KeytarApi }).default as KeytarApi;
  const accounts: AccountMeta[] = Array.from({ length: ACCOUNTS }, (_, i) => ({
    id: randomUUID(),
    issuer: `Issuer ${i % 37}`,
    name: `user${i}@example.com`,
    createdAt: Date.now(),
    type: 'totp',
    algorithm: (['SHA1', 'SHA256', 'SHA512'] as const)[i % 3]!,
    digits: 6 + (i % 3),
    period: 30,
  }));
  try {
    // Setup, once: keychain items in parallel batches, metadata in one write.
    const setup = await timeIt(async () => {
      for (let i = 0; i < accounts.length; i += 50) {
        await Promise.all(
          accounts
            .slice(i, i + 50)
            .map((a) => secrets.set(a.id, [...randomBytes(20)].map((b) => BASE32[b % 32]).join(''))),
        );
      }
      await writeMetadata(vaultFiles(dataDir), { ...emptyDocument(), accounts });
    });
    console.log(`setup: ${ACCOUNTS} keychain items + accounts.json in ${(setup / 1000).toFixed(1)} s`);

    const floor = await medianOf(() => keytar.findCredentials(service));
    const load = await medianOf(async () => (await openVault({ dataDir, secrets })).list());
    const vault = await openVault({ dataDir, secrets });
    const now = Date.now();
    const codesOnce = await vault.currentCodes(undefined, now);
    if (codesOnce.length !== ACCOUNTS) throw new Error(`expected ${ACCOUNTS} codes, got ${codesOnce.length}`);
    const codes = await medianOf(() => vault.currentCodes(undefined, now));

    console.log(
      `vault load: ${load.toFixed(1)} ms (floor findCredentials: ${floor.toFixed(1)} ms, ratio ${(load / floor).toFixed(2)})`,
    );
    console.log(`codes for ${ACCOUNTS} accounts: ${codes.toFixed(2)} ms`);
    console.log(`(medians of ${REPEATS} runs after one warm-up; goals: ratio <= 1.2, codes < 5 ms)`);
  } finally {
    const cleanup = await timeIt(async () => {
      const items = await secrets.list();
      for (let i = 0; i < items.length; i += 50)
        await Promise.all(items.slice(i, i + 50).map((item) => secrets.delete(item.account)));
    });
    rmSync(dataDir, { recursive: true, force: true });
    console.log(`cleanup: removed the bench items in ${(cleanup / 1000).toFixed(1)} s`);
  }
}
