/**
 * A private X server for screen-capture tests: Xvfb on a free display
 * (:90–:99), 1920x1080x24 by default, and ImageMagick `display` windows to put
 * pictures on it at exact positions. There is no window manager, so a window
 * lands exactly where its -geometry says, without decorations.
 *
 * Waiting here is for a condition (server answering, window painted), polled
 * briefly; nothing sleeps to let time pass.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';

export interface ShownImage {
  title: string;
  close(): Promise<void>;
}

export interface XServer {
  /** ":93" */
  display: string;
  width: number;
  height: number;
  /** Environment for child processes that should draw on this server. */
  env: NodeJS.ProcessEnv;
  /** Shows a picture at (x, y), returns once it is mapped and painted. */
  show(file: string, at: { x: number; y: number }): Promise<ShownImage>;
  stop(): Promise<void>;
}

const FIRST = 90;
const LAST = 99;

function displayTaken(n: number): boolean {
  return existsSync(`/tmp/.X11-unix/X${n}`) || existsSync(`/tmp/.X${n}-lock`);
}

/** Polls `check` every `everyMs` until it returns true, or fails with `what` after `timeoutMs`. */
export async function waitFor(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
  everyMs = 25,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function kill(child: ChildProcess): Promise<void> {
  const done = exited(child);
  child.kill('SIGTERM');
  await done;
}

export async function startXvfb(
  size: { width: number; height: number } = { width: 1920, height: 1080 },
): Promise<XServer> {
  for (let n = FIRST; n <= LAST; n++) {
    if (displayTaken(n)) continue;
    const display = `:${n}`;
    const server = spawn('Xvfb', [display, '-screen', '0', `${size.width}x${size.height}x24`, '-nolisten', 'tcp'], {
      stdio: 'ignore',
    });
    const env = { ...process.env, DISPLAY: display };
    let died = false;
    server.once('exit', () => (died = true));
    try {
      await waitFor(
        `Xvfb ${display}`,
        () => died || spawnSync('xdpyinfo', ['-display', display], { stdio: 'ignore' }).status === 0,
        10_000,
      );
    } catch {
      await kill(server);
      continue;
    }
    // Another process took the number between our check and Xvfb's start: try the next one.
    if (died) continue;
    const windows = new Set<ChildProcess>();
    return {
      display,
      ...size,
      env,
      show: (file, at) => showImage(env, windows, file, at),
      stop: async () => {
        await Promise.all([...windows].map(kill));
        await kill(server);
      },
    };
  }
  throw new Error(`No free X display between :${FIRST} and :${LAST} (see /tmp/.X11-unix).`);
}

async function showImage(
  env: NodeJS.ProcessEnv,
  windows: Set<ChildProcess>,
  file: string,
  at: { x: number; y: number },
): Promise<ShownImage> {
  const title = `authdesk-test-${randomBytes(4).toString('hex')}`;
  // -immutable: no ImageMagick command widget pops up over the picture on a click.
  const child = spawn(
    'display',
    ['-title', title, '-immutable', '-borderwidth', '0', '-geometry', `+${at.x}+${at.y}`, file],
    { env, stdio: 'ignore' },
  );
  windows.add(child);
  child.once('exit', () => windows.delete(child));
  const close = () => kill(child);
  try {
    await waitFor(`the window "${title}" to be viewable`, () => {
      if (child.exitCode !== null) throw new Error(`display exited (${child.exitCode}) showing ${file}`);
      const info = spawnSync('xwininfo', ['-name', title], { env, encoding: 'utf8' });
      return info.status === 0 && info.stdout.includes('IsViewable');
    });
    // Mapped is not painted: wait until the window holds more than one colour.
    await waitFor(`the window "${title}" to be painted`, () => {
      const colours = spawnSync('import', ['-window', title, '-format', '%k', 'info:'], { env, encoding: 'utf8' });
      return colours.status === 0 && Number(colours.stdout.trim()) > 1;
    });
  } catch (err) {
    await close();
    throw err;
  }
  return { title, close };
}
