/**
 * Drift between the two halves of the vault. Nothing here deletes a secret:
 * an orphan keychain item becomes a "Recovered account" the user can rename,
 * and only a metadata entry whose secret is truly gone may be forgotten.
 */
import type { AccountMeta } from '../../common/otp/types';
import { DEFAULTS } from '../../common/otp/vocabulary';
import type { VaultProblem } from '../../common/vault-problems';
import { accountLabel } from './labels';
import type { ItemValue } from './item-value';

export function findProblems(accounts: AccountMeta[], keychainIds: Set<string>): VaultProblem[] {
  const known = new Set(accounts.map((a) => a.id));
  const missing: VaultProblem[] = accounts
    .filter((a) => !keychainIds.has(a.id))
    .map((a) => ({ kind: 'missing-secret', id: a.id, label: accountLabel(a) }));
  const orphans: VaultProblem[] = [...keychainIds]
    .filter((id) => !known.has(id))
    .sort()
    .map((id) => ({ kind: 'orphan-secret', id, label: id }));
  return [...orphans, ...missing];
}

/**
 * The account an orphan keychain item comes back as: exactly what it describes
 * (a self-describing value), or for an old plain secret the defaults nearly
 * every service uses (TOTP, SHA1, 6 digits, 30 s) under "Recovered <id>".
 */
export function restoredAccount(id: string, item: ItemValue, now: number): AccountMeta {
  if (item.kind === 'uri') {
    const { secret: _secret, ...described } = item.draft;
    const labelled =
      described.issuer || described.name ? described : { ...described, name: `Recovered ${id.slice(0, 8)}` };
    return { id, createdAt: now, ...labelled };
  }
  return {
    id,
    issuer: '',
    name: `Recovered ${id.slice(0, 8)}`,
    createdAt: now,
    type: 'totp',
    algorithm: DEFAULTS.algorithm,
    digits: DEFAULTS.digits,
    period: DEFAULTS.period,
  };
}
