/**
 * The quick-pick: a small always-on-top window the global shortcut opens on
 * the display where the cursor is. Type to filter, Enter copies (codes.copy),
 * Esc closes. It is hardened exactly like the main window (the same
 * webPreferences from window.ts, the same navigation guard, content
 * protection) and loads its own page from the same app:// origin, so the
 * registry's sender check and the CSP treat it as ours.
 */
import { BrowserWindow, screen, type BrowserWindowConstructorOptions, type Rectangle } from 'electron';
import { events } from '../common/ipc/api-shape';
import { APP_ORIGIN } from './ipc/origin';
import { guardWebContents, mainWindowOptions } from './window';

export const QUICK_PICK_URL = `${APP_ORIGIN}/quick-pick/index.html`;
export const QUICK_PICK_SIZE = { width: 420, height: 360 } as const;

export interface QuickPickOptions {
  preloadPath: string;
  devTools: boolean;
  dark: boolean;
  title: string;
}

export function quickPickWindowOptions(options: QuickPickOptions): BrowserWindowConstructorOptions {
  const main = mainWindowOptions({ ...options, contentProtection: true });
  return {
    title: options.title,
    ...QUICK_PICK_SIZE,
    show: false,
    frame: false,
    resizable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    alwaysOnTop: true,
    skipTaskbar: true,
    backgroundColor: main.backgroundColor,
    webPreferences: main.webPreferences, // the very same hardening
  };
}

/** Top-left corner: centred across the work area of the cursor's display, a third of the way down. */
export function placeOnDisplay(workArea: Rectangle, size: { width: number; height: number }): { x: number; y: number } {
  return {
    x: Math.round(workArea.x + (workArea.width - size.width) / 2),
    y: Math.round(workArea.y + Math.max(0, (workArea.height - size.height) / 3)),
  };
}

export class QuickPickWindow {
  private win: BrowserWindow | null = null;

  constructor(
    private readonly options: () => QuickPickOptions,
    private readonly contentProtection: () => boolean,
    private readonly onWindow: (win: BrowserWindow, open: boolean) => void,
  ) {}

  window(): BrowserWindow | null {
    return this.win && !this.win.isDestroyed() ? this.win : null;
  }

  /** Shows the quick-pick on the cursor's display (creating it on first use), focused. */
  show(): void {
    const win = this.window() ?? this.create();
    const display = screen.getDisplayNearestPoint(screen.getCursorScreenPoint());
    const { x, y } = placeOnDisplay(display.workArea, QUICK_PICK_SIZE);
    win.setBounds({ x, y, ...QUICK_PICK_SIZE });
    win.setContentProtection(this.contentProtection());
    win.show();
    win.focus();
    // Tells the page to reset its filter and load the list afresh.
    win.webContents.send(events.quickPickShown);
  }

  hide(): void {
    const win = this.window();
    if (win?.isVisible()) win.hide();
  }

  destroy(): void {
    this.window()?.destroy();
    this.win = null;
  }

  private create(): BrowserWindow {
    const win = new BrowserWindow(quickPickWindowOptions(this.options()));
    guardWebContents(win.webContents);
    win.setContentProtection(this.contentProtection());
    // A pick window that stays around after the person clicked elsewhere is in the way.
    win.on('blur', () => this.hide());
    win.on('closed', () => {
      this.onWindow(win, false);
      if (this.win === win) this.win = null;
    });
    void win.loadURL(QUICK_PICK_URL);
    this.win = win;
    this.onWindow(win, true);
    return win;
  }
}
