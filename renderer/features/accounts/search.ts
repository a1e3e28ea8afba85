/**
 * Search-as-you-type over issuer and name. Accents and case do not matter:
 * "zurich" finds "Zürich", "bo" finds "Bø".
 */
import type { AccountMeta } from '../../../electron/core/otp/types';

// Letters that Unicode does not decompose into base + accent but people type without it.
const FOLD: Record<string, string> = { ø: 'o', æ: 'ae', ß: 'ss', đ: 'd', ł: 'l', œ: 'oe', ı: 'i' };

export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[øæßđłœı]/g, (c) => FOLD[c] ?? c);
}

/** Every word of the query must appear in the issuer or the name. */
export function matchesQuery(account: Pick<AccountMeta, 'issuer' | 'name'>, query: string): boolean {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = foldForSearch(`${account.issuer} ${account.name}`);
  return words.every((w) => haystack.includes(w));
}
