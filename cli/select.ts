/**
 * Finding accounts from what a person types: an id, or part of the issuer or
 * name, ignoring case and accents ("zurich" finds "Zürich").
 */
import type { AccountMeta } from '../common/otp/types';
import { AuthdeskError } from '../common/errors';
import { foldForSearch as fold } from '../common/fold-text';
import { accountLabel } from './format';

/** Every account the query names: an exact id wins alone; otherwise issuer/name substrings. */
export function matchAccounts(accounts: AccountMeta[], query: string): AccountMeta[] {
  const q = query.trim();
  const byId = accounts.find((a) => a.id === q);
  if (byId) return [byId];
  const needle = fold(q);
  if (!needle) return [];
  // An id prefix of 8+ characters (what "Recovered 1a2b3c4d" shows) also names an account.
  const byPrefix = q.length >= 8 ? accounts.filter((a) => a.id.startsWith(q)) : [];
  if (byPrefix.length === 1) return byPrefix;
  return accounts.filter(
    (a) => fold(a.issuer).includes(needle) || fold(a.name).includes(needle) || fold(accountLabel(a)).includes(needle),
  );
}

/** The one account a query names, for commands that change something. */
export function selectOne(accounts: AccountMeta[], query: string): AccountMeta {
  const found = matchAccounts(accounts, query);
  if (found.length === 1) return found[0]!;
  if (found.length === 0) throw new AuthdeskError('not-found', `No account matches "${query}". See \`authdesk list\`.`);
  // Several substrings match, but one label is exactly what was typed: that is the one meant.
  const exact = found.filter((a) => [a.issuer, a.name, accountLabel(a)].some((t) => fold(t) === fold(query.trim())));
  if (exact.length === 1) return exact[0]!;
  const shown = found.slice(0, 5).map((a) => `${accountLabel(a)} [${a.id}]`);
  const more = found.length > 5 ? `, and ${found.length - 5} more` : '';
  throw new AuthdeskError(
    'ambiguous',
    `"${query}" matches ${found.length} accounts: ${shown.join(', ')}${more}. Use the id.`,
  );
}
