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

/** Where each OS keeps one kind of per-user folder. */
interface FolderKind {
  /** The variable that overrides it (made absolute). */
  override: string;
  /** Under ~/Library on macOS. */
  darwin: string[];
  /** The Windows variable, its fallback under the profile, and what follows our name. */
  win32: { variable: string; fallback: string[]; after: string[] };
  /** The XDG variable on Linux and the BSDs, and its default under ~. */
  xdg: { variable: string; fallback: string };
}

function perUserFolder(kind: FolderKind, env: Env, platform: NodeJS.Platform): string {
  const override = env[kind.override]?.trim();
  if (override) return path.resolve(override);
  const home = env.HOME || env.USERPROFILE || os.homedir();
  switch (platform) {
    case 'darwin':
      return path.posix.join(home, 'Library', ...kind.darwin, APP_NAME);
    case 'win32':
      return path.win32.join(
        env[kind.win32.variable] || path.win32.join(home, ...kind.win32.fallback),
        APP_NAME,
        ...kind.win32.after,
      );
    default: {
      // Linux and the BSDs: XDG base directories, as Chromium does. A relative
      // XDG_*_HOME is invalid per the spec and ignored.
      const base = env[kind.xdg.variable];
      return path.posix.join(
        base && path.posix.isAbsolute(base) ? base : path.posix.join(home, kind.xdg.fallback),
        APP_NAME,
      );
    }
  }
}

export function dataDir(env: Env = process.env, platform: NodeJS.Platform = process.platform): string {
  return perUserFolder(
    {
      override: 'AUTHDESK_DATA_DIR',
      darwin: ['Application Support'],
      // Electron uses %APPDATA% (the roaming profile); fall back like it does.
      win32: { variable: 'APPDATA', fallback: ['AppData', 'Roaming'], after: [] },
      xdg: { variable: 'XDG_CONFIG_HOME', fallback: '.config' },
    },
    env,
    platform,
  );
}

/**
 * Where the CLI keeps its compiled-code cache (cli/launcher/code-cache.ts): the OS's
 * per-user cache folder, which the OS or the user may empty at any time.
 * AUTHDESK_CACHE_DIR overrides it; AUTHDESK_CODE_CACHE=0 turns the cache off (null).
 */
export function codeCacheDir(env: Env = process.env, platform: NodeJS.Platform = process.platform): string | null {
  if (env.AUTHDESK_CODE_CACHE?.trim() === '0') return null;
  return perUserFolder(
    {
      override: 'AUTHDESK_CACHE_DIR',
      darwin: ['Caches'],
      win32: { variable: 'LOCALAPPDATA', fallback: ['AppData', 'Local'], after: ['Cache'] },
      xdg: { variable: 'XDG_CACHE_HOME', fallback: '.cache' },
    },
    env,
    platform,
  );
}

export function keychainService(env: Env = process.env): string {
  return env.AUTHDESK_KEYCHAIN_SERVICE?.trim() || APP_ID;
}

/** The files of the data folder, named once. */
export function vaultFiles(dir: string) {
  const metadata = path.join(dir, 'accounts.json');
  return { dir, metadata, backup: `${metadata}.bak`, lock: path.join(dir, '.lock') };
}
