/**
 * Every user setting, declared once: its schema (what values are allowed) and
 * its default. The settings file is sanitised field by field with these
 * schemas, the `settings.set` channel accepts a partial object of them, and the
 * renderer's settings page reads the same types. No secrets live in settings.
 */
import * as z from 'zod';

export const LANGUAGES = ['en', 'nb'] as const;
export type Language = (typeof LANGUAGES)[number];

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** How the app lock unlocks: off, a password of the app's own, or the OS (Touch ID / Windows Hello). */
export const APP_LOCK_KINDS = ['off', 'password', 'os'] as const;
export type AppLockKind = (typeof APP_LOCK_KINDS)[number];

/** Educloud (UiO) is the first portal Authdesk is built for; any https portal can be set instead. */
export const EDUCLOUD_PORTAL_URL = 'https://selfservice.educloud.no/';

/** A full path on any OS the app runs on (checked without node:path: common/ runs in the renderer too). */
export function isAbsoluteFolder(value: string): boolean {
  return value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value) || value.startsWith('\\\\');
}

export const settingsFields = {
  /** Hide the window from screen capture and screen sharing. */
  contentProtection: z.boolean(),
  /** null follows the OS language. */
  language: z.enum(LANGUAGES).nullable(),
  /** The self-service portal the guided set-up opens (https only). */
  portalUrl: z.url({ protocol: /^https$/ }).max(2048),
  theme: z.enum(THEMES),
  /** Show the next code beside the current one in the list. */
  showNextCode: z.boolean(),
  /** Larger digits in the list (reading at a distance, low vision). */
  largeDigits: z.boolean(),
  /** Seconds after which a copied code is cleared from the clipboard; 0 = never. */
  clipboardClearSeconds: z.number().int().min(0).max(600),
  /** Electron accelerator of the quick-pick shortcut; '' = no shortcut. */
  shortcut: z.string().max(64),
  /** Closing the window keeps Authdesk in the tray / menu bar. */
  closeToTray: z.boolean(),
  /** Set once the user was told that closing keeps the app in the tray. */
  closeToTrayExplained: z.boolean(),
  startAtLogin: z.boolean(),
  appLock: z.enum(APP_LOCK_KINDS),
  /** Minutes of inactivity before the app locks itself; 0 = never (it still locks on screen lock and suspend). */
  autoLockMinutes: z.number().int().min(0).max(1440),
  /** Compare the PC clock with an HTTPS server's Date header on start and every few hours. */
  clockCheck: z.boolean(),
  /** Shift codes by the measured clock offset (shown in the UI while on). */
  applyClockOffset: z.boolean(),
  /** Opt-in: look for a newer release at start (off by default; an admin policy can forbid it). */
  updateCheck: z.boolean(),
  /** Where backups go (an absolute path); null asks each time. */
  backupFolder: z.string().min(1).max(4096).refine(isAbsoluteFolder, 'must be a full path').nullable(),
  /** How many automatic backups stay in the backup folder (older ones of ours are deleted). */
  backupKeep: z.number().int().min(1).max(100),
};

export const settingsSchema = z.object(settingsFields);
export type Settings = z.infer<typeof settingsSchema>;

/** What `settings.set` accepts: any subset of the fields, nothing else. */
export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = {
  contentProtection: true,
  language: null,
  portalUrl: EDUCLOUD_PORTAL_URL,
  theme: 'system',
  showNextCode: false,
  largeDigits: false,
  clipboardClearSeconds: 30,
  shortcut: 'CommandOrControl+Alt+A',
  closeToTray: true,
  closeToTrayExplained: false,
  startAtLogin: false,
  appLock: 'off',
  autoLockMinutes: 5,
  clockCheck: true,
  applyClockOffset: false,
  updateCheck: false,
  backupFolder: null,
  backupKeep: 10,
};

/** Keeps each valid field, replaces each missing or invalid one with its default (a hand-edited file never stops the app). */
export function sanitizeSettings(raw: unknown): Settings {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(settingsFields)) {
    const parsed = schema.safeParse(Object.hasOwn(r, key) ? r[key] : undefined);
    out[key] = parsed.success ? parsed.data : DEFAULT_SETTINGS[key as keyof Settings];
  }
  return out as Settings;
}

/** Settings an admin policy file can fix (docs/policy.schema.json); settings.set refuses to change them. */
export type ManagedSetting = 'language' | 'portalUrl' | 'backupFolder' | 'updateCheck';

/** The machine's policy as the UI needs it: where it came from, what is wrong with it, what it demands. */
export interface PolicyView {
  /** The policy file in force, or null when there is none. */
  file: string | null;
  /** One sentence per fault in that file (shown to the user). */
  problems: string[];
  forbidPlainTextExport: boolean;
  requireEncryptedBackups: boolean;
  requireAppLock: boolean;
}

/** What settings.get/set return: the effective settings, and which of them the policy fixes. */
export interface SettingsView extends Settings {
  managed: ManagedSetting[];
  policy: PolicyView;
}
