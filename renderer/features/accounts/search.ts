/**
 * Search-as-you-type over issuer and name. Accents and case do not matter:
 * "zurich" finds "Zürich", "bo" finds "Bø".
 */
import { foldForSearch } from '../../../common/fold-text';
import type { AccountMeta } from '../../../common/otp/types';

export { foldForSearch };

/** Every word of the query must appear in the issuer or the name. */
export function matchesQuery(account: Pick<AccountMeta, 'issuer' | 'name'>, query: string): boolean {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = foldForSearch(`${account.issuer} ${account.name}`);
  return words.every((w) => haystack.includes(w));
}
