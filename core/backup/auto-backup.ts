/**
 * Automatic local backups. After every change to the vault (the app's own
 * writes and the CLI's, both reach `vaultChanged`), it waits for a quiet
 * period (3 s: an import or a burst of renames makes one file, not twenty),
 * then writes an encrypted Authdesk backup of every account into the chosen
 * folder and keeps the newest N. It is off until a folder AND a backup
 * password are set. A failure (folder gone, disk full, read-only, keychain
 * locked) only becomes the status with its error code: the vault is never
 * touched here, it is only read. `flush()` (on quit) runs a waiting backup
 * at once. Runs are queued one after another, never two at a time.
 *
 * Plain Node (no electron): the app and the web bridge run this same code;
 * timers and the clock are injected so tests never sleep.
 */
import { AuthdeskError, toErrorValue } from '../../common/errors';
import type { BackupStatus } from '../../common/backup';
import type { Clock } from '../clock';
import type { SettingsStore } from '../settings';
import { exportAuthdeskBackup, type BackupOptions } from '../transfer/authdesk-backup';
import type { Vault } from '../vault/types';
import { readBackupState, updateBackupState, type BackupState } from './backup-state';
import type { BackupPassword } from './password';
import { backupReminder, SNOOZE_MS } from './reminder';
import { rotateBackups, writeBackupFile } from './write-backup';

export const BACKUP_DEBOUNCE_MS = 3000;

export interface BackupTimers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: BackupTimers = {
  set: (fn, ms) => setTimeout(fn, ms).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface AutoBackupOptions {
  dataDir: string;
  vault: Pick<Vault, 'exportDrafts' | 'list'>;
  settings: Pick<SettingsStore, 'get'>;
  password: BackupPassword;
  clock: Clock;
  timers?: BackupTimers;
  debounceMs?: number;
  /** Cheaper scrypt for tests only; the app writes with the format's default (N = 2^17). */
  scrypt?: BackupOptions['scrypt'];
  /** After the status changed (a backup was queued, written or failed; the password or reminder changed). */
  onStatusChange?: () => void;
}

export interface AutoBackup {
  /** The vault changed: (re)starts the quiet period; a no-op while backups are off. */
  vaultChanged(): void;
  /** "Back up now": writes a backup at once (refused while no folder or no password is set). */
  runNow(): Promise<BackupStatus>;
  /** Runs a waiting backup now and waits for any running one (on quit). */
  flush(): Promise<void>;
  /** A backup is waiting for its quiet period, queued or running (quitting must wait for it). */
  busy(): boolean;
  status(): Promise<BackupStatus>;
  setPassword(password: string): Promise<BackupStatus>;
  /**
   * Stops automatic backups: a waiting one is dropped, a running one finishes, the password is forgotten.
   * The backups already written stay in the folder (they still open with the old password).
   */
  turnOff(): Promise<BackupStatus>;
  /** Hides the reminder for a week. */
  dismissReminder(): Promise<BackupStatus>;
  /** A manual encrypted export of every account counts as a backup for the reminder. */
  recordManualBackup(): Promise<void>;
  /**
   * Stops: a waiting backup is dropped and no new one starts. Resolves once a running one has finished
   * (its file and backup-state.json written), so whoever closes can remove or move the data folder after.
   */
  close(): Promise<void>;
}

type Attempt = 'auto' | 'manual';

export function createAutoBackup(options: AutoBackupOptions): AutoBackup {
  const { dataDir, vault, settings, password, clock } = options;
  const timers = options.timers ?? realTimers;
  const debounceMs = options.debounceMs ?? BACKUP_DEBOUNCE_MS;
  const notify = () => options.onStatusChange?.();
  let timer: unknown = null;
  /** Backups queued or running (a waiting timer is `timer`). */
  let inFlight = 0;
  let closed = false;
  // One queue for backups and state-file updates: read-modify-write of backup-state.json never interleaves.
  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };

  /** The folder and password when backups are on, else null. */
  const configuration = async (): Promise<{ folder: string; password: string; keep: number } | null> => {
    const s = await settings.get();
    if (s.backupFolder === null) return null;
    const secret = await password.get();
    return secret ? { folder: s.backupFolder, password: secret, keep: s.backupKeep } : null;
  };

