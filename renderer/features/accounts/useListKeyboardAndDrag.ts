/**
 * Keyboard and drag-and-drop for the account list. Handlers are stable (they
 * read the latest ids from refs) so memoised rows do not re-render when the
 * list changes around them.
 *
 * Keys on a focused row: ArrowUp/Down/Home/End move focus, Alt+ArrowUp/Down
 * moves the account, F2 renames, Delete deletes. Enter/Space copy (the row's
 * main control is a button).
 */
import { useLatest } from '../../components/useLatest';
import { useCallback, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { moveByStep, moveRelative, sameOrder } from './order';

const DRAG_TYPE = 'application/x-authdesk-row';

export interface DropTarget {
  id: string;
  edge: 'before' | 'after';
}

interface Options {
  allIds: string[];
  visibleIds: string[];
  reorder(ids: string[]): void;
  startRename(id: string): void;
  remove(id: string): void;
  /** Focus this row once the list has re-rendered (React may move the focused element, which drops focus). */
  focusAfterRender(id: string): void;
  /** Focus a row now, scrolling it into the rendered window first if needed. */
  focusRow(id: string): void;
}

function rowIdOf(element: Element | null): string | null {
  return element?.closest<HTMLElement>('[data-row-id]')?.dataset.rowId ?? null;
}

/** Focuses a rendered row's main control; false if that row is not rendered (windowing) or not shown. */
export function focusRenderedRow(id: string): boolean {
  const row = document.querySelector<HTMLElement>(`[data-row-id="${CSS.escape(id)}"]`);
  const control = row?.closest('[hidden]') ? null : row?.querySelector<HTMLElement>('.row-copy');
  if (!row || !control) return false;
  row.scrollIntoView({ block: 'nearest' });
  control.focus();
  return true;
}

export function useListKeyboardAndDrag(options: Options) {
  const latest = useLatest(options);
  const dragged = useRef<string | null>(null);
  const [dropTarget, setDropTarget] = useState<DropTarget | null>(null);

  const move = useCallback(
    (next: string[], focusId: string) => {
      if (sameOrder(next, latest.current.allIds)) return;
      latest.current.focusAfterRender(focusId);
      latest.current.reorder(next);
    },
    [latest],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLLIElement>) => {
      const id = event.currentTarget.dataset.rowId;
      if (!id || (event.target as HTMLElement).closest('input, textarea, select')) return;
      const { allIds: ids, visibleIds: visible } = latest.current;
      const at = visible.indexOf(id);
      const focusAt = (i: number) => {
        const target = visible[Math.min(Math.max(i, 0), visible.length - 1)];
        if (target) latest.current.focusRow(target);
      };
      const key = event.key;
      if (event.altKey && (key === 'ArrowUp' || key === 'ArrowDown')) {
        move(moveByStep(ids, visible, id, key === 'ArrowUp' ? -1 : 1), id);
      } else if (event.altKey || event.ctrlKey || event.metaKey) {
        return;
      } else if (key === 'ArrowUp') focusAt(at - 1);
      else if (key === 'ArrowDown') focusAt(at + 1);
      else if (key === 'Home') focusAt(0);
      else if (key === 'End') focusAt(visible.length - 1);
      else if (key === 'F2') latest.current.startRename(id);
      else if (key === 'Delete') {
        focusAt(at + 1 < visible.length ? at + 1 : at - 1);
        latest.current.remove(id);
      } else return;
      event.preventDefault();
    },
    [move, latest],
  );

  const handlers = useMemo(
    () => ({
      onKeyDown,
      onMove(id: string, step: -1 | 1) {
        const { allIds: ids, visibleIds: visible } = latest.current;
        move(moveByStep(ids, visible, id, step), id);
      },
      onDragStart(event: DragEvent<HTMLLIElement>) {
        const id = event.currentTarget.dataset.rowId ?? null;
        dragged.current = id;
        if (!id) return;
        // Only our own type: dropping a row into another app must not paste its code.
        event.dataTransfer.setData(DRAG_TYPE, id);
        event.dataTransfer.effectAllowed = 'move';
      },
      onDragOver(event: DragEvent<HTMLLIElement>) {
        const id = rowIdOf(event.currentTarget);
        if (!dragged.current || !id) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        const rect = event.currentTarget.getBoundingClientRect();
        const edge = event.clientY < rect.top + rect.height / 2 ? 'before' : 'after';
        setDropTarget((t) => (t?.id === id && t.edge === edge ? t : { id, edge }));
      },
      onDragLeave(event: DragEvent<HTMLLIElement>) {
        if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
        setDropTarget((t) => (t?.id === event.currentTarget.dataset.rowId ? null : t));
      },
      onDrop(event: DragEvent<HTMLLIElement>) {
        const from = dragged.current;
        const to = rowIdOf(event.currentTarget);
        if (!from || !to) return;
        event.preventDefault();
        const rect = event.currentTarget.getBoundingClientRect();
        const edge = event.clientY < rect.top + rect.height / 2 ? 'before' : 'after';
        move(moveRelative(latest.current.allIds, from, to, edge), from);
        dragged.current = null;
        setDropTarget(null);
      },
      onDragEnd() {
        dragged.current = null;
        setDropTarget(null);
      },
    }),
    [onKeyDown, move, latest],
  );

  return { handlers, dropTarget };
}
