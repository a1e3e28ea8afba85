/**
 * A small stand-in for the `electron` module (the binary cannot be installed
 * here). Test files use it with `vi.mock('electron', () => import('./fake-electron'))`.
 * The fakes only record what our code asks of Electron and let a test play
 * Electron's part (emit an event, call a registered handler); they decide nothing.
 */
import { EventEmitter } from 'node:events';

type AnyFn = (...args: any[]) => any; // eslint-disable-line @typescript-eslint/no-explicit-any

let nextId = 1;

export class FakeFrame {
  readonly processId: number;
  readonly frameToken: string;
  constructor(
    public url: string,
    public parent: FakeFrame | null = null,
    ids: { processId?: number; frameToken?: string } = {},
  ) {
    this.processId = ids.processId ?? 1;
    this.frameToken = ids.frameToken ?? `frame-${nextId++}`;
  }
}

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  mainFrame = new FakeFrame('about:blank');
  windowOpenHandler: AnyFn | null = null;
  readonly sent: string[] = [];
  destroyed = false;
  setWindowOpenHandler(handler: AnyFn) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]) {
    if (args.length > 0) throw new Error('our events carry no payload');
    this.sent.push(channel);
  }
  isDestroyed() {
    return this.destroyed;
  }
  /** Plays Electron: emits a cancellable navigation-style event, returns whether it was prevented. */
  navigate(eventName: string, url: string): boolean {
    let prevented = false;
    this.emit(eventName, { url, preventDefault: () => void (prevented = true) }, url);
    return prevented;
  }
}

export class BrowserWindow extends EventEmitter {
  static all: BrowserWindow[] = [];
  static getAllWindows() {
    return BrowserWindow.all.filter((w) => !w.destroyed);
  }
  readonly webContents = new FakeWebContents();
  contentProtection: boolean | null = null;
  loadedUrl: string | null = null;
  visible = false;
  minimized = false;
  focused = false;
  destroyed = false;
  /** When false, hide() does not emit 'hide' (some window managers). */
  emitsHide = true;
  readonly calls: string[] = [];
  constructor(public readonly options: Record<string, unknown> = {}) {
    super();
    BrowserWindow.all.push(this);
  }
  bounds: { x: number; y: number; width: number; height: number } | null = null;
  setContentProtection(on: boolean) {
    this.contentProtection = on;
  }
  setBounds(bounds: { x: number; y: number; width: number; height: number }) {
    this.bounds = bounds;
  }
  destroy() {
    this.destroyed = true;
    this.emit('closed');
  }
  async loadURL(url: string) {
    this.loadedUrl = url;
    this.webContents.mainFrame = new FakeFrame(url);
  }
  show() {
    this.calls.push('show');
    this.visible = true;
  }
  hide() {
    this.calls.push('hide');
    this.visible = false;
    if (this.emitsHide) queueMicrotask(() => this.emit('hide'));
  }
  focus() {
    this.calls.push('focus');
    this.focused = true;
  }
  restore() {
    this.calls.push('restore');
    this.minimized = false;
  }
  isVisible() {
    return this.visible;
  }
  isMinimized() {
    return this.minimized;
  }
  isDestroyed() {
    return this.destroyed;
  }
}

export class FakeSession extends EventEmitter {
  permissionRequestHandler: AnyFn | null = null;
  permissionCheckHandler: AnyFn | null = null;
  devicePermissionHandler: AnyFn | null = null;
  displayMediaHandler: AnyFn | null = null;
  displayMediaOptions: unknown = null;
  readonly protocolHandlers = new Map<string, AnyFn>();
  readonly protocol = { handle: (scheme: string, handler: AnyFn) => void this.protocolHandlers.set(scheme, handler) };
  setPermissionRequestHandler(handler: AnyFn) {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: AnyFn) {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: AnyFn) {
    this.devicePermissionHandler = handler;
  }
  setDisplayMediaRequestHandler(handler: AnyFn, options?: unknown) {
    this.displayMediaHandler = handler;
    this.displayMediaOptions = options;
  }
  /**
   * Plays Chromium + Electron: a page asks for a permission (navigator.clipboard.writeText
   * asks for 'clipboard-sanitized-write'). Electron routes it to the request handler; with
   * no handler installed it grants everything, which is why the tests' browser never failed.
   */
  requestPermission(
    contents: FakeWebContents,
    permission: string,
    details: { requestingUrl: string; isMainFrame?: boolean },
  ): Promise<boolean> {
    if (!this.permissionRequestHandler) return Promise.resolve(true);
    return new Promise((resolve) =>
      this.permissionRequestHandler!(contents, permission, resolve, { isMainFrame: true, ...details }),
    );
  }
}

