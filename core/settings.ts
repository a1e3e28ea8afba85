/**
 * User preferences in `<dataDir>/settings.json`. No secrets live here, but
 * the file is still written atomically so a crash never leaves half a file.
 * A missing, unreadable or hand-edited file never stops the app: every field
 * that is not valid falls back to its default.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AppInfo } from '../common/app-info';
import { DEFAULT_SETTINGS, EDUCLOUD_PORTAL_URL, sanitizeSettings, type Settings } from '../common/settings';
import { writeFileAtomic } from './atomic-file';
import { ensureDataFolder } from './data-folder';

/**
 * The portals the guided set-up knows. Educloud (UiO) is the default because
 * that is who Authdesk is first built for; it is only a default: the person
 * can pick "Other" and enter any https:// address, stored in settings.portalUrl.
 */
export const PORTAL_PRESETS: AppInfo['portalPresets'] = [
  { id: 'educloud', name: 'Educloud (UiO)', url: EDUCLOUD_PORTAL_URL },
  { id: 'other', name: 'Other (enter URL)', url: '' },
];

export { DEFAULT_SETTINGS };

export const SETTINGS_FILE = 'settings.json';

export interface SettingsStore {
  get(): Promise<Settings>;
  /** Applies `patch`, persists, notifies listeners, and returns the whole new settings. */
  set(patch: Partial<Settings>): Promise<Settings>;
  /** Called after every successful set. Returns an unsubscribe function. */
  onChange(listener: (settings: Settings) => void): () => void;
}

export function openSettingsStore(dataDir: string): SettingsStore {
  const file = path.join(dataDir, SETTINGS_FILE);
  const listeners = new Set<(settings: Settings) => void>();
  // Writes run one after another so two quick toggles cannot interleave.
  let queue: Promise<unknown> = Promise.resolve();

  const set = async (patch: Partial<Settings>): Promise<Settings> => {
    const next = sanitizeSettings({ ...(await readSettings(file)), ...patch });
    await ensureDataFolder(dataDir); // 0700 whoever creates it first
    await writeFileAtomic(file, `${JSON.stringify(next, null, 2)}\n`);
    for (const listener of listeners) listener(next);
    return next;
  };

  return {
    get: () => readSettings(file),
    set: (patch) => {
      const result = queue.then(() => set(patch));
      queue = result.catch(() => undefined);
      return result;
    },
    onChange: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

async function readSettings(file: string): Promise<Settings> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
  try {
    return sanitizeSettings(JSON.parse(text) as unknown);
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}
