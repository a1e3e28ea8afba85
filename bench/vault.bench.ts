/**
 * Vault load and code generation with 1,000 accounts in the real keychain
 * (run inside scripts/with-keyring.sh). Since issue 9 opening reads only
 * accounts.json (no secret), the first codes read each secret once, and
 * later refreshes use the secrets already read (goal: < 5 ms for all codes).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { vaultFiles } from '../core/paths';
import { createSecretStore } from '../core/vault/secret-store';
import { writeMetadata } from '../core/vault/metadata-file';
import { emptyDocument } from '../core/vault/metadata-document';
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
  const secrets = createSecretStore(service);
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

    const load = await medianOf(async () => (await openVault({ dataDir, secrets })).list());
    const vault = await openVault({ dataDir, secrets });
    const now = Date.now();
    let codesOnce: Awaited<ReturnType<typeof vault.currentCodes>> = [];
    const cold = await timeIt(async () => (codesOnce = await vault.currentCodes(undefined, now)));
    if (codesOnce.length !== ACCOUNTS) throw new Error(`expected ${ACCOUNTS} codes, got ${codesOnce.length}`);
    const codes = await medianOf(() => vault.currentCodes(undefined, now));

    console.log(`vault load (accounts.json only, no secret): ${load.toFixed(1)} ms`);
    console.log(`first codes for ${ACCOUNTS} accounts (reads each secret once): ${cold.toFixed(0)} ms`);
    console.log(`codes for ${ACCOUNTS} accounts: ${codes.toFixed(2)} ms`);
    console.log(`(medians of ${REPEATS} runs after one warm-up; goal: codes < 5 ms)`);
  } finally {
    const cleanup = await timeIt(async () => {
      const items = await secrets.accounts();
      for (let i = 0; i < items.length; i += 50)
        await Promise.all(items.slice(i, i + 50).map((account) => secrets.delete(account)));
    });
    rmSync(dataDir, { recursive: true, force: true });
    console.log(`cleanup: removed the bench items in ${(cleanup / 1000).toFixed(1)} s`);
  }
}
