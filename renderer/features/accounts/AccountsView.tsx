/**
 * The live codes window: search, the list, delete-with-undo, vault problems.
 * Stays mounted (hidden) while another view is open, so a pending undo and
 * the scroll position survive a trip to "Add account". Each job lives in its
 * own hook; this file only wires them together and lays out the view.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner } from '../../components/Banner';
import { Icon } from '../../components/Icon';
import { errorMessage } from '../../components/error-text';
import { ApiError } from '../../api';
import { KeychainLockedBanner } from './KeychainLockedBanner';
import { Toast } from '../../components/Toast';
import { AccountList } from './AccountList';
import { EmptyState, type AddActions } from './EmptyState';
import { SearchBar } from './SearchBar';
import { useAccounts } from './useAccounts';
import { useCodes } from './useCodes';
import { useCopyCode } from './useCopyCode';
import { useDeferredRemoval } from './useDeferredRemoval';
import { useHighlightNew } from './useHighlightNew';
import { useRowFocus } from './useRowFocus';
import { useRowHandlers } from './useRowHandlers';
import { useUndoShortcut } from './useUndoShortcut';
import { useVisibleAccounts } from './useVisibleAccounts';
import { useWindowedRows } from './useWindowedRows';
import { VaultProblems } from './VaultProblems';
import { AccountQrDialog } from '../export/AccountQrDialog';

interface Props extends AddActions {
  visible: boolean;
  showNext: boolean;
  /** An account just added elsewhere: scroll to it, focus it, flash it. */
  highlightId: string | null;
  /** Opens the recently deleted accounts. */
  onTrash(): void;
}

export function AccountsView({ visible, showNext, highlightId, onTrash, ...addActions }: Props) {
  const { t } = useTranslation('accounts');
  const [error, setError] = useState<string | null>(null);
  // A locked keychain gets its own banner with an Unlock button instead of an error line.
  const [keychainLocked, setKeychainLocked] = useState(false);
  const [unlocks, setUnlocks] = useState(0);
  const reportFailure = useCallback((err: unknown) => {
    if (err instanceof ApiError && err.code === 'keychain-locked') setKeychainLocked(true);
    else setError(errorMessage(err));
  }, []);
  const { accounts, loadError, reload, rename, reorder } = useAccounts(setError);
  const { pending, remove: scheduleRemoval, undo } = useDeferredRemoval(reload, setError);
  const [query, setQuery] = useState('');
  const [activeId, setActiveId] = useState<string | null>(null);

  const { kept, shown, allIds, visibleIds, byId, timeBasedKey } = useVisibleAccounts(accounts, pending, query);
  // Each unlock changes the key, so the codes are fetched again at once.
  const live = useCodes(timeBasedKey && `${timeBasedKey}#${unlocks}`, reportFailure, visible);
  // New codes came: the keychain is unlocked (here, or by the person elsewhere). Adjusted while rendering.
  const [codesSeen, setCodesSeen] = useState(live.codes);
  if (codesSeen !== live.codes) {
    setCodesSeen(live.codes);
    if (live.codes.size) setKeychainLocked(false);
  }
  const tabStop = activeId && visibleIds.includes(activeId) ? activeId : (visibleIds[0] ?? null);
  const listRef = useRef<HTMLUListElement>(null);
  const windowed = useWindowedRows(shown.length, listRef, visible);
  const { focusAfterRender, focusRow } = useRowFocus(visibleIds, windowed.reveal);
  const { copiedId, copy } = useCopyCode(byId, setError);
  const { handlers, editingId, dropTarget, qrId, closeQr } = useRowHandlers({
    allIds,
    visibleIds,
    byId,
    copy,
    rename,
    reorder,
    scheduleRemoval,
    setActiveId,
    onError: setError,
    focusAfterRender,
    focusRow,
  });

  const lastPending = pending.at(-1);
  useUndoShortcut(visible, lastPending?.id, undo);
  useHighlightNew({ highlightId, visible, has: (id) => byId.has(id), query, setQuery, setActiveId, focusRow });

  // Coming back from another view: it may have added accounts (our own writes raise no change event).
  const wasVisible = useRef(visible);
  useEffect(() => {
    if (visible && !wasVisible.current) void reload();
    wasVisible.current = visible;
  }, [visible, reload]);

  const isEmpty = accounts !== null && kept.length === 0;
  return (
    <section className="accounts-view" hidden={!visible} aria-label={t('title')}>
      {keychainLocked && (
        <KeychainLockedBanner
          onUnlocked={() => {
            setKeychainLocked(false);
            setUnlocks((n) => n + 1);
          }}
        />
      )}
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
      {qrId && byId.get(qrId) && <AccountQrDialog account={byId.get(qrId)!} onClose={closeQr} />}
      {/* Always reachable, also when every account was deleted. */}
      <p className="list-foot">
        <button type="button" className="btn btn-ghost btn-small" data-testid="open-trash" onClick={onTrash}>
          <Icon name="trash" />
          <span>{t('trash')}</span>
        </button>
      </p>
      {lastPending && (
        <Toast actionLabel={t('toast.undo')} onAction={() => undo(lastPending.id)}>
          {t('toast.deleted', { account: lastPending.issuer || lastPending.name })}
        </Toast>
      )}
    </section>
  );
}
