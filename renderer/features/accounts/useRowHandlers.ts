/**
 * What a row can ask the list to do (copy, rename, delete, keyboard and drag),
 * as one stable object so memoised rows do not re-render for new functions.
 * Owns which row is being renamed.
 */
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountMeta } from '../../../common/otp/types';
import { useAnnounce } from '../../components/Announcer';
import { useLatest } from '../../components/useLatest';
import { secondsLeft } from '../../codes/schedule';
import type { RowHandlers } from './AccountRow';
import { useListKeyboardAndDrag } from './useListKeyboardAndDrag';

interface Options {
  allIds: string[];
  visibleIds: string[];
  byId: ReadonlyMap<string, AccountMeta>;
  copy(id: string, code: string): Promise<void>;
  rename(id: string, issuer: string, name: string): Promise<void>;
  reorder(ids: string[]): Promise<void>;
  scheduleRemoval(account: AccountMeta): void;
  setActiveId(id: string): void;
  onError(message: string): void;
  focusAfterRender(id: string): void;
  focusRow(id: string): void;
}

export function useRowHandlers(options: Options) {
  const { byId, copy, rename, reorder, scheduleRemoval, setActiveId, onError, focusAfterRender, focusRow } = options;
  const { t } = useTranslation('accounts');
  const announce = useAnnounce();
  const [editingId, setEditingId] = useState<string | null>(null);
  /** The account whose QR code dialog is open ("Show QR code for phone"). */
  const [qrId, setQrId] = useState<string | null>(null);
  const editing = useLatest(editingId);

  const visible = useLatest(options.visibleIds);
  const remove = useCallback(
    (id: string) => {
      const account = byId.get(id);
      if (!account) return;
      // Focus moves to a neighbour, not to the page (the row and its menu are about to go).
      const ids = visible.current;
      const at = ids.indexOf(id);
      const neighbour = ids[at + 1] ?? ids[at - 1];
      if (neighbour && document.activeElement?.closest('li')?.getAttribute('data-row-id') === id)
        focusAfterRender(neighbour);
      scheduleRemoval(account);
      announce(t('toast.deleted', { account: account.issuer || account.name }));
    },
    [byId, scheduleRemoval, announce, t, visible, focusAfterRender],
  );

  const { handlers: listHandlers, dropTarget } = useListKeyboardAndDrag({
    allIds: options.allIds,
    visibleIds: options.visibleIds,
    reorder: (ids) => {
      void reorder(ids);
      announce(t('row.moved'));
    },
    startRename: setEditingId,
    remove,
    focusAfterRender,
    focusRow,
  });

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
        const id = editing.current;
        if (id) focusAfterRender(id);
        setEditingId(null);
      },
      onDelete: remove,
      onSayTimeLeft: (id, code, validUntil) => {
        const account = byId.get(id);
        announce(
          t('row.timeLeft', {
            account: account?.issuer || account?.name || '',
            code: code.split('').join(' '),
            count: secondsLeft(validUntil, Date.now()) ?? 0,
          }),
        );
      },
      onFocusRow: setActiveId,
      onError,
      onShowQr: setQrId,
    }),
    [listHandlers, copy, rename, remove, announce, t, focusAfterRender, editing, setActiveId, onError, byId],
  );
  const closeQr = useCallback(() => {
    if (qrId) focusAfterRender(qrId);
    setQrId(null);
  }, [qrId, focusAfterRender]);
  return { handlers, editingId, dropTarget, qrId, closeQr };
}
