/**
 * Binds every contract channel to ipcMain.handle. The sender is checked here,
 * once, for every channel: only the main frame of one of our own windows,
 * showing our own app:// page, may call. Then invokeChannel validates the
 * input and runs the handler. Nothing that crosses back is ever a thrown error.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent, type WebFrameMain } from 'electron';
import { invokeChannel, type Handlers } from '../handlers';
import { channels, events, type EventName, type Outcome } from '../../common/ipc/contract';
import { isAppUrl } from './origin';

export interface RegistryOptions {
  handlers: Handlers;
  /** Our windows right now (normally one). */
  windows: () => BrowserWindow[];
  log?: (message: string) => void;
}

const FORBIDDEN: Outcome<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This request did not come from the Authdesk window and was refused.' },
};

/** True when `frame` is the top frame of one of `windows`, showing app://authdesk/…. */
export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  windows: BrowserWindow[],
): boolean {
  const frame: WebFrameMain | null = event.senderFrame;
  if (!frame || frame.parent !== null || !isAppUrl(frame.url)) return false;
  return windows.some((win) => {
    if (win.isDestroyed() || win.webContents !== event.sender) return false;
    const top = win.webContents.mainFrame;
    return top.processId === frame.processId && top.frameToken === frame.frameToken;
  });
}

export function registerIpc({ handlers, windows, log = (m) => console.warn(m) }: RegistryOptions): () => void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event, input: unknown) => {
      if (!isTrustedSender(event, windows())) {
        log(`[authdesk] refused ${channel} from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
        return FORBIDDEN;
      }
      return invokeChannel(handlers, channel, input);
    });
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

/** Tells every window that something changed (no payload: the renderer asks again). */
export function broadcast(eventName: EventName, windows: BrowserWindow[]): void {
  for (const win of windows) if (!win.isDestroyed()) win.webContents.send(events[eventName]);
}
