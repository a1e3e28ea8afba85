/**
 * One account: who it is, the current code, the countdown, and its actions.
 * Memoised on primitive props so a rollover re-renders only rows whose code
 * changed, and a focus move only the two rows involved.
 */
import { memo, useState, type CSSProperties, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountMeta } from '../../../common/otp/types';
import { bridge, unwrap } from '../../api';
import { errorMessage } from '../../components/error-text';
import { Icon } from '../../components/Icon';
import { Countdown, countdownKey } from './Countdown';
import { formatCode, maskedCode } from '../../../common/otp/format-code';
import { RenameForm } from './RenameForm';
import { RowMenu, type RowMenuItem } from './RowMenu';
import { PinButton } from '../desktop/PinButton';

export interface RowHandlers {
  onCopy(id: string, code: string): void;
  onStartRename(id: string): void;
  onRename(id: string, issuer: string, name: string): Promise<void>;
  onCancelRename(): void;
  onDelete(id: string): void;
  /** Moves the account one place up (-1) or down (1) in the list. */
  onMove(id: string, step: -1 | 1): void;
  /** Says (screen reader) the code and the seconds it has left, once. */
  onSayTimeLeft(id: string, code: string, validUntil: number): void;
  onFocusRow(id: string): void;
  onKeyDown(event: KeyboardEvent<HTMLLIElement>): void;
  onDragStart(event: DragEvent<HTMLLIElement>): void;
  onDragOver(event: DragEvent<HTMLLIElement>): void;
  onDragLeave(event: DragEvent<HTMLLIElement>): void;
  onDrop(event: DragEvent<HTMLLIElement>): void;
  onDragEnd(): void;
  onError(message: string): void;
  /** "Show QR code for phone" (features/export/AccountQrDialog); absent: the item is not offered. */
  onShowQr?(id: string): void;
}

interface Props {
  account: AccountMeta;
  /** 1-based place in the whole (filtered) list, and its length: only a window of rows is rendered. */
  position: number;
  total: number;
  code: string | null;
  /** Its keychain value cannot be read: the row says so instead of a code. */
  unreadable?: boolean;
  next: string | null;
  validFrom: number | null;
  validUntil: number | null;
  /** See useCodes: a new value restarts the countdown animation in step with the clock. */
  epoch: number;
  /** The row that holds the list's single tab stop (roving tabindex). */
  active: boolean;
  editing: boolean;
  copied: boolean;
  highlighted: boolean;
  dropEdge: 'before' | 'after' | null;
  handlers: RowHandlers;
}

/** A stable hue per issuer so the same service always gets the same colour. */
function hueOf(text: string): number {
  let h = 0;
  for (const ch of text) h = (h * 31 + ch.codePointAt(0)!) % 360;
  return h;
}

