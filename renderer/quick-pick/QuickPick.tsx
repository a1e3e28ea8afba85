/**
 * Type to filter, arrows to choose, Enter copies the code (main writes the
 * clipboard through codes.copy), Esc closes. Shows names only, never codes.
 * Pinned accounts come first (main's accounts.list order).
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountMeta } from '../../common/otp/types';
import { bridge, unwrap } from '../api';
import { errorMessage } from '../components/error-text';
import { matchesQuery } from '../features/accounts/search';

export function QuickPick() {
  const { t } = useTranslation('desktop');
  const [accounts, setAccounts] = useState<AccountMeta[] | null>(null);
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const [locked, setLocked] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  // State is settled in the promise's callbacks, never synchronously in the effect.
  const fetchList = useCallback(
    () =>
      unwrap(bridge().app.lockState())
        .then(async (lock) => {
          setLocked(lock.locked);
          setAccounts(await unwrap(bridge().accounts.list()));
        })
        .catch((err: unknown) => setMessage(errorMessage(err)))
        .finally(() => input.current?.focus()),
    [],
  );
  /** Shown again (or the list or lock changed): a fresh search over a fresh list. */
  const load = useCallback(() => {
    setQuery('');
    setSelected(0);
    setMessage(null);
    void fetchList();
  }, [fetchList]);

  useEffect(() => {
    void fetchList();
    const offShown = bridge().events.onQuickPickShown(load);
    const offAccounts = bridge().events.onAccountsChanged(load);
    const offLock = bridge().events.onLockChanged(load);
    return () => {
      offShown();
      offAccounts();
      offLock();
    };
  }, [fetchList, load]);

  const shown = useMemo(() => (accounts ?? []).filter((a) => matchesQuery(a, query)), [accounts, query]);
  const close = () => void bridge().app.closeQuickPick();

  const copy = async (account: AccountMeta | undefined) => {
    if (!account) return;
    try {
      await unwrap(bridge().codes.copy({ id: account.id }));
      setMessage(t('quickPick.copied', { account: account.issuer || account.name }));
      close();
    } catch (err) {
      setMessage(errorMessage(err));
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setSelected((i) => Math.min(Math.max(i + step, 0), Math.max(shown.length - 1, 0)));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void copy(shown[selected]);
    }
  };

  return (
    <main className="quick-pick" onKeyDown={onKeyDown}>
      {locked ? (
        <p className="muted">{t('quickPick.locked')}</p>
      ) : (
        <>
          <input
            ref={input}
            className="quick-pick-input"
            type="search"
            role="combobox"
            aria-expanded="true"
            aria-controls="quick-pick-list"
            aria-activedescendant={shown[selected] ? `qp-${shown[selected].id}` : undefined}
            aria-label={t('quickPick.label')}
            aria-describedby="quick-pick-hint"
            placeholder={t('quickPick.placeholder')}
            autoFocus
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setSelected(0);
            }}
          />
          <p id="quick-pick-hint" className="quick-pick-hint muted">
            {t('quickPick.hint')}
          </p>
          <ul id="quick-pick-list" role="listbox" aria-label={t('quickPick.label')} className="quick-pick-list">
            {shown.map((a, i) => (
              <li
                key={a.id}
                id={`qp-${a.id}`}
                role="option"
                aria-selected={i === selected}
                className={i === selected ? 'is-selected' : undefined}
                onMouseEnter={() => setSelected(i)}
                onClick={() => void copy(a)}
              >
                <span className="quick-pick-issuer">
                  {a.pinned ? '★ ' : ''}
                  {a.issuer || a.name}
                </span>
                {a.issuer && a.name && <span className="muted"> {a.name}</span>}
              </li>
            ))}
          </ul>
          {accounts !== null && shown.length === 0 && (
            <p className="muted">{accounts.length === 0 ? t('quickPick.empty') : t('quickPick.none')}</p>
          )}
        </>
      )}
      <p role="status" className="quick-pick-status">
        {message}
      </p>
    </main>
  );
}
