/**
 * Real Chromium (Debian's, through playwright-core) for the e2e tests and
 * benches. Headless by default; `headful` with a `display` (an Xvfb server)
 * for screen-capture tests. Reusable by every e2e file: launchBrowser,
 * openApp (a page on a bridge, optionally with a frozen clock), screenshot.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

// Computed here rather than imported from vectors.ts, which imports vitest: benches use these helpers too.
const repoRoot = path.resolve(import.meta.dirname, '../..');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const resultsDir = path.join(repoRoot, 'test-results');

export interface LaunchOptions {
  /** Show a window (needs `display`, e.g. ':99' from Xvfb). */
  headful?: boolean;
  display?: string;
  /** Extra Chromium switches (e.g. --auto-select-desktop-capture-source=Entire screen). */
  args?: string[];
}

export function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: !options.headful,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
    ...(options.display ? { env: { ...process.env, DISPLAY: options.display } } : {}),
  });
}

export interface OpenAppOptions extends BrowserContextOptions {
  /** Freeze the page clock at this time (ms since epoch) before the app starts. */
  frozenAt?: number;
  /** With frozenAt: let the clock run on from there instead of pausing it (for libraries that wait on timers, e.g. axe). */
  clockRuns?: boolean;
}

export interface AppPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors seen so far (tests assert it stays empty). */
  errors: string[];
}

/** Opens the app served by a bridge (`url` with its token) in a fresh context with clipboard access. */
export async function openApp(
  browser: Browser,
  bridge: { url: string; origin: string },
  options: OpenAppOptions = {},
): Promise<AppPage> {
  const { frozenAt, clockRuns, ...contextOptions } = options;
  const context = await browser.newContext({ viewport: { width: 1000, height: 760 }, ...contextOptions });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: bridge.origin });
  if (frozenAt !== undefined) {
    // Installed before any page script runs; paused so time moves only when the test says so.
    await context.clock.install({ time: frozenAt });
    if (!clockRuns) await context.clock.pauseAt(frozenAt);
  }
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  await page.goto(bridge.url);
  await page.locator('.app').waitFor();
  return { context, page, errors };
}

/** Saves a screenshot as test-results/<name>.png (git-ignored) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${name}.png`);
  // Animations allowed: 'disabled' would fast-forward the countdown rings to their end (empty, warning colour).
  await page.screenshot({ path: file, fullPage: false });
  return file;
}
