/**
 * Every otpauth case of the shared vectors that carries code checks goes in
 * through `authdesk add` and must come out of `authdesk code --at` (or, for
 * HOTP, the first `authdesk code`) with the expected code.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSecretStore } from '../../core/vault/secret-store';
import { requireSecretService } from '../support/keychain';
import { describeWithVectors, readVectorJson } from '../support/vectors';
import { bundleCli, cliSandbox, runCli } from './support/cli-process';

requireSecretService();

interface UriCase {
  id: string;
  uri: string;
  expect?: { type: string; issuer: string; name: string };
  code_checks?: ({ unix_time: number; code: string } | { counter: number; code: string })[];
}
interface CodeRow {
  id: string;
  type: string;
  code: string;
}

describeWithVectors('authdesk code against the shared otpauth vectors', () => {
  let cli: Awaited<ReturnType<typeof bundleCli>>;
  const cases = () =>
    readVectorJson<{ cases: UriCase[] }>('otpauth', 'otpauth_uri_cases.json').cases.filter(
      (c) => c.expect && c.code_checks?.length,
    );
  // Some cases are the same account (same key and label, e.g. HOTP at counter 0
  // and at 9): one vault refuses the second as a duplicate, so it goes into the
  // next vault. Each vault is its own data folder + keychain service.
  const vaults: ReturnType<typeof cliSandbox>[] = [];
  /** vector case id -> where its account lives. */
  const placed = new Map<string, { vault: number; id: string }>();
  const run = (vault: number, ...args: string[]) => runCli(cli.file, args, vaults[vault]!.env);

  beforeAll(async () => {
    cli = await bundleCli();
    for (const c of cases()) {
      for (let v = 0; !placed.has(c.id); v++) {
        if (v === vaults.length) vaults.push(cliSandbox('authdesk-vectors'));
        const r = await run(v, 'add', c.uri, '--json');
        if (r.code === 0) placed.set(c.id, { vault: v, id: (JSON.parse(r.stdout) as { id: string }).id });
        else expect(r.stderr, c.id).toMatch(/is already in Authdesk\.\n$/);
      }
    }
  }, 120_000);
  afterAll(async () => {
    cli?.dispose();
    for (const box of vaults) {
      const secrets = createSecretStore(box.service);
      for (const account of await secrets.accounts()) await secrets.delete(account);
      box.cleanup();
    }
  });

  /** `authdesk code --json [--at]` in the vaults holding `caseIds`, rows keyed by account id. */
  const codesFor = async (caseIds: string[], ...extra: string[]) => {
    const rows = new Map<string, CodeRow>();
    for (const v of new Set(caseIds.map((id) => placed.get(id)!.vault))) {
      const r = await run(v, 'code', '--json', ...extra);
      expect(r.code, r.stderr).toBe(0);
      for (const row of JSON.parse(r.stdout) as CodeRow[]) rows.set(row.id, row);
    }
    return rows;
  };

  it('reads the vectors and needs more than one vault only for true duplicates', () => {
    expect(cases().length).toBeGreaterThanOrEqual(15);
    expect(placed.size).toBe(cases().length);
    expect(vaults.length).toBeLessThanOrEqual(3);
  });

  it('gives every HOTP case its expected code for the counter in the link', async () => {
    // `code --next` shows the code of the stored counter (then advances it); plain `code` shows none.
    const hotp = cases().filter((c) => c.expect!.type === 'hotp');
    expect(hotp.length).toBeGreaterThan(0);
    for (const c of hotp) {
      const { vault, id } = placed.get(c.id)!;
      const r = await run(vault, 'code', '--next', id, '--json');
      expect(r.code, r.stderr).toBe(0);
      expect((JSON.parse(r.stdout) as CodeRow[])[0]?.code, c.id).toBe(c.code_checks![0]!.code);
    }
  });

  it('gives every TOTP and Steam case its expected code at each checked time', { timeout: 120_000 }, async () => {
    const byTime = new Map<number, { caseId: string; code: string }[]>();
    for (const c of cases()) {
      for (const check of c.code_checks!) {
        if ('unix_time' in check)
          byTime.set(check.unix_time, [...(byTime.get(check.unix_time) ?? []), { caseId: c.id, code: check.code }]);
      }
    }
    let checked = 0;
    for (const [time, expected] of byTime) {
      const rows = await codesFor(
        expected.map((e) => e.caseId),
        '--at',
        String(time),
      );
      for (const e of expected) {
        expect(rows.get(placed.get(e.caseId)!.id)?.code, `${e.caseId} at ${time}`).toBe(e.code);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(20);
  });
});