  const attempt = async (kind: Attempt): Promise<void> => {
    const at = clock.now();
    try {
      const config = await configuration();
      if (!config) {
        if (kind === 'manual')
          throw new AuthdeskError('bad-input', 'Choose a backup folder and set a backup password first.');
        return; // off: nothing to do, and nothing to report
      }
      const accounts = await vault.exportDrafts();
      // An empty vault (every account deleted, or a list not readable) is not backed up automatically:
      // with "keep N", N empty backups would push out the last ones that still hold accounts.
      if (accounts.length === 0 && kind === 'auto') return;
      const text = await exportAuthdeskBackup(accounts, config.password, {
        scrypt: options.scrypt,
        now: new Date(at),
      });
      const file = await writeBackupFile(config.folder, text, at);
      await rotateBackups(config.folder, config.keep);
      await updateBackupState(dataDir, (s) => ({ ...s, lastSuccessAt: at, lastFile: file, lastError: null }));
    } catch (err) {
      const { code, message } = toErrorValue(err);
      await updateBackupState(dataDir, (s) => ({ ...s, lastError: { code, message, at } })).catch(() => undefined);
      if (kind === 'manual') throw err;
    }
  };

  const runQueued = async (kind: Attempt): Promise<void> => {
    inFlight++;
    notify();
    try {
      await enqueue(() => attempt(kind));
    } finally {
      inFlight--;
      notify();
    }
  };

  const status = async (): Promise<BackupStatus> => {
    const [s, stored, passwordSet, count] = await Promise.all([
      settings.get(),
      readBackupState(dataDir),
      password.isSet().catch(() => false),
      vault.list().then(
        (list) => list.length,
        () => 0,
      ),
    ]);
    let state = stored;
    // The first time accounts are seen with no backup: the reminder's clock starts now.
    if (count > 0 && state.accountsSince === null && state.lastSuccessAt === null) {
      const at = clock.now();
      state = await enqueue(() =>
        updateBackupState(dataDir, (st) => ({ ...st, accountsSince: st.accountsSince ?? at })),
      ).catch(() => state);
    }
    return toStatus(s.backupFolder, s.backupKeep, passwordSet, state, count);
  };

  const toStatus = (
    folder: string | null,
    keep: number,
    passwordSet: boolean,
    state: BackupState,
    accounts: number,
  ): BackupStatus => ({
    folder,
    passwordSet,
    enabled: folder !== null && passwordSet,
    keep,
    lastSuccessAt: state.lastSuccessAt,
    lastFile: state.lastFile,
    lastError: state.lastError,
    pending: timer !== null || inFlight > 0,
    reminder: backupReminder({
      now: clock.now(),
      lastSuccessAt: state.lastSuccessAt,
      accountsSince: state.accountsSince,
      accounts,
      dismissedUntil: state.reminderDismissedUntil,
    }),
  });

  return {
    vaultChanged() {
      if (closed) return;
      if (timer !== null) timers.clear(timer);
      timer = timers.set(() => {
        timer = null;
        void runQueued('auto');
      }, debounceMs);
      notify();
    },
    async runNow() {
      if (timer !== null) {
        timers.clear(timer);
        timer = null;
      }
      await runQueued('manual');
      return status();
    },
    async flush() {
      if (timer !== null) {
        timers.clear(timer);
        timer = null;
        await runQueued('auto');
      }
      await queue;
    },
    busy: () => timer !== null || inFlight > 0,
    status,
    async setPassword(next) {
      await password.set(next);
      notify();
      return status();
    },
    async turnOff() {
      if (timer !== null) timers.clear(timer);
      timer = null;
      await queue;
      await password.clear();
      notify();
      return status();
    },
    async dismissReminder() {
      const until = clock.now() + SNOOZE_MS;
      await enqueue(() => updateBackupState(dataDir, (s) => ({ ...s, reminderDismissedUntil: until })));
      notify();
      return status();
    },
    async recordManualBackup() {
      const at = clock.now();
      await enqueue(() => updateBackupState(dataDir, (s) => ({ ...s, lastSuccessAt: at })));
      notify();
    },
    async close() {
      closed = true;
      if (timer !== null) timers.clear(timer);
      timer = null;
      // A status() read still under way may queue one more state write: wait until the queue stays put.
      for (let last: unknown = null; last !== queue;) {
        last = queue;
        await queue;
      }
    },
  };
}
