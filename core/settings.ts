/**
 * User preferences in `<dataDir>/settings.json`. No secrets live here, but
 * the file is still written atomically so a crash never leaves half a file.
 * A missing, unreadable or hand-edited file never stops the app: every field
 * that is not valid falls back to its default.
 *
 * An admin policy (core/policy.ts) lays fixed values over the stored ones:
 * get() returns the effective settings and which are managed; set() refuses
 * to change a managed one ('managed-by-policy'). The user's own choice stays
 * in the file, so it returns if the policy is lifted.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AppInfo } from '../common/app-info';
import { AuthdeskError } from '../common/errors';
import {
  DEFAULT_SETTINGS,
  EDUCLOUD_PORTAL_URL,
  isAbsoluteFolder,
  sanitizeSettings,
  type ManagedSetting,
  type Settings,
  type SettingsView,
} from '../common/settings';
import { writeFileAtomic } from './atomic-file';
import { NO_POLICY, type LoadedPolicy } from './policy';
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
  /** The effective settings (policy over stored), and which of them the policy fixes. */
  get(): Promise<SettingsView>;
  /** Applies `patch`, persists, notifies listeners, and returns the whole new settings. Refuses managed keys. */
  set(patch: Partial<Settings>): Promise<SettingsView>;
  /** Called after every successful set. Returns an unsubscribe function. */
  onChange(listener: (settings: SettingsView) => void): () => void;
}

export function openSettingsStore(dataDir: string, policy: LoadedPolicy = NO_POLICY): SettingsStore {
  const file = path.join(dataDir, SETTINGS_FILE);
  const listeners = new Set<(settings: SettingsView) => void>();
  const fixed = managedValues(policy);
  // Writes run one after another so two quick toggles cannot interleave.
  let queue: Promise<unknown> = Promise.resolve();

  const set = async (patch: Partial<Settings>): Promise<SettingsView> => {
    refuseManaged(patch, fixed, policy.file);
    if (patch.backupFolder != null && !isAbsoluteFolder(patch.backupFolder))
      throw new AuthdeskError(
        'bad-input',
        'The backup folder must be a full path (like /home/me/backups or D:\\Backups).',
      );
    const next = sanitizeSettings({ ...(await readSettings(file)), ...patch });
    await ensureDataFolder(dataDir); // 0700 whoever creates it first
    await writeFileAtomic(file, `${JSON.stringify(next, null, 2)}\n`);
    const view = withPolicy(next, fixed, policy);
    for (const listener of listeners) listener(view);
    return view;
  };

  return {
    get: async () => withPolicy(await readSettings(file), fixed, policy),
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

type Fixed = Partial<Pick<Settings, ManagedSetting>>;

/** How a refusal names each managed setting (a person reads it, not the key). */
const MANAGED_NAMES: Record<ManagedSetting, string> = {
  language: 'The language',
  portalUrl: 'The self-service portal',
  backupFolder: 'The backup folder',
  updateCheck: 'Checking for new versions',
};

/** The settings a policy fixes, with the values it fixes them to. */
function managedValues({ policy }: LoadedPolicy): Fixed {
  const fixed: Fixed = {};
  if (policy.language !== undefined) fixed.language = policy.language;
  if (policy.portalUrl !== undefined) fixed.portalUrl = policy.portalUrl;
  if (policy.backupFolder !== undefined) fixed.backupFolder = policy.backupFolder;
  // Only "disable" is a rule; a policy cannot switch a network check on for everyone.
  if (policy.disableUpdateCheck === true) fixed.updateCheck = false;
  return fixed;
}

function refuseManaged(patch: Partial<Settings>, fixed: Fixed, file: string): void {
  for (const key of Object.keys(fixed) as ManagedSetting[]) {
    // Sending the managed value back unchanged is not a change (a form may resend every field).
    if (key in patch && patch[key] !== undefined && patch[key] !== fixed[key])
      throw new AuthdeskError(
        'managed-by-policy',
        `${MANAGED_NAMES[key]} is set by your organisation's policy (${file}) and cannot be changed here.`,
      );
  }
}

function withPolicy(stored: Settings, fixed: Fixed, loaded: LoadedPolicy): SettingsView {
  return {
    ...stored,
    ...fixed,
    managed: Object.keys(fixed) as ManagedSetting[],
    policy: {
      file: loaded.found ? loaded.file : null,
      problems: [...loaded.problems],
      forbidPlainTextExport: loaded.policy.forbidPlainTextExport === true,
      requireEncryptedBackups: loaded.policy.requireEncryptedBackups === true,
      requireAppLock: loaded.policy.requireAppLock === true,
    },
  };
}
