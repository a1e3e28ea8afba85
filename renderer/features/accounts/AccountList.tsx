/**
 * The rendered slice of the account list (see useWindowedRows): padding above
 * and below stands in for the rows off screen, and each row tells assistive
 * technology its place in the whole list.
 */
import type { CSSProperties, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountMeta } from '../../../common/otp/types';
import { AccountRow, type RowHandlers } from './AccountRow';
import type { LiveCodes } from './useCodes';
import type { DropTarget } from './useListKeyboardAndDrag';
import type { WindowedRows } from './useWindowedRows';

interface Props {
  listRef: RefObject<HTMLUListElement | null>;
  accounts: AccountMeta[];
  window: WindowedRows;
  live: LiveCodes;
  tabStop: string | null;
  editingId: string | null;
  copiedId: string | null;
  highlightId: string | null;
  dropTarget: DropTarget | null;
  showNext: boolean;
  handlers: RowHandlers;
}

export function AccountList(props: Props) {
  const { accounts, window: win, live, handlers, listRef, showNext } = props;
  const { t } = useTranslation('accounts');
  const slice = accounts.slice(win.start, win.end);
  // The roving tab stop must be a rendered row; if it scrolled away, the first rendered one takes it.
  const tabStop = slice.some((a) => a.id === props.tabStop) ? props.tabStop : (slice[0]?.id ?? null);
  const spacer = {
    paddingTop: win.start * win.rowHeight,
    paddingBottom: (accounts.length - win.end) * win.rowHeight,
  } satisfies CSSProperties;

  return (
    <ul
      ref={listRef}
      className={`account-list${showNext ? ' show-next' : ''}`}
      style={spacer}
      aria-label={t('listLabel')}
      aria-describedby="list-help"
    >
      {slice.map((a, i) => {
        const c = live.codes.get(a.id);
        return (
          <AccountRow
            key={a.id}
            account={a}
            position={win.start + i + 1}
            total={accounts.length}
            code={c?.error ? null : (c?.code ?? null)}
            unreadable={Boolean(c?.error)}
            next={c?.next ?? null}
            validFrom={c?.validFrom ?? null}
            validUntil={c?.validUntil ?? null}
            epoch={live.epoch}
            active={a.id === tabStop}
            editing={a.id === props.editingId}
            copied={a.id === props.copiedId}
            highlighted={a.id === props.highlightId}
            dropEdge={props.dropTarget?.id === a.id ? props.dropTarget.edge : null}
            handlers={handlers}
          />
        );
      })}
    </ul>
  );
}