/** What `navigator.clipboard.writeText(text)` does in a page of `contents` under `session`. */
export async function pageClipboardWriteText(session: FakeSession, contents: FakeWebContents, text: string) {
  const granted = await session.requestPermission(contents, 'clipboard-sanitized-write', {
    requestingUrl: contents.mainFrame.url,
  });
  if (!granted) throw new DOMException('Write permission denied.', 'NotAllowedError');
  clipboard.formats = { 'text/plain': new TextEncoder().encode(text) };
}

export const session = { defaultSession: new FakeSession() };

export const ipcMain = {
  handlers: new Map<string, AnyFn>(),
  handle(channel: string, handler: AnyFn) {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  },
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  },
};

class FakeIpcRenderer extends EventEmitter {
  readonly invoked: [string, unknown][] = [];
  async invoke(channel: string, input: unknown) {
    this.invoked.push([channel, input]);
    return { ok: true, value: `reply:${channel}` };
  }
}
export const ipcRenderer = new FakeIpcRenderer();

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown) {
    if (this.exposed.has(key)) throw new Error(`${key} exposed twice`);
    this.exposed.set(key, api);
  },
};

export const shell = {
  opened: [] as string[],
  async openExternal(url: string) {
    this.opened.push(url);
  },
};

export const protocol = {
  privileged: [] as { scheme: string; privileges?: Record<string, boolean> }[],
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges?: Record<string, boolean> }[]) {
    this.privileged.push(...schemes);
  },
};

export const desktopCapturer = {
  sources: [] as { id: string; name: string; display_id?: string }[],
  async getSources(_options: unknown) {
    return this.sources;
  },
};

export interface FakeDisplay {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
  scaleFactor: number;
  /** Electron's Display carries more; the fake keeps a few to show they are not passed on. */
  rotation?: number;
  label?: string;
}

export const screen = {
  displays: [] as FakeDisplay[],
  cursor: { x: 0, y: 0 },
  getAllDisplays() {
    return this.displays;
  },
  getCursorScreenPoint() {
    return this.cursor;
  },
  getDisplayNearestPoint(point: { x: number; y: number }) {
    const inside = this.displays.find(
      ({ bounds: b }) => point.x >= b.x && point.x < b.x + b.width && point.y >= b.y && point.y < b.y + b.height,
    );
    const display = inside ?? this.displays[0]!;
    return { ...display, workArea: (display as { workArea?: FakeDisplay['bounds'] }).workArea ?? display.bounds };
  },
};

class FakeApp extends EventEmitter {
  isPackaged = false;
  hasLock = true;
  readonly calls: string[] = [];
  /** Real Electron lists every process of the app; the fake has only this one. */
  getAppMetrics() {
    return [{ pid: process.pid, type: 'Browser' as const }];
  }
  readonly paths = new Map<string, string>();
  private resolveReady!: () => void;
  private readonly ready = new Promise<void>((resolve) => (this.resolveReady = resolve));
  appPath = process.cwd();
  /** Switches given on the command line (without the leading --). */
  readonly switches = new Set<string>();
  readonly commandLine = {
    hasSwitch: (name: string) => this.switches.has(name),
    removeSwitch: (name: string) => void this.switches.delete(name),
  };
  requestSingleInstanceLock() {
    return this.hasLock;
  }
  whenReady() {
    return this.ready;
  }
  /** Plays Electron: the app is ready. */
  becomeReady() {
    this.resolveReady();
  }
  setPath(name: string, value: string) {
    this.paths.set(name, value);
  }
  getAppPath() {
    return this.appPath;
  }
  getVersion() {
    return '0.0.0-test';
  }
  getLocale() {
    return 'en-US';
  }
  loginItem: { openAtLogin?: boolean } = {};
  setLoginItemSettings(settings: { openAtLogin?: boolean }) {
    this.loginItem = settings;
  }
  quit() {
    this.calls.push('quit');
  }
  exit(code: number) {
    this.calls.push(`exit:${code}`);
  }
}
export const app = new FakeApp();

export const nativeTheme = { shouldUseDarkColors: false };

class FakePowerMonitor extends EventEmitter {
  idleSeconds = 0;
  getSystemIdleTime() {
    return this.idleSeconds;
  }
}
export const powerMonitor = new FakePowerMonitor();

/** Electron 45's W3C-shaped ClipboardItem: MIME type -> string or Blob. */
export class ClipboardItem {
  constructor(readonly items: Record<string, string | Blob>) {}
  get types() {
    return Object.keys(this.items);
  }
}

