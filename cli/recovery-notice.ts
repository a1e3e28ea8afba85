/**
 * What the CLI says on stderr, once per command, while the vault carries a
 * recovery notice (accounts.json was restored from its backup) or the
 * keychain holds secrets that no account names (accounts.json lost). It
 * repeats on every command until `authdesk doctor --ack`, so a script's
 * owner sees it too; stdout stays clean for pipes.
 */
import type { RecoveryNotice } from '../common/vault-problems';
import type { Vault } from '../core/vault/types';

export function describeRecovery(n: RecoveryNotice, backupName = 'accounts.json.bak'): string {
  const when = new Date(n.at).toISOString().replace(/\.\d+Z$/, 'Z');
  const kept = n.keptAs ? ` The damaged file is kept as ${n.keptAs}.` : '';
  return (
    `authdesk: accounts.json was restored from ${backupName} on ${when} because ${n.reason} ` +
    `(${n.accounts} account${n.accounts === 1 ? '' : 's'} restored).${kept} ` +
    'The last change made before that (an add, rename or delete) may be missing; an added account whose key ' +
    'is still in the keychain is listed by `authdesk doctor`. Run `authdesk doctor --ack` once you have checked.'
  );
}

/** The stderr lines for an opened vault (none when all is well). Never throws: a notice must not break a command. */
export async function vaultNotices(vault: Vault): Promise<string[]> {
  try {
    const lines: string[] = [];
    const notice = await vault.recovery();
    if (notice) lines.push(describeRecovery(notice));
    if ((await vault.list()).length === 0) {
      const orphans = (await vault.problems()).filter((p) => p.kind === 'orphan-secret').length;
      if (orphans)
        lines.push(
          `authdesk: your account list is empty, but the keychain holds ${orphans} secret${orphans === 1 ? '' : 's'} of Authdesk accounts. Bring ${orphans === 1 ? 'it' : 'them all'} back with: authdesk doctor --restore-all`,
        );
    }
    return lines;
  } catch {
    return [];
  }
}
