import { beforeEach, describe, expect, it, vi } from 'vitest';
vi.mock('electron', () => import('./fake-electron'));
import { BrowserWindow, FakeSession, shell, type FakeWebContents } from './fake-electron';
import {
  createMainWindow,
  devToolsAllowed,
  guardWebContents,
  hardenSession,
  mainWindowOptions,
  THEME_BACKGROUND,
} from '../../electron/window';

const OPTIONS = {
  preloadPath: '/app/dist/electron/preload.cjs',
  contentProtection: true,
  devTools: false,
  dark: false,
};
const FOREIGN = [
  'https://evil.example/',
  'http://localhost:5173/',
  'file:///etc/passwd',
  'app://authdesk.evil/index.html',
  'app://evil/index.html',
  'javascript:alert(1)',
  'about:blank',
  'not a url',
];

beforeEach(() => {
  shell.opened.length = 0;
});

describe('the main window', () => {
  it('is built with isolation, the sandbox, no Node and web security on', () => {
    const prefs = mainWindowOptions(OPTIONS).webPreferences!;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      devTools: false,
      preload: OPTIONS.preloadPath,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });

  it('has a title, a minimum size and the theme background (no white flash in dark mode)', () => {
    const light = mainWindowOptions(OPTIONS);
    expect(light).toMatchObject({
      title: 'Authdesk',
      minWidth: 360,
      minHeight: 480,
      show: false,
      backgroundColor: THEME_BACKGROUND.light,
    });
    expect(mainWindowOptions({ ...OPTIONS, dark: true }).backgroundColor).toBe(THEME_BACKGROUND.dark);
  });

  it('allows DevTools only in an unpackaged build with AUTHDESK_DEV=1', () => {
    expect(devToolsAllowed(false, { AUTHDESK_DEV: '1' })).toBe(true);
    expect(devToolsAllowed(true, { AUTHDESK_DEV: '1' })).toBe(false);
    expect(devToolsAllowed(false, {})).toBe(false);
    expect(mainWindowOptions({ ...OPTIONS, devTools: true }).webPreferences!.devTools).toBe(true);
  });

  it('loads our bundle from app://, applies content protection and shows itself when ready', () => {
    const win = createMainWindow(OPTIONS) as unknown as BrowserWindow;
    expect(win.loadedUrl).toBe('app://authdesk/index.html');
    expect(win.contentProtection).toBe(true);
    expect(win.visible).toBe(false);
    win.emit('ready-to-show');
    expect(win.visible).toBe(true);
    const off = createMainWindow({ ...OPTIONS, contentProtection: false }) as unknown as BrowserWindow;
    expect(off.contentProtection).toBe(false);
  });
});

describe('navigation and new windows', () => {
  const guarded = (): FakeWebContents => (createMainWindow(OPTIONS) as unknown as BrowserWindow).webContents;

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    '%s: foreign URLs are prevented, our own are not',
    (event) => {
      const contents = guarded();
      for (const url of FOREIGN) expect(contents.navigate(event, url), url).toBe(true);
      expect(contents.navigate(event, 'app://authdesk/index.html#/settings')).toBe(false);
    },
  );

  it('never attaches a <webview>', () => {
    expect(guarded().navigate('will-attach-webview', 'https://example.com')).toBe(true);
  });

  it('denies every window.open and hands nothing to the default browser, not even https', async () => {
    const contents = guarded();
    const open = (url: string) => contents.windowOpenHandler!({ url, frameName: '', features: '' });
    const before = shell.opened.length;
    expect(open('https://www.uio.no/english/services/it/')).toEqual({ action: 'deny' });
    for (const url of [
      'http://example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'app://authdesk/index.html',
      'https://user:pw@example.com/',
      'smb://host/share',
      'nonsense',
    ]) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    await Promise.resolve();
    expect(shell.opened.length).toBe(before);
  });

  it('guards a web contents once even when asked twice', () => {
    const contents = guarded();
    guardWebContents(contents as never);
    expect(contents.listenerCount('will-navigate')).toBe(1);
  });
});

describe('permissions', () => {
  const session = new FakeSession();
  hardenSession(session as never);
  const ours = 'app://authdesk/index.html';

  const request = (permission: string, url: string, details: Record<string, unknown> = {}): boolean => {
    let granted: boolean | undefined;
    session.permissionRequestHandler!({}, permission, (g: boolean) => (granted = g), {
      requestingUrl: url,
      isMainFrame: true,
      ...details,
    });
    if (granted === undefined) throw new Error('the request handler never answered');
    return granted;
  };
  const check = (permission: string, origin: string, details: Record<string, unknown> = {}): boolean =>
    session.permissionCheckHandler!({}, permission, origin, { isMainFrame: true, ...details });

  it('grants the camera and screen capture to our own page', () => {
    expect(request('media', ours, { mediaTypes: ['video'] })).toBe(true);
    expect(request('display-capture', ours)).toBe(true);
    expect(check('media', 'app://authdesk', { mediaType: 'video', requestingUrl: ours })).toBe(true);
    expect(check('display-capture', 'app://authdesk')).toBe(true);
  });

  it('refuses the microphone, subframes and every other origin', () => {
    expect(request('media', ours, { mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(check('media', 'app://authdesk', { mediaType: 'audio' })).toBe(false);
    expect(request('media', ours, { mediaTypes: ['video'], isMainFrame: false })).toBe(false);
    for (const url of FOREIGN) {
      expect(request('media', url, { mediaTypes: ['video'] }), url).toBe(false);
      expect(request('display-capture', url), url).toBe(false);
      expect(check('media', url, { mediaType: 'video' }), url).toBe(false);
    }
  });

  it('refuses every other permission, even to our own page', () => {
    for (const permission of [
      'notifications',
      'geolocation',
      'clipboard-read',
      'clipboard-sanitized-write',
      'openExternal',
      'fullscreen',
      'midiSysex',
      'hid',
      'usb',
      'serial',
      'pointerLock',
      'unknown',
    ]) {
      expect(request(permission, ours), permission).toBe(false);
      expect(check(permission, 'app://authdesk'), permission).toBe(false);
    }
    expect(session.devicePermissionHandler!({ deviceType: 'usb', origin: 'app://authdesk' })).toBe(false);
  });
});

describe('downloads', () => {
  it('cancels every download the page starts', () => {
    const session = new FakeSession();
    hardenSession(session as never);
    let prevented = false;
    session.emit('will-download', { preventDefault: () => (prevented = true) }, {}, {});
    expect(prevented).toBe(true);
  });
});
