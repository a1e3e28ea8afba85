/**
 * Several `authdesk` processes writing at once (the app and the CLI, or two
 * scripts): the lock + re-read under lock must keep every change.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { openVault } from '../../core/vault/vault';
import { requireSecretService } from '../support/keychain';
import { runCli } from '../cli/support/cli-process';
import { useCliSandbox } from '../cli/support/cli-session';

requireSecretService();

const N = 10;
const { box, cli, secrets } = useCliSandbox('authdesk-concurrent');

/** A distinct valid base32 secret per index. */
const secretFor = (i: number) => `JBSWY3DPEHPK3P${'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[i]}Q`;

it(`keeps all ${N} accounts added by ${N} processes at the same time`, async () => {
  const results = await Promise.all(
    Array.from({ length: N }, (_, i) =>
      runCli(
        cli.file,
        ['add', `otpauth://totp/Parallel:user${i}?secret=${secretFor(i)}&issuer=Parallel`, '--json'],
        box.env,
      ),
    ),
  );
  for (const r of results) expect(r.code, r.stderr).toBe(0);

  const vault = await openVault({ dataDir: box.dataDir, secrets });
  const names = (await vault.list()).map((a) => a.name).sort();
  expect(names).toEqual(Array.from({ length: N }, (_, i) => `user${i}`).sort());
  expect(await vault.problems()).toEqual([]);
  expect((await vault.currentCodes()).length).toBe(N);
  // Each process's reported id is the one stored.
  const ids = results.map((r) => (JSON.parse(r.stdout) as { id: string }).id).sort();
  expect((await vault.list()).map((a) => a.id).sort()).toEqual(ids);
  // No lock, no temp file left behind; the previous generation is kept.
  expect(existsSync(path.join(box.dataDir, '.lock'))).toBe(false);
  expect(readdirSync(box.dataDir).sort()).toEqual(['accounts.json', 'accounts.json.bak']);
  expect(JSON.parse(readFileSync(path.join(box.dataDir, 'accounts.json.bak'), 'utf8')).accounts).toHaveLength(N - 1);
});

it('keeps renames and HOTP counters from processes racing each other', async () => {
  const hotp = await runCli(
    cli.file,
    ['add', 'otpauth://hotp/Race:counter?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Race&counter=0', '--json'],
    box.env,
  );
  expect(hotp.code, hotp.stderr).toBe(0);
  const id = (JSON.parse(hotp.stdout) as { id: string }).id;
  const runs = await Promise.all([
    ...Array.from({ length: 4 }, () => runCli(cli.file, ['code', '--next', id, '--json'], box.env)),
    ...Array.from({ length: 3 }, (_, i) => runCli(cli.file, ['rename', `user${i}`, `renamed${i}`], box.env)),
  ]);
  for (const r of runs) expect(r.code, r.stderr).toBe(0);
  const codes = runs
    .slice(0, 4)
    .map((r) => (JSON.parse(r.stdout) as { code: string }[])[0]!.code)
    .sort();
  // Four processes, four different counters: RFC 4226 codes for counters 0..3, none shown twice.
  expect(codes).toEqual(['287082', '359152', '755224', '969429']);
  const vault = await openVault({ dataDir: box.dataDir, secrets });
  const accounts = await vault.list();
  expect(accounts.find((a) => a.id === id)).toMatchObject({ type: 'hotp', counter: 4 });
  expect(
    accounts
      .filter((a) => a.name.startsWith('renamed'))
      .map((a) => a.name)
      .sort(),
  ).toEqual(['renamed0', 'renamed1', 'renamed2']);
});
