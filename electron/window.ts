/**
 * Every window and session policy in one place: how the window is built,
 * where it may navigate, what it may open, which permissions it gets.
 * The renderer is treated as untrusted: an XSS there must not be able to
 * reach Node, other origins, or any device beyond the camera and the screen.
 */
import { BrowserWindow, type BrowserWindowConstructorOptions, type Session, type WebContents } from 'electron';
import { APP_ENTRY_URL, isAppUrl } from './ipc/origin';

/** The page background while the bundle loads, matching the renderer's light/dark theme (no white flash). */
export const THEME_BACKGROUND = { light: '#f6f7f9', dark: '#16181d' } as const;

export interface MainWindowOptions {
  /** Absolute path of dist/electron/preload.cjs. */
  preloadPath: string;
  contentProtection: boolean;
  devTools: boolean;
  dark: boolean;
}

/** DevTools exist only in a development build that asked for them. */
export function devToolsAllowed(isPackaged: boolean, env: NodeJS.ProcessEnv): boolean {
  return !isPackaged && env.AUTHDESK_DEV === '1';
}

export function mainWindowOptions({ preloadPath, devTools, dark }: MainWindowOptions): BrowserWindowConstructorOptions {
  return {
    title: 'Authdesk',
    width: 440,
    height: 680,
    minWidth: 360,
    minHeight: 480,
    show: false, // shown on ready-to-show, so the first frame is the app, not a blank window
    backgroundColor: dark ? THEME_BACKGROUND.dark : THEME_BACKGROUND.light,
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools,
    },
  };
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(options));
  guardWebContents(win.webContents);
  // Keeps codes out of other apps' screenshots and screen shares (a setting, on by default).
  win.setContentProtection(options.contentProtection);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

/** Links the app may hand to the OS: https only, no embedded credentials. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

const guarded = new WeakSet<WebContents>();

/** Navigation and window-creation policy for any web contents (ours, and any that should never exist). */
export function guardWebContents(contents: WebContents): void {
  if (guarded.has(contents)) return;
  guarded.add(contents);
  // No new windows, ever, and nothing handed to the OS either: the renderer must not choose
  // URLs for the default browser (the portal is opened by main, app.openPortal).
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const stayHome = (event: { url: string; preventDefault(): void }) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-frame-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Only the camera (video, not the microphone) and screen capture, only for our own main frame. */
const GRANTABLE = new Set(['media', 'display-capture']);

export function permissionAllowed(
  permission: string,
  url: string | undefined,
  options: { isMainFrame?: boolean; mediaTypes?: readonly string[] } = {},
): boolean {
  if (!GRANTABLE.has(permission) || !isAppUrl(url)) return false;
  if (options.isMainFrame === false) return false;
  if (permission === 'media' && options.mediaTypes?.includes('audio')) return false;
  return true;
}

/** Installs the permission policy on `session` (the default session: our only one). */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    callback(permissionAllowed(permission, details.requestingUrl, { isMainFrame: details.isMainFrame, mediaTypes }));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    permissionAllowed(permission, details.requestingUrl ?? requestingOrigin, {
      isMainFrame: details.isMainFrame,
      mediaTypes: details.mediaType ? [details.mediaType] : undefined,
    }),
  );
  // USB/HID/serial/Bluetooth: never.
  session.setDevicePermissionHandler(() => false);
  // Authdesk downloads nothing: a download the page starts (a link, a blob) is cancelled.
  session.on('will-download', (event) => event.preventDefault());
}
