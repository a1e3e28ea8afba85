/**
 * Which accounts the list shows: all of them minus those deleted on screen
 * (undo still possible), filtered by the search; plus the lookups the other
 * hooks need (ids in order, by id, the time-based ones whose codes we fetch).
 */
import { useMemo } from 'react';
import type { AccountMeta } from '../../../common/otp/types';
import { matchesQuery } from './search';

export interface VisibleAccounts {
  /** Every account but those pending deletion. */
  kept: AccountMeta[];
  /** kept, filtered by the search. */
  shown: AccountMeta[];
  allIds: string[];
  visibleIds: string[];
  byId: ReadonlyMap<string, AccountMeta>;
  /** Ids of the time-based accounts, as one string: codes are fetched again when it changes. */
  timeBasedKey: string;
}

export function useVisibleAccounts(
  accounts: AccountMeta[] | null,
  pending: readonly AccountMeta[],
  query: string,
): VisibleAccounts {
  const all = useMemo(() => accounts ?? [], [accounts]);
  const timeBasedKey = useMemo(
    () =>
      all
        .filter((a) => a.type !== 'hotp')
        .map((a) => a.id)
        .join(','),
    [all],
  );
  const kept = useMemo(() => {
    const hidden = new Set(pending.map((a) => a.id));
    return all.filter((a) => !hidden.has(a.id));
  }, [all, pending]);
  const shown = useMemo(() => kept.filter((a) => matchesQuery(a, query)), [kept, query]);
  const allIds = useMemo(() => all.map((a) => a.id), [all]);
  const visibleIds = useMemo(() => shown.map((a) => a.id), [shown]);
  const byId = useMemo(() => new Map(all.map((a) => [a.id, a])), [all]);
  return { kept, shown, allIds, visibleIds, byId, timeBasedKey };
}
