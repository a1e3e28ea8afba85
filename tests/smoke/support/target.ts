/**
 * What the smoke suite runs against, decided once from the file system and
 * the environment (no `require('electron')`: that would try to download the
 * binary when it is missing).
 *
 * - Development (default): `electron .` with the Electron binary from
 *   node_modules/electron and the app built into dist/.
 * - Packaged (AUTHDESK_SMOKE_APP=/path/to/the/app/binary, set by the release
 *   workflow): the fuse and keychain checks run that very binary. The window
 *   checks need Playwright, which speaks to Electron through the Node
 *   inspector and a DevTools port, both of which a packaged Authdesk refuses
 *   (that is what the fuse checks prove). So they run the packaged app.asar
 *   (the shipped code, its production node_modules and the native modules
 *   rebuilt for Electron) on the stock Electron binary of the same version.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../support/vectors';

export interface SmokeTarget {
  kind: 'development' | 'packaged';
  /** The binary the fuse and keychain checks start (packaged: the real app). */
  binary: string;
  /** Arguments that make `binary` start Authdesk (development: the repo folder). */
  appArgs: string[];
  /** For the window checks: the stock Electron binary and what it should load. Null when not runnable here. */
  ui: { electron: string; appPath: string } | null;
  /** Why the window checks cannot run (null when they can). */
  uiSkip: string | null;
}

/** The stock Electron binary installed by the `electron` npm package, or null with the reason. */
export function stockElectron(): { path: string } | { missing: string } {
  const dir = path.join(repoRoot, 'node_modules/electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(path.join(dir, 'dist')) || !existsSync(pathFile))
    return {
      missing: 'node_modules/electron/dist is missing (the Electron binary is downloaded by `npm ci` with internet)',
    };
  const binary = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary)) return { missing: `the Electron binary ${binary} does not exist` };
  return { path: binary };
}

/** app.asar next to a packaged binary: resources/ (Windows, Linux) or ../Resources/ (macOS bundle). */
export function asarBeside(binary: string): string | null {
  for (const candidate of [
    path.join(path.dirname(binary), 'resources', 'app.asar'),
    path.join(path.dirname(binary), '..', 'Resources', 'app.asar'),
  ])
    if (existsSync(candidate)) return candidate;
  return null;
}

/** The target, or the one reason the whole suite is skipped. Throws when a requested app is unusable. */
export function smokeTarget(env: NodeJS.ProcessEnv = process.env): SmokeTarget | { skip: string } {
  const electron = stockElectron();
  const packaged = env.AUTHDESK_SMOKE_APP?.trim();
  if (packaged) {
    const binary = path.resolve(packaged);
    // Asked for explicitly (the release workflow): a missing app is a failure, never a skip.
    if (!existsSync(binary)) throw new Error(`AUTHDESK_SMOKE_APP=${packaged}: no such file`);
    const asar = asarBeside(binary);
    if (!asar) throw new Error(`AUTHDESK_SMOKE_APP=${packaged}: no resources/app.asar beside it`);
    const uiSkip =
      env.AUTHDESK_SMOKE_UI === '0'
        ? 'AUTHDESK_SMOKE_UI=0 (the packaged app is for another CPU than the stock Electron here)'
        : 'path' in electron
          ? null
          : electron.missing;
    return {
      kind: 'packaged',
      binary,
      appArgs: [],
      ui: 'path' in electron && !uiSkip ? { electron: electron.path, appPath: asar } : null,
      uiSkip,
    };
  }
  if (!('path' in electron)) return { skip: electron.missing };
  if (!existsSync(path.join(repoRoot, 'dist/electron/main.cjs')))
    throw new Error('dist/electron/main.cjs is missing: run `npm run build` first (npm run test:smoke does)');
  return {
    kind: 'development',
    binary: electron.path,
    appArgs: [repoRoot],
    ui: { electron: electron.path, appPath: repoRoot },
    uiSkip: null,
  };
}
