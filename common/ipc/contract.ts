/**
 * The one contract between the renderer and main. Every channel is declared
 * here once: its name (`group.action`), its input schema (zod, checked in main
 * before a handler runs) and its result type. The preload, the main-side
 * registry, the renderer's client and the test bridge all derive from this
 * object, so a channel cannot exist on one side only.
 *
 * Nothing here may import `electron` or Node: the renderer imports its types.
 */
import * as z from 'zod';
import type { AccountMeta, AccountPreview, CodeResult } from '../otp/types';
import { DEFAULTS } from '../otp/vocabulary';
import {
  algorithmSchema,
  anyDigitsSchema,
  counterSchema,
  labelSchema as label,
  otpTypeSchema,
  periodSchema,
} from '../otp/schemas';
import type { ErrorValue } from '../errors';
import type { AppInfo, DisplayInfo, UpdateCheckResult } from '../app-info';
import {
  settingsPatchSchema,
  type Language,
  type ManagedSetting,
  type PolicyView,
  type Settings,
  type SettingsView,
} from '../settings';
import type { RecoveryNotice, TrashEntry, VaultProblem } from '../vault-problems';
import type { ClockStatus, CopyResult, DesktopStatus, LockState } from '../desktop';
import type { ImportFormatView, ImportStep } from '../transfer-import';
import {
  EXPORT_FILE_FORMATS,
  type AccountQr,
  type ExportQrCodes,
  type ExportWritten,
  type VerifyChosen,
  type VerifyView,
} from '../transfer-export';
import { BACKUP_PASSWORD_MIN, type BackupStatus } from '../backup';

export type {
  AppInfo,
  DisplayInfo,
  UpdateCheckResult,
  Language,
  ManagedSetting,
  PolicyView,
  Settings,
  SettingsView,
  ClockStatus,
  CopyResult,
  DesktopStatus,
  LockState,
  RecoveryNotice,
  TrashEntry,
  VaultProblem,
  ImportFormatView,
  ImportStep,
  AccountQr,
  ExportQrCodes,
  ExportWritten,
  VerifyChosen,
  VerifyView,
  BackupStatus,
};

/** Declares a channel: `channel<Result>()(inputSchema)`. The result type is compile-time only. */
const channel =
  <Result>() =>
  <Input extends z.ZodType>(input: Input) => ({ input, result: undefined as unknown as Result });

const none = z.object({}).strict();
const id = z.string().min(1).max(64);
const importToken = z.string().min(1).max(64);
const importFormat = z.string().min(1).max(32);

/**
 * A secret typed by hand (the "enter a key manually" form). Validated again by
 * core, which applies the chosen type's digit range (a Steam entry's digits
 * are ignored: Steam codes are always 5 characters).
 */
export const manualEntrySchema = z
  .object({
    issuer: label,
    name: label,
    secret: z.string().min(1).max(512),
    type: otpTypeSchema.default(DEFAULTS.type),
    algorithm: algorithmSchema.default(DEFAULTS.algorithm),
    digits: anyDigitsSchema.default(DEFAULTS.digits),
    period: periodSchema.optional(),
    counter: counterSchema.optional(),
  })
  .strict();

export type PreviewResult =
  /** An otpauth key: `token` names the parsed draft that main keeps until save/discard. */
  | { kind: 'otp'; token: string; account: AccountPreview; duplicateOf: string | null }
  /** A QR code that is no authenticator key (web link, Wi-Fi, plain text, ...). */
  | { kind: 'not-otp'; what: 'web-link' | 'wifi' | 'text' | 'migration'; message: string }
  /** A Google Authenticator transfer code: main adds it to the open batch (transfer.import* carry on). */
  | { kind: 'transfer'; step: Extract<ImportStep, { status: 'preview' }> };