/** The system clipboard as bytes per format, committed per write() like Electron's (atomic, replaces all). */
export const clipboard = {
  formats: {} as Record<string, Uint8Array>,
  writes: 0,
  async write(items: ClipboardItem[]) {
    if (!items.every((i) => i instanceof ClipboardItem)) throw new TypeError('clipboard.write takes ClipboardItems');
    const next: Record<string, Uint8Array> = {};
    for (const item of items)
      for (const [format, value] of Object.entries(item.items))
        next[format] =
          typeof value === 'string' ? new TextEncoder().encode(value) : new Uint8Array(await value.arrayBuffer());
    this.formats = next;
    this.writes++;
  },
  async readText() {
    const text = this.formats['text/plain'];
    return text ? new TextDecoder().decode(text) : '';
  },
  async writeText(text: string) {
    this.formats = { 'text/plain': new TextEncoder().encode(text) };
  },
  clear() {
    this.formats = {};
  },
};

export const globalShortcut = {
  registered: new Map<string, AnyFn>(),
  /** Accelerators another app holds: register returns false for them, as Electron does. */
  takenElsewhere: new Set<string>(),
  register(accelerator: string, callback: AnyFn) {
    if (!/^[A-Za-z]+(\+[A-Za-z0-9]+)*$/.test(accelerator)) throw new TypeError('conversion failure');
    if (this.takenElsewhere.has(accelerator) || this.registered.has(accelerator)) return false;
    this.registered.set(accelerator, callback);
    return true;
  },
  unregister(accelerator: string) {
    this.registered.delete(accelerator);
  },
  /** Plays the OS: the person pressed the shortcut. */
  press(accelerator: string) {
    this.registered.get(accelerator)?.();
  },
};

export class Menu {
  static built: Menu[] = [];
  constructor(readonly template: Record<string, any>[]) {} // eslint-disable-line @typescript-eslint/no-explicit-any
  static buildFromTemplate(template: Record<string, unknown>[]) {
    const menu = new Menu(template);
    Menu.built.push(menu);
    return menu;
  }
}

export const nativeImage = { createFromPath: (path: string) => ({ path }) };

export class Tray extends EventEmitter {
  static all: Tray[] = [];
  menu: Menu | null = null;
  toolTip = '';
  destroyed = false;
  constructor(readonly image: unknown) {
    super();
    Tray.all.push(this);
  }
  setContextMenu(menu: Menu | null) {
    this.menu = menu;
  }
  setToolTip(text: string) {
    this.toolTip = text;
  }
  destroy() {
    this.destroyed = true;
  }
}

export class Notification extends EventEmitter {
  static shown: { title: string; body: string }[] = [];
  static isSupported() {
    return true;
  }
  constructor(readonly options: { title: string; body: string }) {
    super();
  }
  show() {
    Notification.shown.push({ title: this.options.title, body: this.options.body });
  }
}

export const dialog = {
  shown: [] as unknown[],
  async showMessageBox(options: unknown) {
    this.shown.push(options);
    return { response: 0 };
  },
  /** What the next open dialog answers (the import file picker). */
  openAnswer: { canceled: true, filePaths: [] as string[] },
  opened: [] as { parent: unknown; options: unknown }[],
  async showOpenDialog(parentOrOptions: unknown, maybeOptions?: unknown) {
    const withParent = maybeOptions !== undefined;
    this.opened.push({
      parent: withParent ? parentOrOptions : null,
      options: withParent ? maybeOptions : parentOrOptions,
    });
    return this.openAnswer;
  },
  /** What the next save dialog answers (the export pickers); Electron gives '' as filePath when cancelled. */
  saveAnswer: { canceled: true, filePath: '' } as { canceled: boolean; filePath: string },
  saved: [] as { parent: unknown; options: unknown }[],
  async showSaveDialog(parentOrOptions: unknown, maybeOptions?: unknown) {
    const withParent = maybeOptions !== undefined;
    const options = (withParent ? maybeOptions : parentOrOptions) as { defaultPath?: unknown };
    // Electron throws on a defaultPath that is not a string (a conversion failure), so the fake does too.
    if (options.defaultPath !== undefined && typeof options.defaultPath !== 'string')
      throw new TypeError('Error processing argument at index 1, conversion failure');
    this.saved.push({ parent: withParent ? parentOrOptions : null, options });
    return this.saveAnswer;
  },
};

export const systemPreferences = {
  touchId: false,
  touchIdAnswer: true,
  canPromptTouchID() {
    return this.touchId;
  },
  async promptTouchID(_reason: string) {
    if (!this.touchIdAnswer) throw new Error('Touch ID cancelled');
  },
};

export default {
  app,
  BrowserWindow,
  clipboard,
  ClipboardItem,
  contextBridge,
  desktopCapturer,
  dialog,
  globalShortcut,
  Menu,
  nativeImage,
  Notification,
  systemPreferences,
  Tray,
  ipcMain,
  ipcRenderer,
  nativeTheme,
  powerMonitor,
  protocol,
  screen,
  session,
  shell,
};
