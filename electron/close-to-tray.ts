/**
 * Closing the main window keeps Authdesk in the tray when settings.closeToTray
 * is on (the shortcut and the tray need a running app). The first time, the
 * person is told so once (settings.closeToTrayExplained). A real quit (tray
 * menu, Cmd+Q, OS shutdown) is never held back.
 */
import type { Settings } from '../common/settings';

export interface ClosableWindow {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  hide(): void;
}

export interface CloseToTrayOptions {
  /** The settings as last read: 'close' is synchronous, there is no time to read the file. */
  settings: () => Settings;
  hasTray: () => boolean;
  isQuitting: () => boolean;
  /** Tells the person (a notification, or a message box where there are none). */
  explain: () => void;
  markExplained: () => Promise<unknown>;
}

export function keepInTrayOnClose(win: ClosableWindow, options: CloseToTrayOptions): void {
  win.on('close', (event) => {
    const settings = options.settings();
    if (options.isQuitting() || !options.hasTray() || !settings.closeToTray) return;
    event.preventDefault();
    win.hide();
    if (!settings.closeToTrayExplained) {
      options.explain();
      void options.markExplained().catch(() => undefined);
    }
  });
}
