/**
 * The backup files in `folder` once the app has no backup waiting or running.
 * An automatic backup comes 3 s after a change (core/backup/auto-backup.ts), so
 * on a slow machine one can run beside "Back up now": a test that counts files
 * must wait for it rather than read the folder halfway.
 */
import { readdirSync } from 'node:fs';
import { expect } from 'vitest';
import type { TestBridge } from './bridge';

export async function backupFilesWhenSettled(bridge: TestBridge, folder: string): Promise<string[]> {
  await expect.poll(async () => (await bridge.call('backup.status')).pending, { timeout: 15_000 }).toBe(false);
  return readdirSync(folder);
}