export const contract = {
  'accounts.list': channel<AccountMeta[]>()(none),
  'accounts.add': channel<AccountMeta>()(
    z.union([
      z.object({ uri: z.string().min(1).max(4096) }).strict(),
      z.object({ manual: manualEntrySchema }).strict(),
    ]),
  ),
  'accounts.rename': channel<AccountMeta>()(z.object({ id, issuer: label, name: label }).strict()),
  'accounts.remove': channel<void>()(z.object({ id }).strict()),
  'accounts.reorder': channel<void>()(z.object({ ids: z.array(id).max(100_000) }).strict()),
  /** Changes an account's code parameters; the keychain's self-describing copy follows. */
  'accounts.updateParams': channel<AccountMeta>()(
    z
      .object({
        id,
        algorithm: algorithmSchema.optional(),
        digits: anyDigitsSchema.optional(),
        period: periodSchema.optional(),
      })
      .strict(),
  ),
  /** Pinned accounts come first in the list, the tray and the quick-pick. */
  'accounts.pin': channel<AccountMeta>()(z.object({ id, pinned: z.boolean() }).strict()),

  /** Current and next codes of time-based accounts (all, or the given ids). HOTP accounts are left out. */
  'codes.current': channel<CodeResult[]>()(z.object({ ids: z.array(id).max(100_000).optional() }).strict()),
  /** Advances a HOTP counter (persisted first) and returns the new code. */
  'codes.nextHotp': channel<CodeResult>()(z.object({ id }).strict()),
  /** Main computes the code and writes it to the clipboard (concealed from clipboard history), cleared later. */
  'codes.copy': channel<CopyResult>()(z.object({ id }).strict()),

  /** Parses a decoded QR text / pasted link in main; returns a preview without the secret. */
  'enroll.preview': channel<PreviewResult>()(z.object({ text: z.string().min(1).max(8192) }).strict()),
  'enroll.save': channel<AccountMeta>()(
    z.object({ token: z.string().min(1).max(64), issuer: label.optional(), name: label.optional() }).strict(),
  ),
  'enroll.discard': channel<void>()(z.object({ token: z.string().min(1).max(64) }).strict()),

  /** Drift problems, and `recovered` when accounts.json was restored from its backup (until acknowledged). */
  'vault.status': channel<{ problems: VaultProblem[]; recovered: RecoveryNotice | null }>()(none),
  /** orphan-secret: 'restore' re-creates the account; missing-secret: 'forget' drops the dead entry. */
  'vault.repair': channel<void>()(z.object({ id, action: z.enum(['restore', 'forget']) }).strict()),
  /** Restores every orphan keychain item (the account list was lost); returns the restored ids. */
  'vault.restoreAll': channel<string[]>()(none),
  /** The user has read the `recovered` notice. */
  'vault.acknowledge': channel<void>()(none),
  /** Deleted accounts kept for 30 days (metadata only). */
  'vault.trash': channel<TrashEntry[]>()(none),
  /** Brings a deleted account back, secret included. */
  'vault.undelete': channel<AccountMeta>()(z.object({ id }).strict()),
  /** Asks the keychain to show its OWN unlock prompt (the app never sees the password); false if dismissed. */
  'vault.unlockKeychain': channel<{ unlocked: boolean }>()(none),

  'settings.get': channel<SettingsView>()(none),
  'settings.set': channel<SettingsView>()(settingsPatchSchema),

  'app.info': channel<AppInfo>()(none),
  /** Opens the configured enrollment portal (settings.portalUrl) in the default browser. The renderer names no URL. */
  'app.openPortal': channel<void>()(none),
  /** Opens the download page of the newer release the last app.checkUpdate found. The renderer names no URL. */
  'app.openDownload': channel<void>()(none),
  /** Moves the window out of the way before a screen capture, and back after. */
  'app.stepAside': channel<void>()(none),
  'app.comeBack': channel<void>()(none),
  /** Every display, in the order main hands out screen captures within one round. */
  'app.displays': channel<DisplayInfo[]>()(none),
  /** Asks the release feed for a newer version (only when settings.updateCheck is on and no policy forbids it). */
  'app.checkUpdate': channel<UpdateCheckResult>()(none),

  // Everyday desktop use: app lock, clock check, shortcut status, quick-pick.
  'app.lock': channel<LockState>()(none),
  /** password for settings.appLock 'password'; nothing for 'os' (main asks the OS). */
  'app.unlock': channel<LockState>()(z.object({ password: z.string().min(1).max(1024).optional() }).strict()),
  'app.lockState': channel<LockState>()(none),
  /** Sets (or changes: `current` required then) the app-lock password; only its scrypt hash is stored. */
  'app.setLockPassword': channel<LockState>()(
    z.object({ password: z.string().min(8).max(1024), current: z.string().max(1024).optional() }).strict(),
  ),
  /** Compares this computer's clock with an HTTPS server's Date header, now. */
  'app.checkClock': channel<ClockStatus>()(none),
  /** The global shortcut and the last clock check, for the settings page and banners. */
  'app.desktopStatus': channel<DesktopStatus>()(none),
  /** The quick-pick window hides itself (Esc, or after a copy). */
  'app.closeQuickPick': channel<void>()(none),

  // Import from another app's file or a Google Authenticator transfer code (issue 10). Main keeps the
  // file or batch under `token`; results carry labels and parameters, never a secret.
  /** The formats the "Format" select offers. */
  'transfer.importFormats': channel<ImportFormatView[]>()(none),
  /** Main shows the open dialog, reads the chosen file (size-limited) and parses it; `format` skips detection. */
  'transfer.importFile': channel<ImportStep>()(z.object({ format: importFormat.optional() }).strict()),
  /** Parses the held file again: with the password the user typed, or another format. */
  'transfer.importRetry': channel<ImportStep>()(
    z
      .object({ token: importToken, format: importFormat.optional(), password: z.string().min(1).max(1024).optional() })
      .strict(),
  ),
  /** Writes the items at `include` (preview indexes), all or nothing; returns the accounts added. */
  'transfer.importCommit': channel<AccountMeta[]>()(
    z.object({ token: importToken, include: z.array(z.number().int().min(0).max(1_000_000)).max(100_000) }).strict(),
  ),
  'transfer.importDiscard': channel<void>()(z.object({ token: importToken }).strict()),

  // Export & back up (issue 10): main opens the save/open dialogs, reads the vault and writes the file
  // (new, 0600). Results carry paths, counts and labels; only the QR codes' PNG images encode secrets.
  /** Writes every account to a new file in `format`; encrypted formats need the password (typed twice). */
  'transfer.exportFile': channel<ExportWritten>()(
    z.object({ format: z.enum(EXPORT_FILE_FORMATS), password: z.string().min(8).max(1024).optional() }).strict(),
  ),
  /** Google Authenticator transfer QR codes as PNG data URLs; the window is content-protected from now on. */
  'transfer.exportQrCodes': channel<ExportQrCodes>()(none),
  /** One account's otpauth QR code, for a phone, after the user confirmed "show secret"; protection on from now. */
  'transfer.accountQr': channel<AccountQr>()(z.object({ id }).strict()),
  /** The QR codes (or an account's code) left the screen: content protection goes back to the setting. */
  'transfer.qrHidden': channel<void>()(none),
  /** The printable recovery sheet (every secret in clear, as QR code and text), in `language`, to a new file. */
  'transfer.exportSheet': channel<ExportWritten>()(z.object({ language: z.enum(['en', 'nb']) }).strict()),
  /** Main shows the open dialog for a backup to verify and keeps its path under a token. */
  'transfer.verifyChoose': channel<VerifyChosen>()(none),
  /** Opens the chosen backup with `password` and compares it with the vault entry by entry. */
  'transfer.verifyBackup': channel<VerifyView>()(
    z.object({ token: importToken, password: z.string().min(1).max(1024).optional() }).strict(),
  ),
  // Automatic local backups (issue 10). The backup password goes in and never comes back: status says only
  // whether one is set. The keep count is the setting backupKeep (settings.set).
  /** Folder, password set or not, last success, last failure (error code), and whether the reminder is due. */
  'backup.status': channel<BackupStatus>()(none),
  /** Main shows the folder dialog and stores the choice as settings.backupFolder (refused when the policy fixes it). */
  'backup.chooseFolder': channel<BackupStatus>()(none),
  /** Sets or replaces the backup password (kept in the OS keychain). */
  'backup.setPassword': channel<BackupStatus>()(
    z.object({ password: z.string().min(BACKUP_PASSWORD_MIN).max(1024) }).strict(),
  ),
  /** Writes a backup at once; fails with the cause (folder gone, disk full, read-only, keychain locked). */
  'backup.runNow': channel<BackupStatus>()(none),
  /** Stops automatic backups (forgets the password; written backups stay); refused when the policy sets the folder. */
  'backup.turnOff': channel<BackupStatus>()(none),
  /** Hides the "no backup for N days" reminder for a week. */
  'backup.dismissReminder': channel<BackupStatus>()(none),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type ResultOf<C extends Channel> = Contract[C]['result'];

/** How every call comes back across the boundary: never a thrown stack trace. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ErrorValue };

export { events, type EventName } from './api-shape';
import type { EventName } from './api-shape';

type GroupOf<C> = C extends `${infer G}.${string}` ? G : never;
type ActionOf<C> = C extends `${string}.${infer A}` ? A : never;
type Group = GroupOf<Channel>;

type Call<C extends Channel> =
  {} extends InputOf<C>
    ? (input?: InputOf<C>) => Promise<Outcome<ResultOf<C>>>
    : (input: InputOf<C>) => Promise<Outcome<ResultOf<C>>>;

/** `window.authenticator`: one function per channel, grouped (`authenticator.accounts.list()`), plus event subscriptions. */
export type AuthenticatorApi = {
  [G in Group]: { [C in Channel as GroupOf<C> extends G ? ActionOf<C> : never]: Call<C> };
} & {
  events: { [E in EventName as `on${Capitalize<E>}`]: (listener: () => void) => () => void };
};

export const channels = Object.keys(contract) as Channel[];

export { buildApi } from './api-shape';
