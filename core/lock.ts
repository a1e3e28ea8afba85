/**
 * A cross-process write lock for the data folder: the app and the CLI may run
 * at the same time, and each write is read-modify-write of accounts.json, so
 * two writers must never interleave.
 *
 * The lock is a file created with O_EXCL that names its holder (pid, host,
 * time). Why pid-based and not age-based: a writer killed with SIGKILL (or a
 * crash, or a power cut) cannot remove its lock, and the next `authdesk`
 * run must not be blocked by it. A lock whose process is gone (kill(pid, 0)
 * fails with ESRCH) is stale and taken over at once, without waiting for
 * any timeout. Only a lock from another host (a shared folder) falls back to
 * its age, because we cannot ask that host about its processes.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs, constants as fsc } from 'node:fs';
import os from 'node:os';
import { fileSystemError } from '../common/fs-errors';
import { AuthdeskError } from '../common/errors';
import { systemClock, type Clock } from './clock';

export interface LockOptions {
  /** How long to wait for a live holder before giving up with 'vault-locked'. */
  timeoutMs?: number;
  clock?: Clock;
  /** Injected so tests pass time without sleeping. */
  sleep?: (ms: number) => Promise<void>;
}

interface Holder {
  pid: number;
  hostname: string;
  time: number;
  token: string;
}

const DEFAULT_TIMEOUT_MS = 5_000;
/** A holder writes its record right after creating the file; an empty lock older than this was abandoned mid-create. */
const EMPTY_LOCK_GRACE_MS = 2_000;
/** Writes take milliseconds; a lock from another host this old is abandoned. */
const FOREIGN_LOCK_MAX_AGE_MS = 60_000;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `fn` while holding the lock file at `lockPath`; always releases it. */
export async function withLock<T>(lockPath: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const release = await acquireLock(lockPath, options);
  try {
    return await fn();
  } finally {
    await release();
  }
}

export async function acquireLock(lockPath: string, options: LockOptions = {}): Promise<() => Promise<void>> {
  const clock = options.clock ?? systemClock;
  const sleep = options.sleep ?? realSleep;
  const deadline = clock.now() + (options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const me: Holder = {
    pid: process.pid,
    hostname: os.hostname(),
    time: clock.now(),
    token: randomBytes(8).toString('hex'),
  };
  let delay = 10;
  for (;;) {
    if (await tryCreate(lockPath, me)) return () => release(lockPath, me.token);
    const holder = await readHolder(lockPath);
    if (holder === 'gone') continue; // released between our two calls: try again at once
    if (isStale(holder, clock.now())) {
      await takeOver(lockPath, holder);
      continue;
    }
    if (clock.now() >= deadline) {
      const who = holder.pid > 0 && holder.pid !== process.pid ? ` (process ${holder.pid})` : '';
      throw new AuthdeskError(
        'vault-locked',
        `Another Authdesk${who} is changing your accounts right now. Nothing was changed: try again in a moment.`,
      );
    }
    // Jitter keeps two waiters from retrying in lockstep.
    await sleep(delay + Math.floor(Math.random() * delay));
    delay = Math.min(delay * 2, 100);
  }
}

async function tryCreate(lockPath: string, me: Holder): Promise<boolean> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(lockPath, fsc.O_CREAT | fsc.O_EXCL | fsc.O_WRONLY, 0o600);
  } catch (err) {
    if (errno(err) === 'EEXIST') return false;
    const specific = fileSystemError(err, `create its lock file ${lockPath}`);
    if (specific) throw specific;
    throw new AuthdeskError(
      'vault-locked',
      `Authdesk cannot create its lock file ${lockPath} (${errno(err) ?? 'unknown error'}). Nothing was changed.`,
      { cause: err },
    );
  }
  try {
    await handle.writeFile(JSON.stringify(me));
  } catch (err) {
    // A full disk: take our empty lock file away again instead of leaving it for the grace period.
    await handle.close().catch(() => undefined);
    await fs.rm(lockPath, { force: true }).catch(() => undefined);
    throw fileSystemError(err, `write its lock file ${lockPath}`) ?? err;
  } finally {
    await handle.close().catch(() => undefined);
  }
  return true;
}

/** The current holder ('gone' when there is no lock). A record not written yet reads as pid 0, timed at the file's mtime. */
async function readHolder(lockPath: string): Promise<Holder | 'gone'> {
  let text: string;
  let mtimeMs: number;
  try {
    [text, { mtimeMs }] = await Promise.all([fs.readFile(lockPath, 'utf8'), fs.stat(lockPath)]);
  } catch (err) {
    if (errno(err) === 'ENOENT') return 'gone';
    throw err;
  }
  return parseHolder(text) ?? { pid: 0, hostname: '', time: mtimeMs, token: '' };
}

function parseHolder(text: string): Holder | null {
  try {
    const v = JSON.parse(text) as Partial<Holder>;
    if (
      typeof v.pid === 'number' &&
      typeof v.hostname === 'string' &&
      typeof v.time === 'number' &&
      typeof v.token === 'string'
    )
      return v as Holder;
  } catch {
    /* fall through: a record being written, or garbage */
  }
  return null;
}

function isStale(holder: Holder, now: number): boolean {
  if (holder.pid === 0) return now - holder.time > EMPTY_LOCK_GRACE_MS;
  if (holder.hostname !== os.hostname()) return now - holder.time > FOREIGN_LOCK_MAX_AGE_MS;
  return !processAlive(holder.pid);
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else. Only ESRCH means gone.
    return errno(err) !== 'ESRCH';
  }
}

/**
 * Removes a stale lock without ever removing a fresh one: rename is atomic, so
 * exactly one contender moves the file aside; it then checks that what it moved
 * is the stale record it judged. If another contender had already replaced it
 * with a live lock in between, that lock is put back.
 */
async function takeOver(lockPath: string, stale: Holder): Promise<void> {
  const aside = `${lockPath}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await fs.rename(lockPath, aside);
  } catch (err) {
    if (errno(err) === 'ENOENT') return; // another contender took it over first
    throw err;
  }
  const moved = parseHolder(await fs.readFile(aside, 'utf8').catch(() => ''));
  const sameRecord = moved === null ? stale.pid === 0 : moved.token === stale.token && moved.pid === stale.pid;
  if (sameRecord) {
    await fs.rm(aside, { force: true });
    return;
  }
  // We moved a live lock: put it back unless yet another lock appeared meanwhile.
  try {
    await fs.link(aside, lockPath);
  } catch {
    /* a new lock exists: the moved holder will find its token missing on release */
  }
  await fs.rm(aside, { force: true });
}

async function release(lockPath: string, token: string): Promise<void> {
  // Only remove our own record: never a lock someone else took over.
  const holder = parseHolder(await fs.readFile(lockPath, 'utf8').catch(() => ''));
  if (holder?.token === token) await fs.rm(lockPath, { force: true });
}

function errno(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | undefined)?.code;
}
