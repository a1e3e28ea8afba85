/**
 * verifyBackup: opens a backup with its password and compares it with the
 * vault entry by entry (keyed by secret + type), so a person knows the file
 * would bring back exactly what they have before they rely on it.
 */
import { readImport, type ImportOptions } from './import-session';
import { sameDraft } from '../otp/account';
import { normalizeSecret } from '../otp/secret';
import type { AccountDraft } from '../../common/otp/types';
import type { VerifyChange, VerifyField } from '../../common/transfer-export';
import { accountLabel } from '../vault/labels';
import type { Vault } from '../vault/types';

export interface VerifyReport {
  ok: boolean;
  formatName: string;
  inBackup: number;
  inVault: number;
  /** In the vault, not in the backup. */
  missing: string[];
  /** In the backup, not in the vault. */
  extra: string[];
  /** Same key, different labels or code parameters: "label: what differs". */
  different: string[];
  /** The same, field by field, for a UI to word in its language. */
  changes: VerifyChange[];
}

const keyOf = (a: AccountDraft) => `${a.type}:${normalizeSecret(a.secret)}`;

export async function verifyBackup(
  file: string,
  password: string,
  vault: Vault,
  options: ImportOptions = {},
): Promise<VerifyReport> {
  const backup = await readImport(file, { ...options, password });
  const mine = await vault.exportDrafts();
  const theirs = new Map<string, AccountDraft[]>();
  for (const e of backup.entries) theirs.set(keyOf(e), [...(theirs.get(keyOf(e)) ?? []), e]);
  const missing: string[] = [];
  const changes: VerifyChange[] = [];
  for (const account of mine) {
    const candidates = theirs.get(keyOf(account)) ?? [];
    const exact = candidates.findIndex(
      (c) => sameDraft(c, account) && (c.type !== 'hotp' || (account.type === 'hotp' && c.counter === account.counter)),
    );
    const pick = exact >= 0 ? exact : candidates.length ? 0 : -1;
    if (pick < 0) {
      missing.push(accountLabel(account));
      continue;
    }
    const [found] = candidates.splice(pick, 1);
    if (exact < 0) changes.push({ account: accountLabel(account), fields: differences(account, found!) });
  }
  const extra = [...theirs.values()].flat().map(accountLabel);
  return {
    ok: !missing.length && !extra.length && !changes.length,
    formatName: backup.formatName,
    inBackup: backup.entries.length,
    inVault: mine.length,
    missing,
    extra,
    different: changes.map(
      (c) =>
        `${c.account}: ${c.fields.map((f) => `${f.field} ${f.inBackup} in the backup, ${f.here} here`).join(', ')}`,
    ),
    changes,
  };
}

function differences(mine: AccountDraft, theirs: AccountDraft): VerifyChange['fields'] {
  const fields: VerifyField[] = ['issuer', 'name', 'algorithm', 'digits', 'period', 'counter'];
  return fields
    .filter((f) => (mine.type === 'hotp' ? f !== 'period' : f !== 'counter'))
    .filter((f) => field(mine, f) !== field(theirs, f))
    .map((f) => ({ field: f, inBackup: JSON.stringify(field(theirs, f)), here: JSON.stringify(field(mine, f)) }));
}

/** One field of a draft, whichever kind it is (a totp draft has no counter, a hotp draft no period). */
function field(draft: AccountDraft, name: string): unknown {
  return (draft as unknown as Record<string, unknown>)[name];
}