export const AccountRow = memo(function AccountRow(props: Props) {
  const { account, active, editing, copied, highlighted, dropEdge, handlers } = props;
  const { t } = useTranslation('accounts');
  const [hotp, setHotp] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const isHotp = account.type === 'hotp';
  const code = isHotp ? hotp : props.code;
  const title = account.issuer || account.name;
  const subtitle = account.issuer ? account.name : '';
  const shown = code ? formatCode(code, account.type) : maskedCode(account.digits, account.type);
  const tab = active ? 0 : -1;

  const nextHotp = async () => {
    setBusy(true);
    try {
      const result = await unwrap(bridge().codes.nextHotp({ id: account.id }));
      setHotp(result.code);
    } catch (err) {
      handlers.onError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const className = ['row', highlighted && 'is-new', copied && 'is-copied', dropEdge && `drop-${dropEdge}`]
    .filter(Boolean)
    .join(' ');
  const codeText = (
    <span className="code" data-code={code ?? ''} aria-hidden={code ? undefined : true}>
      {shown}
    </span>
  );

  const menuItems: RowMenuItem[] = [
    { label: t('row.renameShort'), shortcut: 'F2', run: () => handlers.onStartRename(account.id) },
    {
      label: t('row.moveUp'),
      shortcut: 'Alt+↑',
      disabled: props.position === 1,
      run: () => handlers.onMove(account.id, -1),
    },
    {
      label: t('row.moveDown'),
      shortcut: 'Alt+↓',
      disabled: props.position === props.total,
      run: () => handlers.onMove(account.id, 1),
    },
    ...(handlers.onShowQr
      ? [{ label: t('accountQr.menu', { ns: 'export' }), run: () => handlers.onShowQr?.(account.id) }]
      : []),
    { label: t('row.deleteShort'), shortcut: 'Del', danger: true, run: () => handlers.onDelete(account.id) },
  ];

  return (
    <li
      className={className}
      data-row-id={account.id}
      aria-posinset={props.position}
      aria-setsize={props.total}
      draggable={!editing}
      onFocus={() => handlers.onFocusRow(account.id)}
      onKeyDown={
        editing
          ? undefined
          : (event) => {
              // T: the seconds left, said once on demand (the countdown itself is silent).
              const plain = !event.altKey && !event.ctrlKey && !event.metaKey;
              if (plain && event.key.toLowerCase() === 't' && !isHotp && code && props.validUntil !== null) {
                event.preventDefault();
                handlers.onSayTimeLeft(account.id, code, props.validUntil);
              } else handlers.onKeyDown(event);
            }
      }
      onDragStart={handlers.onDragStart}
      onDragOver={handlers.onDragOver}
      onDragLeave={handlers.onDragLeave}
      onDrop={handlers.onDrop}
      onDragEnd={handlers.onDragEnd}
    >
      <span className="avatar" aria-hidden="true" style={{ '--hue': hueOf(title) } as CSSProperties}>
        {[...title][0]?.toUpperCase() ?? '?'}
      </span>
      {editing ? (
        <RenameForm
          account={account}
          onSave={(issuer, name) => handlers.onRename(account.id, issuer, name)}
          onCancel={handlers.onCancelRename}
        />
      ) : (
        <button
          type="button"
          className="row-copy"
          tabIndex={tab}
          // The name comes from what is visible (issuer, name, code): WCAG "label in name". The hint is a tooltip.
          title={code ? t('row.copyHint') : undefined}
          onClick={() => code && handlers.onCopy(account.id, code)}
        >
          <span className="who">
            <span className="issuer">{title}</span>
            {subtitle && <span className="name">{subtitle}</span>}
            {props.unreadable && <span className="row-problem">{t('row.unreadable', { account: title })}</span>}
          </span>
          <span className="codes">
            {props.validFrom !== null && props.validUntil !== null && !isHotp ? (
              <Countdown
                key={countdownKey(props.validFrom, props.validUntil, props.epoch)}
                validFrom={props.validFrom}
                validUntil={props.validUntil}
                text={shown}
              >
                {codeText}
              </Countdown>
            ) : (
              <span className="timed is-static">{codeText}</span>
            )}
            {/* Next code and "Copied" on two lines of their own: they never overlap each other or the code. */}
            <span className="code-aside">
              <span className="next" aria-hidden={!props.next}>
                {props.next ? t('row.next', { code: formatCode(props.next, account.type) }) : ' '}
              </span>
              <span className="copied-badge" aria-hidden="true">
                <Icon name="check" /> {t('row.copied')}
              </span>
            </span>
          </span>
        </button>
      )}
      {!editing && (
        <span className="row-actions">
          <RowMenu label={t('row.actions', { account: title })} items={menuItems} tabIndex={tab} />
          {isHotp && (
            <button
              type="button"
              className="icon-btn"
              tabIndex={tab}
              disabled={busy}
              aria-label={t('row.showNextHotp')}
              title={t('row.showNextHotp')}
              onClick={() => void nextHotp()}
            >
              <Icon name="next" />
            </button>
          )}
          <PinButton account={account} tabIndex={tab} onError={handlers.onError} />
        </span>
      )}
    </li>
  );
});
