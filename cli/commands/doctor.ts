/**
 * `authdesk doctor`: checks what Authdesk depends on, one line each, and lists
 * vault problems (a keychain item without an account after a crash, an account
 * whose keychain item was deleted by hand) with the way to repair them.
 */
import { constants as fsc, existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { toErrorValue } from '../../common/errors';
import { keychainLocked } from '../../core/vault/keychain-errors';
import { dataDir, keychainService, vaultFiles } from '../../core/paths';
import { createSecretStore } from '../../core/vault/secret-store';
import type { VaultProblem } from '../../common/vault-problems';
import type { Command } from '../command';
import { accountLabel, describeParams, printJson } from '../format';

interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export const doctorCommand: Command = {
  name: 'doctor',
  summary: 'Check the keychain, the data folder and the accounts file; list and repair problems.',
  usage: 'authdesk doctor [--json] [--restore ID | --forget ID]',
  details: [
    '  --restore ID  turn a keychain item without an account back into the account it describes',
    '  --forget ID   drop an account whose keychain secret is gone',
    '  --json        print {dataDir, keychainService, checks: [{name, ok, detail}], problems: [{kind, id, label}]}',
    'Exits 1 when a check fails or a problem exists.',
  ],
  options: { json: { type: 'boolean' }, restore: { type: 'string' }, forget: { type: 'string' } },
  positionals: { min: 0, max: 0, names: '' },
  async run({ values }, ctx) {
    const restore = values.restore as string | undefined;
    const forget = values.forget as string | undefined;
    if (restore !== undefined || forget !== undefined) {
      const vault = await ctx.vault();
      await vault.repair((restore ?? forget)!, restore !== undefined ? 'restore' : 'forget');
      const restored = (await vault.list()).find((a) => a.id === restore);
      ctx.io.out(
        restored
          ? `Restored ${accountLabel(restored)}  ${describeParams(restored)}  [${restored.id}]`
          : `Forgot account ${forget}.`,
      );
      return 0;
    }
    const dir = dataDir(ctx.io.env);
    const service = keychainService(ctx.io.env);
    const keychain = await checkKeychain(service, ctx.io.env);
    const checks = [await checkDataDir(dir), keychain];
    let problems: VaultProblem[] = [];
    try {
      const vault = await ctx.vault();
      const count = (await vault.list()).length;
      // Without a working keychain nothing can be said about drift; its own line says why.
      if (keychain.ok) problems = await vault.problems({ readValues: true });
      checks.push({
        name: 'accounts',
        ok: true,
        detail: `${count} account${count === 1 ? '' : 's'} in ${vaultFiles(dir).metadata}`,
      });
    } catch (err) {
      checks.push({ name: 'accounts', ok: false, detail: toErrorValue(err).message });
    }
    const healthy = checks.every((c) => c.ok) && !problems.length;
    if (values.json) {
      printJson(ctx.io.out, { dataDir: dir, keychainService: service, checks, problems });
      return healthy ? 0 : 1;
    }
    for (const c of checks) ctx.io.out(`${c.ok ? 'ok  ' : 'FAIL'}  ${c.name}: ${c.detail}`);
    for (const p of problems) ctx.io.out(describeProblem(p));
    if (!problems.length && checks.every((c) => c.ok)) ctx.io.out('No problems found.');
    return healthy ? 0 : 1;
  },
};

function describeProblem(p: VaultProblem): string {
  switch (p.kind) {
    case 'orphan-secret':
      return `PROBLEM  keychain item ${p.id} has no account (an add was interrupted?): \`authdesk doctor --restore ${p.id}\``;
    case 'missing-secret':
      return `PROBLEM  ${p.label} has no secret in the keychain: \`authdesk doctor --forget ${p.id}\` drops it`;
    case 'unreadable-secret':
      return `PROBLEM  ${p.label}: its keychain value is not a key Authdesk can read (edited by hand?); the other accounts' codes still work. Re-add it, then \`authdesk remove ${p.id}\` the broken one`;
  }
}

async function checkDataDir(dir: string): Promise<Check> {
  try {
    await fs.access(dir, fsc.R_OK | fsc.W_OK);
    return { name: 'data folder', ok: true, detail: dir };
  } catch {
    // Not there yet is fine if it can be created: the first add does that.
    try {
      await fs.access(nearestExisting(dir), fsc.W_OK);
      return { name: 'data folder', ok: true, detail: `${dir} (created on first add)` };
    } catch {
      return { name: 'data folder', ok: false, detail: `${dir} cannot be read or written: check its permissions.` };
    }
  }
}

async function checkKeychain(service: string, env: NodeJS.ProcessEnv): Promise<Check> {
  try {
    const store = createSecretStore(service, process.platform, env);
    if (await store.isLocked()) throw keychainLocked();
    const items = await store.accounts();
    return {
      name: 'keychain',
      ok: true,
      detail: `reachable (service ${service}, ${items.length} item${items.length === 1 ? '' : 's'})`,
    };
  } catch (err) {
    return { name: 'keychain', ok: false, detail: toErrorValue(err).message };
  }
}

function nearestExisting(dir: string): string {
  let current = path.dirname(dir);
  while (!existsSync(current) && path.dirname(current) !== current) current = path.dirname(current);
  return current;
}
