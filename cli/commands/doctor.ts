/**
 * `authdesk doctor`: checks what Authdesk depends on, one line each, and lists
 * vault problems (a keychain item without an account after a crash, an account
 * whose keychain item was deleted by hand), a recovery from the backup that
 * has not been acknowledged, and the trash, each with the way to act on it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { toErrorValue } from '../../common/errors';
import { keychainLocked } from '../../core/vault/keychain-errors';
import { dataDir, keychainService, vaultFiles } from '../../core/paths';
import { checkDataFolder, probeWritable } from '../../core/data-folder';
import { createSecretStore } from '../../core/vault/secret-store';
import type { RecoveryNotice, TrashEntry, VaultProblem } from '../../common/vault-problems';
import type { Command, CliContext } from '../command';
import { accountLabel, describeParams, printJson } from '../format';
import { describeRecovery } from '../recovery-notice';
import { UsageError } from '../usage-error';

interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

const ACTIONS = ['restore', 'forget', 'restore-all', 'ack', 'trash', 'undelete'] as const;

export const doctorCommand: Command = {
  name: 'doctor',
  summary: 'Check the keychain, the data folder and the accounts file; list and repair problems; the trash.',
  usage: 'authdesk doctor [--json] [--restore ID | --restore-all | --forget ID | --ack | --trash | --undelete ID]',
  details: [
    '  --restore ID    turn a keychain item without an account back into the account it describes',
    '  --restore-all   do that for every such keychain item (after accounts.json was lost)',
    '  --forget ID     drop an account whose keychain secret is gone',
    '  --ack           you have read the notice that accounts.json was restored from its backup',
    '  --trash         list deleted accounts (kept 30 days, secret included)',
    '  --undelete ID   bring a deleted account back from the trash',
    '  --json          print {dataDir, keychainService, checks, problems, recovered, trash}',
    'Exits 1 when a check fails or a problem exists.',
  ],
  options: {
    json: { type: 'boolean' },
    restore: { type: 'string' },
    forget: { type: 'string' },
    'restore-all': { type: 'boolean' },
    ack: { type: 'boolean' },
    trash: { type: 'boolean' },
    undelete: { type: 'string' },
  },
  positionals: { min: 0, max: 0, names: '' },
  async run({ values }, ctx) {
    const chosen = ACTIONS.filter((a) => values[a] !== undefined && values[a] !== false);
    if (chosen.length > 1) throw new UsageError(`choose one of --${chosen.join(', --')}`, 'doctor');
    if (chosen.length) return act(chosen[0]!, values, ctx);

    const dir = dataDir(ctx.io.env);
    const service = keychainService(ctx.io.env);
    const keychain = await checkKeychain(service, ctx.io.env);
    const checks = [await checkDataDir(dir), keychain];
    let problems: VaultProblem[] = [];
    let recovered: RecoveryNotice | null = null;
    let trash: TrashEntry[] = [];
    try {
      const vault = await ctx.vault();
      const count = (await vault.list()).length;
      // Without a working keychain nothing can be said about drift; its own line says why.
      if (keychain.ok) problems = await vault.problems({ readValues: true });
      recovered = await vault.recovery();
      trash = await vault.trash();
      checks.push({
        name: 'accounts',
        ok: true,
        detail: `${count} account${count === 1 ? '' : 's'} in ${vaultFiles(dir).metadata}`,
      });
    } catch (err) {
      checks.push({ name: 'accounts', ok: false, detail: toErrorValue(err).message });
    }
    const healthy = checks.every((c) => c.ok) && !problems.length && !recovered;
    if (values.json) {
      printJson(ctx.io.out, { dataDir: dir, keychainService: service, checks, problems, recovered, trash });
      return healthy ? 0 : 1;
    }
    for (const c of checks) ctx.io.out(`${c.ok ? 'ok  ' : 'FAIL'}  ${c.name}: ${c.detail}`);
    if (recovered) ctx.io.out(`NOTICE  ${describeRecovery(recovered).replace(/^authdesk: /, '')}`);
    for (const p of problems) ctx.io.out(describeProblem(p));
    if (problems.filter((p) => p.kind === 'orphan-secret').length > 1)
      ctx.io.out('        restore every keychain item above at once: `authdesk doctor --restore-all`');
    if (trash.length)
      ctx.io.out(
        `trash   ${trash.length} deleted account${trash.length === 1 ? '' : 's'}: \`authdesk doctor --trash\``,
      );
    if (healthy) ctx.io.out('No problems found.');
    return healthy ? 0 : 1;
  },
};

async function act(action: (typeof ACTIONS)[number], values: Record<string, unknown>, ctx: CliContext) {
  const vault = await ctx.vault();
  const json = Boolean(values.json);
  switch (action) {
    case 'restore':
    case 'forget': {
      const id = values[action] as string;
      await vault.repair(id, action);
      const restored = action === 'restore' ? (await vault.list()).find((a) => a.id === id) : undefined;
      ctx.io.out(
        restored
          ? `Restored ${accountLabel(restored)}  ${describeParams(restored)}  [${restored.id}]`
          : `Forgot account ${id}.`,
      );
      return 0;
    }
    case 'restore-all': {
      const ids = await vault.restoreAll();
      if (json) printJson(ctx.io.out, ids);
      else
        ctx.io.out(
          ids.length
            ? `Restored ${ids.length} account${ids.length === 1 ? '' : 's'} from the keychain (each value names its account): see \`authdesk list\`.`
            : 'Nothing to restore: every keychain item already has its account.',
        );
      return 0;
    }
    case 'ack': {
      const had = await vault.recovery();
      await vault.acknowledgeRecovery();
      ctx.io.out(had ? 'Noted: the recovery notice will not be shown again.' : 'There was no recovery notice.');
      return 0;
    }
    case 'trash': {
      const trash = await vault.trash();
      if (json) printJson(ctx.io.out, trash);
      else if (!trash.length) ctx.io.out('The trash is empty.');
      else
        for (const t of trash)
          ctx.io.out(
            `${accountLabel(t)}  deleted ${day(t.deletedAt)}, kept until ${day(t.purgeAt)}  [${t.id}]  (authdesk doctor --undelete ${t.id})`,
          );
      return 0;
    }
    case 'undelete': {
      const account = await vault.undelete(values.undelete as string);
      if (json) printJson(ctx.io.out, account);
      else ctx.io.out(`Restored ${accountLabel(account)}  [${account.id}]`);
      return 0;
    }
  }
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function describeProblem(p: VaultProblem): string {
  switch (p.kind) {
    case 'orphan-secret':
      return `PROBLEM  keychain item ${p.id} has no account (an add was interrupted, or accounts.json was lost?): \`authdesk doctor --restore ${p.id}\``;
    case 'missing-secret':
      return `PROBLEM  ${p.label} has no secret in the keychain: \`authdesk doctor --forget ${p.id}\` drops it`;
    case 'unreadable-secret':
      return `PROBLEM  ${p.label}: its keychain value is not a key Authdesk can read (edited by hand?); the other accounts' codes still work. Re-add it, then \`authdesk remove ${p.id}\` the broken one`;
  }
}

/** A real write probe plus the ownership/permission rule: "ok" only when Authdesk can really save there. */
async function checkDataDir(dir: string): Promise<Check> {
  const name = 'data folder';
  if (!existsSync(dir)) {
    const parent = nearestExisting(dir);
    try {
      await probeWritable(parent);
      return { name, ok: true, detail: `${dir} (created on first add)` };
    } catch (err) {
      return { name, ok: false, detail: `${dir} does not exist and cannot be created: ${toErrorValue(err).message}` };
    }
  }
  try {
    await checkDataFolder(dir);
    await probeWritable(dir);
    return { name, ok: true, detail: dir };
  } catch (err) {
    return { name, ok: false, detail: toErrorValue(err).message };
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
