/**
 * The usual shape of an e2e file: one Chromium for the file, a fresh bridge
 * (its own temp data folder and keychain service) for every test, and the app
 * page the test opens. After each test: no page errors (unless turned off),
 * the page's context closed, the bridge's folder and keychain items removed.
 */
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { launchBrowser, openApp, type AppPage, type OpenAppOptions } from './browser';
import { startTestBridge, type TestBridge } from './bridge';

type BridgeOptions = NonNullable<Parameters<typeof startTestBridge>[0]>;

export interface AppSession {
  readonly browser: Browser;
  readonly bridge: TestBridge;
  /** The page opened by `open` in this test (undefined before). */
  readonly app: AppPage | undefined;
  open(options?: OpenAppOptions): Promise<AppPage>;
  /** Closes the open page now (e.g. "the window closes during the undo toast"). */
  closeApp(): Promise<void>;
}

export function useAppSession(options: { bridge?: () => BridgeOptions; checkPageErrors?: boolean } = {}): AppSession {
  let browser: Browser | undefined;
  let bridge: TestBridge | undefined;
  let app: AppPage | undefined;
  const closeApp = async () => {
    await app?.context.close();
    app = undefined;
  };

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    bridge = await startTestBridge(options.bridge?.() ?? {});
  });
  afterEach(async () => {
    if (options.checkPageErrors ?? true) expect(app?.errors ?? []).toEqual([]);
    await closeApp();
    await bridge?.cleanup();
  });

  return {
    get browser() {
      return browser!;
    },
    get bridge() {
      return bridge!;
    },
    get app() {
      return app;
    },
    open: async (openOptions = {}) => (app = await openApp(browser!, bridge!, openOptions)),
    closeApp,
  };
}
