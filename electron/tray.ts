/**
 * The tray icon (the menu bar on macOS): the accounts, pinned first, where a
 * click copies the current code through the same codes.copy handler the
 * window uses (so the lock applies); then Open, Scan, Lock, Quit. The menu is
 * rebuilt when accounts, the lock or the language change. While locked it
 * lists no account at all.
 */
import { Menu, nativeImage, Tray, type MenuItemConstructorOptions } from 'electron';
import type { AccountMeta } from '../common/otp/types';
import { pinnedFirst } from '../common/otp/pinned';
import { accountLabel } from '../core/vault/labels';
import type { ShellText } from './shell-text';

/** A tray menu is no place for hundreds of rows: the rest are one click away in the window. */
export const TRAY_ACCOUNT_LIMIT = 25;

export interface TrayModel {
  accounts: AccountMeta[];
  locked: boolean;
  /** A lock is configured (settings.appLock is not 'off'). */
  lockAvailable: boolean;
  text: ShellText;
}

export interface TrayActions {
  copy(id: string): void;
  open(): void;
  scan(): void;
  lock(): void;
  quit(): void;
}

export function trayMenuTemplate(model: TrayModel, actions: TrayActions): MenuItemConstructorOptions[] {
  const { text } = model;
  const items: MenuItemConstructorOptions[] = [];
  if (model.locked) {
    items.push({ label: text.locked, enabled: false });
  } else if (model.accounts.length === 0) {
    items.push({ label: text.noAccounts, enabled: false });
  } else {
    const ordered = pinnedFirst(model.accounts);
    items.push({ label: text.copyHint, enabled: false });
    for (const account of ordered.slice(0, TRAY_ACCOUNT_LIMIT)) {
      items.push({
        id: `account:${account.id}`,
        label: `${account.pinned ? '★ ' : ''}${accountLabel(account)}`,
        click: () => actions.copy(account.id),
      });
    }
    if (ordered.length > TRAY_ACCOUNT_LIMIT)
      items.push({ label: text.more(ordered.length - TRAY_ACCOUNT_LIMIT), click: () => actions.open() });
  }
  items.push(
    { type: 'separator' },
    { id: 'open', label: text.open, click: () => actions.open() },
    { id: 'scan', label: text.scan, enabled: !model.locked, click: () => actions.scan() },
  );
  if (model.lockAvailable)
    items.push({ id: 'lock', label: text.lock, enabled: !model.locked, click: () => actions.lock() });
  items.push({ type: 'separator' }, { id: 'quit', label: text.quit, click: () => actions.quit() });
  return items;
}

export class AppTray {
  private readonly tray: Tray;
  private lastLabels: string[] = [];

  constructor(
    iconPath: string,
    private readonly model: () => Promise<TrayModel>,
    private readonly actions: TrayActions,
  ) {
    this.tray = new Tray(nativeImage.createFromPath(iconPath));
    this.tray.setToolTip('Authdesk');
    // Linux shows the menu on click; Windows opens the window on a plain click, as people expect.
    this.tray.on('click', () => {
      if (process.platform === 'win32') actions.open();
    });
  }

  /** Rebuilds the menu from the current state. Never throws: a locked keychain just lists no accounts. */
  async refresh(): Promise<void> {
    const model = await this.model();
    const template = trayMenuTemplate(model, this.actions);
    this.lastLabels = template.filter((i) => i.label).map((i) => i.label!);
    this.tray.setContextMenu(Menu.buildFromTemplate(template));
  }

  /** The menu's labels as last built (Electron cannot list a tray's menu; the smoke tests read this). */
  labels(): string[] {
    return [...this.lastLabels];
  }

  destroy(): void {
    this.tray.destroy();
  }
}
