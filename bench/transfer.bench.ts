/**
 * Import and export with 1,000 accounts (run inside scripts/with-keyring.sh).
 * Import: an encrypted Aegis vault of 1,000 accounts, read (scrypt + GCM +
 * parse), previewed and committed into an empty vault in the real keychain.
 * The floor beside it is 1,000 raw keytar.setPassword calls one after
 * another, which any import must pay; the goal is an import within 1.2× of
 * it. Export: 1,000 accounts into each format (the KDF costs are the real
 * defaults: scrypt N=2^17 for our backup, N=2^15 for Aegis).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { KeytarApi } from '../core/vault/keytar-store';
import { createSecretStore } from '../core/vault/index';
import { openVault } from '../core/vault/vault';
import { encodeBase32 } from '../core/otp/secret';
import type { AccountDraft } from '../common/otp/types';
import {
  commitImport,
  exportAegisEncrypted,
  exportAuthdeskBackup,
  exportMigration,
  exportOtpauthList,
  migrationQrPng,
  previewImport,
  readImport,
} from '../core/transfer/index';

const ACCOUNTS = 1_000;
const PASSWORD = 'bench password';

async function timeIt<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const value = await fn();
  return [performance.now() - start, value];
}
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function accounts(): AccountDraft[] {
  return Array.from({ length: ACCOUNTS }, (_, i) => {
    const base = { issuer: `Issuer ${i % 37}`, name: `user${i}@example.com`, secret: encodeBase32(randomBytes(20)) };
    return i % 10 === 9
      ? { ...base, type: 'hotp' as const, algorithm: 'SHA1' as const, digits: 6, counter: i }
      : {
          ...base,
          type: 'totp' as const,
          algorithm: (['SHA1', 'SHA256', 'SHA512'] as const)[i % 3]!,
          digits: 6 + (i % 3 === 0 ? 0 : 2),
          period: 30,
        };
  });
}

export async function run(): Promise<void> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'authdesk-bench-transfer-'));
  const service = `authdesk-bench-${randomBytes(6).toString('hex')}`;
  const floorService = `${service}-floor`;
  const secrets = createSecretStore(service);
  const keytar = ((await import('keytar')) as KeytarApi & { default?: KeytarApi }).default as KeytarApi;
  const drafts = accounts();
  try {
    const aegisFile = path.join(work, 'aegis.json');
    writeFileSync(aegisFile, await exportAegisEncrypted(drafts, PASSWORD));

    const [read, result] = await timeIt(() => readImport(aegisFile, { password: PASSWORD }));
    if (result.entries.length !== ACCOUNTS)
      throw new Error(`expected ${ACCOUNTS} entries, got ${result.entries.length}`);
    const vault = await openVault({ dataDir: path.join(work, 'vault'), secrets });
    const [preview, plan] = await timeIt(() => previewImport(vault, result));
    const [commit, added] = await timeIt(() => commitImport(vault, plan));
    if (added.length !== ACCOUNTS) throw new Error(`expected ${ACCOUNTS} added, got ${added.length}`);
    const [floor] = await timeIt(async () => {
      for (const d of drafts) await keytar.setPassword(floorService, randomBytes(8).toString('hex'), d.secret);
    });
    const total = read + preview + commit;
    console.log(`import of ${ACCOUNTS} accounts from an encrypted Aegis vault: ${s(total)}`);
    console.log(`  read (scrypt N=2^15 + GCM + parse): ${s(read)}, preview: ${s(preview)}, commit: ${s(commit)}`);
    console.log(
      `  floor: ${ACCOUNTS} keytar.setPassword one by one: ${s(floor)} (import/floor ${(total / floor).toFixed(2)})`,
    );

    const [exportRead, mine] = await timeIt(() => vault.exportDrafts());
    const [backup] = await timeIt(() => exportAuthdeskBackup(mine, PASSWORD));
    const [aegis] = await timeIt(() => exportAegisEncrypted(mine, PASSWORD));
    const [list] = await timeIt(async () => exportOtpauthList(mine));
    const [qr, pngs] = await timeIt(async () => {
      const { uris } = exportMigration(mine);
      return Promise.all(uris.map((u) => migrationQrPng(u)));
    });
    console.log(`export of ${ACCOUNTS} accounts: read from the vault ${s(exportRead)}; then`);
    console.log(
      `  Authdesk backup (scrypt N=2^17): ${s(backup)}, Aegis (scrypt N=2^15): ${s(aegis)}, otpauth list: ${list.toFixed(1)} ms`,
    );
    console.log(`  Google transfer: ${pngs.length} QR PNGs in ${s(qr)}`);
  } finally {
    for (const { account } of await keytar.findCredentials(floorService))
      await keytar.deletePassword(floorService, account);
    for (const account of await secrets.accounts()) await secrets.delete(account);
    rmSync(work, { recursive: true, force: true });
  }
}
