/**
 * Where Authdesk keeps its files and which keychain service it uses. The CLI
 * has no Electron `app`, so it computes the very folder Electron's
 * `app.getPath('userData')` gives for the app name "Authdesk": the app and
 * the CLI must read and write the same accounts.json.
 */
import os from 'node:os';
import path from 'node:path';

/** The app id: also the keychain service name, so the app and the CLI share items. */
export const APP_ID = 'io.authdesk.Authdesk';
/** Electron derives userData from the product name. */
export const APP_NAME = 'Authdesk';

type Env = Record<string, string | undefined>;

export function dataDir(env: Env = process.env, platform: NodeJS.Platform = process.platform): string {
  const override = env.AUTHDESK_DATA_DIR?.trim();
  if (override) return path.resolve(override);
  const home = env.HOME || env.USERPROFILE || os.homedir();
  switch (platform) {
    case 'darwin':
      return path.posix.join(home, 'Library', 'Application Support', APP_NAME);
    case 'win32':
      // Electron uses %APPDATA% (the roaming profile); fall back like it does.
      return path.win32.join(env.APPDATA || path.win32.join(home, 'AppData', 'Roaming'), APP_NAME);
    default:
      // Linux and the BSDs: XDG base directories, as Chromium does. A relative
      // XDG_CONFIG_HOME is invalid per the spec and ignored.
      return path.posix.join(
        env.XDG_CONFIG_HOME && path.posix.isAbsolute(env.XDG_CONFIG_HOME)
          ? env.XDG_CONFIG_HOME
          : path.posix.join(home, '.config'),
        APP_NAME,
      );
  }
}

/**
 * Where the CLI keeps its compiled-code cache (cli/launcher/code-cache.ts): the OS's
 * per-user cache folder, which the OS or the user may empty at any time.
 * AUTHDESK_CACHE_DIR overrides it; AUTHDESK_CODE_CACHE=0 turns the cache off (null).
 */
export function codeCacheDir(env: Env = process.env, platform: NodeJS.Platform = process.platform): string | null {
  if (env.AUTHDESK_CODE_CACHE?.trim() === '0') return null;
  const override = env.AUTHDESK_CACHE_DIR?.trim();
  if (override) return path.resolve(override);
  const home = env.HOME || env.USERPROFILE || os.homedir();
  switch (platform) {
    case 'darwin':
      return path.posix.join(home, 'Library', 'Caches', APP_NAME);
    case 'win32':
      return path.win32.join(env.LOCALAPPDATA || path.win32.join(home, 'AppData', 'Local'), APP_NAME, 'Cache');
    default:
      return path.posix.join(
        env.XDG_CACHE_HOME && path.posix.isAbsolute(env.XDG_CACHE_HOME)
          ? env.XDG_CACHE_HOME
          : path.posix.join(home, '.cache'),
        APP_NAME,
      );
  }
}

export function keychainService(env: Env = process.env): string {
  return env.AUTHDESK_KEYCHAIN_SERVICE?.trim() || APP_ID;
}

/** The files of the data folder, named once. */
export function vaultFiles(dir: string) {
  const metadata = path.join(dir, 'accounts.json');
  return { dir, metadata, backup: `${metadata}.bak`, lock: path.join(dir, '.lock') };
}
