/** Small pure helpers over account metadata, shared by the vault and the CLI. */
import { sameAccount } from '../otp/index';
import { safeLabel } from '../otp/label';
import type { AccountDraft, AccountMeta } from '../../common/otp/types';

/** "Issuer (name)", or whichever part exists: how people recognise an account. */
export function accountLabel(a: { issuer: string; name: string }): string {
  if (a.issuer && a.name) return `${a.issuer} (${a.name})`;
  return a.issuer || a.name || '(unnamed account)';
}

/**
 * Labels are stored on one line, trimmed, without control or bidi-override
 * characters, at most 200 UTF-16 units (the contract's limit) cut on a
 * grapheme boundary.
 */
export function cleanLabel(text: string): string {
  return safeLabel(text);
}

/** Would adding `draft` duplicate `account` (whose keychain secret is `secret`)? Labels compare as stored. */
export function isDuplicate(draft: AccountDraft, account: AccountMeta, secret: string | null): boolean {
  if (secret === null) return false;
  return sameAccount(
    { ...draft, issuer: cleanLabel(draft.issuer), name: cleanLabel(draft.name) },
    { ...account, secret },
  );
}

/** `ids` first, in that order; everything else after them in its old relative order. Unknown ids are ignored. */
export function orderBy<T extends { id: string }>(items: T[], ids: string[]): T[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const first: T[] = [];
  for (const id of new Set(ids)) {
    const item = byId.get(id);
    if (item) first.push(item);
  }
  const named = new Set(first.map((i) => i.id));
  return [...first, ...items.filter((i) => !named.has(i.id))];
}
