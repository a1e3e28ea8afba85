/**
 * A row's less frequent actions (rename, move up/down, delete) behind one
 * "⋯" button, so the issuer, the name and the code keep the row's width on a
 * narrow window. The WAI-ARIA menu button pattern: Enter/Space/↓ opens it on
 * the first item, ↑/↓/Home/End move, Esc closes back to the button, Tab and a
 * click outside close it. The list's own shortcuts (F2, Delete, Alt+↑/↓)
 * still work on the row without opening it.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

export interface RowMenuItem {
  label: string;
  /** The list shortcut that does the same, shown beside the label. */
  shortcut?: string;
  danger?: boolean;
  disabled?: boolean;
  run(): void;
}

interface Props {
  /** Who the menu is for: "Actions for GitHub". */
  label: string;
  items: RowMenuItem[];
  tabIndex: number;
}

export function RowMenu({ label, items, tabIndex }: Props) {
  const { t } = useTranslation('accounts');
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();

  const itemsIn = () => [...(root.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([disabled])') ?? [])];
  const focusItem = (index: number) => {
    const all = itemsIn();
    all[(index + all.length) % all.length]?.focus();
  };

  useEffect(() => {
    if (!open) return;
    itemsIn()[0]?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  const onMenuKey = (event: KeyboardEvent) => {
    // The row's list shortcuts must not act while the menu has focus.
    event.stopPropagation();
    const all = itemsIn();
    const at = all.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'ArrowDown') focusItem(at + 1);
    else if (event.key === 'ArrowUp') focusItem(at - 1);
    else if (event.key === 'Home') focusItem(0);
    else if (event.key === 'End') focusItem(all.length - 1);
    else if (event.key === 'Escape') close(true);
    else if (event.key === 'Tab') {
      setOpen(false);
      return;
    } else return;
    event.preventDefault();
  };

  return (
    <span className="row-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="icon-btn row-menu-button"
        tabIndex={tabIndex}
        aria-label={label}
        title={t('row.menu')}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        onClick={() => setOpen(!open)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !event.altKey) {
            event.preventDefault();
            event.stopPropagation();
            setOpen(true);
          }
        }}
      >
        <span aria-hidden="true" className="row-menu-dots">
          ⋯
        </span>
      </button>
      {open && (
        <span className="row-menu-panel" role="menu" id={`${id}-menu`} aria-label={label} onKeyDown={onMenuKey}>
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className={`row-menu-item${item.danger ? ' danger' : ''}`}
              disabled={item.disabled}
              onClick={() => {
                close(false);
                item.run();
              }}
            >
              <span>{item.label}</span>
              {item.shortcut && (
                <kbd className="row-menu-shortcut" aria-hidden="true">
                  {item.shortcut}
                </kbd>
              )}
            </button>
          ))}
        </span>
      )}
    </span>
  );
}
