/** The data folder's cross-process lock: real files, real processes, injected time (no sleeping). */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLock, processAlive, withLock } from '../../core/lock';
import { fixedClock } from '../../core/clock';
import { AuthdeskError } from '../../common/errors';

let dir: string;
let lockPath: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'authdesk-lock-'));
  lockPath = path.join(dir, '.lock');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A sleep that only moves the fake clock, and counts how often it was asked to wait. */
function fakeTime(startMs = 1_000_000) {
  const clock = fixedClock(startMs);
  const waits: number[] = [];
  return { clock, waits, sleep: async (ms: number) => void (waits.push(ms), clock.advance(ms)) };
}

/** The pid of a process that really existed and was killed with SIGKILL. */
async function pidOfKilledProcess(): Promise<number> {
  const child = spawn('sleep', ['30'], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('spawn', resolve));
  const pid = child.pid!;
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
  return pid;
}

const record = (pid: number, hostname = os.hostname(), time = Date.now()) =>
  JSON.stringify({ pid, hostname, time, token: 'someone-else' });

describe('withLock', () => {
  it('creates the lock file with our pid while running and removes it afterwards', async () => {
    const seen = await withLock(
      lockPath,
      async () => JSON.parse(readFileSync(lockPath, 'utf8')) as { pid: number; hostname: string },
    );
    expect(seen.pid).toBe(process.pid);
    expect(seen.hostname).toBe(os.hostname());
    expect(existsSync(lockPath)).toBe(false);
  });

  it('releases the lock when the work throws', async () => {
    await expect(withLock(lockPath, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(existsSync(lockPath)).toBe(false);
  });

  it('takes over at once a lock left by a process killed with SIGKILL', async () => {
    writeFileSync(lockPath, record(await pidOfKilledProcess()));
    const t = fakeTime();
    const ran = await withLock(lockPath, async () => 'ran', t);
    expect(ran).toBe('ran');
    expect(t.waits).toEqual([]); // no waiting at all, not even one retry
    expect(readdirSync(dir)).toEqual([]); // nothing left behind
  });

  it('waits for a live holder and gives up with vault-locked after the bound', async () => {
    const holder = spawn('sleep', ['30'], { stdio: 'ignore' });
    await new Promise((resolve) => holder.once('spawn', resolve));
    try {
      writeFileSync(lockPath, record(holder.pid!));
      const t = fakeTime();
      const err = await acquireLock(lockPath, { ...t, timeoutMs: 5_000 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AuthdeskError);
      expect((err as AuthdeskError).code).toBe('vault-locked');
      expect((err as AuthdeskError).message).toContain(`process ${holder.pid}`);
      expect(t.waits.length).toBeGreaterThan(3); // it did retry ...
      expect(t.clock.now() - 1_000_000).toBeGreaterThanOrEqual(5_000); // ... for the whole bound
      expect(JSON.parse(readFileSync(lockPath, 'utf8')).pid).toBe(holder.pid); // and left the holder's lock alone
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('gets the lock as soon as a live holder releases it', async () => {
    const release = await acquireLock(lockPath);
    const t = fakeTime();
    const waiting = acquireLock(lockPath, {
      ...t,
      sleep: async (ms) => {
        await t.sleep(ms);
        if (t.waits.length === 2) await release(); // the holder finishes while we wait
      },
    });
    const second = await waiting;
    expect(t.waits.length).toBe(2);
    expect(JSON.parse(readFileSync(lockPath, 'utf8')).pid).toBe(process.pid);
    await second();
    expect(existsSync(lockPath)).toBe(false);
  });

  it('treats an empty lock (holder died between create and write) as stale only after a grace period', async () => {
    writeFileSync(lockPath, '');
    const t = fakeTime(Date.now());
    // Fresh empty file: someone is writing their record right now.
    await expect(acquireLock(lockPath, { ...t, timeoutMs: 500 })).rejects.toMatchObject({ code: 'vault-locked' });
    const old = (Date.now() - 10_000) / 1000;
    utimesSync(lockPath, old, old);
    const release = await acquireLock(lockPath, { timeoutMs: 500 });
    await release();
    expect(existsSync(lockPath)).toBe(false);
  });

  it('does not remove a lock that someone else took over', async () => {
    const release = await acquireLock(lockPath);
    writeFileSync(lockPath, record(process.pid));
    await release();
    expect(existsSync(lockPath)).toBe(true);
  });

  it('never lets two holders in at once, across many contenders', async () => {
    let inside = 0;
    let maxInside = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        withLock(lockPath, async () => {
          inside++;
          maxInside = Math.max(maxInside, inside);
          await new Promise((resolve) => setImmediate(resolve));
          order.push(i);
          inside--;
        }),
      ),
    );
    expect(maxInside).toBe(1);
    expect(order.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });
});

describe('processAlive', () => {
  it('knows our own process is alive and a killed one is not', async () => {
    expect(processAlive(process.pid)).toBe(true);
    expect(processAlive(await pidOfKilledProcess())).toBe(false);
  });
});
