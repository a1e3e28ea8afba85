/**
 * The account list as main has it, kept fresh: loaded once, re-read whenever
 * main says the vault changed (CLI, repair, another window). Renames and
 * reorders update the screen at once and roll back if main refuses.
 */
import { useLatest } from '../../components/useLatest';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AccountMeta } from '../../../common/otp/types';
import { bridge, unwrap } from '../../api';
import { errorMessage } from '../../components/error-text';

export interface AccountsState {
  accounts: AccountMeta[] | null;
  loadError: string | null;
  reload(): Promise<void>;
  rename(id: string, issuer: string, name: string): Promise<void>;
  reorder(ids: string[]): Promise<void>;
}

export function useAccounts(onError: (message: string) => void): AccountsState {
  const [accounts, setAccounts] = useState<AccountMeta[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  // A late answer to an older list() must not overwrite a newer one.
  const generation = useRef(0);
  const reportError = useLatest(onError);

  const reload = useCallback(() => {
    const mine = ++generation.current;
    return unwrap(bridge().accounts.list()).then(
      (list) => {
        if (mine !== generation.current) return;
        setAccounts(list);
        setLoadError(null);
      },
      (err: unknown) => {
        if (mine === generation.current) setLoadError(errorMessage(err));
      },
    );
  }, []);

  useEffect(() => {
    void reload();
    return bridge().events.onAccountsChanged(() => void reload());
  }, [reload]);

  const rename = useCallback(async (id: string, issuer: string, name: string) => {
    const saved = await unwrap(bridge().accounts.rename({ id, issuer, name }));
    generation.current++;
    setAccounts((list) => list?.map((a) => (a.id === id ? saved : a)) ?? list);
  }, []);

  const reorder = useCallback(
    async (ids: string[]) => {
      generation.current++;
      setAccounts((list) => {
        if (!list) return list;
        const byId = new Map(list.map((a) => [a.id, a]));
        return ids.map((id) => byId.get(id)).filter((a): a is AccountMeta => a !== undefined);
      });
      try {
        await unwrap(bridge().accounts.reorder({ ids }));
      } catch (err) {
        reportError.current(errorMessage(err));
        await reload();
      }
    },
    [reload, reportError],
  );

  return { accounts, loadError, reload, rename, reorder };
}
