/**
 * The live codes window: search, the list, delete-with-undo, vault problems.
 * Stays mounted (hidden) while another view is open, so a pending undo and
 * the scroll position survive a trip to "Add account".
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, bridge, unwrap } from '../../api';
import { useAnnounce } from '../../components/Announcer';
import { Banner } from '../../components/Banner';
import { Toast } from '../../components/Toast';
import { AccountList } from './AccountList';
import type { RowHandlers } from './AccountRow';
import { EmptyState, type AddActions } from './EmptyState';
import { matchesQuery } from './search';
import { SearchBar } from './SearchBar';
import { useAccounts } from './useAccounts';
import { useCodes } from './useCodes';
import { useDeferredRemoval } from './useDeferredRemoval';
import { useListKeyboardAndDrag } from './useListKeyboardAndDrag';
import { useRowFocus } from './useRowFocus';
import { useWindowedRows } from './useWindowedRows';
import { VaultProblems } from './VaultProblems';

const COPIED_FEEDBACK_MS = 1_500;

interface Props extends AddActions {
  visible: boolean;
  showNext: boolean;
  /** An account just added elsewhere: scroll to it, focus it, flash it. */
  highlightId: string | null;
}

export function AccountsView({ visible, showNext, highlightId, ...addActions }: Props) {
  const { t } = useTranslation('accounts');
  const announce = useAnnounce();
  const [error, setError] = useState<string | null>(null);
  const { accounts, loadError, reload, rename, reorder } = useAccounts(setError);
  const { pending, remove: scheduleRemoval, undo } = useDeferredRemoval(reload, setError);
  const [query, setQuery] = useState('');
  const [activeId, setActiveId] = useState<string | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [copiedId, setCopiedId] = useState<string | null>(null);
  const copiedTimer = useRef<number | undefined>(undefined);
  const editingRef = useRef(editingId);
  editingRef.current = editingId;

  const timeBasedKey = useMemo(
    () =>
      (accounts ?? [])
        .filter((a) => a.type !== 'hotp')
        .map((a) => a.id)
        .join(','),
    [accounts],
  );
  const live = useCodes(timeBasedKey, setError);

  const hidden = useMemo(() => new Set(pending.map((a) => a.id)), [pending]);
  const kept = useMemo(() => (accounts ?? []).filter((a) => !hidden.has(a.id)), [accounts, hidden]);
  const shown = useMemo(() => kept.filter((a) => matchesQuery(a, query)), [kept, query]);
  const allIds = useMemo(() => (accounts ?? []).map((a) => a.id), [accounts]);
  const visibleIds = useMemo(() => shown.map((a) => a.id), [shown]);
  const byId = useMemo(() => new Map((accounts ?? []).map((a) => [a.id, a])), [accounts]);
  const tabStop = activeId && visibleIds.includes(activeId) ? activeId : (visibleIds[0] ?? null);
  const listRef = useRef<HTMLUListElement>(null);
  const windowed = useWindowedRows(shown.length, listRef, visible);
  const { focusAfterRender, focusRow } = useRowFocus(visibleIds, windowed.reveal);

  const remove = useCallback(
    (id: string) => {
      const account = byId.get(id);
      if (!account) return;
      scheduleRemoval(account);
      announce(t('toast.deleted', { account: account.issuer || account.name }));
    },
    [byId, scheduleRemoval, announce, t],
  );

  const { handlers: listHandlers, dropTarget } = useListKeyboardAndDrag({
    allIds,
    visibleIds,
    reorder: (ids) => {
      void reorder(ids);
      announce(t('row.moved'));
    },
    startRename: setEditingId,
    remove,
    focusAfterRender,
    focusRow,
  });

  const copy = useCallback(
    async (id: string, _code: string) => {
      try {
        // Main writes the clipboard (concealed, cleared later); the page has no clipboard permission.
        await unwrap(bridge().codes.copy({ id }));
      } catch (err) {
        setError(err instanceof ApiError && err.code !== 'internal' ? err.message : t('row.copyFailed'));
        return;
      }
      window.clearTimeout(copiedTimer.current);
      setCopiedId(id);
      copiedTimer.current = window.setTimeout(() => setCopiedId(null), COPIED_FEEDBACK_MS);
      const account = byId.get(id);
      announce(t('row.copiedAnnouncement', { account: account?.issuer || account?.name || '' }));
    },
    [byId, announce, t],
  );

  const handlers: RowHandlers = useMemo(
    () => ({
      ...listHandlers,
      onCopy: (id, code) => void copy(id, code),
      onStartRename: setEditingId,
      onRename: async (id, issuer, name) => {
        await rename(id, issuer, name);
        focusAfterRender(id);
        setEditingId(null);
        announce(t('rename.saved'));
      },
      onCancelRename: () => {
        const id = editingRef.current;
        if (id) focusAfterRender(id);
        setEditingId(null);
      },
      onDelete: remove,
      onFocusRow: setActiveId,
      onError: setError,
    }),
    [listHandlers, copy, rename, remove, announce, t, focusAfterRender],
  );

  // Ctrl/Cmd+Z brings back the last deleted account while its toast is up.
  const lastPending = pending.at(-1);
  useEffect(() => {
    if (!visible || !lastPending) return;
    const onKey = (event: KeyboardEvent) => {
      if (
        (event.ctrlKey || event.metaKey) &&
        event.key.toLowerCase() === 'z' &&
        !(event.target as HTMLElement).closest?.('input, textarea')
      ) {
        event.preventDefault();
        undo(lastPending.id);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [visible, lastPending, undo]);

  // Coming back from another view: it may have added accounts (our own writes raise no change event).
  const wasVisible = useRef(visible);
  useEffect(() => {
    if (visible && !wasVisible.current) void reload();
    wasVisible.current = visible;
  }, [visible, reload]);

  // A just-added account: clear the search so it shows, then scroll to it and focus it, once.
  const highlighted = useRef<string | null>(null);
  useEffect(() => {
    if (!highlightId || !visible || highlighted.current === highlightId || !byId.has(highlightId)) return;
    highlighted.current = highlightId;
    setActiveId(highlightId);
    if (query) {
      setQuery('');
      focusAfterRender(highlightId); // once the unfiltered list has rendered
    } else focusRow(highlightId);
  }, [highlightId, visible, byId, query, focusAfterRender, focusRow]);

  const isEmpty = accounts !== null && kept.length === 0;
  return (
    <section className="accounts-view" hidden={!visible} aria-label={t('title')}>
      <VaultProblems onRepaired={() => void reload()} />
      {loadError && <Banner tone="error">{loadError}</Banner>}
      {error && (
        <Banner tone="error" onDismiss={() => setError(null)} dismissLabel={t('dismiss', { ns: 'common' })}>
          {error}
        </Banner>
      )}
      {isEmpty && pending.length === 0 ? (
        <EmptyState {...addActions} />
      ) : (
        <>
          <SearchBar query={query} onQuery={setQuery} hotkeys={visible} resultCount={shown.length} />
          {accounts === null ? (
            <p className="muted loading">{t('loading')}</p>
          ) : shown.length === 0 ? (
            <p className="muted no-results">{query ? t('search.none', { query }) : t('allDeleted')}</p>
          ) : (
            <AccountList
              listRef={listRef}
              accounts={shown}
              window={windowed}
              live={live}
              tabStop={tabStop}
              editingId={editingId}
              copiedId={copiedId}
              highlightId={highlightId}
              dropTarget={dropTarget}
              showNext={showNext}
              handlers={handlers}
            />
          )}
          <p id="list-help" className="visually-hidden">
            {t('listHelp')}
          </p>
        </>
      )}
      {lastPending && (
        <Toast actionLabel={t('toast.undo')} onAction={() => undo(lastPending.id)}>
          {t('toast.deleted', { account: lastPending.issuer || lastPending.name })}
        </Toast>
      )}
    </section>
  );
}
