/**
 * What Authdesk remembers about backups between runs, in
 * `<dataDir>/backup-state.json` (no secret, written atomically): the last
 * success (automatic or a manual export), the last automatic failure, and
 * until when the reminder is dismissed. A missing or damaged file is
 * "never backed up", which at worst shows the reminder once too often.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';
import type { ErrorCode } from '../../common/errors';
import { writeFileAtomic } from '../atomic-file';
import { ensureDataFolder } from '../data-folder';

export const BACKUP_STATE_FILE = 'backup-state.json';

const time = z.number().int().min(0).max(8.64e15);
const stateSchema = z.object({
  // Each field falls back on its own (.catch), so one bad value does not lose the rest.
  lastSuccessAt: time.nullable().catch(null),
  lastFile: z.string().max(255).nullable().catch(null),
  lastError: z
    .object({
      // Written by us from an ErrorCode; a hand-edited unknown code only loses its translation (the sentence stays).
      code: z
        .string()
        .max(64)
        .transform((c) => c as ErrorCode),
      message: z.string().max(2000),
      at: time,
    })
    .nullable()
    .catch(null),
  reminderDismissedUntil: time.nullable().catch(null),
  /** When accounts were first seen (the reminder's start when there never was a backup). */
  accountsSince: time.nullable().catch(null),
});
export type BackupState = z.infer<typeof stateSchema>;

const EMPTY: BackupState = {
  lastSuccessAt: null,
  lastFile: null,
  lastError: null,
  reminderDismissedUntil: null,
  accountsSince: null,
};

export async function readBackupState(dataDir: string): Promise<BackupState> {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(await readFile(path.join(dataDir, BACKUP_STATE_FILE), 'utf8')));
    return parsed.success ? parsed.data : { ...EMPTY };
  } catch {
    return { ...EMPTY };
  }
}

/** Read, change, write. Callers in one process queue their updates (AutoBackup does). */
export async function updateBackupState(
  dataDir: string,
  change: (state: BackupState) => BackupState,
): Promise<BackupState> {
  const next = change(await readBackupState(dataDir));
  await ensureDataFolder(dataDir);
  await writeFileAtomic(path.join(dataDir, BACKUP_STATE_FILE), `${JSON.stringify(next, null, 2)}\n`);
  return next;
}

/** A backup of every account was written (an automatic one, or an encrypted export the person made). */
export function recordBackupSuccess(dataDir: string, at: number, file: string | null = null): Promise<BackupState> {
  return updateBackupState(dataDir, (s) => ({ ...s, lastSuccessAt: at, lastFile: file ?? s.lastFile }));
}
